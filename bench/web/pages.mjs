// The two pages the web bench compares, each described by the same
// handful of selectors and steps: our app (driven through the e2e page
// object) and the SurveyJS twin generated from the same bank.
import { SheetPage } from "../../e2e/sheet_page.mjs";

// A company of the tier the twin was generated for (question-banks/sme.yaml).
const SME_COMPANY = { industry: "manufacturing", employees: 120, capital: 5000, prefecture: "fukuoka" };

export const ours = {
  name: "ours",
  // The landing page's start button.
  firstControl: "[data-testid=start]",
  progress: "[data-testid=progress]",
  question: "fieldset.question",
  done: "[data-testid=result-sheet]",
  /// From the landing page to the first page of questions of the sme bank.
  async toQuestions(page, baseUrl) {
    const sheet = new SheetPage(page, baseUrl);
    await sheet.start();
    await sheet.fillProfile(SME_COMPANY);
    const tier = await sheet.tierShown();
    if (tier !== "中小企業") throw new Error(`the profile gave the tier ${tier}, not 中小企業`);
    await sheet.toQuestions();
  },
  async nextPage(page) {
    await page.click("[data-testid=next]");
  },
};

export const twin = {
  name: "twin",
  // The first radio of the first question.
  firstControl: "input[type=radio]",
  progress: ".sd-progress",
  question: ".sd-question",
  done: ".sd-completedpage",
  /// The twin opens on its first page of questions.
  async toQuestions(page) {
    await page.waitForSelector(this.question);
  },
  /// 次へ, or 完了 on the last page.
  async nextPage(page) {
    await page
      .locator(".sd-navigation__next-btn:visible, .sd-navigation__complete-btn:visible")
      .first()
      .click();
  },
};
