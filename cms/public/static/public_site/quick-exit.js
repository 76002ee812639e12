/* Quick exit (survivor safety): any element marked data-quick-exit, or Esc pressed twice
   within a second, leaves at once for a neutral site. location.replace swaps this page's
   history entry, so Back does not return here; inside a partner's iframe it replaces the
   partner's page (the top window) when the browser allows it, else the frame. */
(function () {
  "use strict";
  function leave(url) {
    document.documentElement.style.visibility = "hidden";
    try {
      window.top.location.replace(url);
    } catch (error) {
      window.location.replace(url);
    }
  }
  function exitLink() {
    return document.querySelector("[data-quick-exit]");
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (!link) return;
    event.preventDefault();
    leave(link.href);
  });
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000 && exitLink()) leave(exitLink().href);
    lastEscape = now;
  });
})();
