// Starts the app. `?mode=author` loads the author build (with the YAML
// reader); everyone else gets the smaller first-load build.
const author = new URLSearchParams(location.search).get("mode") === "author";
const booting = document.getElementById("booting");
try {
  const app = await import(author ? "../pkg-author/shindan.js" : "../pkg/shindan.js");
  await app.default();
  booting?.remove();
} catch (error) {
  if (booting) {
    booting.textContent =
      "読み込めませんでした。再読み込みしてください。 / The sheet could not start; please reload.";
    booting.setAttribute("role", "alert");
  }
  throw error;
}
