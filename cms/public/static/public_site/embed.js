/* The embed's transcript follows the subtitle language chosen in the player: its text, lang
   and dir are swapped for that track's transcript (same site, no cookies sent). Without
   JavaScript the transcript of the served language stays. */
(function () {
  "use strict";
  var video = document.querySelector("video");
  var box = document.querySelector("[data-transcript-text]");
  if (!video || !box || !video.textTracks) return;
  var elements = Array.prototype.slice.call(video.querySelectorAll("track"));
  var shown = box.getAttribute("lang");
  function load(element) {
    fetch(element.dataset.transcript, { credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (text) {
        box.textContent = "";
        text.split(/\n\s*\n/).forEach(function (paragraph) {
          if (!paragraph.trim()) return;
          var p = document.createElement("p");
          p.textContent = paragraph.trim();
          box.appendChild(p);
        });
        box.lang = element.srclang;
        box.dir = element.dataset.dir || "auto";
      })
      .catch(function () {});
  }
  video.textTracks.addEventListener("change", function () {
    for (var i = 0; i < video.textTracks.length; i++) {
      if (video.textTracks[i].mode === "showing" && elements[i]) {
        if (elements[i].srclang !== shown) {
          shown = elements[i].srclang;
          load(elements[i]);
        }
        return;
      }
    }
  });
})();
