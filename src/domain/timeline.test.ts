import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { daysInMonth, isIsoDate, ymd } from "./dates.js";
import { readTimeline, type Timeline } from "./timeline.js";

type Expect = [milestones: string[], recurrence?: Timeline["recurrence"]];

/** Milestones, due and recurrence of a text; due must be the latest milestone. */
function read(text: string, planYear = 2025): Expect {
  const t = readTimeline(text, planYear);
  return [t.milestones, t.recurrence];
}

function check(cases: [text: string, milestones: string[], recurrence?: Timeline["recurrence"]][], planYear = 2025) {
  for (const [text, milestones, recurrence = null] of cases) {
    const t = readTimeline(text, planYear);
    expect({ text, milestones: t.milestones, due: t.due, recurrence: t.recurrence }).toEqual({
      text,
      milestones,
      due: milestones.length ? [...milestones].sort().at(-1) : null,
      recurrence,
    });
  }
}

const RECURRENCES = ["continuous", "monthly", "quarterly", "semiannual", "annual", "periodic", null];

describe("quarters end on their last day", () => {
  it("roman numerals with a year", () => {
    check([
      ["Quý I/2025", ["2025-03-31"]],
      ["Quý II/2025", ["2025-06-30"]],
      ["Quý III/2025", ["2025-09-30"]],
      ["Quý IV/2025", ["2025-12-31"]],
      ["Quý I năm 2025", ["2025-03-31"]],
      ["Quý III năm 2025.", ["2025-09-30"]],
      ["QUÝ IV NĂM 2025", ["2025-12-31"]],
      ["quý ii/2024", ["2024-06-30"]],
      ["Quý IV - 2025", ["2025-12-31"]],
      ["Quý I, năm 2025", ["2025-03-31"]],
      ["Quý IV 2025", ["2025-12-31"]],
    ]);
  });

  it("digits and Q notation", () => {
    check([
      ["quý 4", ["2025-12-31"]],
      ["Quý 1/2024", ["2024-03-31"]],
      ["quý 2 năm 2025", ["2025-06-30"]],
      ["Q4", ["2025-12-31"]],
      ["Q3/2024", ["2024-09-30"]],
      ["Q1 2026", ["2026-03-31"]],
      ["Q1-Q2/2025", ["2025-06-30"]],
    ]);
  });

  it("without a year the plan year fills in", () => {
    check([["Quý I", ["2024-03-31"]], ["trong quý III", ["2024-09-30"]], ["cuối quý II", ["2024-06-30"]]], 2024);
  });

  it("ignores quarters that do not exist", () => {
    check([
      ["Quý V/2025", []],
      ["quý 5", []],
      ["quý 0/2025", []],
    ]);
  });
});

describe("months end on their last day", () => {
  it("with leap years", () => {
    check([
      ["Tháng 2/2024", ["2024-02-29"]],
      ["tháng 2/2025", ["2025-02-28"]],
      ["tháng 2/2000", ["2000-02-29"]],
      ["tháng 2/2100", ["2100-02-28"]],
      ["Tháng 3/2024", ["2024-03-31"]],
      ["Tháng 10/2024", ["2024-10-31"]],
      ["tháng 4/2025", ["2025-04-30"]],
    ]);
  });

  it("in every written form", () => {
    check([
      ["tháng 6 năm 2025", ["2025-06-30"]],
      ["tháng 6/2025", ["2025-06-30"]],
      ["tháng 06/2025", ["2025-06-30"]],
      ["tháng 06.2025", ["2025-06-30"]],
      ["tháng 6-2025", ["2025-06-30"]],
      ["cuối tháng 6", ["2025-06-30"]],
      ["cuối tháng 6/2024", ["2024-06-30"]],
      ["hết tháng 2", ["2025-02-28"]],
      ["Trong tháng 6/2025", ["2025-06-30"]],
      ["THÁNG 12 NĂM 2024", ["2024-12-31"]],
    ]);
  });

  it("without a year the plan year fills in", () => {
    check([["tháng 2", ["2024-02-29"]], ["Tháng 9", ["2024-09-30"]]], 2024);
    check([["tháng 2", ["2025-02-28"]]], 2025);
  });

  it("ignores months that do not exist", () => {
    check([
      ["tháng 13/2025", []],
      ["tháng 0/2025", []],
    ]);
  });
});

