// Whether the production build (.next) is the build of the current sources, so `npm start`, the
// browser tests and the benchmark build once and share it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

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
export function sourceStamp(): string {
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

export function buildIsCurrent(stamp = sourceStamp()): boolean {
  return existsSync(".next/BUILD_ID") && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, "utf8") === stamp;
}

/** Runs `next build` unless the current build matches the sources; returns whether it built, or the exit status on failure. */
export function buildIfStale(env: NodeJS.ProcessEnv): { built: boolean; status: number } {
  const stamp = sourceStamp();
  if (buildIsCurrent(stamp)) return { built: false, status: 0 };
  console.log("Building the app (next build)...");
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) return { built: false, status: build.status ?? 1 };
  writeFileSync(STAMP_FILE, stamp);
  return { built: true, status: 0 };
}
