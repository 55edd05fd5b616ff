import { describe, expect, it } from "vitest";
import { linkExpiry, linkIsOpen, linkStatus, nextScheduledLinkDue } from "@/lib/self-report/status";

const sent = new Date("2026-11-01T10:00:00Z");
const expiresAt = linkExpiry(sent, 7);
const at = (iso: string) => new Date(iso);

describe("A self-report link's status", () => {
  it("expires exactly 7 days (7 × 24 h) after it was sent by default", () => {
    expect(expiresAt.toISOString()).toBe("2026-11-08T10:00:00.000Z");
  });

  it("waits until the expiry instant and is expired from that instant on", () => {
    const link = { usedAt: null, revokedAt: null, expiresAt };
    expect(linkStatus(link, at("2026-11-08T09:59:59.999Z"))).toBe("waiting");
    expect(linkIsOpen(link, at("2026-11-08T09:59:59.999Z"))).toBe(true);
    expect(linkStatus(link, at("2026-11-08T10:00:00.000Z"))).toBe("expired");
    expect(linkIsOpen(link, at("2026-11-08T10:00:00.000Z"))).toBe(false);
  });

  it("is answered or revoked for good, even before or after its expiry", () => {
    const used = { usedAt: at("2026-11-02T08:00:00Z"), revokedAt: null, expiresAt };
    const revoked = { usedAt: null, revokedAt: at("2026-11-02T08:00:00Z"), expiresAt };
    for (const now of [at("2026-11-03T00:00:00Z"), at("2026-12-01T00:00:00Z")]) {
      expect(linkStatus(used, now)).toBe("answered");
      expect(linkStatus(revoked, now)).toBe("revoked");
      expect(linkIsOpen(used, now)).toBe(false);
      expect(linkIsOpen(revoked, now)).toBe(false);
    }
  });
});

describe("A schedule's next link", () => {
  const previous = { usedAt: null, revokedAt: null, expiresAt, createdAt: sent };

  it("is not due while the previous link is still open", () => {
    expect(nextScheduledLinkDue(previous, 1, at("2026-11-05T00:00:00Z"))).toBeNull();
  });

  it("falls due N weeks after the previous one was sent, once that one is answered, expired or revoked", () => {
    const answered = { ...previous, usedAt: at("2026-11-02T08:00:00Z") };
    expect(nextScheduledLinkDue(answered, 2, at("2026-11-03T00:00:00Z"))?.toISOString()).toBe("2026-11-15T10:00:00.000Z");
    expect(nextScheduledLinkDue(previous, 2, at("2026-11-09T00:00:00Z"))?.toISOString()).toBe("2026-11-15T10:00:00.000Z");
    const revoked = { ...previous, revokedAt: at("2026-11-01T11:00:00Z") };
    expect(nextScheduledLinkDue(revoked, 4, at("2026-11-02T00:00:00Z"))?.toISOString()).toBe("2026-11-29T10:00:00.000Z");
  });
});
