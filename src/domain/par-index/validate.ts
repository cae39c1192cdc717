/**
 * Validation of a criteria set (bộ tiêu chí) from untrusted JSON: the shape with
 * zod, then the rules of the reference (§2): unique, nested codes; maxima in
 * steps of 0.25; a parent's maximum = Σ its children's maxima unless marked
 * `sum` with `capAtMax`; rule parameters consistent with the maximum; classes
 * ordered. Every message is Vietnamese and names the node code and the field.
 * Pure: no I/O.
 */
import { z } from "zod";
import { AREA_CODES } from "../areas.js";
import { isIsoDate } from "../dates.js";
import { AppError } from "../errors.js";
import { COMPUTED_KEYS, type AssessmentInput, type ComputedKey, type CriteriaSet, type CriterionNode, type Rule, type Tier } from "./types.js";
import { isQuarter, viNumber } from "./tree.js";

/** One problem: `code` = the node's code when it is about a node; `field` = path inside the node or the set. */
export interface SetIssue { code?: string; field: string; detail: string; message: string }

/** A criteria set that cannot be used; `issues` lists every problem found. */
export class InvalidCriteriaSet extends AppError {
  constructor(readonly issues: SetIssue[]) {
    super("validation", issues.map((i) => i.message).join("\n"), issues[0]?.field);
  }
}

// ---------- Shape ----------

const num = z.number();
const str = z.string();
const tier = z.strictObject({ min: num, points: num });
const rule = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("boolean"), points: num }),
  z.strictObject({ kind: z.literal("deadline"), onTime: num, late: num, missing: num, due: str.optional() }),
  z.strictObject({ kind: z.literal("tiers"), tiers: z.array(tier), notDone: num.optional() }),
  z.strictObject({ kind: z.literal("band"), full: num, from: num, below: num }),
  z.strictObject({ kind: z.literal("capped"), target: num }),
  z.strictObject({ kind: z.literal("count"), tiers: z.array(tier) }),
  z.strictObject({ kind: z.literal("sum"), capAtMax: z.boolean().optional() }),
  z.strictObject({ kind: z.literal("deduction"), perItem: num, maxDeduction: num.optional() }),
]);
const computedKey = z.enum(Object.keys(COMPUTED_KEYS) as [ComputedKey, ...ComputedKey[]]);
const node: z.ZodType<CriterionNode> = z.strictObject({
  code: str,
  name: str,
  maxPoints: num,
  ruleText: str,
  rule: rule.optional(),
  method: z.enum(["self", "appraised", "survey", "computed"]),
  computedKey: computedKey.optional(),
  notApplicable: z.enum(["full", "remove"]).optional(),
  evidenceHint: str.optional(),
  area: z.enum(AREA_CODES).optional(),
  get children() { return z.array(node).optional(); },
});
const setSchema = z.strictObject({
  id: str,
  province: str,
  subject: z.enum(["xa", "phuong"]),
  year: num,
  version: num,
  replaces: str.optional(),
  label: str,
  isExample: z.boolean().optional(),
  legalRef: z.strictObject({ number: str, date: str.optional(), issuer: str.optional(), url: str.optional() }).optional(),
  surveyWeight: num,
  rescaleWithoutSurvey: z.boolean().optional(),
  classes: z.array(z.strictObject({ name: str, minPercent: num })),
  root: z.strictObject({ maxPoints: num, children: z.array(node) }),
});

// ---------- Vietnamese labels ----------