describe("days are deadlines on that day", () => {
  it("after trước, chậm nhất, đến, ngày", () => {
    check([
      ["Trước ngày 10/01/2024", ["2024-01-10"]],
      ["trước ngày 10/01/2024", ["2024-01-10"]],
      ["Chậm nhất là ngày 31/01/2025.", ["2025-01-31"]],
      ["chậm nhất ngày 31/01/2025", ["2025-01-31"]],
      ["ngày 15/11/2024", ["2024-11-15"]],
      ["đến ngày 31/12/2024", ["2024-12-31"]],
      ["trước 30/6/2025", ["2025-06-30"]],
      ["Hạn: 15/11/2024", ["2024-11-15"]],
    ]);
  });

  it("dd-mm-yyyy, dd.mm.yyyy, ISO and written in words", () => {
    check([
      ["15-11-2024", ["2024-11-15"]],
      ["15.11.2024", ["2024-11-15"]],
      ["15/11/2024", ["2024-11-15"]],
      ["5/1/2025", ["2025-01-05"]],
      ["2025-03-15", ["2025-03-15"]],
      ["ngày 15 tháng 11 năm 2024", ["2024-11-15"]],
      ["Ngày 15 tháng 11 năm 2024", ["2024-11-15"]],
      ["ngày 15 tháng 11/2024", ["2024-11-15"]],
      ["ngày 01 tháng 7 năm 2025", ["2025-07-01"]],
    ]);
  });

  it("a day without year takes the plan year", () => {
    check(
      [
        ["ngày 15/11", ["2024-11-15"]],
        ["trước ngày 20/11 hàng năm", ["2024-11-20"], "annual"],
        ["trước 30/6", ["2024-06-30"]],
        ["ngày 15 tháng 11", ["2024-11-15"]],
        ["chậm nhất ngày 31/01", ["2024-01-31"]],
        ["ngày 29/02", ["2024-02-29"]],
      ],
      2024,
    );
    check([["ngày 15/11", ["2025-11-15"]]], 2025);
  });

  it("impossible days are not milestones", () => {
    check([
      ["ngày 31/02/2025", []],
      ["ngày 29/02/2025", []],
      ["31/04/2025", []],
      ["ngày 32/01/2025", []],
      ["ngày 15/13/2025", []],
      ["ngày 00/01/2025", []],
      ["ngày 29/02", []],
      ["ngày 1/1/1800", []],
    ]);
  });

  it("a date that belongs to a cited document is not a deadline", () => {
    check([
      ["Theo Nghị định số 59/2019/NĐ-CP ngày 01/7/2019", []],
      ["Quyết định số 291/QĐ-UBND ngày 31/01/2023", []],
      ["theo Kế hoạch số 09 ngày 25/7/2025", []],
      ["Thông tư số 01/2023/TT-BNV", []],
    ]);
  });
});

describe("trước <period> ends with the period before", () => {
  it("quarters, months and years", () => {
    check([
      ["trước quý II năm 2024", ["2024-03-31"]],
      ["Trước quý IV/2025", ["2025-09-30"]],
      ["trước quý I năm 2025", ["2024-12-31"]],
      ["trước tháng 7", ["2025-06-30"]],
      ["Trước tháng 3/2024", ["2024-02-29"]],
      ["trước tháng 1/2025", ["2024-12-31"]],
      ["Trước năm 2026", ["2025-12-31"]],
      ["truoc quy II nam 2024", ["2024-03-31"]],
    ]);
  });

  it("but trước ngày X and trước cuối năm are X and the year's end", () => {
    check([
      ["trước ngày 31/12", ["2025-12-31"]],
      ["trước cuối năm", ["2025-12-31"]],
      ["trước cuối tháng 6", ["2025-06-30"]],
    ]);
  });
});

