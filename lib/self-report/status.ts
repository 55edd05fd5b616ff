import type { LinkStatus } from "@/lib/domain/self-report";

export type LinkState = { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

/**
 * A link's status at `now`. Answered and revoked are final whatever the date; otherwise a link is
 * waiting until its expiry instant, and expired from that instant on (the expiry time itself refuses).
 */
export function linkStatus(link: LinkState, now: Date): LinkStatus {
  if (link.usedAt) return "answered";
  if (link.revokedAt) return "revoked";
  return now.getTime() < link.expiresAt.getTime() ? "waiting" : "expired";
}

/** Whether a patient may still answer through the link at `now`. */
export function linkIsOpen(link: LinkState, now: Date): boolean {
  return linkStatus(link, now) === "waiting";
}

const DAY_MS = 86_400_000;

/** The expiry instant of a link sent at `sentAt`, valid for `validDays` whole days. */
export function linkExpiry(sentAt: Date, validDays: number): Date {
  return new Date(sentAt.getTime() + validDays * DAY_MS);
}

/**
 * When a schedule's next link falls due: `intervalWeeks` after the previous one was sent, and never
 * before the previous one is closed (answered, expired or revoked).
 */
export function nextScheduledLinkDue(previous: LinkState & { createdAt: Date }, intervalWeeks: number, now: Date): Date | null {
  if (linkIsOpen(previous, now)) return null;
  return new Date(previous.createdAt.getTime() + intervalWeeks * 7 * DAY_MS);
}
