// A dashboard count worker. Its first message loads the tools wasm the page
// has already compiled (posted as a WebAssembly.Module, not fetched again)
// with the page's integrity table for the banks it fetches; the next one
// counts its share of a ZIP archive's results and hands back what it read.
// `cargo xtask dist` puts this file at the site's root, so `banks/…` and
// `pkg-tools/…` resolve here as they do on the page. See
// web/src/screens/tools/dashboard/workers.rs.
let tools = null;
self.onmessage = async ({ data }) => {
  if (data.module) {
    globalThis.shindanIntegrity = data.integrity;
    tools = import("./pkg-tools/shindan.js").then(async (glue) => {
      await glue.default({ module_or_path: data.module });
      return glue;
    });
    // Told when the count asks for it (below).
    tools.catch(() => {});
    return;
  }
  try {
    const glue = await tools;
    const part = await glue.count_archive_part(
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
