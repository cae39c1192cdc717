import { type Calendar, type Context, NO_HOLIDAYS, type Window, classify, endedBy, feedbackInWindow, feedbackOutcome, isFeeBearing, isOnline, isPaidOnline, isReceived, isUnsatisfiedFeedback, procedureOf, isAccepted } from "./compute.js";
import { type Frac, add, cmp, div, frac, fromDecimal, minF, mul, round2 } from "./ratio.js";
import { type Dossier, type Feedback, type Procedure, isCitizenFacing } from "./types.js";

/**
 * Settings for the open points of reference §10. Defaults = the readings of the worked example (§9).
 * - profile: `dvcqg-2026` (portal, six groups) or `qd766-2022` (same indicators, five groups).
 * - group3_model: `2+4+6` (3.1 threshold 80 %, 3.2 linear, 3.3 threshold 50 %).
 * - progress_basis: 2.1 denominator, `received` in the window or `handled` (+ carried over).
 * - apology_moves_due_date: an apology letter's new date replaces the due date (default false).
 * - online_share_times_sync_rate: 3.3 rate multiplied by the 1.4 sync rate (default false).
 * - e_result_basis: 5.1 denominator, `finished` dossiers or `all` received of written-result TTHC.
 * - digitisation_scoring: 5.2 `linear` or `threshold` (full at 80 %).
 * - publication_indicators: 1.1–1.3 `full` points, or `province` values from `publication_rates`.
 * - province_only_rows: 5.6, 5.7 `compute` from the commune's records or given `full` points.
 * - classes: bands, the first whose min ≤ total names the class.
 */
export interface Settings766 {
  profile: "dvcqg-2026" | "qd766-2022";
  group3_model: "2+4+6";
  progress_basis: "received" | "handled";
  apology_moves_due_date: boolean;
  online_share_times_sync_rate: boolean;
  e_result_basis: "finished" | "all";
  digitisation_scoring: "linear" | "threshold";
  publication_indicators: "full" | "province";
  province_only_rows: "compute" | "full";
  classes: { name: string; min: number }[];
}
export const DEFAULT_SETTINGS: Settings766 = {
  profile: "dvcqg-2026",
  group3_model: "2+4+6",
  progress_basis: "received",
  apology_moves_due_date: false,
  online_share_times_sync_rate: false,
  e_result_basis: "finished",
  digitisation_scoring: "linear",
  publication_indicators: "full",
  province_only_rows: "compute",
  classes: [
    { name: "Xuất sắc", min: 90 },
    { name: "Tốt", min: 80 },
    { name: "Khá", min: 70 },
    { name: "Trung bình", min: 50 },
    { name: "Yếu", min: 0 },
  ],
};

