import { formatViDate, isIsoDate, type IsoDate } from "../dates.js";
import { invalid } from "../errors.js";
import { METRICS, METRIC_KEYS, type AppliesTo, type CampaignCriterion, type Metric } from "./types.js";

/**
 * The criteria of a campaign from untrusted JSON (the criteria editor, the
 * API), checked one by one with messages naming the criterion by position and
 * label. Pure: no I/O.
 */
export const MAX_CRITERIA = 30;
export const MAX_LABEL = 500;
const MAX_COUNT_THRESHOLD = 1000;
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const APPLIES_TO: readonly AppliesTo[] = ["unit", "person", "both"];

/** A metric measured in % takes a share threshold (0–100); the others count records (integers 0–1000). */
export const isShareMetric = (metric: Metric) => METRICS[metric].unit === "%";

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** "Tiêu chí thứ 3 (Hoàn thành 100% nhiệm vụ…)": how a message names a criterion. */
function nameOf(position: number, label: string | null): string {
  if (!label) return `Tiêu chí thứ ${position}`;
  const short = label.length > 80 ? `${label.slice(0, 79).trimEnd()}…` : label;
  return `Tiêu chí thứ ${position} (${short})`;
}

export function parseCriteria(input: unknown): CampaignCriterion[] {
  if (!Array.isArray(input)) throw invalid("Danh sách tiêu chí thi đua không hợp lệ: cần một danh sách.", "criteria");
  if (input.length > MAX_CRITERIA) throw invalid(`Một phong trào thi đua có tối đa ${MAX_CRITERIA} tiêu chí (đang có ${input.length}).`, "criteria");

  const given = new Set<string>();
  const parsed = input.map((raw, i) => {
    const position = i + 1;
    const field = `criteria.${i}`;
    if (!isObject(raw)) throw invalid(`${nameOf(position, null)}: không hợp lệ, cần tên tiêu chí, đối tượng áp dụng và cách đánh giá.`, field);
    const label = typeof raw.label === "string" ? raw.label.normalize("NFC").replace(/\s+/gu, " ").trim() : "";
    const fail = (what: string, sub: string): never => { throw invalid(`${nameOf(position, label || null)}: ${what}`, `${field}.${sub}`); };
    if (raw.label !== undefined && raw.label !== null && typeof raw.label !== "string") fail("tên tiêu chí phải là chuỗi ký tự.", "label");
    if (!label) fail("tên tiêu chí không được để trống.", "label");
    if (label.length > MAX_LABEL) throw invalid(`${nameOf(position, label)}: tên tiêu chí dài quá ${MAX_LABEL} ký tự.`, `${field}.label`);

    let id: string | null = null;
    if (raw.id !== undefined && raw.id !== null && raw.id !== "") {
      if (typeof raw.id !== "string" || !ID.test(raw.id)) fail("mã tiêu chí chỉ gồm chữ không dấu, chữ số, \"-\" hoặc \"_\" (tối đa 40 ký tự).", "id");
      id = raw.id as string;
      if (given.has(id)) fail(`mã tiêu chí "${id}" bị trùng với một tiêu chí khác.`, "id");
      given.add(id);
    }

    if (!APPLIES_TO.includes(raw.appliesTo as AppliesTo)) fail("đối tượng áp dụng phải là tập thể (unit), cá nhân (person) hoặc cả hai (both).", "appliesTo");
    const appliesTo = raw.appliesTo as AppliesTo;

    const source = raw.source;
    if (!isObject(source) || (source.kind !== "computed" && source.kind !== "judged")) {
      return fail("cách đánh giá phải là tính tự động từ dữ liệu (computed) hoặc do người có thẩm quyền đánh giá (judged).", "source.kind");
    }
    if (source.kind === "judged") return { id, label, appliesTo, source: { kind: "judged" as const } };

    if (!METRIC_KEYS.includes(source.metric as Metric)) {
      fail(`chỉ số tính tự động không hợp lệ; chọn một trong: ${METRIC_KEYS.map((k) => `${k} (${METRICS[k].label})`).join("; ")}.`, "source.metric");
    }
    const metric = source.metric as Metric;
    const threshold = source.threshold;
    if (isShareMetric(metric)) {
      if (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) fail("ngưỡng phải là số từ 0 đến 100.", "source.threshold");
    } else if (typeof threshold !== "number" || !Number.isInteger(threshold) || threshold < 0 || threshold > MAX_COUNT_THRESHOLD) {
      fail(`ngưỡng phải là số nguyên từ 0 đến ${MAX_COUNT_THRESHOLD}.`, "source.threshold");
    }
    const asOf = source.asOf ?? null;
    if (asOf !== null && (typeof asOf !== "string" || !isIsoDate(asOf))) fail("ngày xét phải là ngày dạng YYYY-MM-DD hoặc để trống.", "source.asOf");
    return { id, label, appliesTo, source: { kind: "computed" as const, metric, threshold: threshold as number, asOf: asOf as string | null } };
  });

  // Criteria without an id get the first free "c<n>", starting from their position.
  return parsed.map((c, i) => {
    let id = c.id;
    for (let n = i + 1; id === null; n++) if (!given.has(`c${n}`)) id = `c${n}`;
    given.add(id);
    return { ...c, id };
  });
}

