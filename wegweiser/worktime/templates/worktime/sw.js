/* Service worker of the work-time calendar ({{ version }}). Scope: {{ shell }} only.
   Everything the app needs is cached at install; afterwards it answers from the cache first and
   refreshes the cache in the background when online. It never touches the worker's entries. */
"use strict";
var CACHE = "worktime-{{ version }}";
var PREFIX = "worktime-{{ version|slice:':2' }}-";
var ASSETS = {{ assets|safe }};
var SHELL = "{{ shell }}";
function precache(cache) { return cache.addAll(ASSETS); }
{% include "core/sw_lifecycle.js" %}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = sameOriginGet(request);
  if (!url) return;
  var isShell = request.mode === "navigate" && url.pathname === SHELL;
  if (!isShell && ASSETS.indexOf(url.pathname) < 0) return;
  var key = isShell ? SHELL : url.pathname;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(key).then(function (cached) {
      var refresh = fetch(request).then(function (response) {
        if (response && response.ok && response.type === "basic") cache.put(key, response.clone());
        return response;
      });
      if (cached) {
        event.waitUntil(refresh.catch(function () {}));
        return cached;
      }
      return refresh;
    });
  }));
});
