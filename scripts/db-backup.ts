// `npm run db:backup [-- --out DIR]`: a dated archive of the configured database in DIR (default
// backups/): PGlite's own dump of the embedded database, or pg_dump (custom format) with DATABASE_URL.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupFileName } from "@/db/backup/archive";
import { prepareOutputFolder } from "@/db/backup/files";
import { backupPglite } from "@/db/backup/pglite";
import { backupPostgres } from "@/db/backup/postgres";
import { configuredTarget } from "@/db/backup/target";
import { reportFailure } from "./backup-cli";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
  const target = configuredTarget();
  const file = path.join(prepareOutputFolder(values.out), backupFileName(target.kind, new Date()));
  if (target.kind === "pglite") await backupPglite(target.dir, file);
  else await backupPostgres(target.url, file);
  const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
  console.log(`Backed up the ${target.label} to ${file} (${statSync(file).size} bytes, sha256 ${sha256}).`);
}

main().catch(reportFailure);
