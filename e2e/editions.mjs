// Issue 10 in the browser: law applied only where it binds, 地域の人事部
// first where the call names the gap, next steps capped, and a result of
// the earlier edition that still opens, prints and compares.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SheetPage } from "./sheet_page.mjs";

const repo = process.env.SHINDAN_REPO ?? process.cwd();
const OLD_RESULT = readFileSync(join(repo, "tests/results/small-2026.1.json"), "utf8");

/// Answers every page up to the gates page (the last page of questions).
async function toGatesPage(sheet, page) {
  for (let guard = 0; guard < 40; guard++) {
    if (await page.$("fieldset.gate")) return;
    await sheet.answerPage();
    await sheet.next();
  }
  throw new Error("never reached the gates page");
}

function file(name, value) {
  return { name, mimeType: "application/json", buffer: Buffer.from(value) };
}

export const editionTests = [
  {
    name: "a midsize retailer of 60 is not asked the duties of 101 or more, and sees the law's basis",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open();
      await sheet.start();
      // Retail above 50 workers and ¥50M capital: 中堅 (no longer an SME).
      await sheet.fillProfile({ industry: "retail", employees: 60, capital: 10000, prefecture: "fukuoka" });
      assert.match(await sheet.tierShown(), /中堅/);
      await sheet.toQuestions();
      await toGatesPage(sheet, page);
      for (const duty of ["g_women_action_plan", "g_women_disclosure", "g_next_generation", "g_male_leave_disclosure"]) {
        assert.equal(await page.$(`fieldset[data-gate=${duty}]`), null, `${duty} is asked of a retailer of 60`);
      }
      for (const duty of ["g_disability", "g_stress_check", "g_minimum_wage"]) {
        assert.ok(await page.$(`fieldset[data-gate=${duty}]`), `${duty} is not asked`);
      }
      assert.match(await page.textContent("fieldset[data-gate=g_minimum_wage] [data-testid=gate-figure]"), /福岡県の最低賃金: 時間額1,057円/);
      assert.match(await page.textContent("fieldset[data-gate=g_disability] .basis"), /障害者の雇用の促進等に関する法律 第43条第1項（2026年7月1日から）/);
      assert.match(await page.textContent("[data-testid=as-of]"), /この版は2026年12月1日時点の法令に基づきます/);
      // Answer "no" to every duty asked, then read the sheet.
      for (const no of await page.$$("fieldset.gate input[value=no]")) await no.check();
      await sheet.next();
      await page.waitForSelector("[data-testid=result-sheet]");
      assert.match(await page.textContent("[data-testid=as-of]"), /2026年12月1日/);
      assert.ok(await page.$("[data-testid=gate-findings] [data-gate=g_disability] [data-testid=gate-basis]"));
      assert.equal(await page.$("[data-testid=gate-findings] [data-gate=g_women_disclosure]"), null);
      assert.match(await page.textContent("[data-testid=gates-not-applicable]"), /男女の賃金の差異と女性管理職比率を公表していますか/);
    },
  },
  {
    name: "a Saga company weak on support sees the regional HR network first, five steps and the rest folded",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open();
      await sheet.start();
      await sheet.fillProfile({ industry: "services", employees: 4, capital: 300, prefecture: "saga" });
      await sheet.toQuestions();
      await sheet.answerEverything(() => 0);
      const first = await page.$eval("[data-testid=next-steps] > li", (step) => ({
        rule: step.dataset.recommendation,
        program: step.querySelector("[data-program]")?.dataset.program,
      }));
      assert.deepEqual(first, { rule: "small-support-regional-hr-first", program: "regional-hr" });
      assert.equal((await page.$$("[data-testid=next-steps] > li")).length, 5);
      assert.ok(await page.$("[data-testid=more-steps]"), "the other steps are one click away");
      // A closed program (the step 1 seminar of this fiscal year) is never shown.
      assert.equal(await page.$("[data-program=dx-seminar]"), null);
    },
  },
  {
    name: "a result of edition 2026.1 opens, prints and compares with a 2026.2 result",
    async run({ page, browser, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open();
      await sheet.importFile("small-2026.1.json", OLD_RESULT);
      await page.waitForSelector("[data-testid=result-sheet]");
      assert.match(await page.textContent("[data-testid=result-bank]"), /small 2026\.1/);
      assert.match(await page.textContent("[data-testid=superseded]"), /2026\.1版の質問票/);
      assert.equal(await page.$("[data-testid=next-steps]"), null, "old programs are not recommended");
      const levels = JSON.parse(OLD_RESULT).dimensions.map((d) => String(d.level));
      assert.deepEqual((await sheet.resultSummary()).map((row) => row.level), levels);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 2, `printed on ${pages} A4 pages`);
      await page.emulateMedia({ media: "screen" });

      // A 2026.2 visit of the same company, then both in consultation mode.
      const context = await browser.newContext({ acceptDownloads: true });
      let current;
      try {
        const other = new SheetPage(await context.newPage(), baseUrl);
        await other.open();
        await other.start();
        await other.fillProfile({ industry: "construction", employees: 12, capital: 300, prefecture: "kumamoto" });
        await other.toQuestions();
        await other.answerEverything();
        current = JSON.parse((await other.download("export-json")).bytes.toString("utf8"));
      } finally {
        await context.close();
      }
      current.date = "2026-12-10";
      current.label = JSON.parse(OLD_RESULT).label;
      await sheet.open("?mode=consult");
      await page.waitForSelector("[data-testid=consultation]");
      await page.setInputFiles("[data-testid=open-results]", [
        file("old.json", OLD_RESULT),
        file("new.json", JSON.stringify(current)),
      ]);
      await page.waitForSelector("[data-testid=editions-differ]");
      assert.match(await page.textContent("[data-testid=editions-differ]"), /2026\.1 → 2026\.2/);
      const flagged = await page.$$eval("[data-testid=deltas] tr[data-questions-changed=true]", (rows) => rows.length);
      assert.ok(flagged > 0, "the areas whose questions changed are marked");
    },
  },
];
