// `npm start`: the whole local start on a fresh clone: database ready (migrated, studies loaded, demo
// data on an empty database), a production build when the sources changed, then scripts/serve.ts.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "@/db/prepare";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo-accounts";
import { localAuthSecret } from "./auth-secret";
import { runWithDatabase } from "./run-with-database";

const port = process.env.PORT ?? "3000";
const env = { ...process.env, AUTH_SECRET: localAuthSecret(), NEXT_TELEMETRY_DISABLED: "1" };
const nextBin = path.resolve("node_modules/next/dist/bin/next");

const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "next.config.ts",
  "package-lock.json",
];
const STAMP_FILE = ".next/yardstick-sources";

/** Every source file's path and modification time: a deleted or added file changes it too. */
function sourceStamp(): string {
  const entries: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (!stat.isDirectory()) return void entries.push(`${p}:${stat.mtimeMs}`);
    for (const name of readdirSync(p)) walk(path.join(p, name));
  };
  SOURCES.forEach(walk);
  return createHash("sha256").update(entries.sort().join("\n")).digest("hex");
}

function buildIsCurrent(stamp: string): boolean {
  return existsSync(".next/BUILD_ID") && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, "utf8") === stamp;
}

async function main() {
  await runWithDatabase(async (open) => {
    const what = await prepareDatabase(open, { demo: process.env.YARDSTICK_DEMO !== "0" });
    console.log(`Database ready (${open.label}): ${what}.`);
  });
  if (process.exitCode) return;

  const stamp = sourceStamp();
  if (!buildIsCurrent(stamp)) {
    console.log("Building the app (next build)...");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) {
      process.exitCode = build.status ?? 1;
      return;
    }
    writeFileSync(STAMP_FILE, stamp);
  }

  // scripts/serve.ts rather than `next start`: it tells the app each connection's real address.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...env, PORT: port },
  });
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
