/* Service worker of the "Know your rights" pages ({{ version }}). Scope: this municipality's rights
   pages in one language. Pages: network first (always fresh when online), the cached copy when
   offline. Style sheets and the script: cache first. Nothing personal is stored. */
"use strict";
var CACHE = "rights-{{ version }}";
var PAGES = {{ pages|safe }};
var PREFIX = "rights-{{ version|slice:':2' }}-";
var ASSETS = {{ assets|safe }};
var PRECACHE = PAGES.concat(ASSETS);
{% include "core/sw_lifecycle.js" %}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = sameOriginGet(request);
  if (!url) return;
  if (PAGES.indexOf(url.pathname) >= 0) {
    event.respondWith(fetch(request).then(function (response) {
      if (response && response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname);
    }));
    return;
  }
  if (ASSETS.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(url.pathname).then(function (cached) {
      return cached || fetch(request);
    }));
  }
});