const LABELS: Record<string, string> = {
  id: "mã bộ tiêu chí", province: "tỉnh", subject: "đối tượng", year: "năm", version: "phiên bản",
  replaces: "bộ tiêu chí được thay thế", label: "tên bộ tiêu chí", isExample: "đánh dấu bộ mẫu", legalRef: "căn cứ (quyết định)",
  number: "số quyết định", date: "ngày ban hành", issuer: "cơ quan ban hành", url: "đường dẫn văn bản",
  surveyWeight: "điểm điều tra xã hội học", rescaleWithoutSurvey: "quy đổi khi không có điều tra", classes: "xếp loại",
  minPercent: "tỷ lệ tối thiểu", root: "cây tiêu chí",
  code: "mã", name: "tên", maxPoints: "điểm tối đa", ruleText: "hướng dẫn chấm điểm (nguyên văn)", rule: "cách chấm",
  method: "phương pháp", computedKey: "chỉ số tự động", notApplicable: "cách xử lý khi không áp dụng",
  evidenceHint: "tài liệu kiểm chứng", area: "lĩnh vực CCHC", children: "tiêu chí con",
  kind: "loại cách chấm", points: "điểm", onTime: "điểm đúng hạn", late: "điểm chậm hạn", missing: "điểm không thực hiện",
  due: "hạn", tiers: "các mức", min: "ngưỡng", notDone: "điểm không thực hiện", full: "tỷ lệ đạt điểm tối đa",
  from: "tỷ lệ bắt đầu tính theo tỷ lệ", below: "điểm dưới ngưỡng", target: "tỷ lệ chuẩn", capAtMax: "giới hạn ở điểm tối đa",
  perItem: "điểm trừ mỗi lần", maxDeduction: "điểm trừ tối đa",
  leaves: "kết quả các tiêu chí", survey: "điểm điều tra", value: "giá trị", status: "tình trạng", percent: "tỷ lệ",
  numerator: "tử số", denominator: "mẫu số",
};
const TYPES: Record<string, string> = { number: "một số", string: "chuỗi ký tự", boolean: "true hoặc false", array: "một danh sách", object: "một đối tượng" };

/** "rule.tiers.1.min" → "cách chấm, mức thứ 2, ngưỡng". */
export function fieldLabel(path: readonly PropertyKey[], labels: Record<string, string> = LABELS): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (typeof p === "number") {
      const prev = path[i - 1];
      parts.push(prev === "tiers" ? `mức thứ ${p + 1}` : `mục thứ ${p + 1}`);
      if (prev === "tiers" || prev === "classes") parts.splice(parts.length - 2, 1);
    } else parts.push(labels[String(p)] ?? String(p));
  }
  return parts.join(", ");
}

/** The value at a path of untrusted input (undefined when absent). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Text of a zod issue, without the subject; `raw` is the whole input the issue's path starts from. */
export function zodIssueText(issue: z.core.$ZodIssue, path: readonly PropertyKey[], raw: unknown, labels: Record<string, string> = LABELS): string {
  const label = fieldLabel(path, labels);
  const lead = label ? `${label} ` : "";
  switch (issue.code) {
    case "invalid_type":
      if (valueAt(raw, issue.path) === undefined && label) return `thiếu ${label}`;
      return `${lead}phải là ${TYPES[issue.expected] ?? issue.expected}`;
    case "unrecognized_keys":
      return `${label ? `${label}: ` : ""}có trường không được hỗ trợ: ${issue.keys.join(", ")}`;
    case "invalid_value":
      return `${lead}không hợp lệ (chấp nhận: ${issue.values.map(String).join(", ")})`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      return `${lead}không hợp lệ${options ? ` (chấp nhận: ${options.map(String).join(", ")})` : ""}`;
    }
    default:
      return `${lead}không hợp lệ`;
  }
}

// ---------- Issues ----------

class Issues {
  readonly list: SetIssue[] = [];
  set(field: string, detail: string, subject = "Bộ tiêu chí") {
    this.list.push({ field, detail, message: `${subject}: ${detail}` });
  }
  node(code: string, field: string, detail: string) {
    this.list.push({ code, field, detail, message: `Tiêu chí ${code}: ${detail}` });
  }
}

/** The subject and node code of a zod issue path inside the raw set. */
function locate(raw: unknown, path: readonly PropertyKey[]): { subject: string; code?: string; rest: PropertyKey[]; inNode: boolean } {
  if (path[0] === "classes" && typeof path[1] === "number") return { subject: `Xếp loại thứ ${path[1] + 1}`, rest: path.slice(2), inNode: false };
  if (path[0] !== "root" || path[1] !== "children" || typeof path[2] !== "number") return { subject: "Bộ tiêu chí", rest: [...path], inNode: false };
  let i = 1;
  let current: unknown = (raw as { root?: unknown }).root;
  let subject = "Bộ tiêu chí";
  let code: string | undefined;
  let parentCode: string | undefined;
  while (path[i] === "children" && typeof path[i + 1] === "number") {
    const idx = path[i + 1] as number;
    const next = (current as { children?: unknown[] } | undefined)?.children?.[idx];
    const c = (next as { code?: unknown } | undefined)?.code;
    if (typeof c === "string" && c.trim()) { code = c; subject = `Tiêu chí ${c}`; }
    else { code = undefined; subject = parentCode ? `Tiêu chí con thứ ${idx + 1} của ${parentCode}` : `Lĩnh vực thứ ${idx + 1}`; }
    parentCode = code ?? parentCode;
    current = next;
    i += 2;
  }
  return { subject, code, rest: path.slice(i), inNode: true };
}

