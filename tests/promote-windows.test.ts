import { describe, expect, it } from "vitest";
import { nextSlot, nextWindowStart } from "../server/services/promote/windows";

// Posting windows keep their wall-clock hours across DST changes: New York springs forward on
// 2026-03-08 and falls back on 2026-11-01; Berlin springs forward on 2026-03-29 and falls back on 2026-10-25.

const ALL = [1, 2, 3, 4, 5, 6, 7];
const utc = (s: string) => new Date(`${s}Z`);
const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");

describe("posting windows across DST (America/New_York)", () => {
  const win = [{ days: ALL, start: "09:00", end: "11:00" }];
  it("09:00 local is 14:00 UTC the day before spring-forward and 13:00 UTC the day of it", () => {
    expect(iso(nextWindowStart(win, "America/New_York", utc("2026-03-07T12:00:00")))).toBe("2026-03-07T14:00:00Z");
    // After Saturday's window closes, the next one is Sunday 09:00 EDT — 23 hours later, not 24.
    expect(iso(nextWindowStart(win, "America/New_York", utc("2026-03-07T17:00:00")))).toBe("2026-03-08T13:00:00Z");
  });
  it("falls back on 2026-11-01: Sunday 09:00 EST is 14:00 UTC", () => {
    expect(iso(nextWindowStart(win, "America/New_York", utc("2026-10-31T16:30:00")))).toBe("2026-11-01T14:00:00Z");
  });
  it("inside a window the earliest moment itself is the slot", () => {
    expect(iso(nextWindowStart(win, "America/New_York", utc("2026-03-09T13:30:00")))).toBe("2026-03-09T13:30:00Z");
  });
  it("spacing by the minimum interval crosses the spring-forward night into the next local window", () => {
    const slot = nextSlot({ windows: win, timeZone: "America/New_York", minIntervalMinutes: 120, lastSlotAt: utc("2026-03-07T15:30:00") }, utc("2026-03-07T15:31:00"));
    expect(iso(slot)).toBe("2026-03-08T13:00:00Z");
  });
});

describe("posting windows across DST (Europe/Berlin)", () => {
  it("a 09:00–10:00 window is 07:00 UTC in summer time and 08:00 UTC after the fall-back", () => {
    const win = [{ days: ALL, start: "09:00", end: "10:00" }];
    expect(iso(nextWindowStart(win, "Europe/Berlin", utc("2026-10-24T05:00:00")))).toBe("2026-10-24T07:00:00Z");
    expect(iso(nextWindowStart(win, "Europe/Berlin", utc("2026-10-24T09:30:00")))).toBe("2026-10-25T08:00:00Z");
  });
  it("spring-forward night: a window over midnight (22:00–02:00) still opens at 22:00 local", () => {
    const win = [{ days: ALL, start: "22:00", end: "02:00" }];
    expect(iso(nextWindowStart(win, "Europe/Berlin", utc("2026-03-28T12:00:00")))).toBe("2026-03-28T21:00:00Z"); // CET
    expect(iso(nextWindowStart(win, "Europe/Berlin", utc("2026-03-29T12:00:00")))).toBe("2026-03-29T20:00:00Z"); // CEST
    // 00:30 local on the switch night is still inside Saturday's window.
    expect(iso(nextWindowStart(win, "Europe/Berlin", utc("2026-03-28T23:30:00")))).toBe("2026-03-28T23:30:00Z");
  });
  it("weekday-only windows skip the weekend of the change", () => {
    const win = [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "09:00" }];
    // Friday 2026-03-27 after the window → Monday 2026-03-30 08:00 CEST = 06:00 UTC.
    expect(iso(nextWindowStart(win, "Europe/Berlin", utc("2026-03-27T09:00:00")))).toBe("2026-03-30T06:00:00Z");
  });
});

describe("no windows", () => {
  it("means post as soon as the interval allows", () => {
    expect(iso(nextSlot({ windows: [], timeZone: "UTC", minIntervalMinutes: 30, lastSlotAt: utc("2026-01-01T10:00:00") }, utc("2026-01-01T10:10:00")))).toBe("2026-01-01T10:30:00Z");
    expect(iso(nextSlot({ windows: [], timeZone: "UTC", minIntervalMinutes: 0, lastSlotAt: null }, utc("2026-01-01T10:10:00")))).toBe("2026-01-01T10:10:00Z");
  });
});
