// Issues 6 and 13 in the browser: the result sheet places the company among its
// peers (percentile and 偏差値 against its tier and industry group), shades
// the peers' middle half on the radar, and says when the data is a sample.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SheetPage } from "./sheet_page.mjs";

const repo = process.env.SHINDAN_REPO ?? process.cwd();

/// The distribution of `dimension` in a group of the shipped reference file.
function peerDistribution(tier, industry, dimension) {
  const yaml = readFileSync(join(repo, "question-banks/reference.yaml"), "utf8");
  const group = yaml
    .split("  - tier: ")
    .find((block) => block.startsWith(`${tier}\n    industry: ${industry}\n`));
  assert.ok(group, `no ${tier}/${industry} group in reference.yaml`);
  const line = group.split("\n").find((l) => l.trim().startsWith(`${dimension}:`));
  const field = (name) => Number(line.match(new RegExp(`${name}: ([0-9.]+)`))[1]);
  return { mean: field("mean"), sd: field("sd") };
}

export const peerTests = [
  {
    name: "a demonstration (?demo) shows 偏差値 and percentile among peers, a peer band and the sample-data notice",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open("?demo");
      await sheet.start();
      await sheet.fillProfile({ industry: "retail", employees: 4 });
      await sheet.toQuestions();
      await sheet.answerEverything();
      await page.waitForSelector("[data-testid=peers]");
      assert.match(await page.textContent("[data-testid=peers]"), /卸売・小売業/);
      assert.match(await page.textContent("[data-testid=sample-data]"), /サンプルデータ/);
      assert.ok(await page.isVisible("[data-testid=peer-band]"));
      const row = await page.$("tr[data-dimension=commitment]");
      const score = Number((await (await row.$("td.score")).textContent()).trim());
      const shown = Number(await (await row.$("td.peer")).getAttribute("data-deviation"));
      const { mean, sd } = peerDistribution("small", "commerce", "commitment");
      const expected = 50 + (10 * (score - mean)) / sd;
      assert.ok(Math.abs(shown - expected) < 0.06, `偏差値 ${shown}, expected ${expected.toFixed(2)}`);
      assert.match(await (await row.$("td.peer")).textContent(), /百分位 \d+/);
    },
  },
  {
    name: "the sheet compares no real company with synthetic peers",
    async run({ page, baseUrl }) {
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open();
      await sheet.start();
      await sheet.fillProfile({ industry: "retail", employees: 4 });
      await sheet.toQuestions();
      await sheet.answerEverything();
      // Once the reference file is loaded, the sheet must still show no peers.
      await page.waitForSelector("[data-testid=result-sheet][data-reference=loaded]");
      assert.equal(await page.$("[data-testid=peers]"), null);
      assert.equal(await page.$("[data-testid=peer-band]"), null);
      assert.equal(await page.$("[data-testid=dimension-table] td.peer"), null, "no column of empty peer cells");
      assert.doesNotMatch(await page.textContent("[data-testid=dimension-table] thead"), /同業比較/);
    },
  },
];
