// `npm start`: the whole local start on a fresh clone: database ready (migrated, studies loaded, demo
// data on an empty database), a production build when the sources changed, then scripts/serve.ts.
import { spawn } from "node:child_process";
import { prepareDatabase } from "@/db/prepare";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo-accounts";
import { localAuthSecret } from "./auth-secret";
import { buildIfStale } from "./build-stamp";
import { runWithDatabase } from "./run-with-database";

const port = process.env.PORT ?? "3000";
const env = { ...process.env, AUTH_SECRET: localAuthSecret(), NEXT_TELEMETRY_DISABLED: "1" };

async function main() {
  await runWithDatabase(async (open) => {
    const what = await prepareDatabase(open, { demo: process.env.YARDSTICK_DEMO !== "0" });
    console.log(`Database ready (${open.label}): ${what}.`);
  });
  if (process.exitCode) return;

  const build = buildIfStale(env);
  if (build.status !== 0) {
    process.exitCode = build.status;
    return;
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