describe("ranges count by their end", () => {
  it("quarter ranges", () => {
    check([
      ["Quý III-IV/2025", ["2025-12-31"]],
      ["Quý III - IV/2025", ["2025-12-31"]],
      ["Quý III – IV năm 2025", ["2025-12-31"]],
      ["quý III đến quý IV năm 2025", ["2025-12-31"]],
      ["từ quý II/2025 đến hết quý IV/2025", ["2025-12-31"]],
      ["Quý I/2024 - Quý II/2025", ["2025-06-30"]],
      ["Quý I-II", ["2025-06-30"]],
    ]);
  });

  it("month ranges", () => {
    check([
      ["từ tháng 3 đến tháng 6/2025", ["2025-06-30"]],
      ["tháng 3-6/2025", ["2025-06-30"]],
      ["Tháng 3 - 6 năm 2025", ["2025-06-30"]],
      ["tháng 10 đến tháng 12/2024", ["2024-12-31"]],
      ["tháng 10/2024 - tháng 3/2025", ["2025-03-31"]],
      ["Từ tháng 01 đến tháng 02/2024", ["2024-02-29"]],
    ]);
  });

  it("day and mixed ranges", () => {
    check([
      ["từ đầu năm 2024 đến ngày 15/11/2024", ["2024-11-15"]],
      ["Từ ngày 01/3/2025 đến ngày 30/6/2025", ["2025-06-30"]],
      ["ngày 10-15/11/2024", ["2024-11-15"]],
      ["từ tháng 3/2025 đến hết năm 2025", ["2025-12-31"]],
      ["năm 2024-2025", ["2025-12-31"]],
      ["từ năm 2024 đến năm 2025", ["2025-12-31"]],
    ]);
  });

  it("a start without year takes the year of its end", () => {
    // A range must not reach back into another year the text does not name.
    check([["từ tháng 10 đến tháng 12/2024", ["2024-12-31"]]], 2026);
    check([["quý III đến quý IV năm 2025", ["2025-12-31"]]], 2024);
  });
});

describe("lists give every member", () => {
  it("sharing the year written after them", () => {
    check([
      ["quý II và quý IV năm 2025", ["2025-06-30", "2025-12-31"]],
      ["quý I và III/2024", ["2024-03-31", "2024-09-30"]],
      ["Quý 1, 2 năm 2025", ["2025-03-31", "2025-06-30"]],
      ["tháng 3, 6, 9 và 12", ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]],
      ["Quý II/2024, Quý IV/2024", ["2024-06-30", "2024-12-31"]],
    ]);
    check([["quý II và quý IV năm 2025", ["2025-06-30", "2025-12-31"]]], 2024);
  });

  it("a number after a dated month is not another month", () => {
    check([["Tháng 3/2024, 2 lần", ["2024-03-31"]]]);
  });
});

describe("parts of a year", () => {
  it("đầu, giữa, cuối năm and halves", () => {
    check([
      ["Đầu năm 2025.", ["2025-03-31"]],
      ["đầu năm 2025", ["2025-03-31"]],
      ["đầu năm", ["2025-03-31"]],
      ["giữa năm", ["2025-06-30"]],
      ["giữa năm 2024", ["2024-06-30"]],
      ["cuối năm 2025", ["2025-12-31"]],
      ["Cuối năm", ["2025-12-31"]],
      ["đến hết năm 2025", ["2025-12-31"]],
      ["6 tháng đầu năm", ["2025-06-30"]],
      ["06 tháng đầu năm 2024", ["2024-06-30"]],
      ["sáu tháng đầu năm", ["2025-06-30"]],
      ["nửa đầu năm 2025", ["2025-06-30"]],
      ["6 tháng cuối năm", ["2025-12-31"]],
      ["6 tháng cuối năm 2024", ["2024-12-31"]],
      ["Báo cáo 6 tháng đầu năm", ["2025-06-30"]],
    ]);
  });

  it("whole years end on 31/12 of that year", () => {
    check([
      ["Trong năm 2024.", ["2024-12-31"], "continuous"],
      ["trong năm 2025", ["2025-12-31"], "continuous"],
      ["Cả năm", ["2025-12-31"], "continuous"],
      ["cả năm 2024", ["2024-12-31"], "continuous"],
      ["năm 2025", ["2025-12-31"]],
      ["Năm 2026", ["2026-12-31"]],
      ["Hoàn thành năm 2025", ["2025-12-31"]],
      ["hàng năm", ["2025-12-31"], "annual"],
      ["Hằng năm", ["2025-12-31"], "annual"],
    ]);
    check([["Cả năm", ["2024-12-31"], "continuous"], ["trong năm", ["2024-12-31"], "continuous"]], 2024);
  });

  it("a year that only labels something is not a deadline", () => {
    check([
      ["Tổng kết năm 2024", []],
      ["Báo cáo kết quả năm 2024 trong quý I", ["2025-03-31"]],
      ["năm 20255", []],
    ]);
  });
});

