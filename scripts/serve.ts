// Serves the production build (like `next start`) and records each connection's own address in a
// header the app trusts, so a client's X-Forwarded-For cannot hide it (see lib/http/peer-header.ts).
// It prepares the database (migrations under the advisory lock, studies) before it listens, and says
// "Ready" only after the app has answered one request: Next.js loads the app, and runs
// instrumentation.ts, on the first request, so without it an instance would look ready to a load
// balancer while it still had to migrate, or was about to stop for want of AUTH_SECRET.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { newSqlTally, runWithSqlTiming, serverTimingValue, sqlTimingEnabled } from "@/db/sql-timing";
import { announcePeerHeader, PEER_HEADER, trustedProxiesFromEnv } from "@/lib/http/peer-header";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  trustedProxiesFromEnv(); // a malformed TRUSTED_PROXIES stops the start with a message naming the entry
  const open = await openDatabase();
  try {
    await prepareDatabase(open, { demo: false });
  } finally {
    await open.close(); // the app opens its own; PGlite must not be open twice in one process
  }
  // As `next start` does; next.config.ts and proxy.ts read it (HSTS, no eval in the CSP).
  Object.assign(process.env, { NODE_ENV: "production" });
  const { default: next } = await import("next");
  const app = next({ dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  announcePeerHeader();
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
    void handle(request, response);
  };
  createServer(sqlTimingEnabled() ? withSqlTiming(serve) : serve).listen(port, async () => {
    try {
      await fetch(`http://127.0.0.1:${port}/login`, { redirect: "manual" }); // loads the app (see above)
    } catch (error) {
      console.error(`yardstick: the app did not answer its first request: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    console.log(`Ready on http://localhost:${port}`);
  });
}

/** A request that carries this header (a short label) gets its whole tally logged when its response ends. */
const TALLY_LOG_HEADER = "x-yardstick-tally";
const TALLY_LABEL = /^[\w.-]{1,64}$/;

/**
 * YARDSTICK_SQL_TIMING=1: each request gets its own SQL tally, sent as `Server-Timing: sql;dur=<ms>` when
 * the head is written (a page without Suspense boundaries has run all its queries by then). A request
 * with an `x-yardstick-tally: <label>` header also gets one stdout line when its response has ended
 * (an RSC stream, as a server action answers, may still be running queries when its head is written):
 * `yardstick-tally <label> {"queries":…,"statements":{"select sessions":1,…},"events":{…}}`. No URL,
 * parameter or value is logged.
 */
function withSqlTiming(serve: (request: IncomingMessage, response: ServerResponse) => void) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const store = newSqlTally();
    const label = request.headers[TALLY_LOG_HEADER];
    if (typeof label === "string" && TALLY_LABEL.test(label)) {
      response.once("close", () => {
        const { queries, statements, events } = store;
        console.log(`yardstick-tally ${label} ${JSON.stringify({ queries, statements, events })}`);
      });
    }
    const writeHead = response.writeHead;
    response.writeHead = function writeHeadWithSqlTiming(this: ServerResponse, ...args: unknown[]) {
      if (!this.headersSent) {
        const existing = this.getHeader("server-timing");
        this.setHeader("Server-Timing", existing ? `${String(existing)}, ${serverTimingValue(store)}` : serverTimingValue(store));
      }
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["writeHead"];
    runWithSqlTiming(store, () => serve(request, response));
  };
}

main().catch((error) => {
  console.error(`yardstick: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
