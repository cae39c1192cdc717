import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween, daysInMonth, formatViDate, isIsoDate, parseIso, parseViDate, shiftYears, vietnamDate, ymd } from "./dates.js";

/** Any real calendar date between 1900 and 2199 as an ISO string. */
const isoDateArb = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("calendar dates", () => {
  it("knows the length of February in leap and common years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it("accepts only real dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-02-31")).toBe(false);
    expect(isIsoDate("2025-04-31")).toBe(false);
    expect(isIsoDate("2025-04-30")).toBe(true);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-00-10")).toBe(false);
    expect(isIsoDate("2025-01-00")).toBe(false);
    expect(isIsoDate("2025-1-5")).toBe(false);
    expect(isIsoDate("05/01/2025")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });

  it("parses dd/mm/yyyy as Vietnamese officers type it", () => {
    expect(parseViDate("29/02/2024")).toBe("2024-02-29");
    expect(parseViDate("5/1/2025")).toBe("2025-01-05");
    expect(parseViDate(" 31/12/2025 ")).toBe("2025-12-31");
    expect(parseViDate("29/02/2025")).toBeNull();
    expect(parseViDate("31/04/2026")).toBeNull();
    expect(parseViDate("31/02/2026")).toBeNull();
    expect(parseViDate("2026-02-01")).toBeNull();
    expect(parseViDate("01/13/2026")).toBeNull();
    expect(parseViDate("01-02-2026")).toBeNull();
    expect(parseViDate("")).toBeNull();
  });

  it("formats ISO dates as dd/mm/yyyy with leading zeros", () => {
    expect(formatViDate("2025-01-05")).toBe("05/01/2025");
    expect(formatViDate("2024-02-29")).toBe("29/02/2024");
    expect(formatViDate(null)).toBe("");
    expect(formatViDate(undefined)).toBe("");
  });

  it("gives the date in Vietnam (UTC+7) around 17:00 UTC", () => {
    expect(vietnamDate(new Date("2026-06-14T16:59:59Z"))).toBe("2026-06-14");
    expect(vietnamDate(new Date("2026-06-14T17:00:00Z"))).toBe("2026-06-15");
    expect(vietnamDate(new Date("2025-12-31T16:59:59.999Z"))).toBe("2025-12-31");
    expect(vietnamDate(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
    expect(vietnamDate(new Date("2024-02-28T17:30:00Z"))).toBe("2024-02-29");
    // Midnight UTC is already 07:00 in Hà Nội: the same calendar day.
    expect(vietnamDate(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03-01");
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-06-15", 30)).toBe("2026-07-15");
    expect(addDays("2026-06-15", 0)).toBe("2026-06-15");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("counts days between dates, negative when the second is earlier", () => {
    expect(daysBetween("2026-06-15", "2026-06-22")).toBe(7);
    expect(daysBetween("2026-06-22", "2026-06-15")).toBe(-7);
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2025-02-01", "2025-03-01")).toBe(28);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
  });

  it("shifts a date to another year, 29/02 falling back to 28/02 in a common year", () => {
    expect(shiftYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(shiftYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(shiftYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(shiftYears("2025-03-31", 1)).toBe("2026-03-31");
    expect(shiftYears("2025-12-31", -1)).toBe("2024-12-31");
  });

  it("builds and reads back ISO strings", () => {
    expect(ymd(2026, 3, 7)).toBe("2026-03-07");
    expect(parseIso("2026-03-07")).toEqual({ year: 2026, month: 3, day: 7 });
    expect(() => parseIso("07/03/2026")).toThrow();
  });

  it("property: adding n days then −n days gives the date back, n days apart", () => {
    fc.assert(fc.property(isoDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
      const moved = addDays(d, n);
      expect(moved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(addDays(moved, -n)).toBe(d);
      expect(daysBetween(d, moved)).toBe(n);
    }));
  });

  it("property: a formatted date parses back to itself", () => {
    fc.assert(fc.property(isoDateArb, (d) => {
      const shown = formatViDate(d);
      expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(parseViDate(shown)).toBe(d);
    }));
  });

  it("property: a day number beyond the month's length is never a date", () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      const last = daysInMonth(year, month);
      expect(isIsoDate(ymd(year, month, last))).toBe(true);
      expect(isIsoDate(ymd(year, month, last + 1))).toBe(false);
      expect(parseViDate(`${last + 1}/${month}/${year}`)).toBeNull();
      expect(addDays(ymd(year, month, last), 1).slice(8)).toBe("01");
    }));
  });
});