describe("recurring timelines without a date run to the end of the plan year", () => {
  it("monthly", () => {
    check([
      ["Báo cáo hàng tháng.", ["2025-12-31"], "monthly"],
      ["Định kỳ hàng tháng trong năm.", ["2025-12-31"], "monthly"],
      ["Hằng tháng", ["2025-12-31"], "monthly"],
      ["mỗi tháng một lần", ["2025-12-31"], "monthly"],
      ["định kỳ tháng", ["2025-12-31"], "monthly"],
      ["trước ngày 15 hàng tháng", ["2025-12-31"], "monthly"],
    ]);
  });

  it("quarterly", () => {
    check([
      ["Kiểm tra định kỳ hàng quý và kiểm tra đột xuất.", ["2025-12-31"], "quarterly"],
      ["Hàng quý", ["2025-12-31"], "quarterly"],
      ["định kỳ quý", ["2025-12-31"], "quarterly"],
      ["mỗi quý một lần", ["2025-12-31"], "quarterly"],
      ["Báo cáo quý, 6 tháng, năm", ["2025-12-31"], "quarterly"],
      ["Hàng quý hoặc khi có yêu cầu", ["2025-12-31"], "quarterly"],
    ]);
  });

  it("semiannual", () => {
    check([
      ["định kỳ 6 tháng", ["2025-12-31"], "semiannual"],
      ["định kỳ 06 tháng", ["2025-12-31"], "semiannual"],
      ["báo cáo 6 tháng", ["2025-12-31"], "semiannual"],
      ["báo cáo định kỳ 6 tháng và năm", ["2025-12-31"], "semiannual"],
      ["6 tháng/lần", ["2025-12-31"], "semiannual"],
      ["6 tháng một lần", ["2025-12-31"], "semiannual"],
    ]);
  });

  it("annual", () => {
    check([
      ["hàng năm", ["2025-12-31"], "annual"],
      ["Định kỳ hàng năm", ["2025-12-31"], "annual"],
      ["mỗi năm một lần", ["2025-12-31"], "annual"],
      ["Tháng 12 hàng năm", ["2025-12-31"], "annual"],
      ["Quý I hàng năm", ["2025-03-31"], "annual"],
    ]);
  });

  it("continuous", () => {
    check([
      ["Thường xuyên", ["2025-12-31"], "continuous"],
      ["Thường xuyên trong năm.", ["2025-12-31"], "continuous"],
      ["Niêm yết thường xuyên trong năm.", ["2025-12-31"], "continuous"],
      ["Liên tục", ["2025-12-31"], "continuous"],
      ["Hàng ngày", ["2025-12-31"], "continuous"],
      ["Thường xuyên, kịp thời", ["2025-12-31"], "continuous"],
      ["Thường xuyên trong năm; định kỳ báo cáo kết quả thực hiện.", ["2025-12-31"], "continuous"],
    ]);
  });

  it("periodic", () => {
    check([
      ["định kỳ báo cáo theo quy định", ["2025-12-31"], "periodic"],
      ["Định kỳ hoặc đột xuất", ["2025-12-31"], "periodic"],
      ["Hàng tuần", ["2025-12-31"], "periodic"],
      ["Ban hành kế hoạch quý I/2025, báo cáo kết quả thực hiện theo định kỳ.", ["2025-03-31"], "periodic"],
    ]);
  });

  it("uses the plan year, whatever it is", () => {
    check([["Báo cáo hàng tháng", ["2024-12-31"], "monthly"], ["Thường xuyên", ["2024-12-31"], "continuous"]], 2024);
    check([["Kiểm tra định kỳ hàng quý", ["2030-12-31"], "quarterly"]], 2030);
  });

  it("a concrete date replaces the year's end", () => {
    check([
      ["Công văn triển khai trong quý I/2025; báo cáo kết quả hàng quý.", ["2025-03-31"], "quarterly"],
      ["Quý I năm 2025 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện theo quy định.", ["2025-03-31"], "periodic"],
    ]);
  });

  it("a stated cadence wins over thường xuyên, which wins over định kỳ", () => {
    check([
      ["Thường xuyên; báo cáo hàng tháng", ["2025-12-31"], "monthly"],
      ["Thực hiện thường xuyên, báo cáo hàng quý", ["2025-12-31"], "quarterly"],
      ["Thường xuyên, tổng kết hàng năm", ["2025-12-31"], "continuous"],
      ["Định kỳ, thường xuyên", ["2025-12-31"], "continuous"],
    ]);
  });

  it("recurrence is null for one-off deadlines", () => {
    check([
      ["Quý I năm 2025", ["2025-03-31"]],
      ["Tháng 3/2024", ["2024-03-31"]],
      ["Đầu năm 2025", ["2025-03-31"]],
    ]);
  });
});

