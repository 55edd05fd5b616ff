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

describe("calendarDay", () => {
  it("knows each month's length and leap years (checked without a Date object)", () => {
    expect(calendarDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(calendarDay("2023-02-29")).toBeNull();
    expect(calendarDay("2000-02-29")).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(calendarDay("1900-02-29")).toBeNull();
    expect(calendarDay("2025-04-31")).toBeNull();
    expect(calendarDay("2025-12-31")).toBe(Date.UTC(2025, 11, 31) / 86_400_000);
    expect(calendarDay("2025-13-01")).toBeNull();
    expect(calendarDay("2025-00-10")).toBeNull();
    expect(calendarDay("2025-01-00")).toBeNull();
    expect(calendarDay("0099-01-01")).toBeNull();
  });
  it("agrees with the calendar on every day of four years", () => {
    for (let day = 0; day < 4 * 366; day++) {
      const ms = Date.UTC(2023, 0, 1) + day * 86_400_000;
      expect(calendarDay(new Date(ms).toISOString().slice(0, 10))).toBe(ms / 86_400_000);
    }
  });
});
