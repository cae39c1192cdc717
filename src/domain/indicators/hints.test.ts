import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv, readDossierGrid, readFeedbackGrid, readProcedureGrid } from "../../import/dossiers/index.js";
import { HINTS, type IndicatorHint, hintsFor } from "./hints.js";
import { INDICATORS, type Index766, type IndicatorResult, type Settings766, computeIndex766 } from "./qd766.js";

const dir = new URL("../../../fixtures/indicators/", import.meta.url);
const grid = (name: string) => parseCsv(readFileSync(new URL(name, dir), "utf8"));
/** The worked example of reference §9 (March 2026, nine received dossiers). */
const example = {
  window: { from: "2026-03-01", to: "2026-03-31" },
  dossiers: readDossierGrid(grid("hoso.csv"), "hoso.csv").records,
  procedures: readProcedureGrid(grid("thutuc.csv"), "thutuc.csv").records,
  feedback: readFeedbackGrid(grid("pakn.csv"), "pakn.csv").records,
};
const byId = (hints: IndicatorHint[]) => Object.fromEntries(hints.map((h) => [h.id, h]));

/** An index holding only the given indicator results (the rest of the tree left out). */
function indexOf(rows: Array<Pick<IndicatorResult, "id" | "numerator" | "denominator" | "points"> & Partial<IndicatorResult>>): Index766 {
  const indicators = rows.map((r) => {
    const def = INDICATORS.find((i) => i.id === r.id)!;
    return { name: def.name, max: def.max, rate: null, status: "computed" as const, ...r };
  });
  return { profile: "dvcqg-2026", max: 100, total: 0, class: "", groups: [{ id: "x", name: "x", max: 100, points: 0, indicators }] };
}

describe("hints on the worked example (reference §9.3), computed by hand", () => {
  const hints = hintsFor(computeIndex766(example));
  const h = byId(hints);

  it("lists the computed indicators below their maximum, in the order of the tree", () => {
    // Full: 1.1–1.3 (external), 3.1 (18/20 ≥ 80 %), 3.3 (5/9 ≥ 50 %), 5.3 (1/1).
    expect(hints.map((x) => x.id)).toEqual(["1.4", "2.1", "3.2", "4.a", "4.b", "4.c", "5.1", "5.2", "5.4", "5.5", "5.6", "5.7", "6.1", "6.2", "6.3"]);
  });

  it("linear indicators need every record of the denominator: k = d − n, gain = P × (d − n) / d", () => {
    // 1.4: 8/9, P 6 → 1 more synced dossier, 6 − 6 × 8/9 = 2/3.
    expect(h["1.4"]).toMatchObject({ additional: 1, additionalNew: null, pointsGained: 0.67, targetRate: 100, what: "1 hồ sơ nữa được đồng bộ lên Cổng DVCQG" });
    // 2.1: 7/9, P 20 → 2, 20 × 2/9 = 4.444….
    expect(h["2.1"]).toMatchObject({ additional: 2, pointsGained: 4.44, points: 15.56, what: "2 hồ sơ nữa được giải quyết trước hạn hoặc đúng hạn" });
    expect(h["2.1"]!.advice).toBe("Giải quyết đúng hạn các hồ sơ đang xử lý; gửi phiếu xin lỗi khi trễ.");
    // 3.2: 5/18 online services, P 4 → 13, 4 × 13/18 = 2.888….
    expect(h["3.2"]).toMatchObject({ unit: "service", additional: 13, pointsGained: 2.89, what: "13 dịch vụ công trực tuyến nữa phát sinh hồ sơ nộp trực tuyến" });
    // 4.c: 2/3, P 6 → 1, 2 points.
    expect(h["4.c"]).toMatchObject({ additional: 1, pointsGained: 2 });
    // 5.1: 4/6 → 2, 6 × 2/6 = 2.
    expect(h["5.1"]).toMatchObject({ additional: 2, pointsGained: 2, what: "2 hồ sơ nữa có kết quả điện tử" });
    // 5.2: 6/9, P 4 → 3, 4 × 3/9 = 1.333….
    expect(h["5.2"]).toMatchObject({ additional: 3, pointsGained: 1.33, what: "3 hồ sơ nữa được số hóa" });
    // 5.5: 4/9 → 5, 4 × 5/9 = 2.222…; 5.6: 5/9, P 2 → 4, 2 × 4/9 = 0.888…; 5.7: 15/18 TTHC → 3, 2 × 3/18 = 0.333….
    expect(h["5.5"]).toMatchObject({ additional: 5, pointsGained: 2.22 });
    expect(h["5.6"]).toMatchObject({ additional: 4, pointsGained: 0.89 });
    expect(h["5.7"]).toMatchObject({ unit: "procedure", additional: 3, pointsGained: 0.33 });
    // 6.1 and 6.2: 1/2 PAKN, P 6 → 1, 3 points.
    expect(h["6.1"]).toMatchObject({ unit: "feedback", additional: 1, pointsGained: 3, what: "1 phản ánh, kiến nghị nữa được xử lý đúng hạn" });
    expect(h["6.2"]).toMatchObject({ additional: 1, pointsGained: 3 });
  });

  it("threshold indicators need only k = ⌈t × d⌉ − n, and gain P − P × R / t", () => {
    // 4.a: 3/5 fee TTHC, t 80 %: 0.8 × 5 = 4 exactly → 1 more; 2 − 2 × 0.6 / 0.8 = 0.5. Procedures do not keep arriving: no "new" count.
    expect(h["4.a"]).toMatchObject({ unit: "procedure", targetRate: 80, additional: 1, additionalNew: null, pointsGained: 0.5 });
    // 4.b: 2/3, 0.8 × 3 = 2.4 → 3 → 1 more; 2 − 2 × (2/3) / 0.8 = 1/3.
    expect(h["4.b"]).toMatchObject({ additional: 1, pointsGained: 0.33 });
    // 5.4: 3/9, 0.8 × 9 = 7.2 → 8 → 5 more; 2 − 2 × (1/3) / 0.8 = 7/6. New re-using dossiers: (7.2 − 3) / 0.2 = 21 (24/30 = 80 %).
    expect(h["5.4"]).toMatchObject({ targetRate: 80, additional: 5, additionalNew: 21, pointsGained: 1.17, what: "5 hồ sơ nữa tái sử dụng dữ liệu đã số hóa hoặc 21 hồ sơ mới tái sử dụng dữ liệu đã số hóa" });
    // 6.3: 7/9, t 90 %: 8.1 → 9 → 2 more; 6 − 6 × (7/9) / 0.9 = 22/27 = 0.8148…; new: (8.1 − 7) / 0.1 = 11 (18/20 = 90 %).
    expect(h["6.3"]).toMatchObject({ targetRate: 90, additional: 2, additionalNew: 11, pointsGained: 0.81 });
  });

  it("every scored indicator the commune computes has its hint data, with a Vietnamese sentence", () => {
    for (const def of INDICATORS.filter((i) => !["1.1", "1.2", "1.3"].includes(i.id))) {
      expect(HINTS[def.id], def.id).toBeDefined();
      expect(HINTS[def.id]!.advice).toMatch(/\.$/);
    }
  });
});

