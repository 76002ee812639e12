// wagtail-localize's editor renders every text with the admin's language and direction. Give
// the fields where translators type (and their previews) the target locale's lang and dir, so
// Farsi or Arabic reads right to left with its punctuation in place.
// Wagtail puts editor scripts before the page content: start once the document is parsed.
(function (script) {
  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    const props = JSON.parse(editor.dataset.props || "{}");
    const code = props.locale && props.locale.code;
    const rtl = (script.dataset.rtl || "").split(" ").includes(code);
    if (!code) return;
    const mark = (root) => {
      root.querySelectorAll("textarea, input[type=text]").forEach((field) => {
        field.lang = code;
        field.dir = rtl ? "rtl" : "ltr";
      });
    };
    editor.dataset.targetLang = code;
    editor.dataset.targetDir = rtl ? "rtl" : "ltr";
    mark(editor);
    new MutationObserver(() => mark(editor)).observe(editor, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(document.currentScript);
