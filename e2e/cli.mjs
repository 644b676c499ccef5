// The real `shindan` CLI, as the people who analyse results run it. The
// xtask passes the binary it built (SHINDAN_CLI); run from the repository.
import { execFileSync } from "node:child_process";

const repo = process.env.SHINDAN_REPO ?? process.cwd();

export function shindan(...args) {
  const cli = process.env.SHINDAN_CLI;
  if (!cli) throw new Error("SHINDAN_CLI is not set: run the journeys with `cargo xtask e2e`");
  return execFileSync(cli, args, {
    cwd: repo,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "pipe"],
  });
}