describe("conditions have no date and no recurrence", () => {
  it("the contract's examples and their kin", () => {
    check([
      ["Khi có quy định, hướng dẫn của Bộ ngành Trung ương", []],
      ["khi có quy định, hướng dẫn của Bộ ngành Trung ương", []],
      ["Theo Chương trình công tác đã phê duyệt", []],
      ["theo lộ trình phê duyệt", []],
      ["Theo lộ trình được phê duyệt", []],
      ["Kịp thời, đúng tiến độ đã được cấp có thẩm quyền giao.", []],
      ["kịp thời, đúng tiến độ được giao", []],
      ["Sau khi tỉnh ban hành Bộ chỉ số", []],
      ["Định kỳ theo lộ trình phê duyệt", []],
      ["Theo yêu cầu của cấp trên", []],
      ["Thực hiện theo quy định", []],
      ["", []],
      ["   ", []],
    ]);
  });

  it("a condition beside a concrete date keeps the date", () => {
    check([["Quý I năm 2025 (sau khi tỉnh ban hành Bộ chỉ số)", ["2025-03-31"]]]);
  });
});

describe("the year written in the text wins over the plan year", () => {
  it("even when it looks like a slip", () => {
    check([
      ["Trong năm 2024.", ["2024-12-31"], "continuous"],
      ["Quý IV năm 2024 báo cáo kết quả thực hiện.", ["2024-12-31"]],
      ["trước ngày 30/11/2024", ["2024-11-30"]],
      ["Tháng 3/2023", ["2023-03-31"]],
    ]);
  });
});

describe("several deadlines in one text", () => {
  it("are milestones in order of appearance; due is the latest", () => {
    check([
      [
        "Ban hành trong quý I/2025, báo cáo công tác đào tạo, bồi dưỡng về UBND thành phố (qua phòng Nội vụ thành phố) trước ngày 30/11/2024.",
        ["2025-03-31", "2024-11-30"],
      ],
      ["Quý I năm 2025 (sau khi tỉnh ban hành Bộ chỉ số). Quý IV năm 2024 báo cáo kết quả thực hiện.", ["2025-03-31", "2024-12-31"]],
      ["Ban hành Kế hoạch trong quý I/2025; thực hiện thường xuyên trong năm.", ["2025-03-31", "2025-12-31"], "continuous"],
      ["Ban hành trong Quý I/2025 và báo cáo trước ngày 15/12/2025", ["2025-03-31", "2025-12-15"]],
      ["Quý I năm 2025 ban hành kế hoạch, Quý IV năm 2025 tổng kết", ["2025-03-31", "2025-12-31"]],
      ["31/3/2025 và 30/6/2025", ["2025-03-31", "2025-06-30"]],
      ["Tháng 6/2025 sơ kết; tháng 1/2025 triển khai", ["2025-06-30", "2025-01-31"]],
    ]);
  });

  it("are de-duplicated", () => {
    check([
      ["Quý I/2025; quý I/2025", ["2025-03-31"]],
      ["ngày 15/11/2024 (hạn cuối ngày 15/11/2024)", ["2024-11-15"]],
      ["Quý IV/2025, cuối năm 2025, ngày 31/12/2025, tháng 12/2025", ["2025-12-31"]],
    ]);
  });
});

