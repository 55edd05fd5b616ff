import { describe, expect, it } from "vitest";
import { calendarDay, dayOf, weeksSince } from "@/lib/progress/calendar";

const START = "2024-01-01";
const dayAfterStart = (days: number) => new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

describe("weeksSince", () => {
  it("is calendar days / 7, not rounded", () => {
    expect(weeksSince(START, dayAfterStart(84))).toBe(12);
    expect(weeksSince(START, dayAfterStart(10))).toBe(10 / 7);
    expect(weeksSince(START, dayAfterStart(-3))).toBe(-3 / 7);
  });
  it("uses the written date of an ISO date-time, whatever its offset", () => {
    expect(weeksSince(START, "2024-01-15T23:30:00-05:00")).toBe(2);
    expect(dayOf("2024-01-15T23:30:00-05:00")).toBe("2024-01-15");
  });
  it("is null for a date that does not exist", () => {
    expect(weeksSince(START, "2024-02-30")).toBeNull();
    expect(calendarDay("15/01/2024")).toBeNull();
  });
});
