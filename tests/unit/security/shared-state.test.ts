import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Several app instances behind a load balancer share nothing but PostgreSQL: sessions, sign-in limits,
// rate limits and the audit trail must live there, never in a module variable that each instance would
// count or cache on its own. This lists the server code's module-level mutable state; each entry
// allowed below says why it is the same on every instance. A new one fails here until it is either
// moved into the database or added with its reason.
const ALLOWED: Record<string, string> = {
  "lib/auth/password.ts:dummyHash": "the hash of a fixed string, for equal timing; the same everywhere",
  "lib/http/peer-header.ts:cached": "TRUSTED_PROXIES parsed once: configuration, not state",
  "lib/data/test-session.ts:signedIn": "honoured only under vitest; never set in the app",
  "db/client.ts:globalThis": "this process's database connection (pool or PGlite), not data",
  "lib/http/peer-header.ts:globalThis": "a flag that scripts/serve.ts set the peer header: configuration",
  "lib/fhir/validate-r4.ts:indexed": "the FHIR R4 definitions loaded into the validator once: the same files everywhere",
  "lib/data/self-report-schedules.ts:globalThis":
    "this process's schedule timer; instances share the work through FOR UPDATE SKIP LOCKED and a unique index",
  "db/sql-timing.ts:globalThis": "the per-request SQL timing store (AsyncLocalStorage), for the benchmark only",
  "db/audit-sealer.ts:globalThis": "this process's sealing timer; instances coordinate through an advisory lock in PostgreSQL",
  "db/audit-verifier.ts:globalThis": "this process's timer of full chain checks; instances share the recorded checks and an advisory lock",
  "db/audit-chain-checks.ts:globalThis": "a flag that a full check runs, on PGlite only (one process); PostgreSQL uses an advisory lock",
};

const ROOTS = ["app", "lib", "db", "components", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts"];

function sourceFiles(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return /\.tsx?$/.test(entry) ? [entry] : [];
  return readdirSync(entry).flatMap((name) => sourceFiles(path.join(entry, name)));
}

/** `file:name` of each top-level `let`/`var`, empty Map/Set, or write to globalThis. */
function moduleState(file: string): string[] {
  const found: string[] = [];
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/^(?:export )?(?:let|var) (\w+)/gm)) found.push(`${file}:${match[1]}`);
  for (const match of text.matchAll(/^(?:export )?const (\w+)(?::[^=]+)? = new (?:Map|Set|WeakMap|WeakSet)(?:<[^>]*>)?\(\)/gm)) {
    found.push(`${file}:${match[1]}`);
  }
  if (/globalThis/.test(text)) found.push(`${file}:globalThis`);
  return found;
}

describe("Server code keeps no state that two app instances would disagree on", () => {
  const found = ROOTS.flatMap(sourceFiles)
    .map((f) => f.split(path.sep).join("/"))
    .flatMap(moduleState);

  it("every module-level mutable variable is one of the allowed, explained ones", () => {
    expect(found.filter((entry) => !(entry in ALLOWED))).toEqual([]);
  });

  it("the list of allowed ones is current (no stale entries)", () => {
    expect(Object.keys(ALLOWED).filter((entry) => !found.includes(entry))).toEqual([]);
  });
});
