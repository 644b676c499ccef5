// Measures our app and its SurveyJS twin in one Chromium, the same way for
// both, and prints the raw measurements as JSON on stdout for `cargo xtask
// bench web`, which serves the two pages, sizes the saved response bodies
// and prints the comparison. Progress goes to stderr.
//
// - Transfers: one unthrottled session per page records every response
//   (bodies saved to BENCH_BODIES) until the first control shows and the
//   network is quiet (the first load), then answers every question and
//   records on until the result sheet / completed page.
// - Time to the first enabled control: BENCH_RUNS cold loads per page (a
//   fresh context each), alternating the two pages, at 4× CPU slowdown;
//   milliseconds since navigation start, taken in the page.
// - P3: BENCH_CLICKS clicks on answers per page at 4× CPU slowdown (mouse
//   events at the answer's middle, the button held BENCH_PRESS_MS), each
//   timed in the page from the click event (the release) to the first
//   change inside the progress indicator; then as many with the button
//   released the instant it is pressed (Playwright's default).
//
// Requests to other origins are refused (Playwright route abort) and
// counted: the twin's default theme asks Google Fonts for Open Sans.
// Service workers are blocked: our app's worker precaches the whole site
// for offline use after the first load, which is no part of these figures.
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ours, twin } from "./pages.mjs";
import { chromiumLaunchOptions } from "../../e2e/chromium.mjs";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this through \`cargo xtask bench web\``);
  return value;
}

const URLS = { ours: required("BENCH_OURS_URL"), twin: required("BENCH_TWIN_URL") };
const BODIES = required("BENCH_BODIES");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 9);
const PRESS_MS = Number(required("BENCH_PRESS_MS"));
const SLOWDOWN = 4;
// Quiet network: no request in flight for this long.
const QUIET_MS = 500;
const STEP_TIMEOUT_MS = 60_000;

const log = (line) => process.stderr.write(`bench web: ${line}\n`);