export type Scoring = { mode: "linear" } | { mode: "threshold"; at: number };
export interface IndicatorDef { id: string; name: string; max: number; scoring: Scoring; group2026: string; group2022: string; needsCatalogue?: boolean; emptyFull?: boolean }
export const GROUPS_2026 = [
  { id: "1", name: "Công khai, minh bạch", max: 18 },
  { id: "2", name: "Tiến độ giải quyết", max: 20 },
  { id: "3", name: "Dịch vụ công trực tuyến", max: 12 },
  { id: "4", name: "Thanh toán trực tuyến", max: 10 },
  { id: "5", name: "Số hóa hồ sơ", max: 22 },
  { id: "6", name: "Mức độ hài lòng", max: 18 },
];
export const GROUPS_2022 = [
  { id: "1", name: "Công khai, minh bạch", max: 18 },
  { id: "2", name: "Tiến độ, kết quả giải quyết", max: 20 },
  { id: "3", name: "Số hóa hồ sơ", max: 22 },
  { id: "4", name: "Cung cấp dịch vụ trực tuyến", max: 22 },
  { id: "5", name: "Mức độ hài lòng", max: 18 },
];
const L: Scoring = { mode: "linear" };
const T = (at: number): Scoring => ({ mode: "threshold", at });
/** The indicator tree as data (§3). */
export const INDICATORS: IndicatorDef[] = [
  { id: "1.1", name: "Tỷ lệ TTHC công bố đúng hạn", max: 6, scoring: L, group2026: "1", group2022: "1" },
  { id: "1.2", name: "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", max: 4, scoring: L, group2026: "1", group2022: "1" },
  { id: "1.3", name: "Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành", max: 2, scoring: L, group2026: "1", group2022: "1" },
  { id: "1.4", name: "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", max: 6, scoring: L, group2026: "1", group2022: "1" },
  { id: "2.1", name: "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (đã và đang xử lý)", max: 20, scoring: L, group2026: "2", group2022: "2" },
  { id: "3.1", name: "Tỷ lệ TTHC cung cấp DVCTT", max: 2, scoring: T(0.8), group2026: "3", group2022: "4", needsCatalogue: true },
  { id: "3.2", name: "Tỷ lệ DVCTT có phát sinh hồ sơ", max: 4, scoring: L, group2026: "3", group2022: "4", needsCatalogue: true },
  { id: "3.3", name: "Tỷ lệ hồ sơ TTHC theo hình thức nộp (trực tuyến)", max: 6, scoring: T(0.5), group2026: "3", group2022: "4" },
  { id: "4.a", name: "Tỷ lệ TTHC có NVTC được tích hợp/cung cấp TTTT trên Cổng DVCQG", max: 2, scoring: T(0.8), group2026: "4", group2022: "4", needsCatalogue: true },
  { id: "4.b", name: "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến", max: 2, scoring: T(0.8), group2026: "4", group2022: "4" },
  { id: "4.c", name: "Tỷ lệ hồ sơ thanh toán trực tuyến", max: 6, scoring: L, group2026: "4", group2022: "4" },
  { id: "5.1", name: "Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử", max: 6, scoring: L, group2026: "5", group2022: "3" },
  { id: "5.2", name: "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ", max: 4, scoring: L, group2026: "5", group2022: "3" },
  { id: "5.3", name: "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", max: 2, scoring: L, group2026: "5", group2022: "3", needsCatalogue: true },
  { id: "5.4", name: "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa", max: 2, scoring: T(0.8), group2026: "5", group2022: "3" },
  { id: "5.5", name: "Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng", max: 4, scoring: L, group2026: "5", group2022: "3" },
  { id: "5.6", name: "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư", max: 2, scoring: L, group2026: "5", group2022: "3" },
  { id: "5.7", name: "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ GQ TTHC", max: 2, scoring: L, group2026: "5", group2022: "3", needsCatalogue: true },
  { id: "6.1", name: "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", max: 6, scoring: L, group2026: "6", group2022: "5", emptyFull: true },
  { id: "6.2", name: "Tỷ lệ hài lòng trong xử lý PAKN", max: 6, scoring: L, group2026: "6", group2022: "5", emptyFull: true },
  { id: "6.3", name: "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", max: 6, scoring: T(0.9), group2026: "6", group2022: "5" },
];

export type IndicatorStatus = "computed" | "empty" | "no_input" | "external";
export interface IndicatorResult { id: string; name: string; max: number; numerator: number | null; denominator: number | null; rate: number | null; points: number; status: IndicatorStatus }
export interface GroupResult { id: string; name: string; max: number; points: number; indicators: IndicatorResult[] }
export interface Index766 { profile: Settings766["profile"]; max: number; total: number; class: string; groups: GroupResult[] }

/** Points from the exact ratio R = num/den (× an optional factor) by the indicator's scoring. */
export function scorePoints(max: number, scoring: Scoring, r: Frac): Frac {
  const P = frac(max);
  const capped = minF(r, frac(1));
  if (scoring.mode === "linear") return mul(P, capped);
  const t = fromDecimal(scoring.at);
  return cmp(r, t) >= 0 ? P : div(mul(P, r), t);
}

export interface Index766Input {
  window: Window;
  dossiers: readonly Dossier[];
  /** null = no procedures file (3.1, 3.2, 4.a, 5.3, 5.7 get status no_input). */
  procedures: readonly Procedure[] | null;
  feedback: readonly Feedback[];
  settings?: Partial<Settings766>;
  calendar?: Calendar;
  /** Rates (0–100) of 1.1–1.3 when publication_indicators = "province". */
  publicationRates?: Partial<Record<"1.1" | "1.2" | "1.3", number>>;
}

