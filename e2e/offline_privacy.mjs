// The journeys of issue 5: nothing leaves the browser, the sheet works
// offline and from one file, a kiosk forgets its visitor, the QR hand-off
// carries the result, and hostile text stays text.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SheetPage } from "./sheet_page.mjs";
import { serveFolder } from "./static_server.mjs";

const repo = process.env.SHINDAN_REPO ?? process.cwd();
const dist = join(repo, "dist");
const COMPANY = { industry: "retail", employees: 4, capital: 300, prefecture: "saga" };

async function completeSmall(sheet, query = "") {
  await sheet.open(query);
  await sheet.start();
  await sheet.fillProfile(COMPANY);
  await sheet.toQuestions();
  await sheet.answerEverything();
}

/// Records CSP violations from the very start of every page.
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

function filesUnder(root, prefix = "") {
  return readdirSync(join(root, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [path];
  });
}

export const offlinePrivacyTests = [
  {
    name: "the whole journey stays on its own origin: no other request, no CSP violation, no cookie",
    async run({ page, context, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      const requests = [];
      context.on("request", (request) => requests.push(request.url()));
      await watchCsp(page);
      const sheet = new SheetPage(page, baseUrl);
      await completeSmall(sheet);
      await sheet.download("export-json");
      await sheet.switchLanguage();
      await page.waitForSelector("[data-testid=qr]");
      const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:"));
      assert.deepEqual(foreign, [], "requests to other origins");
      assert.ok(requests.some((url) => url.includes("banks/small.bin")), "the bank came from the same origin");
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(await context.cookies(), []);
      const csp = await page.getAttribute("meta[http-equiv=Content-Security-Policy]", "content");
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
      assert.match(csp, /default-src 'none'/);
      assert.match(await page.getAttribute("script[src='assets/boot.js']", "integrity"), /^sha384-/);
    },
  },
  {
    name: "SHA256SUMS lists every file of dist/ with its hash",
    async run() {
      const listed = new Map(
        readFileSync(join(dist, "SHA256SUMS"), "utf8")
          .trim()
          .split("\n")
          .map((line) => line.split(/\s+/).reverse()),
      );
      const files = filesUnder(dist).filter((file) => file !== "SHA256SUMS");
      assert.deepEqual([...listed.keys()].sort(), files.sort());
      for (const file of files) {
        const digest = createHash("sha256").update(readFileSync(join(dist, file))).digest("hex");
        assert.equal(listed.get(file), digest, file);
      }
    },
  },
  {
    name: "after a first visit the sheet works offline, and an update keeps the answers",
    async run({ page, context }) {
      const site = mkdtempSync(join(tmpdir(), "shindan-site-"));
      cpSync(dist, site, { recursive: true });
      const server = await serveFolder(site);
      try {
        const sheet = new SheetPage(page, server.url);
        await sheet.open();
        await page.evaluate(() => navigator.serviceWorker.ready);
        await sheet.start();
        await sheet.fillProfile(COMPANY);
        await sheet.toQuestions();
        await sheet.answerPage();
        const answered = await sheet.checkedInputs();
        await page.reload();
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        await context.setOffline(true);
        await page.reload();
        await page.waitForSelector("fieldset.question");
        assert.deepEqual(await sheet.checkedInputs(), answered, "offline reload resumes");
        await context.setOffline(false);

        const before = await page.evaluate(() => caches.keys());
        const worker = readFileSync(join(site, "sw.js"), "utf8");
        writeFileSync(join(site, "sw.js"), worker.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        await page.waitForFunction(
          (old) => caches.keys().then((keys) => keys.length === 1 && keys[0] !== old[0]),
          before,
          { timeout: 20000 },
        );
        await page.evaluate(() => navigator.serviceWorker.ready);
        await page.reload();
        await page.waitForSelector("fieldset.question");
        assert.deepEqual(await sheet.checkedInputs(), answered, "answers survive the update");
      } finally {
        server.close();
        rmSync(site, { recursive: true, force: true });
      }
    },
  },
  {
    name: "a kiosk idle reset leaves no answer in any storage",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open("?mode=kiosk&idle=2&countdown=2");
      assert.equal(await page.$("[data-testid=import-result]"), null, "no file dialogs in a kiosk");
      await sheet.start();
      await sheet.fillProfile(COMPANY);
      await sheet.toQuestions();
      await sheet.answerPage();
      await page.evaluate(() => {
        sessionStorage.setItem("probe", "visitor");
        indexedDB.open("probe-db");
      });
      assert.ok(await page.evaluate(() => localStorage.length) > 0, "answers were saved before the reset");
      await page.waitForSelector("[data-testid=idle-overlay]", { timeout: 5000 });
      assert.match(await page.textContent("[data-testid=idle-overlay]"), /続けますか/);
      await page.waitForSelector("[data-testid=start]", { timeout: 8000 });
      await page.waitForFunction(() => indexedDB.databases().then((list) => list.length === 0));
      assert.equal(await page.evaluate(() => localStorage.length), 0);
      assert.equal(await page.evaluate(() => sessionStorage.length), 0);
      const cached = await page.evaluate(async () => {
        const urls = [];
        for (const key of await caches.keys()) {
          for (const request of await (await caches.open(key)).keys()) urls.push(new URL(request.url).pathname);
        }
        return urls;
      });
      const shipped = new Set(["/", ...filesUnder(dist).map((file) => `/${file}`)]);
      assert.deepEqual(cached.filter((path) => !shipped.has(path)), [], "caches hold only the app's own files");
    },
  },
  {
    name: "kiosk: answering resets the idle timer, and the result has a QR but no file dialogs or links",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await completeSmall(sheet, "?mode=kiosk&idle=60");
      assert.ok(await page.isVisible("[data-testid=qr]"));
      for (const testid of ["print", "export-json", "export-csv", "import-result"]) {
        assert.equal(await page.$(`[data-testid=${testid}]`), null, `${testid} is hidden in a kiosk`);
      }
      assert.equal(await page.$$eval("[data-testid=next-steps] a", (links) => links.length), 0);
    },
  },
  {
    name: "the QR hand-off opens the same result on a phone; a damaged link says so",
    async run({ page, browser, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await completeSmall(sheet);
      const summary = await sheet.resultSummary();
      const url = await page.getAttribute("[data-testid=qr]", "data-url");
      assert.match(url, /#r2\./);
      assert.ok(url.startsWith(new URL(baseUrl).origin));
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
      try {
        const handheld = await phone.newPage();
        await handheld.goto(url);
        await handheld.waitForSelector("[data-testid=result-sheet]");
        assert.deepEqual(await new SheetPage(handheld, baseUrl).resultSummary(), summary);
        const [address, fragment] = url.split("#");
        const middle = Math.floor(fragment.length / 2);
        const flipped = fragment[middle] === "A" ? "B" : "A";
        for (const damaged of [
          `${fragment.slice(0, middle)}${flipped}${fragment.slice(middle + 1)}`,
          fragment.slice(0, fragment.length - 5),
        ]) {
          const other = await phone.newPage();
          await other.goto(`${address}#${damaged}`);
          const notice = await other.waitForSelector("[data-testid=notice]");
          assert.match(await notice.textContent(), /開けませんでした/);
          assert.match(await notice.textContent(), /damaged/);
          assert.equal(await other.$("[data-testid=result-sheet]"), null);
          await other.close();
        }
      } finally {
        await phone.close();
      }
    },
  },
  {
    name: "hostile text in a bank and in an imported file renders inert",
    async run({ page, baseUrl }) {
      const dialogs = [];
      page.on("dialog", async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await watchCsp(page);
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open("?mode=author");
      await page.waitForSelector("[data-testid=bank-source]");
      const source = await page.inputValue("[data-testid=bank-source]");
      const hostile = source
        .replace(/^title: \{ja: [^,]+,/m, 'title: {ja: "<img src=x onerror=alert(1)>",')
        .replace(/text: \{ja: ([^,]+),/, 'text: {ja: "</script><script>alert(2)</script>",')
        .replace(/help: \{ja: ([^,]+),/, 'help: {ja: "javascript:alert(3)",');
      await page.fill("[data-testid=bank-source]", hostile);
      await page.click("[data-testid=try-bank]");
      await page.waitForSelector("fieldset.question");
      assert.match(await page.textContent("fieldset.question legend"), /<\/script><script>alert\(2\)<\/script>/);
      await sheet.answerEverything();
      assert.match(await page.textContent("#page-heading"), /<img src=x onerror=alert\(1\)>/);
      const hostileFile = JSON.stringify({
        schema: 1, engine: "x", bank: { id: "<img src=x onerror=alert(4)>", version: "1", tier: "small" },
        date: "2026-01-01", label: "</script><script>alert(5)</script>",
        answers: { "<img src=x onerror=alert(6)>": "javascript:alert(7)" },
        dimensions: [], overall: { score: null, level: null }, completeness: 0, gates: [], recommendations: [],
      });
      await sheet.importFile("hostile.json", hostileFile);
      assert.match(await sheet.notice(), /<img src=x onerror=alert\(4\)>/);
      assert.equal(await page.$$eval("img", (images) => images.length), 0, "no element was created from text");
      assert.deepEqual(dialogs, []);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    },
  },
  {
    name: "dist/shindan-offline.html runs from file:// with no server",
    async run({ page }) {
      await watchCsp(page);
      const requests = [];
      page.on("request", (request) => requests.push(request.url()));
      const sheet = new SheetPage(page, "");
      await page.goto(`file://${join(dist, "shindan-offline.html")}`);
      await page.waitForSelector("[data-testid=start]");
      await sheet.start();
      await sheet.fillProfile({ industry: "manufacturing", employees: 120, capital: 5000 });
      await sheet.toQuestions();
      await sheet.answerEverything();
      assert.equal((await sheet.resultSummary()).length, 10);
      assert.deepEqual(requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:")), []);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    },
  },
];
