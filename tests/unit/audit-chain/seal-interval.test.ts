import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEAL_INTERVAL_MS,
  DEFAULT_VERIFY_INTERVAL_MS,
  sealIntervalFrom,
  verifyIntervalFrom,
} from "@/lib/audit-chain/seal-interval";

describe("AUDIT_SEAL_INTERVAL_MS", () => {
  it("defaults to 5000 ms when unset or empty", () => {
    expect(DEFAULT_SEAL_INTERVAL_MS).toBe(5000);
    expect(sealIntervalFrom(undefined)).toBe(5000);
    expect(sealIntervalFrom("  ")).toBe(5000);
  });

  it("takes whole milliseconds, 0 meaning off", () => {
    expect(sealIntervalFrom("0")).toBe(0);
    expect(sealIntervalFrom("250")).toBe(250);
    expect(sealIntervalFrom(" 60000 ")).toBe(60000);
  });

  it.each(["-1", "1.5", "5s", "1e3", "0x10", "Infinity"])("refuses %s, naming the variable", (value) => {
    expect(() => sealIntervalFrom(value)).toThrow(/AUDIT_SEAL_INTERVAL_MS must be a whole number/);
  });
});

describe("AUDIT_VERIFY_INTERVAL_MS", () => {
  it("defaults to one hour when unset or empty", () => {
    expect(DEFAULT_VERIFY_INTERVAL_MS).toBe(60 * 60 * 1000);
    expect(verifyIntervalFrom(undefined)).toBe(3_600_000);
    expect(verifyIntervalFrom("")).toBe(3_600_000);
  });

  it("takes whole milliseconds, 0 meaning off", () => {
    expect(verifyIntervalFrom("0")).toBe(0);
    expect(verifyIntervalFrom("900000")).toBe(900_000);
  });

  it.each(["-5", "1h", "2.5"])("refuses %s, naming the variable", (value) => {
    expect(() => verifyIntervalFrom(value)).toThrow(
      /AUDIT_VERIFY_INTERVAL_MS must be a whole number of milliseconds \(0 turns the background check off\)/,
    );
  });
});
