// wagtail-localize's editor always draws "Stop Synced translation". When the queue's rules
// refuse it to this user, the props carry no URL for it (cms/translation/offered.py): hide the
// button (hidden, not removed: React keeps owning the nodes), and the actions menu if that
// leaves it empty. Wagtail puts editor scripts before the page content: start once parsed.
(function () {
  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    const props = JSON.parse(editor.dataset.props || "{}");
    if (!props.links || props.links.stopTranslationUrl) return;
    const selector = 'footer button[data-action~="w-action#post"]:not([data-w-action-url-value])';
    const shown = (node) => node.style.display !== "none";
    const hide = () => {
      editor.querySelectorAll(selector).forEach((button) => {
        if (shown(button)) button.style.display = "none";
      });
      editor.querySelectorAll("footer .w-dropdown").forEach((dropdown) => {
        const content = dropdown.querySelector(".w-dropdown__content");
        const empty = content && ![...content.children].some(shown);
        if (empty && shown(dropdown)) dropdown.style.display = "none";
      });
    };
    hide();
    new MutationObserver(hide).observe(editor, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