describe("typos and OCR damage", () => {
  it("broken separators and spacing", () => {
    check([
      ["Quý IV//2025", ["2025-12-31"]],
      ["Quý  I /2025", ["2025-03-31"]],
      ["quý I năm2025", ["2025-03-31"]],
      ["31/3/ 2025", ["2025-03-31"]],
      ["ngày 31 /3/2025", ["2025-03-31"]],
      ["tháng 6 năm2025", ["2025-06-30"]],
      ["Quý I\n/2025", ["2025-03-31"]],
    ]);
  });

  it("missing or wrong diacritics", () => {
    check([
      ["Thoi gian thuc hién: Quy IV/2025", ["2025-12-31"]],
      ["Quy IV/2025", ["2025-12-31"]],
      ["Quÿ IV/2025", ["2025-12-31"]],
      ["Qúy III/2025", ["2025-09-30"]],
      ["Qui II/2025", ["2025-06-30"]],
      ["Quý lV/2025", ["2025-12-31"]],
      ["Quý Il/2025", ["2025-06-30"]],
      ["Thang 3/2024", ["2024-03-31"]],
      ["thâng 3/2024", ["2024-03-31"]],
      ["ngay 15 thang 11 nam 2024", ["2024-11-15"]],
      ["trudc ngay 20/11/2024", ["2024-11-20"]],
      ["chdm nhét ngày 31/01/2025", ["2025-01-31"]],
      ["truoc quy II nam 2024", ["2024-03-31"]],
      ["hang thang", ["2025-12-31"], "monthly"],
      ["hàng thảng", ["2025-12-31"], "monthly"],
      ["hang quy", ["2025-12-31"], "quarterly"],
      ["hang nam", ["2025-12-31"], "annual"],
      ["thuong xuyen", ["2025-12-31"], "continuous"],
      ["Thudng xuyén trong năm", ["2025-12-31"], "continuous"],
      ["dinh ky bao cao", ["2025-12-31"], "periodic"],
      ["Định kì hàng quý", ["2025-12-31"], "quarterly"],
      ["ca nam", ["2025-12-31"], "continuous"],
      ["dau nam 2025", ["2025-03-31"]],
      ["cudi nam 2025", ["2025-12-31"]],
      ["Thường xuyên".normalize("NFD"), ["2025-12-31"], "continuous"],
    ]);
  });

  it("words that only look like dates", () => {
    check([
      ["Thực hiện theo quy trình", []],
      ["theo quy định", []],
      ["Báo cáo theo quy định", []],
      ["Quy chế, quy hoạch", []],
      ["Báo cáo trước ngày 20 tháng cuối quý", []],
      ["Trong 05 ngày làm việc", []],
      ["Nghị định 61/2018/NĐ-CP", []],
    ]);
  });
});

describe("the text itself", () => {
  it("is kept, with whitespace collapsed", () => {
    expect(readTimeline("  Quý I\n năm 2025 ", 2025).text).toBe("Quý I năm 2025");
    expect(readTimeline("Thường xuyên trong năm.", 2025).text).toBe("Thường xuyên trong năm.");
  });

  it("recurrence comes from the text alone: same text, same answer", () => {
    expect(read("Báo cáo hàng tháng", 2025)).toEqual(read("Báo cáo hàng tháng", 2025));
  });
});

// ---------------------------------------------------------------------------
// Gold: the hand-made answers for the seed documents (copied from shared/seeds/gold).

interface GoldTimeline {
  text: string | null;
  milestones: string[];
  due: string | null;
  recurrence: Timeline["recurrence"];
}

const goldDir = new URL("../../fixtures/seeds-gold/", import.meta.url);
const goldFiles = readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort();
const gold = goldFiles.flatMap((file) => {
  const doc = JSON.parse(readFileSync(new URL(file, goldDir), "utf8")) as { document: { year: number }; tasks: { ref: string | null; timeline: GoldTimeline }[] };
  return doc.tasks.map((task, i) => ({ file, i, ref: task.ref, year: doc.document.year, timeline: task.timeline }));
});
const goldWithText = gold.filter((g) => g.timeline.text !== null);