const CODE_RE = /^\d+(\.(\d+|[a-z]))*$/;
const RATE_RULES = ["tiers", "band", "capped"] as const;
const COUNT_RULES = ["count", "deduction"] as const;
const sum = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 10000), 0) / 10000;

function checkTiers(is: Issues, code: string, tiers: Tier[], max: number, unit: "rate" | "count") {
  if (tiers.length === 0) { is.node(code, "rule.tiers", "cách chấm: cần ít nhất một mức"); return; }
  tiers.forEach((t, i) => {
    const f = `rule.tiers.${i}`;
    const at = `cách chấm, mức thứ ${i + 1}`;
    if (unit === "rate" && !(t.min >= 0 && t.min <= 100)) is.node(code, `${f}.min`, `${at}: ngưỡng phải từ 0 đến 100 %`);
    if (unit === "count" && !(Number.isInteger(t.min) && t.min >= 0)) is.node(code, `${f}.min`, `${at}: ngưỡng phải là số nguyên không âm`);
    if (i > 0 && !(t.min < tiers[i - 1].min)) is.node(code, `${f}.min`, `${at}: ngưỡng phải nhỏ hơn ngưỡng của mức trước (các mức xếp từ ngưỡng cao xuống thấp)`);
    if (!(t.points >= 0 && t.points <= max)) is.node(code, `${f}.points`, `${at}: điểm phải từ 0 đến điểm tối đa (${viNumber(max)})`);
    else if (!isQuarter(t.points)) is.node(code, `${f}.points`, `${at}: điểm phải là bội số của 0,25`);
    else if (i > 0 && t.points > tiers[i - 1].points) is.node(code, `${f}.points`, `${at}: điểm không được lớn hơn điểm của mức có ngưỡng cao hơn`);
  });
  if (tiers[0].points !== max && tiers[0].points <= max) is.node(code, "rule.tiers.0.points", `cách chấm: mức cao nhất phải được điểm tối đa (${viNumber(max)})`);
}

function checkPoints(is: Issues, code: string, field: string, label: string, value: number, lo: number, hi: number) {
  if (!(value >= lo && value <= hi)) is.node(code, field, `cách chấm: ${label} phải từ ${viNumber(lo)} đến ${viNumber(hi)}`);
  else if (!isQuarter(value)) is.node(code, field, `cách chấm: ${label} phải là bội số của 0,25`);
}

function checkRule(is: Issues, n: CriterionNode, rule: Rule) {
  const { code, maxPoints: max } = n;
  switch (rule.kind) {
    case "boolean":
      if (rule.points !== max) is.node(code, "rule.points", `cách chấm: điểm khi đạt (${viNumber(rule.points)}) phải bằng điểm tối đa (${viNumber(max)})`);
      return;
    case "deadline":
      if (rule.onTime !== max) is.node(code, "rule.onTime", `cách chấm: điểm đúng hạn (${viNumber(rule.onTime)}) phải bằng điểm tối đa (${viNumber(max)})`);
      checkPoints(is, code, "rule.late", "điểm chậm hạn", rule.late, 0, Math.min(rule.onTime, max));
      checkPoints(is, code, "rule.missing", "điểm không thực hiện", rule.missing, 0, Math.min(rule.late, max));
      if (rule.due !== undefined && !isIsoDate(rule.due)) is.node(code, "rule.due", `cách chấm: hạn “${rule.due}” không phải là ngày hợp lệ (YYYY-MM-DD)`);
      return;
    case "tiers":
      checkTiers(is, code, rule.tiers, max, "rate");
      if (rule.notDone !== undefined) checkPoints(is, code, "rule.notDone", "điểm không thực hiện", rule.notDone, 0, max);
      return;
    case "band":
      if (!(rule.from >= 0 && rule.from < rule.full && rule.full <= 100)) is.node(code, "rule.from", "cách chấm: phải có 0 ≤ tỷ lệ bắt đầu tính theo tỷ lệ < tỷ lệ đạt điểm tối đa ≤ 100 %");
      checkPoints(is, code, "rule.below", "điểm dưới ngưỡng", rule.below, 0, max);
      return;
    case "capped":
      if (!(rule.target > 0 && rule.target <= 100)) is.node(code, "rule.target", "cách chấm: tỷ lệ chuẩn phải lớn hơn 0 và không quá 100 %");
      return;
    case "count":
      checkTiers(is, code, rule.tiers, max, "count");
      return;
    case "deduction":
      if (!(rule.perItem > 0 && rule.perItem <= max)) is.node(code, "rule.perItem", `cách chấm: điểm trừ mỗi lần phải lớn hơn 0 và không quá điểm tối đa (${viNumber(max)})`);
      else if (!isQuarter(rule.perItem)) is.node(code, "rule.perItem", "cách chấm: điểm trừ mỗi lần phải là bội số của 0,25");
      if (rule.maxDeduction !== undefined) {
        if (!(rule.maxDeduction > 0 && rule.maxDeduction <= max)) is.node(code, "rule.maxDeduction", `cách chấm: điểm trừ tối đa phải lớn hơn 0 và không quá điểm tối đa (${viNumber(max)})`);
        else if (!isQuarter(rule.maxDeduction)) is.node(code, "rule.maxDeduction", "cách chấm: điểm trừ tối đa phải là bội số của 0,25");
      }
      return;
    case "sum":
      is.node(code, "rule.kind", "cách chấm “Tổng các phần” chỉ dùng cho tiêu chí có tiêu chí con");
  }
}

