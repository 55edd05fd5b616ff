import { clientAddress } from "./client-address";
import { parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

/**
 * Next.js's server copies the socket's address into X-Forwarded-For only when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js), so a
 * client that sends its own header hides the real peer. scripts/serve.ts therefore writes the socket's
 * address into PEER_HEADER on every request (overwriting anything a client sent) and raises a flag in
 * this process; the header is believed only when that flag is up, so a client cannot forge it when the
 * app runs under plain `next start` or `next dev`.
 */
export const PEER_HEADER = "x-yardstick-peer";
const PEER_FLAG = Symbol.for("yardstick.peerHeaderIsSetByServer");

export function announcePeerHeader(): void {
  (globalThis as Record<symbol, unknown>)[PEER_FLAG] = true;
}

function peerHeaderIsSetByServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_FLAG] === true;
}

type HeaderReader = { get(name: string): string | null };

/**
 * The client's address for one request. Without scripts/serve.ts the rightmost X-Forwarded-For entry
 * stands in for the peer (it is the socket's address whenever the client sent none).
 */
export function clientAddressOf(headers: HeaderReader, trusted: TrustedProxies, peerFromServer = peerHeaderIsSetByServer()): string | null {
  const forwardedFor = headers.get("x-forwarded-for");
  if (peerFromServer) return clientAddress(headers.get(PEER_HEADER), forwardedFor, trusted);
  const chain = (forwardedFor ?? "").split(",");
  const peer = chain.pop() ?? null;
  return clientAddress(peer, chain.length > 0 ? chain.join(",") : null, trusted);
}

let cached: { setting: string | undefined; trusted: TrustedProxies } | undefined;

/** TRUSTED_PROXIES from the environment, parsed once (and again only if the setting changes). */
export function trustedProxiesFromEnv(): TrustedProxies {
  const setting = process.env.TRUSTED_PROXIES;
  if (!cached || cached.setting !== setting) cached = { setting, trusted: parseTrustedProxies(setting) };
  return cached.trusted;
}
