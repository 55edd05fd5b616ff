// Runs once when the Node.js server starts: refuse to serve without a session secret in production,
// bring the database up to date before the first request, start sealing the audit trail and checking
// its chain, and start the self-report schedule timer.
import { startAuditSealer } from "./db/audit-sealer";
import { startAuditVerifier } from "./db/audit-verifier";
import { getOpenDatabase } from "./db/client";
import { DatabaseUnavailableError } from "./db/connection-error";
import { prepareDatabase } from "./db/prepare";
import { runtimeRoleWarning } from "./db/runtime-role";
import { sealIntervalFrom, verifyIntervalFrom } from "./lib/audit-chain/seal-interval";
import { trustedProxiesFromEnv } from "./lib/http/peer-header";

if (process.env.NEXT_PHASE !== "phase-production-build") {
  if (process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
    console.error(
      "yardstick: AUTH_SECRET is not set. Set it to a long random value (e.g. `openssl rand -base64 32`) " +
        "before starting in production; `npm start` makes one for local use.",
    );
    process.exit(1);
  }
  try {
    trustedProxiesFromEnv(); // a malformed TRUSTED_PROXIES stops the start, naming the entry
    const sealInterval = sealIntervalFrom(process.env.AUDIT_SEAL_INTERVAL_MS); // likewise a malformed interval
    const verifyInterval = verifyIntervalFrom(process.env.AUDIT_VERIFY_INTERVAL_MS);
    const open = await getOpenDatabase();
    await prepareDatabase(open, { demo: false });
    const warning = await runtimeRoleWarning(open);
    if (warning) console.warn(warning);
    startAuditSealer(open.db, sealInterval);
    startAuditVerifier(open, verifyInterval);
    // The next links of self-report schedules, made on a timer in every app server (safe with several).
    const { startSelfReportScheduler } = await import("./lib/data/self-report-schedules");
    startSelfReportScheduler();
  } catch (error) {
    console.error(`yardstick: ${error instanceof DatabaseUnavailableError ? error.message : String(error)}`);
    process.exit(1);
  }
}
