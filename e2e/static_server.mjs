// A throw-away static server over a folder, for tests that must change the
// served site (an app update) without touching dist/. By default it sends
// `Cache-Control: no-cache`; `{ cacheControl: null }` makes it an ordinary
// server like most hosting (no Cache-Control, Last-Modified from the file's
// time, 304 for If-Modified-Since), whose files browsers keep by heuristic.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".bin": "application/octet-stream",
};

export async function serveFolder(root, { cacheControl = "no-cache" } = {}) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (cacheControl) {
        headers["Cache-Control"] = cacheControl;
      } else {
        const modified = new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000);
        headers["Last-Modified"] = modified.toUTCString();
        const since = Date.parse(request.headers["if-modified-since"] ?? "");
        if (since >= modified.getTime()) {
          response.writeHead(304, headers).end();
          return;
        }
      }
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
