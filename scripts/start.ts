// `npm start`: the whole local start on a fresh clone: database ready (migrated, studies loaded, demo
// data on an empty database), a production build when the sources changed, then `next start`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "@/db/prepare";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo-accounts";
import { localAuthSecret } from "./auth-secret";
import { runWithDatabase } from "./run-with-database";

const port = process.env.PORT ?? "3000";
const env = { ...process.env, AUTH_SECRET: localAuthSecret(), NEXT_TELEMETRY_DISABLED: "1" };
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function newestSourceTime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return false;
  const sources = ["app", "components", "lib", "db", "next.config.ts", "package-lock.json"].map((p) =>
    existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestSourceTime(p),
  );
  return statSync(buildId).mtimeMs > Math.max(...sources);
}

async function main() {
  await runWithDatabase(async (open) => {
    const what = await prepareDatabase(open, { demo: process.env.YARDSTICK_DEMO !== "0" });
    console.log(`Database ready (${open.label}): ${what}.`);
  });
  if (process.exitCode) return;

  if (!buildIsCurrent()) {
    console.log("Building the app (next build)...");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) {
      process.exitCode = build.status ?? 1;
      return;
    }
  }

  const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: ["ignore", "pipe", "inherit"], env });
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("Ready")) {
      console.log(`\nYardstick is running at http://localhost:${port}`);
      console.log(`Demo sign-in: ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}  (admin: ${DEMO_USERS[1].email}, same password)\n`);
    }
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
