// `npm run audit:verify`: walks the audit trail's chain (DATABASE_URL's PostgreSQL, else the embedded
// PGlite — stop the app first there, PGlite has one user) and prints "intact: N rows, last sealed at …"
// or the first row that does not match, exiting non-zero then. It only reads.
import { describeChainReport, verifyAuditChain } from "@/db/audit-chain";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  const report = await verifyAuditChain(open.db);
  const [first, ...rest] = describeChainReport(report);
  if (report.broken) {
    console.error(first);
    for (const line of rest) console.error(line);
    process.exitCode = 1;
  } else {
    console.log(first);
    for (const line of rest) console.log(line);
  }
});
