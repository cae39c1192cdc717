import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "../dates.js";
import { AppError } from "../errors.js";
import { isWorkingDay } from "../indicators/compute.js";
import {
  DEFAULT_REPORT_SETTINGS, communeDeadline, nextWindow, parseDeadlineRule, parseReportSettings, provinceDeadline, reportWindow, timeliness, windowsOfYear,
} from "./calendar.js";
import type { ReportKind } from "./types.js";

const TWO_DAYS = { rule: "working_days_after_cutoff", n: 2 } as const;

describe("report windows and deadlines (reporting.md A2, worked table)", () => {
  const table: Array<[kind: ReportKind, year: number, from: string, to: string, label: string, province: string, weekday: number, commune: string]> = [
    ["q3", 2025, "2025-06-15", "2025-09-14", "quý III năm 2025", "2025-09-20", 6, "2025-09-16"],
    ["year", 2025, "2024-12-15", "2025-12-14", "năm 2025", "2025-12-20", 6, "2025-12-16"],
    ["q1", 2026, "2025-12-15", "2026-03-14", "quý I năm 2026", "2026-03-20", 5, "2026-03-17"],
    ["h1", 2026, "2025-12-15", "2026-06-14", "6 tháng đầu năm 2026", "2026-06-20", 6, "2026-06-16"],
    ["q3", 2026, "2026-06-15", "2026-09-14", "quý III năm 2026", "2026-09-20", 0, "2026-09-16"],
    ["year", 2026, "2025-12-15", "2026-12-14", "năm 2026", "2026-12-20", 0, "2026-12-16"],
  ];
  it.each(table)("%s %i: window, province deadline (kept on weekends), commune deadline 2 working days after the cut-off", (kind, year, from, to, label, province, weekday, commune) => {
    const w = reportWindow(kind, year);
    expect(w).toEqual({ kind, year, from, to, label });
    expect(provinceDeadline(kind, year)).toBe(province);
    expect(new Date(`${province}T00:00:00Z`).getUTCDay()).toBe(weekday);
    expect(communeDeadline(w, TWO_DAYS)).toBe(commune);
    expect(communeDeadline(w, DEFAULT_REPORT_SETTINGS.deadlines[kind])).toBe(commune);
  });

  it("lists the four reports of a year in order", () => {
    expect(windowsOfYear(2026).map((w) => [w.kind, w.from, w.to])).toEqual([
      ["q1", "2025-12-15", "2026-03-14"], ["h1", "2025-12-15", "2026-06-14"], ["q3", "2026-06-15", "2026-09-14"], ["year", "2025-12-15", "2026-12-14"],
    ]);
  });

  it("counts working days after the cut-off, the cut-off itself not counted", () => {
    const q1 = reportWindow("q1", 2026); // 14/03/2026 is a Saturday
    expect(communeDeadline(q1, { rule: "working_days_after_cutoff", n: 0 })).toBe("2026-03-14");
    expect(communeDeadline(q1, { rule: "working_days_after_cutoff", n: 1 })).toBe("2026-03-16");
    expect(communeDeadline(q1, { rule: "working_days_after_cutoff", n: 5 })).toBe("2026-03-20");
    expect(communeDeadline(q1, { rule: "working_days_after_cutoff", n: 6 })).toBe("2026-03-23");
  });

  it("puts a day-of-month deadline in the window's last month and never moves it for a weekend", () => {
    expect(communeDeadline(reportWindow("q1", 2026), { rule: "day_of_month", day: 16 })).toBe("2026-03-16");
    expect(communeDeadline(reportWindow("year", 2026), { rule: "day_of_month", day: 19 })).toBe("2026-12-19"); // Saturday
    expect(communeDeadline(reportWindow("q3", 2026), { rule: "day_of_month", day: 20 })).toBe("2026-09-20"); // Sunday
    expect(communeDeadline(reportWindow("h1", 2026), { rule: "day_of_month", day: 1 })).toBe("2026-06-01");
  });

  it("lands a working-day deadline on a weekday n working days after the cut-off", () => {
    fc.assert(fc.property(fc.constantFrom<ReportKind>("q1", "h1", "q3", "year"), fc.integer({ min: 2020, max: 2040 }), fc.integer({ min: 1, max: 20 }), (kind, year, n) => {
      const w = reportWindow(kind, year);
      const d = communeDeadline(w, { rule: "working_days_after_cutoff", n });
      expect(isWorkingDay(d)).toBe(true);
      let count = 0;
      for (let x = addDays(w.to, 1); x <= d; x = addDays(x, 1)) if (isWorkingDay(x)) count++;
      expect(count).toBe(n);
    }));
  });
});

describe("next window (section IV)", () => {
  it("covers the time up to the next report's cut-off", () => {
    expect(nextWindow(reportWindow("q1", 2026))).toEqual({ kind: "h1", year: 2026, from: "2026-03-15", to: "2026-06-14", label: "quý II năm 2026" });
    expect(nextWindow(reportWindow("h1", 2026))).toEqual(reportWindow("q3", 2026));
    expect(nextWindow(reportWindow("q3", 2026))).toEqual({ kind: "year", year: 2026, from: "2026-09-15", to: "2026-12-14", label: "quý IV năm 2026" });
    expect(nextWindow(reportWindow("year", 2026))).toEqual(reportWindow("q1", 2027));
  });
  it("starts the day after the window ends", () => {
    for (const w of windowsOfYear(2026)) expect(nextWindow(w).from).toBe(addDays(w.to, 1));
  });
});

