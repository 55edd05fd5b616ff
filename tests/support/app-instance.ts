import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** Whether a production build (`next build`, as `npm start` and the browser tests make) is in .next. */
export function productionBuildExists(): boolean {
  return existsSync(".next/BUILD_ID");
}

/** A TCP port on the loopback address that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type AppInstance = { url: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts the production build with scripts/serve.ts (as `npm run serve` does) on `port`, and resolves
 * once it prints "Ready"; rejects with its output if it exits first or is not ready in `timeoutMs`.
 */
export function startAppInstance(port: number, env: Record<string, string>, timeoutMs = 120_000): Promise<AppInstance> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the app on port ${port} was not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready on")) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, output: () => output, stop });
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the app on port ${port} exited (${code}) before it was ready:\n${output}`));
    });
  });
}
