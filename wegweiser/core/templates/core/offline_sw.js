/* Service worker of public worker pages ({{ cache }}), see wegweiser/core/offline.py.
   Pages: network first (fresh when online), the saved copy when offline. A page is saved only when
   the server marked the response as public ({{ header }}), and the first copy is fetched without
   cookies. Style sheets and scripts: cache first. Nothing personal is stored. */
"use strict";
var CACHE = "{{ cache }}";
var FAMILY = "{{ family }}";
var PAGES = {{ pages|safe }};
var ASSETS = {{ assets|safe }};
var HEADER = "{{ header }}";

function savable(response) {
  return response && response.ok && response.headers.get(HEADER) === "public";
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    var pages = PAGES.map(function (page) {
      return fetch(page, { credentials: "omit" }).then(function (response) {
        if (savable(response)) return cache.put(page, response);
      });
    });
    return Promise.all(pages.concat([cache.addAll(ASSETS)]));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf(FAMILY) === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
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
