/* Service worker of public worker pages ({{ cache }}), see wegweiser/core/offline.py.
   Pages: network first (fresh when online), the saved copy when offline. A page is saved only when
   the server marked the response as public ({{ header }}), and the first copy is fetched without
   cookies. Style sheets and scripts: cache first. Nothing personal is stored. */
"use strict";
var CACHE = "{{ cache }}";
var PREFIX = "{{ family }}";  // older caches of this family are deleted on activation
var PAGES = {{ pages|safe }};
var ASSETS = {{ assets|safe }};
var HEADER = "{{ header }}";

function savable(response) {
  return response && response.ok && response.headers.get(HEADER) === "public";
}

// The first copy of each page is fetched without cookies: nothing of a logged-in visit is kept.
function precache(cache) {
  var pages = PAGES.map(function (page) {
    return fetch(page, { credentials: "omit" }).then(function (response) {
      if (savable(response)) return cache.put(page, response);
    });
  });
  return Promise.all(pages.concat([cache.addAll(ASSETS)]));
}
{% include "core/sw_lifecycle.js" %}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = sameOriginGet(request);
  if (!url) return;
  if (PAGES.indexOf(url.pathname) >= 0) {
    event.respondWith(fetch(request).then(function (response) {
      // Only the page itself is kept, not a filtered variant (?needs=…).
      if (!url.search && savable(response)) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(url.pathname, copy); }));
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) { return cache.match(url.pathname); }).then(function (cached) {
        return cached || Response.error();
      });
    }));
    return;
  }
  if (ASSETS.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(url.pathname);
    }).then(function (cached) { return cached || fetch(request); }));
  }
});
