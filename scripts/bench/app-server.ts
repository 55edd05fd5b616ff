// One production server of the benchmark: scripts/serve.ts (the production build, as `npm start` serves
// it) on a loopback port, against the database it is given, with SQL timing on.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

export type AppServer = { url: string; stop: () => Promise<void> };

export type AppServerOptions = {
  port: number;
  /** A PostgreSQL URL, or a PGlite folder that no other process has open. */
  database: { url: string } | { pgliteDir: string };
  /** AUDIT_SEAL_INTERVAL_MS for the audit sealer (auditchain branch); unset leaves the app's default. */
  auditSealIntervalMs?: number;
  authSecret?: string;
};

/** One secret per benchmark run: instances over one database must share it to share sessions. */
export const benchAuthSecret = randomBytes(32).toString("base64");

// Servers still running when the benchmark stops (an error, Ctrl-C) are stopped with it.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill("SIGKILL");
    process.exit(130);
  });
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    AUTH_SECRET: options.authSecret ?? benchAuthSecret,
    YARDSTICK_SQL_TIMING: "1",
    YARDSTICK_DEMO: "0",
    DATABASE_URL: "url" in options.database ? options.database.url : "",
  };
  // The scratch database is the only one: no separate migration role, no other PGlite folder.
  delete env.DATABASE_MIGRATION_URL;
  delete env.YARDSTICK_DATA_DIR;
  if ("pgliteDir" in options.database) env.YARDSTICK_DATA_DIR = options.database.pgliteDir;
  if (options.auditSealIntervalMs !== undefined) env.AUDIT_SEAL_INTERVAL_MS = String(options.auditSealIntervalMs);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { stdio: ["ignore", "pipe", "pipe"], env });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const url = `http://127.0.0.1:${options.port}`;
  await waitForReady(child, url);
  return { url, stop: () => stopProcess(child) };
}

function waitForReady(child: ChildProcess, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`The app at ${url} was not ready after 180 s.`)), 180_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(new Error(`${error.message}\n${output.split("\n").slice(-15).join("\n")}`));
    };
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", listen);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => fail(new Error(`The app at ${url} stopped during start-up (exit ${code}).`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
