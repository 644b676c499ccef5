// Issue 6 for support institutions: a consultant opens a company's results
// and sees what moved between visits, the trend, and keeps notes.
import assert from "node:assert/strict";
import { SheetPage } from "./sheet_page.mjs";

const COMPANY = { industry: "services", employees: 3, prefecture: "oita" };

/// One diagnosis answered with `pick`, exported, dated `date`.
async function resultOn(browser, baseUrl, date, pick, company = COMPANY) {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    const sheet = new SheetPage(page, baseUrl);
    await sheet.open();
    await sheet.start();
    await sheet.fillProfile(company);
    await sheet.toQuestions();
    await sheet.answerEverything(pick);
    const result = JSON.parse((await sheet.download("export-json")).bytes.toString("utf8"));
    result.date = date;
    return result;
  } finally {
    await context.close();
  }
}

function file(name, value) {
  return { name, mimeType: "application/json", buffer: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)) };
}

export const consultationTests = [
  {
    name: "a consultant compares two visits, sees the trend, and keeps notes in the file",
    async run({ page, browser, baseUrl }) {
      const first = await resultOn(browser, baseUrl, "2026-01-15", () => 0);
      const middle = await resultOn(browser, baseUrl, "2026-06-15", (i, n) => (i + 1) % n);
      const last = await resultOn(browser, baseUrl, "2026-11-20", (i, n) => n - 1);
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open("?mode=consult");
      await page.waitForSelector("[data-testid=consultation]");
      await page.setInputFiles("[data-testid=open-results]", [
        file("last.json", last),
        file("broken.json", "{not json"),
        file("first.json", first),
        file("middle.json", middle),
      ]);
      await page.waitForSelector("[data-testid=compare]");
      assert.match(await page.textContent("[data-testid=refused]"), /broken\.json/);
      assert.equal((await page.$$("[data-testid=loaded] li")).length, 3);
      for (const after of last.dimensions) {
        const before = first.dimensions.find((d) => d.id === after.id);
        const cell = await page.getAttribute(`[data-testid=deltas] tr[data-dimension="${after.id}"] td.delta`, "data-delta");
        if (before.score === null || after.score === null) {
          assert.equal(cell, "–");
        } else {
          const expected = Math.round((after.score - before.score) * 10) / 10;
          assert.equal(Number(cell), expected, `${after.id}: ${cell} vs ${expected}`);
        }
      }
      const addressed = first.recommendations.filter((id) => !last.recommendations.includes(id));
      const shown = await page.$$eval("[data-testid=addressed] li", (items) => items.map((li) => li.dataset.recommendation));
      assert.deepEqual(shown, addressed);
      // The earlier visit is drawn by its scores: a point per area (all at the
      // centre when it scored 0 everywhere).
      const previous = await page.getAttribute("[data-testid=radar-previous]", "points");
      assert.equal(previous.trim().split(" ").length, first.dimensions.length, "before is drawn on the radar");
      const pointsPerLine = await page.$$eval("[data-testid=trend] polyline", (lines) =>
        lines.map((line) => line.getAttribute("points").trim().split(" ").length),
      );
      assert.ok(pointsPerLine.some((n) => n === 3), `trend lines: ${pointsPerLine}`);
      // One small chart per area (no ten lines crossing in one), levels as bands.
      assert.equal(await page.locator("[data-testid=trend] figure.trend-chart").count(), last.dimensions.length);
      assert.equal(await page.locator("[data-testid=trend] figure.trend-chart").first().locator("rect.band").count(), 5);

      await page.fill("#note-hiring", "求人票の見直しを11月に実施");
      const saved = await sheet.download("save-notes");
      const withNotes = JSON.parse(saved.bytes.toString("utf8"));
      assert.equal(withNotes.notes.hiring, "求人票の見直しを11月に実施");
      assert.equal(withNotes.schema, 1);
      await page.setInputFiles("[data-testid=open-results]", [file("first.json", first), file("notes.json", withNotes)]);
      await page.waitForFunction(() => document.querySelector("#note-hiring")?.value === "求人票の見直しを11月に実施");
      await page.emulateMedia({ media: "print" });
      assert.ok(await page.isVisible("[data-testid=trend]"));
      assert.ok(!(await page.isVisible("[data-testid=save-notes]")));
    },
  },
  {
    name: "another company's file is held back until the adviser leaves it out or confirms it",
    async run({ page, browser, baseUrl }) {
      const first = await resultOn(browser, baseUrl, "2026-01-15", () => 0);
      const last = await resultOn(browser, baseUrl, "2026-11-20", (i, n) => n - 1);
      const other = await resultOn(browser, baseUrl, "2026-06-15", (i, n) => (i + 1) % n, { ...COMPANY, prefecture: "saga" });
      const sheet = new SheetPage(page, baseUrl);
      const openAll = async () => {
        await sheet.open("?mode=consult");
        await page.waitForSelector("[data-testid=consultation]");
        await page.setInputFiles("[data-testid=open-results]", [
          file("a.json", first),
          file("b.json", other),
          file("c.json", last),
        ]);
        await page.waitForSelector("[data-testid=suspect]");
      };
      await openAll();
      assert.match(await page.textContent("[data-testid=suspect]"), /所在地が違います/);
      assert.equal((await page.$$("[data-testid=loaded] li")).length, 2, "the other company is not merged");
      await page.click("[data-testid=suspect-drop]");
      assert.equal(await page.$("[data-testid=suspect]"), null);
      assert.equal((await page.$$("[data-testid=loaded] li")).length, 2);

      await openAll();
      await page.click("[data-testid=suspect-confirm]");
      assert.equal(await page.$("[data-testid=suspect]"), null);
      assert.equal((await page.$$("[data-testid=loaded] li")).length, 3, "confirmed as the same company");
    },
  },
  {
    name: "a target and two actions set on the sheet are saved, re-opened, and followed up at the next visit",
    async run({ page, browser, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open();
      await sheet.start();
      await sheet.fillProfile(COMPANY);
      await sheet.toQuestions();
      await sheet.answerEverything(() => 0);
      // A target for one area and two of the suggested next steps.
      await page.selectOption("[data-testid=target-hiring]", "3");
      const steps = await page.$$eval("[data-testid=next-steps] > li", (items) => items.map((li) => li.dataset.recommendation));
      assert.ok(steps.length >= 2, `next steps: ${steps}`);
      const [first, second] = steps;
      await page.check(`[data-testid=plan-${first}]`);
      await page.check(`[data-testid=plan-${second}]`);
      await page.fill(`[data-testid=who-${first}]`, "総務 山田");
      await page.dispatchEvent(`[data-testid=who-${first}]`, "change");
      await page.fill(`[data-testid=by-${first}]`, "2027-03-31");
      await page.dispatchEvent(`[data-testid=by-${first}]`, "change");
      assert.equal(await page.locator("[data-testid=plan] .plan-actions li").count(), 2);
      assert.match(await page.textContent("[data-testid=plan]"), /総務 山田/);

      const saved = JSON.parse((await sheet.download("export-json")).bytes.toString("utf8"));
      assert.deepEqual(saved.plan.targets, { hiring: 3 });
      assert.deepEqual(saved.plan.actions, [
        { recommendation: first, who: "総務 山田", by: "2027-03-31" },
        { recommendation: second },
      ]);
      // Re-opened after starting over, the plan is back on the sheet.
      await sheet.startOver();
      await page.waitForSelector("[data-testid=start]");
      await sheet.importFile("visit-1.json", JSON.stringify(saved));
      await page.waitForSelector("[data-testid=plan]");
      assert.equal(await page.inputValue("[data-testid=target-hiring]"), "3");
      assert.ok(await page.isChecked(`[data-testid=plan-${first}]`));
      // A plan that does not fit the question set is refused, answers untouched.
      const wrong = { ...saved, plan: { targets: { hiring: 9 }, actions: [] } };
      await sheet.importFile("wrong-plan.json", JSON.stringify(wrong));
      assert.match(await sheet.notice(), /plan\.targets\.hiring: level 9/);
      assert.equal(await page.inputValue("[data-testid=target-hiring]"), "3");

      // The next visit, better in every area, followed up in consultation mode.
      const later = await resultOn(browser, baseUrl, "2026-12-20", (i, n) => n - 1);
      const earlier = { ...saved, date: "2026-06-20" };
      await sheet.open("?mode=consult");
      await page.waitForSelector("[data-testid=consultation]");
      await page.setInputFiles("[data-testid=open-results]", [file("visit-1.json", earlier), file("visit-2.json", later)]);
      await page.waitForSelector("[data-testid=follow-up]");
      const reached = later.dimensions.find((d) => d.id === "hiring").level;
      assert.equal(
        await page.getAttribute("[data-testid=follow-up-targets] tr[data-dimension=hiring]", "data-met"),
        String(reached >= 3),
      );
      const actions = await page.$$eval("[data-testid=follow-up-actions] li", (items) =>
        items.map((li) => [li.dataset.action, li.dataset.done]),
      );
      assert.deepEqual(
        actions,
        [first, second].map((id) => [id, String(!later.recommendations.includes(id))]),
      );
      assert.match(await page.textContent("[data-testid=follow-up-actions]"), /総務 山田/);
    },
  },
  {
    name: "a company that grew into another size is compared on the areas both sheets share, and the page says so",
    async run({ page, browser, baseUrl }) {
      const small = await resultOn(browser, baseUrl, "2026-01-15", () => 0);
      const grown = await resultOn(browser, baseUrl, "2026-11-20", (i, n) => n - 1, { ...COMPANY, employees: 30 });
      assert.equal(small.bank.tier, "small");
      assert.equal(grown.bank.tier, "sme");
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open("?mode=consult");
      await page.waitForSelector("[data-testid=consultation]");
      await page.setInputFiles("[data-testid=open-results]", [file("2026-01.json", small), file("2026-11.json", grown)]);
      // Only the headcount changed: the same company, not held back.
      await page.waitForSelector("[data-testid=editions-differ]");
      assert.equal(await page.$("[data-testid=suspect]"), null);
      assert.match(await page.textContent("[data-testid=editions-differ]"), /小規模事業者 2026\.2 → 中小企業 2026\.2/);
      assert.equal((await page.$$("[data-testid=loaded] li")).length, 2);
      assert.equal(await page.locator("[data-testid=deltas] tbody tr").count(), grown.dimensions.length);
    },
  },
];
