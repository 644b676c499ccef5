// Issue 6 for analysts: many results in the dashboard, a broken file among
// them, small groups suppressed, the aggregate exported; 10,000 files; a
// ZIP archive of results; a dropped folder, and one far too large; a scored
// survey CSV.
import assert from "node:assert/strict";
import { shindan } from "./cli.mjs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SheetPage } from "./sheet_page.mjs";
import { zip } from "./zip.mjs";

/// `rows` scored results of synthetic small companies, one JSON text each.
function results(rows, seed) {
  const dir = mkdtempSync(join(tmpdir(), "shindan-dashboard-"));
  const survey = join(dir, "survey.csv");
  writeFileSync(survey, shindan("sample", "--bank", "question-banks/small.yaml", "--rows", String(rows), "--seed", String(seed)));
  return shindan("score", "--bank", "question-banks/small.yaml", "--responses", survey, "--format", "jsonl", "--date", "2026-11-26")
    .trim()
    .split("\n");
}

const asFile = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

async function openDashboard(page, baseUrl) {
  await new SheetPage(page, baseUrl).open("?mode=dashboard");
  await page.waitForSelector("[data-testid=dashboard]");
}

async function waitLoaded(page, total) {
  await page.waitForSelector(`[data-testid=load-progress][data-done="${total}"]`, { timeout: 120000 });
}

/// Drops `paths` (files or folders on disk) on the dashboard: a real drop,
/// as the browser gets it from the desktop (Playwright's own drop carries
/// no folders).
async function dropOnDashboard(page, paths) {
  const box = await page.locator("[data-testid=dashboard]").boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"]) {
    await cdp.send("Input.dispatchDragEvent", { type, x: box.x + 50, y: box.y + 50, data });
  }
  await cdp.detach();
}

