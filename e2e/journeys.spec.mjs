// Registers every journey of the suites below as one Playwright test. Each
// gets a fresh context from `openPage` (empty storage, every console error
// and failed request recorded) and fails on any recorded problem unless it
// declares `allowsProblems`.
import { test } from "@playwright/test";
import { openPage } from "./browser.mjs";
import { journeyTests } from "./journey.mjs";
import { offlinePrivacyTests } from "./offline_privacy.mjs";
import { peerTests } from "./peers.mjs";
import { consultationTests } from "./consultation.mjs";
import { dashboardTests } from "./dashboard.mjs";
import { editionTests } from "./editions.mjs";
import { realConditionsTests } from "./real_conditions.mjs";
import { firstLoadTests } from "./first_load.mjs";

// Without a trailing slash: tests append "/?mode=…" themselves.
const baseUrl = (process.env.SHINDAN_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");

const suites = [
  journeyTests,
  offlinePrivacyTests,
  peerTests,
  consultationTests,
  dashboardTests,
  realConditionsTests,
  editionTests,
  firstLoadTests,
];

for (const journey of suites.flat()) {
  test(journey.name, async ({ browser }, testInfo) => {
    const { context, page, problems } = await openPage(browser, journey.viewport);
    try {
      await journey.run({ page, context, baseUrl, problems, browser });
      if (!journey.allowsProblems && problems.length > 0) {
        throw new Error(`console or network problems:\n  ${problems.join("\n  ")}`);
      }
    } catch (error) {
      // The page as it was when the journey failed (the context is closed
      // before Playwright's own screenshot would be taken).
      const screenshot = await page.screenshot({ fullPage: true }).catch(() => null);
      if (screenshot) await testInfo.attach("failure", { body: screenshot, contentType: "image/png" });
      throw error;
    } finally {
      await context.close();
    }
  });
}
