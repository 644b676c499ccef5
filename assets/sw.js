// Service worker: keeps the sheet working with no network after the first
// visit (a kiosk at a booth). `cargo xtask dist` fills in the version and
// the file list and writes this file to the site's root as sw.js.
//
// Updates never lose saved answers (they live in localStorage, not here)
// and never leave the app half-updated: a new version's files go into a new
// cache, and the old cache is deleted only once the new one is complete.
const VERSION = "__SHINDAN_VERSION__";
const CACHE = `shindan-${VERSION}`;
const FILES = __SHINDAN_FILES__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("shindan-") && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // Pages are looked up without their query (?mode=kiosk is the same page).
  const options = { ignoreSearch: request.mode === "navigate" };
  // Looked up in every cache (not opened by name): a worker still running
  // while its successor activates must not re-create its deleted cache.
  event.respondWith(caches.match(request, options).then((hit) => hit ?? fetch(request)));
});
