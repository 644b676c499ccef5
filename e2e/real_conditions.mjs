// The kiosk and the offline copy under real conditions: an ordinary web
// server's caching during an update, a visitor who walks away from an open
// question, QR links opened where a diagnosis is already saved, a kiosk
// that must forget everything, and the single file opened from a disk.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SheetPage } from "./sheet_page.mjs";
import { serveFolder } from "./static_server.mjs";

const repo = process.env.SHINDAN_REPO ?? process.cwd();
const dist = join(repo, "dist");
const SMALL = { industry: "retail", employees: 4, capital: 300, prefecture: "saga" };
const SME = { industry: "manufacturing", employees: 120, capital: 5000, prefecture: "oita" };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function filesUnder(root, prefix = "") {
  return readdirSync(join(root, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [path];
  });
}

/// Every file in the service worker's caches: cache name → path → sha256.
async function cachedFiles(page) {
  return page.evaluate(async () => {
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
    const out = {};
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      out[key] = {};
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        out[key][new URL(request.url).pathname] = hex(await crypto.subtle.digest("SHA-256", body));
      }
    }
    return out;
  });
}

/// A new release of `site` as `cargo xtask dist` would make it: the small
/// bank's first question reworded (same byte length, so the bank stays
/// valid), and every file that pins it — boot.js (bank sha384), index.html
/// (boot.js sha384), sw.js (version and, when it lists them, every hash) —
/// rewritten to match. Returns the new question text.
function deployNextVersion(site, question) {
  const changed = [];
  const rewrite = (path, change) => {
    const before = readFileSync(join(site, path));
    const after = change(before);
    writeFileSync(join(site, path), after);
    changed.push([sri(before), sri(after)]);
  };
  const reworded = `★${question.slice(1)}`;
  assert.equal(Buffer.byteLength(reworded), Buffer.byteLength(question), "the rewording keeps the length");
  rewrite("banks/small.bin", (bytes) => {
    const at = bytes.indexOf(Buffer.from(question));
    assert.ok(at >= 0, "the question text is in the bank");
    const next = Buffer.from(bytes);
    Buffer.from(reworded).copy(next, at);
    return next;
  });
  const swap = (text) => changed.reduce((out, [from, to]) => out.replaceAll(from, to), text);
  rewrite("assets/boot.js", (bytes) => swap(bytes.toString("utf8")));
  rewrite("index.html", (bytes) => swap(bytes.toString("utf8")));
  const worker = swap(readFileSync(join(site, "sw.js"), "utf8"));
  writeFileSync(join(site, "sw.js"), worker.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-v2"'));
  return reworded;
}

/// Sets a file's modification time `seconds` into the past.
function age(path, seconds) {
  const when = new Date(Date.now() - seconds * 1000);
  utimesSync(path, when, when);
}

async function toResult(sheet, company, query = "") {
  await sheet.open(query);
  await sheet.start();
  await sheet.fillProfile(company);
  await sheet.toQuestions();
  await sheet.answerEverything();
}

export const realConditionsTests = [
  {
    name: "W1: an update through a server with ordinary caching caches only the new version, and the app loads its new bank",
    async run({ page }) {
      const site = mkdtempSync(join(tmpdir(), "shindan-site-"));
      cpSync(dist, site, { recursive: true });
      // As on a typical host: the bank has not changed for a month, the
      // pages were published a few seconds ago. Browsers then keep the bank
      // for days (a tenth of its age) and the pages for about a second.
      for (const file of filesUnder(site)) age(join(site, file), 10);
      age(join(site, "banks/small.bin"), 30 * 24 * 3600);
      const server = await serveFolder(site, { cacheControl: null });
      try {
        const sheet = new SheetPage(page, server.url);
        await sheet.open();
        await page.evaluate(() => navigator.serviceWorker.ready);
        await sheet.start();
        await sheet.fillProfile(SMALL);
        await sheet.toQuestions();
        const question = (await page.textContent("fieldset.question legend")).trim();
        const [v1] = await eventually(page, 10000, async () => {
          const keys = await page.evaluate(() => caches.keys());
          return keys.length === 1 ? keys : null;
        });

        const reworded = deployNextVersion(site, question);
        await sleep(2500);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));
        // (waitForFunction would take the promise itself for a yes.)
        await eventually(page, 20000, async () => {
          const keys = await page.evaluate(() => caches.keys());
          return keys.length === 1 && keys[0] !== v1 ? keys : null;
        });
        const cached = Object.values(await cachedFiles(page))[0];
        const stale = Object.entries(cached)
          .filter(([path, digest]) => digest !== sha256(readFileSync(join(site, path === "/" ? "index.html" : path))))
          .map(([path]) => path);
        assert.deepEqual(stale, [], "files in the new cache that are not the new version's");
        assert.ok(cached["/banks/small.bin"], "the new cache holds the bank");

        for (const round of [1, 2]) {
          await page.reload();
          await page.waitForSelector("fieldset.question", { timeout: 10000 });
          assert.equal(await page.$("[data-testid=notice]"), null, `no notice after reload ${round}`);
          assert.equal((await page.textContent("fieldset.question legend")).trim(), reworded, "the new bank is shown");
        }
      } finally {
        server.close();
        rmSync(site, { recursive: true, force: true });
      }
    },
  },
  {
    name: "H1: a QR link asks before replacing a diagnosis saved here, leaves the address bar, and a reload keeps later edits",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await toResult(sheet, SMALL);
      const shared = await sheet.resultSummary();
      const link = await page.getAttribute("[data-testid=qr]", "data-url");

      // My own diagnosis, in progress in this browser.
      await page.evaluate(() => localStorage.clear());
      await sheet.open();
      await sheet.start();
      await sheet.fillProfile(SME);
      await sheet.toQuestions();
      await sheet.answerPage();
      const mine = await sheet.checkedInputs();

      // The link opened in a new page load: asked, fragment gone, kept.
      await page.goto("about:blank");
      await page.goto(link);
      await assertAsks(page, "confirm-handoff", /共有された結果を開きますか/);
      assert.equal(await page.evaluate(() => location.hash), "", "the fragment leaves the address bar");
      await page.click("[data-testid=ask-no]");
      await page.waitForSelector("fieldset.question");
      assert.deepEqual(await sheet.checkedInputs(), mine, "my diagnosis is kept");
      await page.reload();
      await page.waitForSelector("fieldset.question");
      assert.equal(await page.$("[data-testid=confirm-handoff]"), null, "a reload does not ask again");
      assert.deepEqual(await sheet.checkedInputs(), mine);

      // Opened on purpose, then edited: a reload keeps the edit.
      await page.goto("about:blank");
      await page.goto(link);
      await assertAsks(page, "confirm-handoff", /共有された結果を開きますか/);
      await page.click("[data-testid=ask-yes]");
      await page.waitForSelector("[data-testid=result-sheet]");
      assert.deepEqual(await sheet.resultSummary(), shared);
      await page.click("[data-testid=edit-answers]");
      await page.waitForSelector("fieldset.question");
      const radios = await page.$$("fieldset.question input[type=radio]:not(:checked)");
      await radios[0].check();
      const edited = await sheet.checkedInputs();
      await page.reload();
      await page.waitForSelector("fieldset.question");
      assert.equal(await page.$("[data-testid=confirm-handoff]"), null);
      assert.deepEqual(await sheet.checkedInputs(), edited, "the edit survives a reload");

      // The link put into the address bar of this running tab (hashchange).
      await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
      await assertAsks(page, "confirm-handoff", /共有された結果を開きますか/);
      assert.equal(await page.evaluate(() => location.hash), "");
      await page.click("[data-testid=ask-yes]");
      await page.waitForSelector("[data-testid=result-sheet]");
      assert.deepEqual(await sheet.resultSummary(), shared);

      // With nothing saved, a running tab opens it without asking.
      await page.evaluate(() => localStorage.clear());
      await sheet.open();
      await page.waitForSelector("[data-testid=start]");
      await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
      await page.waitForSelector("[data-testid=result-sheet]");
      assert.deepEqual(await sheet.resultSummary(), shared);
      assert.equal(await page.evaluate(() => location.hash), "");
    },
  },
  {
    name: "K3: start over asks in the page (labelled, focus in and back), and in a kiosk an unanswered question does not stop the idle reset",
    async run({ page, baseUrl }) {
      const dialogs = [];
      page.on("dialog", async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open();
      await sheet.start();
      await sheet.fillProfile(SMALL);
      await sheet.toQuestions();
      await sheet.answerPage();
      const answered = await sheet.checkedInputs();
      await page.focus("[data-testid=start-over]");
      await page.keyboard.press("Enter");
      await assertAsks(page, "confirm-start-over", /最初からやり直しますか/);
      await page.keyboard.press("Escape");
      await page.waitForSelector("[data-testid=confirm-start-over]", { state: "detached" });
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "start-over", "focus returns");
      assert.equal(await page.$("main[inert]"), null, "the page is usable again");
      assert.deepEqual(await sheet.checkedInputs(), answered, "cancel keeps the answers");
      await page.click("[data-testid=start-over]");
      await page.click("[data-testid=ask-yes]");
      await page.waitForSelector("[data-testid=start]");
      assert.equal(await page.evaluate(() => localStorage.getItem("shindan.session.v1")), null);

      await sheet.open("?mode=kiosk&idle=3&countdown=2");
      await sheet.start();
      await sheet.fillProfile(SMALL);
      await sheet.toQuestions();
      await sheet.answerPage();
      await page.click("[data-testid=start-over]");
      await assertAsks(page, "confirm-start-over", /最初からやり直しますか/);
      // Nobody answers: the idle question comes over it, then the reset.
      await page.waitForSelector("[data-testid=idle-overlay]", { timeout: 6000 });
      await page.waitForSelector("[data-testid=start]", { timeout: 8000 });
      assert.equal(await page.$("[data-testid=confirm-start-over]"), null, "the pending question is gone");
      assert.equal(await page.evaluate(() => localStorage.length), 0);
      assert.equal(await page.$("main[inert]"), null);
      assert.deepEqual(dialogs, [], "no browser dialog");
    },
  },
  {
    name: "K1/K2: a kiosk reset returns to Japanese and a clean address and history, and deletes a database held open and a foreign cache",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open("?mode=kiosk&idle=3&countdown=2");
      await page.evaluate(() => navigator.serviceWorker.ready);
      await sheet.start();
      await sheet.fillProfile(SMALL);
      await sheet.switchLanguage();
      assert.equal(await page.getAttribute("html", "lang"), "en");
      await page.evaluate(async () => {
        history.pushState(null, "", `${location.pathname}${location.search}#visitor`);
        location.hash = "#visitor-2";
        await (await caches.open("visitor-cache")).put("/visitor", new Response("visitor"));
        await new Promise((resolve, reject) => {
          const request = indexedDB.open("visitor-db");
          request.onsuccess = () => {
            window.visitorDb = request.result; // held open, never closed
            resolve();
          };
          request.onerror = reject;
        });
      });
      const clean = await eventually(page, 20000, async () => {
        const state = await page.evaluate(async () => ({
          lang: document.documentElement.lang,
          start: document.querySelector("[data-testid=start]") !== null,
          hash: location.hash,
          search: location.search,
          databases: (await indexedDB.databases()).map((db) => db.name),
          caches: await caches.keys(),
          stored: localStorage.length + sessionStorage.length,
        }));
        const ok = state.lang === "ja" && state.start && state.hash === "" && state.databases.length === 0 &&
          !state.caches.includes("visitor-cache") && state.stored === 0;
        return ok ? state : null;
      });
      assert.match(clean.search, /mode=kiosk/, "still a kiosk");
      const hashes = [];
      for (const step of [-1, 1, 1]) {
        await page.evaluate((delta) => history.go(delta), step).catch(() => {});
        await sleep(400);
        hashes.push(await eventually(page, 5000, () => page.evaluate(() => location.hash)).catch(() => "?"));
      }
      assert.ok(!hashes.some((hash) => hash.startsWith("#visitor")), `history still reaches the visitor's entries: ${hashes}`);
    },
  },
  {
    name: "the kiosk's 続けますか？ takes the focus and gives it back, announces the countdown at its start and at 5 s, and nothing behind it is reachable",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open("?mode=kiosk&idle=2&countdown=9");
      await sheet.start();
      await sheet.fillProfile(SMALL);
      await sheet.toQuestions();
      await page.focus("fieldset.question input");
      await page.evaluate(() => {
        document.activeElement.dataset.probe = "before";
        window.announced = [];
        const region = document.querySelector("[data-testid=idle-announce]");
        new MutationObserver(() => window.announced.push(region.textContent.trim())).observe(region, {
          childList: true, characterData: true, subtree: true,
        });
      });
      await page.waitForSelector("[data-testid=idle-overlay]", { timeout: 5000 });
      await sleep(300);
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "idle-continue", "focus moves in");
      const dialog = await page.$("[data-testid=idle-overlay] [role=alertdialog]");
      assert.equal(await dialog.getAttribute("aria-modal"), "true");
      const title = await page.evaluate(
        (id) => document.getElementById(id)?.textContent,
        await dialog.getAttribute("aria-labelledby"),
      );
      assert.match(title ?? "", /続けますか/);
      assert.equal(await page.getAttribute("[data-testid=idle-announce]", "aria-live"), "assertive");
      const reachable = await page.evaluate(() => {
        const overlay = document.querySelector("[data-testid=idle-overlay]");
        const outside = [...document.querySelectorAll("button, input, select, a[href], [tabindex]")].filter(
          (element) => !overlay.contains(element) && !element.closest("[inert]"),
        );
        document.querySelector("main button")?.focus();
        return { outside: outside.map((element) => element.outerHTML.slice(0, 60)), focus: document.activeElement?.dataset.testid };
      });
      assert.deepEqual(reachable.outside, [], "elements behind the dialog are inert");
      assert.equal(reachable.focus, "idle-continue", "focus cannot leave the dialog");
      await page.waitForFunction(() => window.announced.some((text) => /5 秒/.test(text)), null, { timeout: 8000 });
      const announced = (await page.evaluate(() => window.announced)).filter((text) => text !== "");
      assert.ok(announced.length <= 3, `announced every second: ${announced.join(" | ")}`);
      assert.match(announced[0], /続けますか.*9 秒/);
      await page.keyboard.press("Enter");
      await page.waitForSelector("[data-testid=idle-overlay]", { state: "detached" });
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.probe), "before", "focus goes back");
      assert.equal(await page.$("main[inert], header[inert]"), null);
      await page.waitForSelector("fieldset.question");
    },
  },
  {
    name: "O1: the offline file opened from disk shows no QR code with its file:// path; a kiosk portal gets one",
    async run({ page }) {
      const file = `file://${join(dist, "shindan-offline.html")}`;
      const sheet = new SheetPage(page, "");
      await page.goto(file);
      await page.waitForSelector("[data-testid=start]");
      await sheet.start();
      await sheet.fillProfile(SME);
      await sheet.toQuestions();
      await sheet.answerEverything();
      assert.equal(await page.$("[data-testid=qr]"), null, "no QR code");
      assert.doesNotMatch(await page.content(), /file:\/\//, "the local path is nowhere in the page");
      await page.goto(`${file}?mode=kiosk&portal=${encodeURIComponent("https://shindan.example.jp/")}`);
      await page.waitForSelector("[data-testid=result-sheet]");
      const url = await page.getAttribute("[data-testid=qr]", "data-url");
      assert.match(url, /^https:\/\/shindan\.example\.jp\/#r2\./);
    },
  },
];

/// The page's own question `testid` is showing: an alert dialog labelled by
/// its heading, with the focus on its "no" button and the page behind it
/// inert.
async function assertAsks(page, testid, title) {
  await page.waitForSelector(`[data-testid=${testid}]`, { timeout: 5000 });
  const dialog = await page.$(`[data-testid=${testid}] [role=alertdialog]`);
  assert.ok(dialog, "an alert dialog");
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  const label = await page.evaluate((id) => document.getElementById(id)?.textContent, await dialog.getAttribute("aria-labelledby"));
  assert.match(label ?? "", title);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "ask-no", null, { timeout: 2000 });
  assert.ok(await page.$("main[inert]"), "the page behind is inert");
}

/// Polls `check` (which may fail while the page navigates) until it
/// returns something other than null or undefined.
async function eventually(page, timeout, check) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`not reached in ${timeout} ms${last ? `: ${last.message}` : ""}`);
    await sleep(200);
  }
}
