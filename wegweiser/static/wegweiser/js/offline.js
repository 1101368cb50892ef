/* Registers the service worker that keeps a public worker page readable offline after one visit
   (wegweiser/core/offline.py) and then shows the note that says so. A static file because the CSP
   allows no inline script. */
(function () {
  "use strict";
  var note = document.querySelector("[data-offline-sw]");
  if (!note || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(note.getAttribute("data-offline-sw"), {
    scope: note.getAttribute("data-offline-scope")
  }).then(function () {
    note.hidden = false;
  }).catch(function () { /* offline reading is a bonus; the page works without it */ });
})();