function checkNode(is: Issues, n: CriterionNode, parent: CriterionNode | null, seen: Set<string>) {
  const { code } = n;
  if (!CODE_RE.test(code)) is.node(code, "code", `mã “${code}” không hợp lệ: mã gồm các số cách nhau bởi dấu chấm (ví dụ 1.3.2)`);
  else if (parent === null && code.includes(".")) is.node(code, "code", "mã lĩnh vực chỉ gồm một số (ví dụ 3)");
  else if (parent && (!code.startsWith(`${parent.code}.`) || code.slice(parent.code.length + 1).includes("."))) {
    is.node(code, "code", `mã phải gồm mã tiêu chí cha “${parent.code}.” và thêm một cấp (ví dụ ${parent.code}.1)`);
  }
  if (seen.has(code)) is.node(code, "code", "mã bị trùng với một tiêu chí khác");
  seen.add(code);
  if (!n.name.trim()) is.node(code, "name", "thiếu tên tiêu chí");
  if (!(n.maxPoints > 0)) is.node(code, "maxPoints", "điểm tối đa phải lớn hơn 0");
  else if (!isQuarter(n.maxPoints)) is.node(code, "maxPoints", "điểm tối đa phải là bội số của 0,25");
  if (n.area !== undefined && parent !== null) is.node(code, "area", "chỉ lĩnh vực (cấp 1) mới gắn với lĩnh vực CCHC");

  const kids = n.children ?? [];
  if (kids.length > 0) {
    if (n.rule && n.rule.kind !== "sum") is.node(code, "rule.kind", "tiêu chí có tiêu chí con chỉ dùng cách chấm “Tổng các phần”");
    if (n.notApplicable) is.node(code, "notApplicable", "chỉ tiêu chí không có tiêu chí con mới có cách xử lý khi không áp dụng");
    if (n.method === "computed" || n.computedKey) is.node(code, n.computedKey ? "computedKey" : "method", "tiêu chí có tiêu chí con không thể tính tự động");
    const s = sum(kids.map((k) => k.maxPoints));
    const capped = n.rule?.kind === "sum" && n.rule.capAtMax === true;
    if (!capped && s !== n.maxPoints) is.node(code, "maxPoints", `điểm tối đa (${viNumber(n.maxPoints)}) phải bằng tổng điểm tối đa của các tiêu chí con (${viNumber(s)})`);
    if (capped && s < n.maxPoints) is.node(code, "maxPoints", `tổng điểm tối đa của các tiêu chí con (${viNumber(s)}) nhỏ hơn điểm tối đa (${viNumber(n.maxPoints)}): không thể đạt điểm tối đa`);
    for (const k of kids) checkNode(is, k, n, seen);
    return;
  }
  if (n.rule) checkRule(is, n, n.rule);
  if (n.method === "computed") {
    if (!n.computedKey) is.node(code, "computedKey", "phương pháp “Tự động” cần chỉ số tự động");
    if (!n.rule) is.node(code, "rule", "tiêu chí tự động cần cách chấm có cấu trúc");
    if (n.computedKey && n.rule) {
      const m = COMPUTED_KEYS[n.computedKey].measure;
      if (m === "rate" && !(RATE_RULES as readonly string[]).includes(n.rule.kind)) {
        is.node(code, "rule.kind", `chỉ số tự động “${n.computedKey}” là một tỷ lệ, cách chấm phải là “Theo mức tỷ lệ”, “Tỷ lệ trong khoảng” hoặc “Tỷ lệ so với mức chuẩn”`);
      }
      if (m === "count" && !(COUNT_RULES as readonly string[]).includes(n.rule.kind)) {
        is.node(code, "rule.kind", `chỉ số tự động “${n.computedKey}” là một số lượng, cách chấm phải là “Theo số lượng” hoặc “Trừ điểm”`);
      }
    }
  } else if (n.computedKey) is.node(code, "computedKey", "chỉ số tự động chỉ dùng với phương pháp “Tự động”");
}