export function makeContext(input: Pick<Index766Input, "window" | "procedures" | "settings" | "calendar">): Context {
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const procedures = new Map((input.procedures ?? []).filter((p) => p.levels.includes("xa")).map((p) => [p.code, p] as const));
  return { window: input.window, procedures, settings, calendar: input.calendar ?? NO_HOLIDAYS };
}

const cnt = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.reduce((n, x) => n + (p(x) ? 1 : 0), 0);

export function computeIndex766(input: Index766Input): Index766 {
  const settings: Settings766 = { ...DEFAULT_SETTINGS, ...input.settings };
  const ctx = makeContext(input);
  const w = input.window, to = w.to;
  const catalogue = input.procedures === null ? null : [...ctx.procedures.values()];
  const ds = input.dossiers;
  const received = ds.filter((d) => isReceived(d, w));
  const proc = (d: Dossier) => procedureOf(ctx, d);
  const ended = (d: Dossier) => endedBy(d, to) !== null;
  const inWin = (d: Dossier) => { const x = d.accepted ?? d.submitted; return x !== null && x >= w.from && x <= to; };
  const citizenData = (d: Dossier) => d.vneid || d.fromStore || d.citizenData;
  const fb = input.feedback.filter((f) => feedbackInWindow(f, w));
  const named = new Set(input.feedback.map((f) => f.dossierCode).filter((c): c is string => !!c));

  type Raw = { n: number; d: number; factor?: Frac } | "external" | "no_input";
  const raw: Record<string, Raw> = {};
  raw["1.1"] = raw["1.2"] = raw["1.3"] = "external";
  const synced = cnt(received, (d) => d.synced);
  raw["1.4"] = { n: synced, d: received.length };
  const progress = settings.progress_basis === "handled"
    ? ds.filter((d) => isReceived(d, w) || (isAccepted(d) && d.accepted !== null && d.accepted < w.from && (endedBy(d, to) === null || (endedBy(d, to) as string) >= w.from)))
    : received;
  raw["2.1"] = { n: cnt(progress, (d) => ["early", "on_time", "within_time"].includes(classify(ctx, d))), d: progress.length };
  if (catalogue === null) {
    for (const id of ["3.1", "3.2", "4.a", "5.3", "5.7"]) raw[id] = "no_input";
  } else {
    const services = catalogue.filter((p) => p.onlineLevel !== "khong");
    raw["3.1"] = { n: services.length, d: catalogue.length };
    const usedOnline = new Set(ds.filter((d) => d.channel === 2 && d.status !== 3 && inWin(d)).map((d) => d.procedureCode));
    raw["3.2"] = { n: cnt(services, (p) => usedOnline.has(p.code)), d: services.length };
    const feeTthc = catalogue.filter((p) => p.hasFee);
    const withFeeDossier = new Set(ds.filter((d) => isFeeBearing(d) && d.synced && d.status !== 3 && inWin(d)).map((d) => d.procedureCode));
    raw["4.a"] = { n: cnt(feeTthc, (p) => withFeeDossier.has(p.code)), d: feeTthc.length };
    raw["5.3"] = { n: catalogue.some((p) => p.eCertifiedCopy) ? 1 : 0, d: 1 };
    const citizen = catalogue.filter(isCitizenFacing);
    const withCitizenData = new Set(received.filter(citizenData).map((d) => d.procedureCode));
    raw["5.7"] = { n: cnt(citizen, (p) => p.populationData || withCitizenData.has(p.code)), d: citizen.length };
  }
  const eOk = (d: Dossier) => !(ended(d) && proc(d).writtenResult) || d.eResult;
  raw["3.3"] = {
    n: cnt(received, (d) => isOnline(d) && eOk(d)), d: received.length,
    ...(settings.online_share_times_sync_rate && received.length > 0 ? { factor: frac(synced, received.length) } : {}),
  };
  const fee = received.filter(isFeeBearing);
  const feeCodes = new Set(fee.map((d) => d.procedureCode));
  const paidCodes = new Set(fee.filter(isPaidOnline).map((d) => d.procedureCode));
  raw["4.b"] = { n: paidCodes.size, d: feeCodes.size };
  raw["4.c"] = { n: cnt(fee, isPaidOnline), d: fee.length };
  const eBase = received.filter((d) => proc(d).writtenResult && (settings.e_result_basis === "all" || ended(d)));
  raw["5.1"] = { n: cnt(eBase, (d) => d.eResult), d: eBase.length };
  raw["5.2"] = { n: cnt(received, (d) => d.digitised && eOk(d)), d: received.length };
  raw["5.4"] = { n: cnt(received, (d) => d.reused), d: received.length };
  raw["5.5"] = { n: cnt(received, (d) => d.fromStore || (d.eResult && d.resultInStore)), d: received.length };
  raw["5.6"] = { n: cnt(received, citizenData), d: received.length };
  const fo = fb.map((f) => feedbackOutcome(f, to, ctx.calendar));
  raw["6.1"] = { n: cnt(fo, (o) => o === "resolved_on_time" || o === "pending_within_time"), d: fb.length };
  raw["6.2"] = { n: fb.length - cnt(fb, (f) => isUnsatisfiedFeedback(f, to, ctx.calendar)), d: fb.length };
  const unsat = (d: Dossier) => { const c = classify(ctx, d); return c === "late" || c === "overdue" || d.rating === "khong-hai-long" || d.hasFeedback || named.has(d.code); };
  raw["6.3"] = { n: received.length - cnt(received, unsat), d: received.length };

  const results = new Map<string, { r: IndicatorResult; exact: Frac }>();
  for (const def of INDICATORS) {
    const scoring = def.id === "5.2" && settings.digitisation_scoring === "threshold" ? T(0.8) : def.scoring;
    const v = raw[def.id]!;
    let r: IndicatorResult, exact: Frac;
    const base = { id: def.id, name: def.name, max: def.max };
    if (v === "external") {
      const pr = settings.publication_indicators === "province" ? input.publicationRates?.[def.id as "1.1"] ?? 0 : 100;
      exact = scorePoints(def.max, scoring, div(fromDecimal(pr), frac(100)));
      r = { ...base, numerator: null, denominator: null, rate: pr, points: round2(exact), status: "external" };
    } else if (v === "no_input") {
      exact = frac(0);
      r = { ...base, numerator: null, denominator: null, rate: null, points: 0, status: "no_input" };
    } else if ((def.id === "5.6" || def.id === "5.7") && settings.province_only_rows === "full") {
      exact = frac(def.max);
      r = { ...base, numerator: v.n, denominator: v.d, rate: v.d === 0 ? null : round2(frac(100 * v.n, v.d)), points: def.max, status: "external" };
    } else if (v.d === 0) {
      exact = frac(def.emptyFull ? def.max : 0);
      r = { ...base, numerator: v.n, denominator: 0, rate: null, points: round2(exact), status: "empty" };
    } else {
      const ratio = v.factor ? mul(frac(v.n, v.d), v.factor) : frac(v.n, v.d);
      exact = scorePoints(def.max, scoring, ratio);
      r = { ...base, numerator: v.n, denominator: v.d, rate: round2(mul(ratio, frac(100))), points: round2(exact), status: "computed" };
    }
    results.set(def.id, { r, exact });
  }
  const groupsDef = settings.profile === "qd766-2022" ? GROUPS_2022 : GROUPS_2026;
  let total = frac(0);
  const groups: GroupResult[] = groupsDef.map((g) => {
    const members = INDICATORS.filter((i) => (settings.profile === "qd766-2022" ? i.group2022 : i.group2026) === g.id).map((i) => results.get(i.id)!);
    const sum = members.reduce((s, m) => add(s, m.exact), frac(0));
    total = add(total, sum);
    return { ...g, points: round2(sum), indicators: members.map((m) => m.r) };
  });
  const t = round2(total);
  const cls = settings.classes.find((c) => c.min <= t)?.name ?? settings.classes[settings.classes.length - 1]?.name ?? "";
  return { profile: settings.profile, max: 100, total: t, class: cls, groups };
}
