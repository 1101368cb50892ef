/* Registers the service worker that keeps the rights page readable offline after one visit. */
(function () {
  "use strict";
  var root = document.querySelector("[data-rights-sw]");
  if (!root || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(root.getAttribute("data-rights-sw"), {
    scope: root.getAttribute("data-rights-scope")
  }).then(function () {
    var note = document.getElementById("offline-note");
    if (note) note.hidden = false;
  }).catch(function () { /* offline reading is a bonus; the page works without it */ });
})();
