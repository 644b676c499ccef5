// Browser end-to-end tests of the self-diagnosis sheet in headless Debian
// Chromium. Run by `cargo xtask test` with SHINDAN_URL (the built site,
// served from dist/) and SHINDAN_REPO (for the real `shindan` CLI).
//
//   node e2e/run.mjs [name-filter]
import { launch, openPage } from "./browser.mjs";
import { journeyTests } from "./journey.mjs";
import { offlinePrivacyTests } from "./offline_privacy.mjs";
import { peerTests } from "./peers.mjs";
import { consultationTests } from "./consultation.mjs";
import { dashboardTests } from "./dashboard.mjs";
import { editionTests } from "./editions.mjs";
import { realConditionsTests } from "./real_conditions.mjs";

// Without a trailing slash: tests append "/?mode=…" themselves.
const baseUrl = (process.env.SHINDAN_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const filter = process.argv[2] ?? "";
const tests = [...journeyTests, ...offlinePrivacyTests, ...peerTests, ...consultationTests, ...dashboardTests, ...realConditionsTests, ...editionTests].filter((test) => test.name.includes(filter));

const { browser, close } = await launch();
let failed = 0;
for (const test of tests) {
  const started = Date.now();
  const { context, page, problems } = await openPage(browser, test.viewport);
  try {
    await test.run({ page, context, baseUrl, problems, browser });
    if (!test.allowsProblems && problems.length > 0) {
      throw new Error(`console or network problems:\n  ${problems.join("\n  ")}`);
    }
    console.log(`ok   ${test.name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${test.name}\n  ${String(error.stack ?? error).split("\n").join("\n  ")}`);
    await page.screenshot({ path: `target/e2e-failure-${test.name.replace(/\W+/g, "-")}.png`, fullPage: true }).catch(() => {});
  } finally {
    await context.close();
  }
}
await close();
console.log(`\ne2e: ${tests.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
