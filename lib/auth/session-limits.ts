export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const SESSION_TOUCH_SECONDS = 60;

type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

/** Whether a session may still be used at `now`: not revoked, not idle too long, not too old. */
export function isSessionLive(session: SessionTimes, now: Date): boolean {
  if (session.revokedAt) return false;
  const since = (from: Date) => (now.getTime() - from.getTime()) / 1000;
  return since(session.lastSeenAt) <= SESSION_IDLE_SECONDS && since(session.createdAt) <= SESSION_ABSOLUTE_SECONDS;
}

export function needsTouch(session: Pick<SessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_SECONDS * 1000;
}
