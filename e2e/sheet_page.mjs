// Page object of the self-diagnosis sheet: the steps a user takes, named as
// the user would name them. Tests speak through it, not through selectors.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export class SheetPage {
  /// `pointer: true` answers with Playwright's pointer clicks (scrolled into
  /// view, waited on until stable), as a person clicks; the default clicks
  /// the same inputs inside the page, the same events for the app without
  /// the waits, for journeys about what comes after the questions.
  constructor(page, baseUrl, { pointer = false } = {}) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.pointer = pointer;
  }

  async open(query = "") {
    await this.page.goto(`${this.baseUrl}/${query}`);
    await this.page.waitForSelector("main#main");
  }

  async start() {
    await this.page.click("[data-testid=start]");
    await this.page.waitForSelector("[data-testid=employees]");
  }

  async fillProfile({ industry, employees, capital = "", prefecture = "fukuoka" }) {
    await this.page.selectOption("[data-testid=industry]", industry);
    await this.page.fill("[data-testid=employees]", String(employees));
    await this.page.fill("[data-testid=capital]", String(capital));
    await this.page.selectOption("[data-testid=prefecture]", prefecture);
    await this.page.waitForSelector("[data-testid=tier]");
  }

  async tierShown() {
    return (await this.page.textContent("[data-testid=tier] .tier-name")).trim();
  }

  async toQuestions() {
    await this.page.click("[data-testid=profile-next]");
    await this.page.waitForSelector("fieldset.question");
  }

  async heading() {
    return (await this.page.textContent("#page-heading")).trim();
  }

  /// Answers every visible, unanswered question on the page with a choice
  /// that depends on its position (`pick(i, n)` of n inputs), so a run is
  /// varied but repeatable.
  async answerPage(pick = (i, n) => (i * 2 + 1) % n) {
    let position = 0;
    for (;;) {
      // One round trip finds the first unanswered question; answers can
      // reveal questions (show_if), so the page is looked at again after each.
      const next = await this.page.evaluate(() => {
        const sets = [...document.querySelectorAll("fieldset.question")];
        for (const [index, set] of sets.entries()) {
          if (set.querySelector("input:checked")) continue;
          const number = set.querySelector("input[type=number]");
          if (number) {
            if (number.value !== "") continue;
            return { index, number: true };
          }
          const count = set.querySelectorAll("input[type=radio], input[type=checkbox]").length;
          if (count > 0) return { index, count };
        }
        return null;
      });
      if (next === null) return position;
      const value = next.number ? String(3 + position) : null;
      const option = next.number ? null : pick(position, next.count);
      if (this.pointer) {
        const set = this.page.locator("fieldset.question").nth(next.index);
        if (value !== null) await set.locator("input[type=number]").fill(value);
        else await set.locator("input[type=radio], input[type=checkbox]").nth(option).check();
      } else {
        await this.page.evaluate(
          async ({ index, value, option }) => {
            const set = document.querySelectorAll("fieldset.question")[index];
            if (value !== null) {
              const input = set.querySelector("input[type=number]");
              input.value = value;
              input.dispatchEvent(new Event("input", { bubbles: true }));
              input.dispatchEvent(new Event("change", { bubbles: true }));
            } else {
              set.querySelectorAll("input[type=radio], input[type=checkbox]")[option].click();
            }
            // The app's updates run after the event: look again only then.
            await new Promise((resolve) => setTimeout(resolve, 0));
          },
          { index: next.index, value, option },
        );
      }
      position++;
    }
  }

  async next() {
    await this.page.click("[data-testid=next]");
  }

  async onResult() {
    return (await this.page.$("[data-testid=result-sheet]")) !== null;
  }

  /// Answers every page and opens the result sheet.
  async answerEverything(pick) {
    for (let guard = 0; guard < 40 && !(await this.onResult()); guard++) {
      await this.answerPage(pick);
      await this.next();
    }
    await this.page.waitForSelector("[data-testid=result-sheet]");
  }

  async checkedInputs() {
    return this.page.$$eval("fieldset input:checked", (inputs) =>
      inputs.map((input) => `${input.name}=${input.value}`),
    );
  }

  async resultSummary() {
    return this.page.$$eval("[data-testid=dimension-table] tbody tr", (rows) =>
      rows.map((row) => ({
        id: row.dataset.dimension,
        level: row.querySelector("td.level").dataset.level,
        score: row.querySelector("td.score").textContent.trim(),
      })),
    );
  }

  async download(testid) {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.click(`[data-testid=${testid}]`),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  async importFile(name, contents) {
    await this.page.setInputFiles("[data-testid=import-result]", {
      name,
      mimeType: "application/json",
      buffer: Buffer.from(contents),
    });
  }

  async notice() {
    await this.page.waitForSelector("[data-testid=notice]");
    return (await this.page.textContent("[data-testid=notice]")).trim();
  }

  /// 最初からやり直す, confirmed in the page's own dialog.
  async startOver() {
    await this.page.click("[data-testid=start-over]");
    await this.page.click("[data-testid=confirm-start-over] [data-testid=ask-yes]");
  }

  async switchLanguage() {
    await this.page.click("[data-testid=lang-switch]");
  }

  /// axe-core's WCAG 2.1 A and AA violations on the current screen.
  async accessibilityViolations() {
    await this.page.evaluate(AXE_SOURCE);
    return this.page.evaluate(async () => {
      const results = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(" "))
            .join("; ")})`,
      );
    });
  }
}
