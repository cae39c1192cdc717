import { type Frac, add, cmp, div, frac, fromDecimal, mul, round2 } from "./ratio.js";
import { DEFAULT_SETTINGS, INDICATORS, type Index766, type IndicatorResult, type Scoring, type Settings766, scorePoints } from "./qd766.js";

/**
 * "What would raise it" for the Decision 766 index: for each computed indicator
 * below its maximum, the fewest further qualifying records that would earn the
 * full points under its scoring (linear: R = 100 %; threshold t: R = t), and
 * the points that would bring. Every numerator of the tree is a subset of its
 * denominator, so the count assumes the denominator stays as it is (records
 * already counted start to qualify). For threshold indicators counted on
 * dossiers or feedback, `additionalNew` also gives how many new qualifying
 * records (entering numerator and denominator alike) would reach t.
 */

/** What one record of an indicator is: a dossier, a procedure (TTHC), an online service, a PAKN, the commune itself. */
export type HintUnit = "dossier" | "procedure" | "service" | "feedback" | "commune";

const NOUN: Record<HintUnit, string | null> = {
  dossier: "hồ sơ",
  procedure: "thủ tục",
  service: "dịch vụ công trực tuyến",
  feedback: "phản ánh, kiến nghị",
  commune: null,
};

interface HintDef {
  unit: HintUnit;
  /** Completes "k hồ sơ nữa …": what the further records must do. */
  verb: string;
  /** What to do, one short sentence (công chức's words). */
  advice: string;
}

/** The data of the hints, by indicator id (reference §3). 1.1–1.3 are external and have none. */
export const HINTS: Readonly<Record<string, HintDef>> = {
  "1.4": { unit: "dossier", verb: "được đồng bộ lên Cổng DVCQG", advice: "Đồng bộ mọi hồ sơ lên Cổng DVCQG ngay khi tiếp nhận; rà soát và gửi lại các hồ sơ bị lỗi đồng bộ." },
  "2.1": { unit: "dossier", verb: "được giải quyết trước hạn hoặc đúng hạn", advice: "Giải quyết đúng hạn các hồ sơ đang xử lý; gửi phiếu xin lỗi khi trễ." },
  "3.1": { unit: "procedure", verb: "cung cấp dịch vụ công trực tuyến", advice: "Đề nghị cung cấp dịch vụ công trực tuyến (một phần hoặc toàn trình) cho các thủ tục chưa có." },
  "3.2": { unit: "service", verb: "phát sinh hồ sơ nộp trực tuyến", advice: "Hướng dẫn người dân nộp trực tuyến ở các dịch vụ công trực tuyến chưa có hồ sơ nào trong kỳ." },
  "3.3": { unit: "dossier", verb: "nộp trực tuyến", advice: "Hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến ngay tại Bộ phận Một cửa; trả kết quả điện tử cho hồ sơ trực tuyến." },
  "4.a": { unit: "procedure", verb: "có phí, lệ phí phát sinh hồ sơ thu phí đồng bộ lên Cổng DVCQG", advice: "Tích hợp thanh toán trực tuyến cho các thủ tục có phí, lệ phí và đồng bộ hồ sơ thu phí lên Cổng DVCQG." },
  "4.b": { unit: "procedure", verb: "có giao dịch thanh toán trực tuyến", advice: "Hướng dẫn người dân thanh toán trực tuyến ở mọi thủ tục có phí, lệ phí." },
  "4.c": { unit: "dossier", verb: "thanh toán phí, lệ phí trực tuyến", advice: "Khuyến khích người dân thanh toán phí, lệ phí trực tuyến (Cổng DVCQG hoặc cổng thanh toán của tỉnh) thay cho tiền mặt." },
  "5.1": { unit: "dossier", verb: "có kết quả điện tử", advice: "Ký số và đính kèm kết quả điện tử cho mọi hồ sơ đã giải quyết xong." },
  "5.2": { unit: "dossier", verb: "được số hóa", advice: "Số hóa thành phần hồ sơ khi tiếp nhận và trả kết quả điện tử khi giải quyết xong." },
  "5.3": { unit: "commune", verb: "cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", advice: "Triển khai dịch vụ chứng thực bản sao điện tử từ bản chính và ghi nhận trong danh mục thủ tục." },
  "5.4": { unit: "dossier", verb: "tái sử dụng dữ liệu đã số hóa", advice: "Khai thác lại giấy tờ, kết quả đã số hóa thay vì yêu cầu người dân nộp lại bản giấy." },
  "5.5": { unit: "dossier", verb: "lấy giấy tờ từ Kho dữ liệu cá nhân hoặc lưu kết quả vào kho trên Cổng DVCQG", advice: "Lấy thành phần hồ sơ từ Kho dữ liệu cá nhân trên Cổng DVCQG và lưu kết quả điện tử vào kho của người dân." },
  "5.6": { unit: "dossier", verb: "sử dụng dữ liệu dân cư (VNeID, CSDL quốc gia về dân cư)", advice: "Xác thực người nộp qua VNeID và khai thác Cơ sở dữ liệu quốc gia về dân cư khi tiếp nhận." },
  "5.7": { unit: "procedure", verb: "kết nối, chia sẻ dữ liệu dân cư", advice: "Triển khai kết nối dữ liệu dân cư cho các thủ tục dành cho công dân." },
  "6.1": { unit: "feedback", verb: "được xử lý đúng hạn", advice: "Xử lý phản ánh, kiến nghị trong 15 ngày làm việc và công khai kết quả trong 2 ngày làm việc." },
  "6.2": { unit: "feedback", verb: "được người dân hài lòng", advice: "Trả lời phản ánh, kiến nghị đúng hạn, rõ ràng để người dân không phản ánh lại." },
  "6.3": { unit: "dossier", verb: "được người dân hài lòng (đúng hạn, không bị đánh giá không hài lòng, không có phản ánh)", advice: "Giải quyết đúng hạn và tiếp nhận chu đáo để người dân không đánh giá không hài lòng hay phản ánh." },
};