describe("hints: edge cases", () => {
  it("a threshold reached exactly gives no hint; just below it needs one record", () => {
    // 3.3 at 50 % (t × d = 4.5 → 5): 5/10 full; 4/9 → 1 more, or 1 new online dossier (5/10).
    expect(hintsFor(indexOf([{ id: "3.3", numerator: 5, denominator: 10, points: 6 }]))).toEqual([]);
    const [h] = hintsFor(indexOf([{ id: "3.3", numerator: 4, denominator: 9, points: 5.33 }]));
    // 6 − 6 × (4/9) / 0.5 = 2/3.
    expect(h).toMatchObject({ id: "3.3", additional: 1, additionalNew: 1, pointsGained: 0.67, what: "1 hồ sơ nữa nộp trực tuyến hoặc 1 hồ sơ mới nộp trực tuyến" });
  });

  it("skips empty, no_input and external indicators", () => {
    const ix = indexOf([
      { id: "4.c", numerator: 0, denominator: 0, points: 0, status: "empty" },
      { id: "3.1", numerator: null, denominator: null, points: 0, status: "no_input" },
      { id: "1.1", numerator: null, denominator: null, points: 6, status: "external" },
    ]);
    expect(hintsFor(ix)).toEqual([]);
  });

  it("5.3 without the e-certified-copy service: one action, no count", () => {
    const [h] = hintsFor(indexOf([{ id: "5.3", numerator: 0, denominator: 1, points: 0 }]));
    expect(h).toMatchObject({ unit: "commune", additional: 1, pointsGained: 2, what: "Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính" });
  });

  it("large counts use the Vietnamese thousands separator", () => {
    // 2.1: 8 766 of 12 000 → 3 234 more; 20 × 3234 / 12000 = 5.39.
    const [h] = hintsFor(indexOf([{ id: "2.1", numerator: 8766, denominator: 12000, points: 14.61 }]));
    expect(h).toMatchObject({ additional: 3234, pointsGained: 5.39, what: "3.234 hồ sơ nữa được giải quyết trước hạn hoặc đúng hạn" });
  });

  it("5.2 scored with a threshold (setting digitisation_scoring) needs only 80 %", () => {
    const ix = indexOf([{ id: "5.2", numerator: 6, denominator: 9, points: 3.33 }]);
    // 0.8 × 9 = 7.2 → 8 → 2 more; 4 − 4 × (2/3) / 0.8 = 2/3; new: (7.2 − 6) / 0.2 = 6 (12/15 = 80 %).
    expect(hintsFor(ix, { digitisation_scoring: "threshold" } satisfies Partial<Settings766>)[0]).toMatchObject({ targetRate: 80, additional: 2, additionalNew: 6, pointsGained: 0.67 });
    // Linear (default): 3 more, 4 × 3/9.
    expect(hintsFor(ix)[0]).toMatchObject({ targetRate: 100, additional: 3, additionalNew: null, pointsGained: 1.33 });
  });

  it("3.3 multiplied by the sync rate (setting online_share_times_sync_rate)", () => {
    const ix = indexOf([
      { id: "1.4", numerator: 8, denominator: 9, points: 5.33 },
      { id: "3.3", numerator: 5, denominator: 9, points: 5.93 },
    ]);
    const h = byId(hintsFor(ix, { online_share_times_sync_rate: true }));
    // R = 5/9 × 8/9 = 40/81 < 1/2; n + k ≥ 0.5 × 9 × 9/8 = 5.0625 → 6 → 1 more; 6 − 6 × (40/81) / 0.5 = 6/81 = 0.074….
    expect(h["3.3"]).toMatchObject({ additional: 1, additionalNew: null, pointsGained: 0.07 });
    // With no synced dossier at all, online dossiers alone cannot reach 50 %.
    const none = byId(hintsFor(indexOf([
      { id: "1.4", numerator: 0, denominator: 9, points: 0 },
      { id: "3.3", numerator: 5, denominator: 9, points: 0 },
    ]), { online_share_times_sync_rate: true }));
    expect(none["3.3"]).toMatchObject({ additional: null, pointsGained: 6 });
  });
});
