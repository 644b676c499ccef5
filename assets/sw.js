// Service worker: keeps the sheet working with no network after the first
// visit (a kiosk at a booth). `cargo xtask dist` fills in the version and
// the file list with each file's sha384, and writes this file to the site's
// root as sw.js.
//
// Updates never lose saved answers (they live in localStorage, not here)
// and never leave the app half-updated: a new version's files go into a new
// cache, and the old cache is deleted only once the new one is complete.
// Each file is fetched past the HTTP cache (`cache: "reload"`: an ordinary
// server lets browsers keep an old copy for days) and checked against this
// version's hash; one wrong file fails the install, and the old version
// keeps serving until the next try.
const VERSION = "__SHINDAN_VERSION__";
const CACHE = `shindan-${VERSION}`;
const FILES = __SHINDAN_FILES__;

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      Object.entries(FILES).map(async ([url, integrity]) => {
        const response = await fetch(new Request(url, { cache: "reload", integrity }));
        if (!response.ok) {
          throw new Error(`${url}: HTTP ${response.status}`);
        }
        await cache.put(url, response);
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
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
