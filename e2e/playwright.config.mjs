// Playwright Test runs the journeys of e2e/*.mjs in Debian's Chromium
// (never a downloaded browser), two at a time on a 2-core machine, each with
// its own timeout. A journey that fails runs once more, recording a trace
// (each failure also attaches a screenshot, journeys.spec.mjs), and the run
// fails all the same (failOnFlakyTests):
// recording a trace of every journey in case it fails cost CPU time on
// every run.
// `cargo xtask test` serves dist/ and sets SHINDAN_URL, SHINDAN_REPO and
// SHINDAN_CLI (the `shindan` binary it built).
//
//   npx playwright test -c e2e/playwright.config.mjs [-g name-filter]
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.mjs";

export default defineConfig({
  testDir: ".",
  testMatch: "journeys.spec.mjs",
  fullyParallel: true,
  workers: Number(process.env.SHINDAN_E2E_WORKERS ?? 2),
  // The slowest journey (three diagnoses and a comparison) takes ~45 s
  // alone; a hang must fail the one test, not the whole run.
  timeout: 150_000,
  retries: 1,
  failOnFlakyTests: true,
  forbidOnly: true,
  reporter: [["list"], ["html", { outputFolder: "../target/e2e-report", open: "never" }]],
  outputDir: "../target/e2e-results",
  use: {
    trace: "on-first-retry",
    launchOptions: chromiumLaunchOptions,
  },
});
