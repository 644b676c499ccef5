// A dashboard count worker: counts its share of a ZIP archive's results
// with the tools wasm the page has already compiled (posted as a
// WebAssembly.Module, not fetched again), fetching banks with the page's
// integrity table, and hands back what it read. `cargo xtask dist` puts
// this file at the site's root, so `banks/…` and `pkg-tools/…` resolve here
// as they do on the page. See web/src/screens/tools/dashboard/workers.rs.
self.onmessage = async ({ data }) => {
  try {
    globalThis.shindanIntegrity = data.integrity;
    const tools = await import("./pkg-tools/shindan.js");
    await tools.default({ module_or_path: data.module });
    const part = await tools.count_archive_part(
      data.file,
      data.part,
      data.parts,
      data.lang,
      (done, total) => self.postMessage({ done, total }),
    );
    self.postMessage({ part }, [part.buffer]);
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
