import { spawn } from "node:child_process";
import path from "node:path";
import { BackupError } from "./errors";

/**
 * Runs pg_dump or pg_restore against `url`. The password goes in PGPASSWORD, never on the command line
 * (where `ps` would show it). YARDSTICK_PG_BIN names the folder of the client programs when the ones on
 * the PATH are not of the server's major version (pg_dump refuses a newer server).
 */
export function runPgTool(tool: "pg_dump" | "pg_restore", url: string, args: string[]): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const bin = process.env.YARDSTICK_PG_BIN ? path.join(process.env.YARDSTICK_PG_BIN, tool) : tool;
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, `--dbname=${parsed.toString()}`], { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${tool} was not found. Install the PostgreSQL client programs of the server's major version ` +
                "(e.g. apt-get install postgresql-client-15), or set YARDSTICK_PG_BIN to their folder."
            : `${tool} could not start: ${error.message}`,
        ),
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}
