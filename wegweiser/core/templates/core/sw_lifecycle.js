/* What every service worker of Wegweiser does (included by worktime/sw.js and core/offline_sw.js,
   which declare CACHE, PREFIX and a function precache(cache) first): fill CACHE at install with
   precache(cache); on activation delete the older caches of the same worker, those whose names
   start with PREFIX; sameOriginGet(request) is the request's URL when it is a GET to this site,
   otherwise null (left to the network). */
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(precache).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key.indexOf(PREFIX) === 0 && key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function sameOriginGet(request) {
  if (request.method !== "GET") return null;
  var url = new URL(request.url);
  return url.origin === self.location.origin ? url : null;
}