export interface IndicatorHint {
  id: string;
  name: string;
  unit: HintUnit;
  max: number;
  points: number;
  /** The rate (percent) that earns the full points: 100, or the threshold. */
  targetRate: number;
  /** Further records among those already in the denominator that must qualify; null when that alone cannot reach the target. */
  additional: number | null;
  /** Threshold indicators on dossiers or PAKN: new qualifying records that would reach the target; otherwise null. */
  additionalNew: number | null;
  /** Points the indicator would gain (max − points, from the exact value, rounded once). */
  pointsGained: number;
  /** "3 hồ sơ nữa được số hóa". */
  what: string;
  advice: string;
}

/** 1234 → "1.234" (Vietnamese thousands separator; counts are whole). */
const viCount = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** Smallest integer ≥ f (f ≥ 0). */
function ceilF(f: Frac): bigint {
  if (f.n <= 0n) return 0n;
  return (f.n + f.d - 1n) / f.d;
}

function scoringOf(id: string, settings: Settings766): Scoring {
  const def = INDICATORS.find((i) => i.id === id)!;
  // As in computeIndex766: 5.2 may be scored with a threshold of 80 %.
  return id === "5.2" && settings.digitisation_scoring === "threshold" ? { mode: "threshold", at: 0.8 } : def.scoring;
}

function whatOf(def: HintDef, k: number | null, kNew: number | null): string {
  const noun = NOUN[def.unit];
  if (noun === null) return def.verb.charAt(0).toUpperCase() + def.verb.slice(1);
  const parts: string[] = [];
  if (k !== null) parts.push(`${viCount(k)} ${noun} nữa ${def.verb}`);
  if (kNew !== null) parts.push(`${viCount(kNew)} ${noun} mới ${def.verb}`);
  return parts.length ? parts.join(" hoặc ") : `Không đủ ${noun} trong kỳ để đạt điểm tối đa chỉ bằng chỉ số này`;
}

/**
 * The hints of an index, in the order of the tree. Only indicators with status
 * `computed` and points below their maximum get one.
 */
export function hintsFor(index: Index766, settingsIn: Partial<Settings766> = {}): IndicatorHint[] {
  const settings: Settings766 = { ...DEFAULT_SETTINGS, ...settingsIn };
  const byId = new Map<string, IndicatorResult>(index.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));
  const out: IndicatorHint[] = [];
  for (const def of INDICATORS) {
    const r = byId.get(def.id);
    const data = HINTS[def.id];
    if (!r || !data || r.status !== "computed" || r.numerator === null || !r.denominator) continue;
    const n = r.numerator, d = r.denominator;
    const scoring = scoringOf(def.id, settings);
    const target: Frac = scoring.mode === "linear" ? frac(1) : fromDecimal(scoring.at);
    // 3.3 may be multiplied by the 1.4 sync rate (setting online_share_times_sync_rate).
    const sync = byId.get("1.4");
    const factor: Frac | null = def.id === "3.3" && settings.online_share_times_sync_rate && d > 0
      ? frac(sync?.numerator ?? 0, sync?.denominator || 1) : null;
    const ratio = factor ? mul(frac(n, d), factor) : frac(n, d);
    const exact = scorePoints(def.max, scoring, ratio);
    if (cmp(exact, frac(def.max)) >= 0) continue;

    // (n + k) / d × f ≥ target  ⇔  n + k ≥ target × d / f.
    let k: number | null = null;
    if (!factor || factor.n > 0n) {
      const needed = ceilF(factor ? div(mul(target, frac(d)), factor) : mul(target, frac(d)));
      const kk = needed - BigInt(n);
      k = needed <= BigInt(d) ? Number(kk < 0n ? 0n : kk) : null;
    }
    // (n + m) / (d + m) ≥ t  ⇔  m ≥ (t × d − n) / (1 − t); only below 100 % and for records that keep arriving.
    let kNew: number | null = null;
    if (scoring.mode === "threshold" && !factor && (data.unit === "dossier" || data.unit === "feedback")) {
      const gap = add(mul(target, frac(d)), frac(-n));
      kNew = Number(ceilF(div(gap, add(frac(1), frac(-target.n, target.d)))));
    }
    out.push({
      id: def.id, name: def.name, unit: data.unit, max: def.max, points: r.points,
      targetRate: round2(mul(target, frac(100))),
      additional: k, additionalNew: kNew,
      pointsGained: round2(add(frac(def.max), frac(-exact.n, exact.d))),
      what: whatOf(data, k, kNew), advice: data.advice,
    });
  }
  return out;
}
