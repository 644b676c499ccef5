// Times the analysts' dashboard in Debian's Chromium for `cargo xtask
// bench`: the files listed in BENCH_LIST (paths, one per line: 10,000
// result files, or one scored survey CSV) picked at once, from the file
// input's `change` event to the summary counting BENCH_N companies in
// group BENCH_GROUP (`section[data-group=…][data-n=…]`), timed inside the
// page; also the longest gap between two animation frames meanwhile (how
// long the page was unresponsive at worst). Median of BENCH_RUNS fresh
// pages, unthrottled (the figure analysts wait for on an office PC), each
// picked 1 s after the dashboard shows.
// With BENCH_DROP set, the folder holding the listed files is dropped on
// the dashboard instead (walked by the page), timed from the drop event.
// With BENCH_FLOOR set, no app: a bare page reads the same files with
// `File.text()`, 500 at a time as the dashboard does, and nothing else —
// what the browser alone takes to hand over their bytes (other ways of
// reading them took as long; BENCHMARKS.md).
// Prints JSON on stdout.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { chromiumLaunchOptions } from "../e2e/chromium.mjs";
import { zip } from "../e2e/zip.mjs";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this through \`cargo xtask bench\``);
  return value;
}

const URL_ = required("BENCH_URL");
const LISTED = readFileSync(required("BENCH_LIST"), "utf8").split("\n").filter(Boolean);
// With BENCH_ZIP (a path): the listed files are zipped into one archive
// there, in a folder `results/`, and the archive is picked instead.
let archiveBytes = null;
if (process.env.BENCH_ZIP) {
  const archive = zip(LISTED.map((path) => ({ name: `results/${basename(path)}`, text: readFileSync(path) })));
  writeFileSync(process.env.BENCH_ZIP, archive);
  archiveBytes = archive.length;
}
const FILES = process.env.BENCH_ZIP ? [process.env.BENCH_ZIP] : LISTED;
const DROP = Boolean(process.env.BENCH_DROP);
const FOLDER = dirname(LISTED[0]);
if (DROP && !LISTED.every((path) => dirname(path) === FOLDER)) throw new Error("BENCH_DROP: the listed files are not in one folder");
// With BENCH_NO_WORKERS set: the count workers' script answers 404, so the
// page reads an archive itself (as where workers cannot start).
const NO_WORKERS = Boolean(process.env.BENCH_NO_WORKERS);
const FLOOR = Boolean(process.env.BENCH_FLOOR);
const GROUP = required("BENCH_GROUP");
const N = Number(required("BENCH_N"));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SETTLE_MS = 1000;
const log = (line) => process.stderr.write(`bench dashboard: ${line}\n`);

// In the page before its scripts: the time of the input's change event and
// of the first moment the summary counts every file.
function instrument({ selector }) {
  const bench = { picked: null, summarised: null, longestFrameGap: 0 };
  window.__bench = bench;
  let lastFrame = null;
  // The clock when each frame's callback runs, not the frame's own time
  // stamp: the first frame after the pick is stamped before the pick
  // (Chromium was busy creating the picked files), which would count
  // Playwright's work as the app's.
  const frame = () => {
    const now = performance.now();
    if (bench.picked !== null && bench.summarised === null) {
      if (lastFrame !== null) bench.longestFrameGap = Math.max(bench.longestFrameGap, now - lastFrame);
      lastFrame = now;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener(
    "change",
    (event) => {
      if (event.target?.dataset?.testid === "open-many" && bench.picked === null) bench.picked = performance.now();
    },
    true,
  );
  document.addEventListener(
    "drop",
    () => {
      if (bench.picked === null) bench.picked = performance.now();
    },
    true,
  );
  if (selector === null) return;
  new MutationObserver(() => {
    if (bench.picked !== null && bench.summarised === null && document.querySelector(selector)) {
      bench.summarised = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

// On the bare page: once files are picked, reads each one's text, 500 at
// a time, and marks the moment the last is read, and how many had text.
function readEveryFile() {
  document.querySelector("input").addEventListener("change", async (event) => {
    const files = Array.from(event.target.files);
    let read = 0;
    for (let start = 0; start < files.length; start += 500) {
      const texts = await Promise.all(files.slice(start, start + 500).map((file) => file.text()));
      read += texts.filter((text) => text.length > 0).length;
    }
    window.__bench.read = read;
    window.__bench.summarised = performance.now();
  });
}

const browser = await chromium.launch(chromiumLaunchOptions);
const timings = [];
const gaps = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    if (NO_WORKERS) await page.route("**/count-worker.js", (route) => route.fulfill({ status: 404 }));
    if (FLOOR) {
      await page.setContent('<input type="file" multiple data-testid="open-many">');
      await page.evaluate(instrument, { selector: null });
      await page.evaluate(readEveryFile);
    } else {
      const selector = `section[data-group="${GROUP}"][data-n="${N}"]`;
      await page.addInitScript(instrument, { selector });
      await page.goto(`${URL_}?mode=dashboard`);
      await page.waitForSelector("[data-testid=open-many]");
    }
    // A person takes longer than this to choose files: the pick finds the
    // dashboard settled (its catalogue read, its count workers loaded).
    await page.waitForTimeout(SETTLE_MS);
    if (DROP) {
      // As the journeys drop a folder: Chromium's own drag events.
      const box = await page.locator("[data-testid=dashboard]").boundingBox();
      const cdp = await context.newCDPSession(page);
      const data = { items: [], files: [FOLDER], dragOperationsMask: 1 };
      for (const type of ["dragEnter", "dragOver", "drop"]) {
        await cdp.send("Input.dispatchDragEvent", { type, x: box.x + 50, y: box.y + 50, data });
      }
      await cdp.detach();
    } else {
      await page.setInputFiles("[data-testid=open-many]", FILES);
    }
    await page.waitForFunction(() => window.__bench.summarised !== null, null, { timeout: 300_000, polling: 50 });
    const { picked, summarised, longestFrameGap, read } = await page.evaluate(() => window.__bench);
    if (FLOOR && read !== N) throw new Error(`${read} of ${N} files were read`);
    const refused = FLOOR ? 0 : await page.locator("[data-testid=refused] li").count();
    if (refused > 0) throw new Error(`${refused} files or rows were refused`);
    timings.push(summarised - picked);
    gaps.push(longestFrameGap);
    log(`run ${run + 1}: ${(summarised - picked).toFixed(0)} ms, longest frame gap ${longestFrameGap.toFixed(0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  JSON.stringify({ files: FILES.length, archiveBytes, runs: timings, median: median(timings), longestFrameGap: Math.max(...gaps) }),
);