export const dashboardTests = [
  {
    name: "the dashboard summarises many results, lists a broken file and suppresses small groups",
    async run({ page, baseUrl }) {
      const lines = results(40, 5);
      await openDashboard(page, baseUrl);
      const files = lines.map((line, i) => asFile(`r${i}.json`, line));
      files.splice(7, 0, asFile("broken.json", '{"schema": 1'));
      // Read as File.text() would: a leading byte order mark is dropped.
      files[3] = asFile("bom.json", `\uFEFF${lines[3]}`);
      // Over the 1 MB a result file may weigh: reading stops there.
      files.push(asFile("huge.json", `${lines[0]}${" ".repeat(1024 * 1024)}`));
      await page.setInputFiles("[data-testid=open-many]", files);
      await waitLoaded(page, files.length);
      const refused = await page.locator("[data-testid=refused] li").allTextContents();
      assert.equal(refused.length, 2, refused.join("\n"));
      assert.match(refused.join("\n"), /broken\.json/);
      assert.match(refused.join("\n"), /huge\.json: 1 MB を超えるため読み込みませんでした/);
      assert.equal(await page.getAttribute("section[data-group=small]", "data-n"), "40");
      const counts = await page.getAttribute("section[data-group=small] tr[data-dimension=hiring] svg.histogram", "data-counts");
      assert.equal(counts.split(",").map(Number).reduce((a, b) => a + b, 0) > 0, true);

      await page.selectOption("[data-testid=group-by]", "prefecture");
      const shown = await page.$$eval("section.aggregate-group", (groups) => groups.map((g) => Number(g.dataset.n)));
      assert.ok(shown.every((n) => n >= 10), `groups shown: ${shown}`);
      const suppressed = await page.textContent("[data-testid=suppressed]");
      const [groups, hidden] = suppressed.match(/\d+/g).map(Number);
      assert.ok(groups > 0, suppressed);
      assert.equal(hidden + shown.reduce((a, b) => a + b, 0), 40, "every result is in a shown or a suppressed group");

      await page.fill("[data-testid=min-group]", "1");
      await page.dispatchEvent("[data-testid=min-group]", "change");
      assert.match(await page.textContent("[data-testid=suppressed]"), /^\D*0\D/);
      await page.selectOption("[data-testid=prefecture-filter]", "saga");
      const sagaOnly = await page.$$eval("section.aggregate-group", (groups) => groups.map((g) => g.dataset.group));
      assert.deepEqual(sagaOnly, ["saga"], "filtered to Saga");
      await page.selectOption("[data-testid=prefecture-filter]", "all");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("[data-testid=export-aggregate]"),
      ]);
      const csv = readFileSync(await download.path());
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.match(csv.toString("utf8"), /group,n,dimension,dimension_n,mean,sd,p25,median,p75/);
    },
  },
  {
    name: "the dashboard reads 10,000 result files with a progress bar",
    async run({ page, baseUrl }) {
      const lines = results(500, 6);
      const files = Array.from({ length: 10000 }, (_, i) => asFile(`r${i}.json`, lines[i % lines.length]));
      await openDashboard(page, baseUrl);
      const started = Date.now();
      await page.setInputFiles("[data-testid=open-many]", files);
      await page.waitForSelector("[data-testid=load-progress]");
      await waitLoaded(page, 10000);
      assert.equal(await page.getAttribute("section[data-group=small]", "data-n"), "10000");
      assert.match(await page.textContent("[data-testid=zip-hint]"), /フォルダーごと ZIP ファイルに圧縮/, "so many files: the faster way is suggested");
      console.log(`     10,000 files read and summarised in ${Date.now() - started} ms`);
    },
  },
  {
    name: "the dashboard counts a ZIP archive of result files in workers, lists what in it is not a result, and reads it alone to the same figures where no worker starts",
    async run({ page, baseUrl }) {
      const lines = results(40, 5);
      // The broken result first and the note last, so that two workers'
      // shares each refuse one and their order shows.
      const archive = zip([
        { name: "結果/broken.json", text: '{"schema": 1' },
        ...lines.map((text, i) => ({ name: `結果/r${i}.json`, text })),
        { name: "結果/メモ.txt", text: "結果ファイルではありません" },
        // What macOS adds when it zips a folder: not meant, not listed.
        { name: "__MACOSX/結果/._r0.json", text: "\u0000\u0005" },
      ]);
      // The archive beside a fake one and a loose result; what the page
      // then shows.
      const read = async (page) => {
        await openDashboard(page, baseUrl);
        await page.evaluate(() => {
          window.__withinSeen = null;
          new MutationObserver(() => {
            const label = document.querySelector("[data-testid=within-progress] label");
            if (label && window.__withinSeen === null) window.__withinSeen = label.textContent;
          }).observe(document, { subtree: true, childList: true });
        });
        await page.setInputFiles("[data-testid=open-many]", [
          { name: "回答.zip", mimeType: "application/zip", buffer: archive },
          { name: "not-a-zip.zip", mimeType: "application/zip", buffer: Buffer.from(lines[0]) },
          asFile("loose.json", lines[1]),
        ]);
        await waitLoaded(page, 3);
        await page.waitForSelector('section[data-group=small][data-n="41"]');
        const inOrder = await page.locator("[data-testid=refused] li").allTextContents();
        return {
          within: await page.evaluate(() => window.__withinSeen),
          inOrder,
          refused: [...inOrder].sort(),
          summary: await page.textContent("section[data-group=small]"),
          analysis: await page.textContent("[data-testid=item-analysis]"),
        };
      };
      // The workers a page starts, and the page's word when one fails and
      // it reads the archive itself.
      const watch = (page) => {
        const seen = { urls: [], failed: [] };
        page.on("worker", (worker) => seen.urls.push(worker.url()));
        page.on("console", (message) => message.text().includes("count worker failed") && seen.failed.push(message.text()));
        return seen;
      };
      const workers = watch(page);
      const counted = await read(page);
      assert.ok(workers.urls.length > 0 && workers.urls.every((url) => url.endsWith("/count-worker.js")), `count workers: ${workers.urls}`);
      assert.deepEqual(workers.failed, []);
      assert.equal(await page.locator("[data-testid=zip-hint]").count(), 0, "one archive needs no hint");
      assert.match(counted.within, /^回答\.zip \d+ \/ 42$/, "the archive's own bar counted its files");
      assert.equal(counted.refused.length, 3, counted.refused.join("\n"));
      assert.match(counted.refused[0], /^not-a-zip\.zip: ZIP ファイルとして読めません/);
      assert.match(counted.refused[1], /^回答\.zip:結果\/broken\.json: /);
      assert.match(counted.refused[2], /^回答\.zip:結果\/メモ\.txt: 結果ファイル（\.json）ではないため/);
      assert.match(counted.analysis, /\(n = 41\)/, "the item analysis counted every result's answers");
      assert.deepEqual(
        counted.inOrder.map((line) => line.split(": ")[0]),
        ["回答.zip:結果/broken.json", "回答.zip:結果/メモ.txt", "not-a-zip.zip"],
        "refusals in the archive's order, archives in the order picked",
      );

      // A portal without the workers' script: the page reads the archive
      // itself, to the same figures. (A context of its own: the first
      // page's service worker holds the script and would answer for it.)
      const context = await page.context().browser().newContext({ serviceWorkers: "block" });
      const alone = await context.newPage();
      const aloneWorkers = watch(alone);
      let asked = 0;
      await alone.route("**/count-worker.js", (route) => {
        asked += 1;
        return route.fulfill({ status: 404 });
      });
      const readAlone = await read(alone);
      await context.close();
      assert.ok(asked > 0, "the worker's script was asked for");
      assert.match(aloneWorkers.failed.join("\n"), /did not load/, "the console says why the page read it alone");
      assert.deepEqual(readAlone, counted);

      // A one-core machine: one worker counts the whole archive, as the
      // page would, without the page's pauses for painting.
      const oneCore = await page.context().newPage();
      await oneCore.addInitScript(() => Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => 1 }));
      const oneWorker = watch(oneCore);
      const readByOne = await read(oneCore);
      assert.ok(oneWorker.urls.length > 0, "counted in a worker");
      assert.deepEqual(oneWorker.failed, []);
      assert.deepEqual(readByOne, counted);
    },
  },
  // Chromium hands a dropped folder over as File System Access handles,
  // which the dashboard walks; Firefox and Safari give only the older
  // entries, walked the same way.
  ...[
    ["Chromium's handles", () => {
      const values = FileSystemDirectoryHandle.prototype.values;
      window.__foldersListed = 0;
      FileSystemDirectoryHandle.prototype.values = function () {
        window.__foldersListed++;
        return values.call(this);
      };
    }],
    ["the entries every browser gives", () => {
      delete DataTransferItem.prototype.getAsFileSystemHandle;
      window.__foldersListed = 0;
      // Chromium names no global for a folder entry's class: reach it
      // through the first one handed out.
      const getAsEntry = DataTransferItem.prototype.webkitGetAsEntry;
      DataTransferItem.prototype.webkitGetAsEntry = function () {
        const entry = getAsEntry.call(this);
        const folderEntry = entry?.isDirectory ? Object.getPrototypeOf(entry) : null;
        if (folderEntry && !Object.hasOwn(folderEntry, "__counted")) {
          folderEntry.__counted = true;
          const createReader = folderEntry.createReader;
          folderEntry.createReader = function () {
            window.__foldersListed++;
            return createReader.call(this);
          };
        }
        return entry;
      };
    }],
  ].map(([way, browser]) => ({
    name: `a folder dropped on the dashboard is read with its subfolders, what in it is not a result is listed, and dropped files add to it (${way})`,
    async run({ page, baseUrl }) {
      const lines = results(30, 8);
      const folder = mkdtempSync(join(tmpdir(), "shindan-folder-"));
      mkdirSync(join(folder, "結果", "2026年"), { recursive: true });
      lines.forEach((line, i) => writeFileSync(join(folder, "結果", ...(i < 10 ? ["2026年"] : []), `r${i}.json`), line));
      writeFileSync(join(folder, "結果", "メモ.txt"), "結果ファイルではありません");
      writeFileSync(join(folder, "結果", ".DS_Store"), "\u0000");
      await page.addInitScript(browser);
      await openDashboard(page, baseUrl);
      await dropOnDashboard(page, [join(folder, "結果")]);
      await waitLoaded(page, 30);
      await page.waitForSelector('section[data-group=small][data-n="30"]');
      assert.equal(await page.evaluate(() => window.__foldersListed), 2, `both folders listed through ${way}`);
      const refused = await page.locator("[data-testid=refused] li").allTextContents();
      assert.deepEqual(refused, ["/結果/メモ.txt: 結果ファイル（.json）ではないため読み込みませんでした"], "the note listed, the hidden file not");
      // Files dropped without their folder are read as picked ones are.
      await dropOnDashboard(page, [join(folder, "結果", "r10.json"), join(folder, "結果", "r11.json")]);
      await waitLoaded(page, 2);
      await page.waitForSelector('section[data-group=small][data-n="32"]');
    },
  })),
  {
    name: "a folder of over 100,000 files dropped by mistake is walked no further, and the dashboard says so first",
    async run({ page, baseUrl }) {
      // 120,000 files in two subfolders, the second's all hidden: the walk
      // takes all 60,000 of the one it meets first and stops 40,000 into
      // the other. Hidden files are not listed but count toward the stop,
      // so the stop comes either way.
      const folder = mkdtempSync(join(tmpdir(), "shindan-many-"));
      for (const [sub, prefix] of [["a", ""], ["b", "."]]) {
        mkdirSync(join(folder, "書類", sub), { recursive: true });
        for (let i = 0; i < 60_000; i++) writeFileSync(join(folder, "書類", sub, `${prefix}メモ${i}.txt`), "");
      }
      try {
        await openDashboard(page, baseUrl);
        await page.evaluate(() => {
          window.__walkSaid = [];
          new MutationObserver(() => {
            const said = document.querySelector("[data-testid=walk-progress]")?.textContent;
            if (said && said !== window.__walkSaid.at(-1)) window.__walkSaid.push(said);
          }).observe(document, { subtree: true, childList: true, characterData: true });
        });
        await dropOnDashboard(page, [join(folder, "書類")]);
        // The visible files met left out (all 60,000 of them, or the
        // 40,000 met after the hidden folder), and the word that the walk
        // stopped.
        await page.waitForFunction(
          () => /\((40001|60001)\)$/.test(document.querySelector("[data-testid=refused-count]")?.textContent ?? ""),
          null,
          { timeout: 120_000 },
        );
        const listed = page.locator("[data-testid=refused] li");
        assert.match(
          await listed.first().textContent(),
          /^フォルダーの中のファイルが 100000 を超えたため、そこまでを読み込みました。/,
          "the stop is the first thing listed",
        );
        assert.equal(await listed.count(), 200, "the list shows its first 200");
        assert.match(await listed.nth(1).textContent(), /^\/書類\/a\/メモ\d+\.txt: 結果ファイル/, "hidden files are not listed");
        assert.equal(await page.locator("section[data-group]").count(), 0, "no result was in the folder");
        assert.equal(await page.locator("[data-testid=load-progress]").count(), 0, "nor a bar of nothing read");
        // While it walked, the page said how far it had come.
        const said = await page.evaluate(() => window.__walkSaid);
        const counts = said.map((text) => Number(text.match(/（(\d+) 件）/)?.[1]));
        assert.ok(counts.some((count) => count >= 50_000), `the walk's count moved on: ${said.slice(-3).join(" | ")}`);
        assert.deepEqual(counts, [...counts].sort((a, b) => a - b), "and only forward");
        assert.equal(await page.locator("[data-testid=walk-progress]").count(), 0, "the walk's word is gone once it is done");
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  },
  {
    name: "a scored survey CSV is read as a stream, with its own progress bar",
    async run({ page, baseUrl }) {
      const dir = mkdtempSync(join(tmpdir(), "shindan-scored-"));
      const survey = join(dir, "survey.csv");
      writeFileSync(survey, shindan("sample", "--bank", "question-banks/small.yaml", "--rows", "3000", "--seed", "7"));
      const scored = shindan("score", "--bank", "question-banks/small.yaml", "--responses", survey);
      await openDashboard(page, baseUrl);
      await page.evaluate(() => {
        window.__csvBarSeen = false;
        new MutationObserver(() => {
          if (document.querySelector("[data-testid=within-progress] progress")) window.__csvBarSeen = true;
        }).observe(document, { subtree: true, childList: true });
      });
      await page.setInputFiles("[data-testid=open-many]", [{ name: "scored.csv", mimeType: "text/csv", buffer: Buffer.from(scored) }]);
      await waitLoaded(page, 1);
      await page.waitForSelector('section[data-group=small][data-n="3000"]');
      assert.equal(await page.evaluate(() => window.__csvBarSeen), true, "the CSV's own bar showed while it was read");
      assert.equal(await page.locator("[data-testid=within-progress]").count(), 0, "and is gone once it is read");
      assert.equal(await page.locator("[data-testid=refused] li").count(), 0);
    },
  },
  {
    name: "設問分析 in the dashboard shows the figures `shindan analyze` prints for the same results, and saves the same CSV",
    async run({ page, baseUrl }) {
      const lines = results(60, 9);
      const dir = mkdtempSync(join(tmpdir(), "shindan-analysis-"));
      const jsonl = join(dir, "results.jsonl");
      writeFileSync(jsonl, lines.join("\n") + "\n");
      const cli = JSON.parse(shindan("analyze", jsonl, "--bank", "question-banks/small.yaml", "--format", "json"));
      const cliCsv = shindan("analyze", jsonl, "--bank", "question-banks/small.yaml", "--format", "csv");
      assert.equal(cli.groups.length, 1);
      const [group] = cli.groups;

      await openDashboard(page, baseUrl);
      await page.setInputFiles("[data-testid=open-many]", lines.map((line, i) => asFile(`r${i}.json`, line)));
      await waitLoaded(page, lines.length);
      await page.waitForSelector("[data-testid=item-analysis]");
      const shown = (statistic) => (statistic.value === undefined ? "" : statistic.value.toFixed(3));
      let compared = 0;
      for (const dimension of group.dimensions) {
        const section = `[data-testid=item-analysis] section.analysis-dimension[data-dimension="${dimension.id}"]`;
        assert.equal(await page.getAttribute(section, "data-alpha"), shown(dimension.alpha), `α of ${dimension.id}`);
        for (const question of group.questions.filter((q) => q.dimension === dimension.id)) {
          const row = `${section} tr[data-question="${question.id}"]`;
          assert.equal(await page.getAttribute(row, "data-item-rest"), shown(question.item_rest), `item-rest of ${question.id}`);
          compared++;
        }
      }
      assert.ok(compared >= 10, `${compared} questions compared`);
      assert.equal(await page.locator("[data-testid=analysis-flags] li").count(), group.flags.length);

      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-analysis]")]);
      const csv = readFileSync(await download.path());
      assert.deepEqual(csv, Buffer.from(cliCsv, "utf8"), "the saved CSV is byte for byte the CLI's");
    },
  },
];
