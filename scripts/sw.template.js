// Service worker of Go Deploy Playground, generated at build time by scripts/post_build.py.
// Precaches every file of the site under one version; serves the site from that cache (so a
// page never mixes two deploys); a new deploy installs in the background and waits until the
// learner chooses to reload (sw-register.js shows the notice).
const VERSION = "__VERSION__";
const CACHE = "gdp-" + VERSION;
const FILES = [
  __FILES__
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("gdp-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "version" && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Hash routes mean every page is index.html.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("./index.html")).then((hit) => hit || fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request))
  );
});
