// The fresh, instrumented page every journey starts from. Chromium itself
// is launched by Playwright Test (playwright.config.mjs).

// A fresh context (empty storage) with every console error, page error and
// failed request recorded, so a test can assert there were none.
export async function openPage(browser, { width = 1000, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // A request cut short by the page's own navigation (a reload while the
    // favicon loads) is a cancellation, not a failure.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { context, page, problems };
}