describe("timeliness", () => {
  it("judges a report by its first sending against the deadline", () => {
    expect(timeliness("2026-03-17", "2026-03-17", "2026-04-01")).toBe("on_time");
    expect(timeliness("2026-03-10", "2026-03-17", "2026-03-10")).toBe("on_time");
    expect(timeliness("2026-03-18", "2026-03-17", "2026-04-01")).toBe("late");
    expect(timeliness(null, "2026-03-17", "2026-03-17")).toBe("not_due");
    expect(timeliness(null, "2026-03-17", "2026-03-18")).toBe("missing");
  });
});

describe("report settings from untrusted JSON", () => {
  const error = (raw: unknown) => {
    try {
      parseReportSettings(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe("validation");
      return { message: err.message, field: err.field };
    }
    throw new Error("accepted");
  };

  it("ships 2 working days after the cut-off for every kind, placeholder recipients, a reminder 3 days before", () => {
    expect(DEFAULT_REPORT_SETTINGS).toEqual({
      deadlines: { q1: TWO_DAYS, h1: TWO_DAYS, q3: TWO_DAYS, year: TWO_DAYS },
      recipients: ["UBND tỉnh", "Sở Nội vụ"],
      remindDaysBefore: 3,
    });
  });

  it("reads a full setting and keeps only its known parts", () => {
    const raw = {
      deadlines: { q1: { rule: "day_of_month", day: 16, extra: 1 }, h1: { rule: "working_days_after_cutoff", n: 0 }, q3: TWO_DAYS, year: { rule: "day_of_month", day: 28 } },
      recipients: [" Ủy ban nhân dân tỉnh Minh Hòa ", "Sở Nội vụ tỉnh Minh Hòa"],
      remindDaysBefore: 5,
    };
    expect(parseReportSettings(raw)).toEqual({
      deadlines: { q1: { rule: "day_of_month", day: 16 }, h1: { rule: "working_days_after_cutoff", n: 0 }, q3: TWO_DAYS, year: { rule: "day_of_month", day: 28 } },
      recipients: ["Ủy ban nhân dân tỉnh Minh Hòa", "Sở Nội vụ tỉnh Minh Hòa"],
      remindDaysBefore: 5,
    });
  });

  it("gives the initial value to a part left out", () => {
    expect(parseReportSettings({})).toEqual(DEFAULT_REPORT_SETTINGS);
    expect(parseReportSettings({ deadlines: { q3: { rule: "day_of_month", day: 16 } } }).deadlines).toEqual({ ...DEFAULT_REPORT_SETTINGS.deadlines, q3: { rule: "day_of_month", day: 16 } });
  });

  it("refuses bad rules, naming the field", () => {
    expect(error({ deadlines: { q1: { rule: "working_days_after_cutoff", n: 21 } } })).toEqual({
      message: "Hạn gửi báo cáo quý I: số ngày làm việc sau ngày chốt số liệu phải là số nguyên từ 0 đến 20.", field: "deadlines.q1.n",
    });
    expect(error({ deadlines: { h1: { rule: "working_days_after_cutoff", n: 1.5 } } }).field).toBe("deadlines.h1.n");
    expect(error({ deadlines: { h1: { rule: "working_days_after_cutoff", n: "2" } } }).field).toBe("deadlines.h1.n");
    expect(error({ deadlines: { h1: { rule: "working_days_after_cutoff", n: -1 } } }).field).toBe("deadlines.h1.n");
    expect(error({ deadlines: { year: { rule: "day_of_month", day: 29 } } })).toEqual({
      message: "Hạn gửi báo cáo năm: ngày gửi trong tháng phải là số nguyên từ 1 đến 28.", field: "deadlines.year.day",
    });
    expect(error({ deadlines: { q3: { rule: "day_of_month", day: 0 } } }).field).toBe("deadlines.q3.day");
    expect(error({ deadlines: { q3: { rule: "day_of_month" } } }).field).toBe("deadlines.q3.day");
    expect(error({ deadlines: { q3: { rule: "weekly", n: 2 } } }).field).toBe("deadlines.q3.rule");
    expect(error({ deadlines: { q3: null } }).field).toBe("deadlines.q3");
    expect(error({ deadlines: { q2: TWO_DAYS } })).toEqual({ message: 'Kỳ báo cáo "q2" không có; các kỳ là q1, h1, q3, year.', field: "deadlines.q2" });
    expect(error({ deadlines: [TWO_DAYS] }).field).toBe("deadlines");
  });

  it("refuses bad recipients and reminder days, and what is not an object", () => {
    expect(error({ recipients: [] }).field).toBe("recipients");
    expect(error({ recipients: "Sở Nội vụ" }).field).toBe("recipients");
    expect(error({ recipients: ["Sở Nội vụ", "  "] })).toEqual({ message: "Nơi nhận báo cáo (Kính gửi) thứ 2: cần tên cơ quan, tối đa 200 ký tự.", field: "recipients.1" });
    expect(error({ remindDaysBefore: 31 }).field).toBe("remindDaysBefore");
    expect(error(null).message).toMatch(/^Cài đặt báo cáo không hợp lệ/);
    expect(error([1]).field).toBeUndefined();
  });

  it("reads a single rule with a caller's name for it", () => {
    expect(parseDeadlineRule({ rule: "day_of_month", day: 16 })).toEqual({ rule: "day_of_month", day: 16 });
    expect(() => parseDeadlineRule({ rule: "day_of_month", day: 40 }, "rule", "Hạn gửi")).toThrow("Hạn gửi: ngày gửi trong tháng phải là số nguyên từ 1 đến 28.");
  });
});