/**
 * Canonical form: text trimmed (as a sheet cell is); no empty children lists; no trailing 0-point tier
 * from 0 (below the last tier is 0 anyway).
 */
function normalise(n: CriterionNode): void {
  n.name = n.name.trim();
  n.ruleText = n.ruleText.trim();
  if (n.evidenceHint !== undefined) n.evidenceHint = n.evidenceHint.trim() || undefined;
  if (n.evidenceHint === undefined) delete n.evidenceHint;
  if (n.children && n.children.length === 0) delete n.children;
  if (n.rule && (n.rule.kind === "tiers" || n.rule.kind === "count")) {
    const t = n.rule.tiers;
    if (t.length > 1 && t[t.length - 1].min === 0 && t[t.length - 1].points === 0) t.pop();
  }
  for (const c of n.children ?? []) normalise(c);
}

export type CheckResult = { ok: true; set: CriteriaSet } | { ok: false; issues: SetIssue[] };

/** Every problem of a set from untrusted JSON, or the set in canonical form. */
export function checkCriteriaSet(raw: unknown): CheckResult {
  const parsed = setSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): SetIssue => {
      const { subject, code, rest, inNode } = locate(raw, issue.path);
      const detail = zodIssueText(issue, rest, raw);
      const field = (inNode ? rest : issue.path).map(String).join(".");
      return { ...(code ? { code } : {}), field, detail, message: `${subject}: ${detail}` };
    });
    return { ok: false, issues };
  }
  const set = parsed.data as CriteriaSet;
  for (const f of ["id", "province", "label"] as const) set[f] = set[f].trim();
  if (set.replaces !== undefined) set.replaces = set.replaces.trim();
  if (set.replaces === "") delete set.replaces;
  if (set.legalRef) {
    set.legalRef.number = set.legalRef.number.trim();
    for (const f of ["issuer", "url"] as const) {
      const v = set.legalRef[f]?.trim();
      if (v) set.legalRef[f] = v; else delete set.legalRef[f];
    }
  }
  for (const c of set.classes) c.name = c.name.trim();
  for (const a of set.root.children) normalise(a);
  const is = new Issues();
  for (const f of ["id", "province", "label"] as const) if (!set[f].trim()) is.set(f, `thiếu ${LABELS[f]}`);
  if (!(Number.isInteger(set.year) && set.year >= 2000 && set.year <= 2100)) is.set("year", "năm phải là số nguyên từ 2000 đến 2100");
  if (!(Number.isInteger(set.version) && set.version >= 1)) is.set("version", "phiên bản phải là số nguyên từ 1 trở lên");
  if (set.replaces !== undefined && set.replaces === set.id) is.set("replaces", "bộ tiêu chí không thể thay thế chính nó");
  if (set.legalRef !== undefined && !set.legalRef.number.trim()) is.set("legalRef.number", "thiếu số quyết định");
  if (set.legalRef?.date !== undefined && !isIsoDate(set.legalRef.date)) is.set("legalRef.date", `ngày ban hành “${set.legalRef.date}” không phải là ngày hợp lệ (YYYY-MM-DD)`);
  if (!(set.surveyWeight >= 0 && set.surveyWeight < 100 && isQuarter(set.surveyWeight))) {
    is.set("surveyWeight", "điểm điều tra xã hội học phải từ 0 đến dưới 100 và là bội số của 0,25");
  }
  if (set.classes.length === 0) is.set("classes", "cần ít nhất một xếp loại");
  const names = new Set<string>();
  set.classes.forEach((c, i) => {
    const subject = `Xếp loại thứ ${i + 1}`;
    if (!c.name.trim()) is.set(`classes.${i}.name`, "thiếu tên loại", subject);
    else if (names.has(c.name.trim())) is.set(`classes.${i}.name`, `tên loại “${c.name}” bị trùng`, subject);
    names.add(c.name.trim());
    if (!(c.minPercent >= 0 && c.minPercent <= 100)) is.set(`classes.${i}.minPercent`, "tỷ lệ tối thiểu phải từ 0 đến 100 %", subject);
    else if (i > 0 && !(c.minPercent < set.classes[i - 1].minPercent)) {
      is.set(`classes.${i}.minPercent`, "các loại phải xếp theo tỷ lệ tối thiểu giảm dần (loại cao nhất trước)", subject);
    }
  });
  const areas = set.root.children;
  if (areas.length === 0) is.set("root.children", "chưa có lĩnh vực nào");
  const seen = new Set<string>();
  for (const a of areas) checkNode(is, a, null, seen);
  const s = sum(areas.map((a) => a.maxPoints));
  if (areas.length > 0 && s !== set.root.maxPoints) {
    is.set("root.maxPoints", `tổng điểm tối đa của các lĩnh vực (${viNumber(s)}) khác điểm tối đa của cây tiêu chí (${viNumber(set.root.maxPoints)})`);
  }
  if (Math.round((set.root.maxPoints + set.surveyWeight) * 10000) !== 1_000_000) {
    is.set("root.maxPoints", `điểm tối đa của cây tiêu chí (${viNumber(set.root.maxPoints)}) cộng điểm điều tra xã hội học (${viNumber(set.surveyWeight)}) phải bằng 100`);
  }
  return is.list.length > 0 ? { ok: false, issues: is.list } : { ok: true, set };
}

