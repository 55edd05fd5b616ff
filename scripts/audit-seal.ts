// `npm run audit:seal`: seals the audit rows that have committed and are not chained yet, now (the app
// does it every AUDIT_SEAL_INTERVAL_MS; this is the on-demand run, e.g. with the interval at 0).
import { sealAuditChain } from "@/db/audit-chain";
import { runWithDatabase } from "./run-with-database";

void runWithDatabase(async (open) => {
  const { sealed, busy } = await sealAuditChain(open.db);
  console.log(busy ? `sealed ${sealed} rows; another sealer is running and will seal the rest` : `sealed ${sealed} rows`);
});
