// Starts the app. `?mode=author`, `consult` and `dashboard` load the tools
// build (the YAML reader, consultation and dashboard); everyone else gets the
// smaller first-load build. `cargo xtask dist` fills in INTEGRITY (sha384
// of the wasm and bank files), so a file altered on the way is refused; the
// glue scripts are covered by the import map's integrity in index.html.
const INTEGRITY = /*SHINDAN_INTEGRITY*/ {};

const mode = new URLSearchParams(location.search).get("mode");
const bundle = ["author", "consult", "dashboard"].includes(mode) ? "pkg-tools" : "pkg";
const booting = document.getElementById("booting");
try {
  globalThis.shindanIntegrity = INTEGRITY;
  const app = await import(`../${bundle}/shindan.js`);
  const wasm = `${bundle}/shindan_bg.wasm`;
  const url = new URL(`../${wasm}`, import.meta.url);
  await app.default({ module_or_path: fetch(url, { integrity: INTEGRITY[wasm] ?? "" }) });
  booting?.remove();
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    navigator.serviceWorker.register(new URL("../sw.js", import.meta.url)).catch(() => {});
  }
} catch (error) {
  if (booting) {
    booting.textContent =
      "読み込めませんでした。再読み込みしてください。 / The sheet could not start; please reload.";
    booting.setAttribute("role", "alert");
  }
  throw error;
}