describe("gold timelines of the seed documents", () => {
  it("has the three gold files and their timelines", () => {
    expect(goldFiles).toHaveLength(3);
    expect(goldWithText.length).toBe(77);
  });

  it.each(goldWithText.map((g) => [`${g.file} #${g.i} (${g.ref ?? "-"}): ${g.timeline.text}`, g] as const))("%s", (_name, g) => {
    const t = readTimeline(g.timeline.text as string, g.year);
    expect({ milestones: t.milestones, due: t.due, recurrence: t.recurrence }).toEqual({
      milestones: g.timeline.milestones,
      due: g.timeline.due,
      recurrence: g.timeline.recurrence,
    });
    expect(t.text).toBe(g.timeline.text);
  });

  it("tasks without a timeline have none", () => {
    for (const g of gold.filter((x) => x.timeline.text === null)) {
      expect(g.timeline).toEqual({ text: null, milestones: [], due: null, recurrence: null });
      const t = readTimeline("", g.year);
      expect([t.milestones, t.due, t.recurrence]).toEqual([[], null, null]);
    }
  });
});

// ---------------------------------------------------------------------------
// Properties

function assertWellFormed(text: string, planYear: number): Timeline {
  const t = readTimeline(text, planYear);
  for (const m of t.milestones) expect(isIsoDate(m)).toBe(true);
  expect(new Set(t.milestones).size).toBe(t.milestones.length);
  if (t.milestones.length === 0) expect(t.due).toBeNull();
  else expect(t.due).toBe([...t.milestones].sort().at(-1));
  expect(RECURRENCES).toContain(t.recurrence);
  expect(t.text).toBe(text.replace(/\s+/g, " ").trim());
  return t;
}

const FRAGMENTS = [
  "Quý", "quý", "Quy", "Q", "tháng", "thang", "năm", "nam", "ngày", "ngay", "trước", "truoc", "chậm nhất", "đến", "từ", "hết",
  "đầu", "giữa", "cuối", "hàng", "định kỳ", "thường xuyên", "cả", "trong", "6", "khi có", "theo", "và", ",", ";", ".", "(", ")",
  "/", "//", "-", "–", " ", "  ", "\n", "I", "II", "III", "IV", "V", "l", "0", "1", "2", "3", "4", "9", "12", "13", "15", "29",
  "30", "31", "32", "00", "2024", "2025", "1899", "2201", "9999", "Nghị định số 59/2019/NĐ-CP", "đ", "Đ", "\u0301", "\u00a0",
];
const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join(""));
const spacedFragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join(" "));
const planYearArb = fc.oneof(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: -10_000, max: 10_000 }), fc.constantFrom(NaN, 1900, 2200, 0.5));