// Installed in every page before its own scripts: records when the first
// control exists and is enabled, and times one click at a time to the next
// change inside the progress indicator.
function instrument({ control, progress }) {
  const bench = { control: null, clickAt: null };
  let controlShown;
  bench.controlShown = new Promise((resolve) => (controlShown = resolve));
  let progressChanged = null;
  const insideProgress = (record) => {
    const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    return node?.closest(progress) != null;
  };
  new MutationObserver((records) => {
    const now = performance.now();
    if (bench.control === null) {
      const element = document.querySelector(control);
      if (element && !element.disabled) {
        bench.control = now;
        controlShown(now);
      }
    }
    if (progressChanged && bench.clickAt !== null && records.some(insideProgress)) {
      progressChanged(now - bench.clickAt);
      progressChanged = null;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // The first click event after arming (a label's, before the one the
  // browser then sends to its input); its time stamp is the click's.
  addEventListener(
    "click",
    (event) => {
      if (progressChanged && bench.clickAt === null) bench.clickAt = event.timeStamp;
    },
    true,
  );
  bench.arm = () => {
    bench.clickAt = null;
    bench.progressUpdated = new Promise((resolve, reject) => {
      progressChanged = resolve;
      setTimeout(() => reject(new Error("the progress indicator did not change within 20 s")), 20_000);
    });
  };
  window.__bench = bench;
}

const browser = await chromium.launch(chromiumLaunchOptions);

// A fresh context (cold cache, empty storage) for `app`, refusing and
// counting requests to any other origin.
async function open(app, blocked) {
  const origin = new URL(URLS[app.name]).origin;
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, serviceWorkers: "block" });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      blocked.count++;
      blocked.urls.add(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  await context.addInitScript(instrument, { control: app.firstControl, progress: app.progress });
  const page = await context.newPage();
  return { context, page };
}

async function slowDown(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
}

// Waits until no request has been in flight for QUIET_MS.
function quietNetwork(page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta) => () => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on("request", change(1));
  page.on("requestfinished", change(-1));
  page.on("requestfailed", change(-1));
  return async () => {
    const started = Date.now();
    while (inFlight > 0 || Date.now() - lastChange < QUIET_MS) {
      if (Date.now() - started > STEP_TIMEOUT_MS) throw new Error(`${inFlight} requests still in flight`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}

// The first visible, unanswered question on the page: its position among
// the page's questions and how to answer it.
function nextUnanswered(page, app) {
  return page.evaluate((selector) => {
    const questions = [...document.querySelectorAll(selector)];
    for (const [index, question] of questions.entries()) {
      if (question.getClientRects().length === 0) continue;
      if (question.querySelector("input:checked")) continue;
      const number = question.querySelector("input[type=number]");
      if (number) {
        if (number.value !== "") continue;
        return { index, number: { min: number.min, max: number.max } };
      }
      const count = question.querySelectorAll("input[type=radio], input[type=checkbox]").length;
      if (count > 0) return { index, count };
    }
    return null;
  }, app.question);
}

// A choice that depends on the answer's position, as the e2e page object
// picks, so both pages get the same answers to the same questions.
const pick = (position, count) => (position * 2 + 1) % count;

function choiceLabel(page, app, next, position) {
  return page
    .locator(app.question)
    .nth(next.index)
    .locator("label:has(input[type=radio]), label:has(input[type=checkbox])")
    .nth(pick(position, next.count));
}

// Scrolls `locator` into view and waits two frames, as Playwright's own
// click waits for a stable target before it clicks.
async function settled(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// A pointer click at the middle of `locator`, as a user makes it: the
// same mouse events as `locator.click()`, without the hit-target check that
// Playwright runs inside the page on each of them (script of its own on the
// page's main thread, within the time measured: about 5 ms a click at 4×),
// the button held `pressMs`.
async function userClick(page, locator, pressMs) {
  const box = await locator.boundingBox();
  if (box === null) throw new Error("the answer to click is not shown");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: pressMs });
}

async function fillNumber(page, app, next) {
  const min = next.number.min === "" ? 0 : Number(next.number.min);
  const max = next.number.max === "" ? Infinity : Number(next.number.max);
  const input = page.locator(app.question).nth(next.index).locator("input[type=number]");
  await input.fill(String(Math.min(max, Math.max(min, 3))));
  // SurveyJS keeps a typed value once the field loses focus.
  await input.blur();
}

// Goes to the next page and waits until it shows: a question that was not
// on the page before, or the end.
async function turnPage(page, app) {
  await page.evaluate((selector) => {
    for (const question of document.querySelectorAll(selector)) question.dataset.benchSeen = "";
  }, app.question);
  await app.nextPage(page);
  await page.waitForFunction(
    ({ question, done }) =>
      document.querySelector(done) !== null ||
      [...document.querySelectorAll(question)].some((element) => !("benchSeen" in element.dataset)),
    { question: app.question, done: app.done },
  );
}

async function answerEverything(page, app) {
  let position = 0;
  for (let steps = 0; steps < 400; steps++) {
    if ((await page.$(app.done)) !== null) return position;
    const next = await nextUnanswered(page, app);
    if (next === null) await turnPage(page, app);
    else if (next.number) await fillNumber(page, app, next);
    else await choiceLabel(page, app, next, position).click();
    if (next !== null) position++;
  }
  throw new Error(`${app.name}: no end after 400 steps`);
}

// Saves each response's body and lists them.
async function saved(responses, prefix) {
  const list = [];
  for (const [index, response] of responses.entries()) {
    let file = null;
    try {
      const body = await response.body();
      file = `${prefix}-${index}.bin`;
      writeFileSync(join(BODIES, file), body);
    } catch {
      // No body kept (a redirect, an aborted request): nothing was sent.
    }
    list.push({ url: response.url(), status: response.status(), file });
  }
  return list;
}

async function transfers(app) {
  const blocked = { count: 0, urls: new Set() };
  const { context, page } = await open(app, blocked);
  const responses = [];
  page.on("response", (response) => responses.push(response));
  const quiet = quietNetwork(page);
  await page.goto(URLS[app.name]);
  await page.evaluate(() => window.__bench.controlShown);
  await quiet();
  const firstLoad = responses.length;
  const firstLoadBlocked = blocked.count;
  await app.toQuestions(page, URLS[app.name]);
  const answers = await answerEverything(page, app);
  await quiet();
  const all = await saved(responses, app.name);
  await context.close();
  log(`${app.name}: ${answers} answers, ${all.length} responses (${firstLoad} in the first load)`);
  return {
    firstLoad: all.slice(0, firstLoad),
    diagnosis: all,
    blocked: { firstLoad: firstLoadBlocked, diagnosis: blocked.count, urls: [...blocked.urls] },
  };
}

async function firstControl(app, blocked) {
  const { context, page } = await open(app, blocked);
  await slowDown(context, page);
  await page.goto(URLS[app.name], { waitUntil: "commit" });
  const ms = await page.evaluate(() => window.__bench.controlShown);
  await context.close();
  return ms;
}

async function answerLatency(app, blocked, pressMs) {
  const { context, page } = await open(app, blocked);
  await page.goto(URLS[app.name]);
  await app.toQuestions(page, URLS[app.name]);
  await slowDown(context, page);
  const samples = [];
  let position = 0;
  while (samples.length < CLICKS) {
    if ((await page.$(app.done)) !== null) throw new Error(`${app.name}: ran out of questions`);
    const next = await nextUnanswered(page, app);
    if (next === null) {
      await turnPage(page, app);
      continue;
    }
    if (next.number) {
      await fillNumber(page, app, next);
    } else {
      const label = choiceLabel(page, app, next, position);
      await settled(page, label);
      await page.evaluate(() => window.__bench.arm());
      await userClick(page, label, pressMs);
      samples.push(await page.evaluate(() => window.__bench.progressUpdated));
    }
    position++;
  }
  await context.close();
  return samples;
}

const report = {};
try {
  for (const app of [ours, twin]) {
    log(`${app.name}: first load and a whole diagnosis`);
    report[app.name] = { ...(await transfers(app)), firstControlMs: [], p3Ms: [], p3InstantMs: [] };
  }
  const timedBlocked = { ours: { count: 0, urls: new Set() }, twin: { count: 0, urls: new Set() } };
  for (let run = 1; run <= RUNS; run++) {
    for (const app of [ours, twin]) {
      const ms = await firstControl(app, timedBlocked[app.name]);
      report[app.name].firstControlMs.push(ms);
      log(`${app.name}: first control in ${ms.toFixed(1)} ms (load ${run} of ${RUNS}, ${SLOWDOWN}× CPU)`);
    }
  }
  const show = (samples) => samples.map((ms) => ms.toFixed(1)).join(", ");
  for (const app of [ours, twin]) {
    report[app.name].p3Ms = await answerLatency(app, timedBlocked[app.name], PRESS_MS);
    log(`${app.name}: answer to progress in ${show(report[app.name].p3Ms)} ms (held ${PRESS_MS} ms)`);
    report[app.name].p3InstantMs = await answerLatency(app, timedBlocked[app.name], 0);
    log(`${app.name}: answer to progress in ${show(report[app.name].p3InstantMs)} ms (released at once)`);
  }
  for (const app of [ours, twin]) {
    const { count, urls } = timedBlocked[app.name];
    const blocked = report[app.name].blocked;
    blocked.timed = count;
    blocked.urls = [...new Set([...blocked.urls, ...urls])];
  }
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(report)}\n`);
