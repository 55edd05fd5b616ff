// `npm run audit:verify`: walks the audit trail's chain (DATABASE_URL's PostgreSQL, else the embedded
// PGlite — stop the app first there, PGlite has one user) and prints "intact: N rows, last sealed at …"
// or the first row that does not match, exiting non-zero then. It records the outcome in
// audit_chain_checks (the admin audit page shows the last one); it changes nothing else.
import { describeChainReport } from "@/db/audit-chain";
import { recordFullCheck } from "@/db/audit-chain-checks";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  const { report, recorded } = await recordFullCheck(open.db, "cli");
  const [first, ...rest] = describeChainReport(report);
  const note = `recorded as check ${recorded.id} at ${recorded.checkedAt} (${recorded.durationMs} ms)`;
  if (report.broken) {
    console.error(first);
    for (const line of [...rest, note]) console.error(line);
    process.exitCode = 1;
  } else {
    console.log(first);
    for (const line of [...rest, note]) console.log(line);
  }
});