describe("properties", () => {
  it("never throws on any string and always returns a well-formed timeline", () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1990, max: 2100 }), (s, y) => void assertWellFormed(s, y)), { numRuns: 500 });
  });

  it("copes with the whole of Unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), planYearArb, (s, y) => void assertWellFormed(s, y)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), planYearArb, (s, y) => void assertWellFormed(s, y)), { numRuns: 300 });
  });

  it("copes with strings made of timeline fragments", () => {
    fc.assert(fc.property(fragmentText, planYearArb, (s, y) => void assertWellFormed(s, y)), { numRuns: 2000 });
    fc.assert(fc.property(spacedFragmentText, fc.integer({ min: 2000, max: 2100 }), (s, y) => void assertWellFormed(s, y)), { numRuns: 2000 });
  });

  it("with an unusable plan year it only reports dates that carry their own year", () => {
    fc.assert(
      fc.property(fragmentText, fc.constantFrom(NaN, 0.5, -3, 99_999), (s, y) => {
        const t = assertWellFormed(s, y);
        for (const m of t.milestones) expect(isIsoDate(m)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  const dateArb = fc.record({ y: fc.integer({ min: 1950, max: 2150 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) });

  it("reads any real day in any written form; an impossible one gives nothing", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom("ngày {d}/{m}/{y}", "trước ngày {dd}/{mm}/{y}", "chậm nhất là ngày {d}/{m}/{y}", "{dd}-{mm}-{y}", "{dd}.{mm}.{y}", "ngày {d} tháng {m} năm {y}", "Đến ngày {d}/{m}/ {y}"),
        fc.integer({ min: 2000, max: 2100 }),
        ({ y, m, d }, pattern, planYear) => {
          const text = pattern
            .replace("{dd}", String(d).padStart(2, "0"))
            .replace("{mm}", String(m).padStart(2, "0"))
            .replace("{d}", String(d))
            .replace("{m}", String(m))
            .replace("{y}", String(y));
          const t = readTimeline(text, planYear);
          const real = d <= daysInMonth(y, m);
          expect(t.milestones).toEqual(real ? [ymd(y, m, d)] : []);
          expect(t.due).toBe(real ? ymd(y, m, d) : null);
          expect(t.recurrence).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads any quarter and month, the written year winning over the plan year", () => {
    const roman = ["I", "II", "III", "IV"];
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1950, max: 2150 }), fc.boolean(), (y, q, planYear, digits) => {
        const end = ymd(y, q * 3, daysInMonth(y, q * 3));
        const label = digits ? String(q) : roman[q - 1];
        for (const text of [`Quý ${label}/${y}`, `quý ${label} năm ${y}`, `Quy ${label}//${y}`, `Q${q}/${y}`]) expect(read(text, planYear)).toEqual([[end], null]);
        expect(read(`Quý ${label}`, planYear)).toEqual([[ymd(planYear, q * 3, daysInMonth(planYear, q * 3))], null]);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1950, max: 2150 }), (y, m, planYear) => {
        const end = ymd(y, m, daysInMonth(y, m));
        for (const text of [`tháng ${m}/${y}`, `Tháng ${String(m).padStart(2, "0")} năm ${y}`, `cuối tháng ${m}/${y}`, `thang ${m}-${y}`]) expect(read(text, planYear)).toEqual([[end], null]);
        expect(read(`tháng ${m}`, planYear)).toEqual([[ymd(planYear, m, daysInMonth(planYear, m))], null]);
      }),
    );
  });

  it("a recurring text without a date ends on 31/12 of any plan year", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ["Báo cáo hàng tháng", "monthly"],
          ["Kiểm tra định kỳ hàng quý", "quarterly"],
          ["Thường xuyên", "continuous"],
          ["định kỳ 6 tháng", "semiannual"],
          ["hàng năm", "annual"],
          ["Định kỳ báo cáo", "periodic"],
        ),
        fc.integer({ min: 1950, max: 2150 }),
        ([text, recurrence], planYear) => {
          expect(read(text, planYear)).toEqual([[`${planYear}-12-31`], recurrence]);
        },
      ),
    );
  });

  /** Self-contained one-off phrases with their own year and their milestones. */
  const PHRASES: [string, string[]][] = [
    ["Quý I/2025", ["2025-03-31"]],
    ["quý IV năm 2024", ["2024-12-31"]],
    ["Tháng 2/2024", ["2024-02-29"]],
    ["tháng 6 năm 2025", ["2025-06-30"]],
    ["trước ngày 10/01/2024", ["2024-01-10"]],
    ["chậm nhất là ngày 31/01/2025", ["2025-01-31"]],
    ["ngày 15 tháng 11 năm 2024", ["2024-11-15"]],
    ["trước quý II năm 2024", ["2024-03-31"]],
    ["Quý III-IV/2025", ["2025-12-31"]],
    ["từ tháng 3 đến tháng 6/2025", ["2025-06-30"]],
    ["đầu năm 2025", ["2025-03-31"]],
    ["giữa năm 2026", ["2026-06-30"]],
    ["6 tháng cuối năm 2023", ["2023-12-31"]],
    ["ngày 31/02/2025", []],
    ["quý II và quý IV năm 2023", ["2023-06-30", "2023-12-31"]],
    ["15.11.2024", ["2024-11-15"]],
  ];

  it("joining phrases joins their milestones, in order, without duplicates", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 6 }), fc.constantFrom("; ", ". ", "; sau đó ", ", báo cáo "), fc.integer({ min: 2000, max: 2100 }), (parts, sep, planYear) => {
        const text = parts.map(([p]) => p).join(sep);
        const expected = [...new Set(parts.flatMap(([, m]) => m))];
        const t = readTimeline(text, planYear);
        expect(t.milestones).toEqual(expected);
        expect(t.due).toBe(expected.length ? [...expected].sort().at(-1) : null);
        expect(t.recurrence).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