/**
 * A campaign's period and the cut dates of its criteria: the period runs
 * forwards and touches its year, and a criterion's own cut date (ngày xét)
 * lies within the period, the records being read for the period only.
 */
export function checkCampaignPeriod(year: number, periodFrom: IsoDate, periodTo: IsoDate, criteria: CampaignCriterion[]): void {
  const d = formatViDate;
  if (periodTo < periodFrom) throw invalid(`Ngày kết thúc phong trào (${d(periodTo)}) không được trước ngày bắt đầu (${d(periodFrom)}).`, "periodTo");
  if (periodFrom > `${year}-12-31` || periodTo < `${year}-01-01`) throw invalid(`Thời gian phong trào (${d(periodFrom)} – ${d(periodTo)}) không thuộc năm ${year}.`, "periodFrom");
  criteria.forEach((c, i) => {
    if (c.source.kind === "computed" && c.source.asOf && (c.source.asOf < periodFrom || c.source.asOf > periodTo)) {
      throw invalid(`${nameOf(i + 1, c.label)}: ngày xét (${d(c.source.asOf)}) phải nằm trong thời gian phong trào (${d(periodFrom)} – ${d(periodTo)}).`, `criteria.${i}.source.asOf`);
    }
  });
}

/** The criteria of a campaign created from an emulation plan, worded as a commune's plan writes them. */
export function defaultCriteria(): CampaignCriterion[] {
  return [
    { id: "c1", appliesTo: "unit", label: "Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC", source: { kind: "computed", metric: "tasks_done_share", threshold: 100, asOf: null } },
    { id: "c2", appliesTo: "both", label: "Hoàn thành nhiệm vụ đúng thời gian quy định", source: { kind: "computed", metric: "tasks_on_time_share", threshold: 100, asOf: null } },
    { id: "c3", appliesTo: "both", label: "Không có nhiệm vụ quá hạn tại thời điểm xét", source: { kind: "computed", metric: "overdue_tasks_at", threshold: 0, asOf: null } },
    { id: "c4", appliesTo: "unit", label: "100% vấn đề phát hiện qua kiểm tra được xử lý", source: { kind: "computed", metric: "findings_fixed_share", threshold: 100, asOf: null } },
    { id: "c5", appliesTo: "person", label: "Có sáng kiến hoặc giải pháp CCHC được triển khai", source: { kind: "computed", metric: "initiatives_count", threshold: 1, asOf: null } },
    { id: "c6", appliesTo: "both", label: "Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)", source: { kind: "judged" } },
  ];
}
