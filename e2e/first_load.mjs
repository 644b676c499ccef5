// The journeys of issue 15's first load: a first visit downloads the frame
// and the landing page only; the other screens are a module of their own,
// fetched when the visitor reaches for a button, checked against its
// sha384, and a module that cannot come leaves the visitor a way back.
import assert from "node:assert/strict";
import { SheetPage } from "./sheet_page.mjs";

/// The files of `pkg/` the page asked for, in order.
function pkgRequests(page) {
  const files = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/pkg/")) files.push(path.slice("/pkg/".length));
  });
  return files;
}

export const firstLoadTests = [
  {
    name: "a first visit loads the landing page alone; reaching for start fetches the next screens",
    async run({ page, baseUrl }) {
      const files = pkgRequests(page);
      const sheet = new SheetPage(page, baseUrl);
      await sheet.open();
      await page.waitForSelector("[data-testid=start]:enabled");
      await page.waitForLoadState("networkidle");
      assert.deepEqual([...files].sort(), ["__wasm_split.js", "shindan.js", "shindan_bg.wasm"]);
      // The skip link's fragment is no QR link: nothing more is fetched.
      await page.evaluate(() => (location.hash = "#main"));
      await page.waitForLoadState("networkidle");
      assert.deepEqual([...files].sort(), ["__wasm_split.js", "shindan.js", "shindan_bg.wasm"]);

      const sheetModule = page.waitForRequest((request) => request.url().endsWith("/pkg/split_sheet.wasm"));
      await page.hover("[data-testid=start]");
      const request = await sheetModule;
      assert.ok((await request.response())?.ok(), "the sheet module arrived");
      await sheet.start();
      assert.equal(files.filter((file) => file === "split_sheet.wasm").length, 1, "fetched once");
    },
  },
  {
    name: "an altered module is refused, the page says so and leads back, and the next try loads it",
    allowsProblems: true,
    async run({ browser, baseUrl }) {
      // The service worker would answer from its own checked copy, out of
      // the route's reach.
      const context = await browser.newContext({ serviceWorkers: "block" });
      try {
        await alteredModuleIsRefused(await context.newPage(), baseUrl);
      } finally {
        await context.close();
      }
    },
  },
];

/// Serves the sheet module with one byte changed, then as it is.
async function alteredModuleIsRefused(page, baseUrl) {
  const altered = async (route) => {
    const response = await route.fetch();
    const bytes = Buffer.from(await response.body());
    bytes[bytes.length - 1] ^= 0xff;
    await route.fulfill({ response, body: bytes });
  };
  await page.route("**/pkg/split_sheet.wasm", altered);
  const sheet = new SheetPage(page, baseUrl);
  await sheet.open();
  await page.click("[data-testid=start]");
  const alert = page.locator("[data-testid=part-unavailable]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /読み込めませんでした/);
  assert.equal(await page.locator("[data-testid=employees]").count(), 0);

  await page.unroute("**/pkg/split_sheet.wasm", altered);
  await alert.locator("button").click();
  await sheet.start();
  await sheet.fillProfile({ industry: "retail", employees: 4 });
  assert.equal(await sheet.tierShown(), "小規模事業者");
}