/** The set, or an InvalidCriteriaSet (AppError "validation") listing every problem. */
export function parseCriteriaSet(raw: unknown): CriteriaSet {
  const r = checkCriteriaSet(raw);
  if (!r.ok) throw new InvalidCriteriaSet(r.issues);
  return r.set;
}

// ---------- Assessment input (shape only; meaning is checked when scoring) ----------

export const leafInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("not_applicable") }),
  z.strictObject({ kind: z.literal("score"), points: num }),
  z.strictObject({ kind: z.literal("not_done") }),
  z.strictObject({ kind: z.literal("boolean"), value: z.boolean() }),
  z.strictObject({ kind: z.literal("deadline"), status: z.enum(["on_time", "late", "missing"]) }),
  z.strictObject({ kind: z.literal("date"), date: str.nullable(), due: str.optional() }),
  z.strictObject({ kind: z.literal("rate"), percent: num }),
  z.strictObject({ kind: z.literal("ratio"), numerator: num, denominator: num }),
  z.strictObject({ kind: z.literal("count"), value: num }),
]);
export const surveyInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("points"), points: num }),
  z.strictObject({ kind: z.literal("percent"), percent: num }),
]);
export const assessmentInputSchema = z.strictObject({ leaves: z.record(str, leafInputSchema), survey: surveyInputSchema.nullable().optional() });

/** An assessment input from untrusted JSON; AppError "validation" with Vietnamese messages otherwise. */
export function parseAssessmentInput(raw: unknown): AssessmentInput {
  const r = assessmentInputSchema.safeParse(raw);
  if (r.success) return r.data as AssessmentInput;
  const labels = { ...LABELS, kind: "loại kết quả", points: "điểm" };
  const messages = r.error.issues.map((issue) => {
    const p = issue.path;
    if (p[0] === "leaves" && typeof p[1] === "string") return `Tiêu chí ${p[1]}: ${zodIssueText(issue, p.slice(2), raw, labels)}`;
    if (p[0] === "survey") return `Điểm điều tra xã hội học: ${zodIssueText(issue, p.slice(1), raw, labels)}`;
    return `Kết quả chấm điểm: ${zodIssueText(issue, p, raw, labels)}`;
  });
  throw new AppError("validation", messages.join("\n"));
}
