// wagtail-localize's editor always draws "Stop Synced translation". When the queue's rules
// refuse it to this user, the props carry no URL for it (cms/translation/offered.py): hide the
// button (hidden, not removed: React keeps owning the nodes).
(function () {
  const editor = document.querySelector(".js-translation-editor");
  if (!editor) return;
  const props = JSON.parse(editor.dataset.props || "{}");
  if (!props.links || props.links.stopTranslationUrl) return;
  const selector = 'footer button[data-action~="w-action#post"]:not([data-w-action-url-value])';
  const hide = () => {
    editor.querySelectorAll(selector).forEach((button) => {
      button.hidden = true;
      const item = button.parentElement;
      if (item && item.tagName === "LI") item.hidden = true;
    });
  };
  hide();
  new MutationObserver(hide).observe(editor, { childList: true, subtree: true });
})();
