import { describe, expect, it } from "vitest";
import { widenXid } from "@/db/audit-chain";

const SPAN = 2n ** 32n;

describe("widening a running transaction's 32-bit xid to 64 bits", () => {
  it("places an older xid of the same epoch", () => {
    expect(widenXid(5590n, 5600n)).toBe(5590n);
    expect(widenXid(7n * SPAN + 10n - 7n * SPAN, 7n * SPAN + 20n)).toBe(7n * SPAN + 10n);
  });

  it("places an xid assigned after the next xid was read at or above it, never below (the race that once gave a bogus horizon)", () => {
    expect(widenXid(5605n, 5600n)).toBe(5605n);
    expect(widenXid(5600n, 5600n)).toBe(5600n);
  });

  it("places an xid of the previous epoch just across the wrap", () => {
    // next xid is 3 in epoch 5; a transaction that began just before the wrap has low bits 2^32 - 2
    expect(widenXid(SPAN - 2n, 5n * SPAN + 3n)).toBe(5n * SPAN - 2n);
  });
});
