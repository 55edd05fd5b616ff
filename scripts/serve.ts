// Serves the production build (like `next start`) and records each connection's own address in a
// header the app trusts, so a client's X-Forwarded-For cannot hide it (see lib/http/peer-header.ts).
import { createServer } from "node:http";
import { announcePeerHeader, PEER_HEADER, trustedProxiesFromEnv } from "@/lib/http/peer-header";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  trustedProxiesFromEnv(); // a malformed TRUSTED_PROXIES stops the start with a message naming the entry
  // As `next start` does; next.config.ts and proxy.ts read it (HSTS, no eval in the CSP).
  Object.assign(process.env, { NODE_ENV: "production" });
  const { default: next } = await import("next");
  const app = next({ dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  announcePeerHeader();
  createServer((request, response) => {
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
    void handle(request, response);
  }).listen(port, () => console.log(`Ready on http://localhost:${port}`));
}

main().catch((error) => {
  console.error(`yardstick: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
