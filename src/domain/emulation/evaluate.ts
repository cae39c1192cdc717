/**
 * Evaluates the criteria of an emulation campaign for each participant from
 * the records of the commune. Pure: no I/O. The rules (docs/emulation.md):
 *
 * - The cut date D of a computed criterion is its `asOf`, else
 *   min(periodTo, today).
 * - A participant's tasks are the tasks its unit leads (a person: the unit
 *   they belong to) whose due date lies in [periodFrom, D]. Tasks without a due
 *   date are not counted.
 * - tasks_done_share: tasks with doneOn ≤ D / counted tasks × 100.
 * - tasks_on_time_share: tasks with doneOn ≤ min(dueDate, D) / counted × 100
 *   (done on the due day is on time).
 * - overdue_tasks_at: counted tasks with dueDate < D not done by D.
 * - initiatives_count: initiatives submitted in [periodFrom, D] of the unit (a
 *   unit participant) or authored by the person: an author with the person's
 *   account, or an author whose name folds to the person's name (unless the
 *   author is linked to another account).
 * - findings_fixed_share: findings the unit is responsible for (a person:
 *   their unit's), found by an inspection conducted in [periodFrom, D], that
 *   are fixed or escalated with closedOn ≤ D / those findings × 100.
 * - A share with nothing counted is "na" (không phát sinh) and does not block
 *   the proposal; a count always has a value. Shares are rounded to 2
 *   decimals for display and compared exactly: met when the figure is
 *   ≥ threshold ("min") or ≤ threshold ("max").
 * - A criterion whose appliesTo excludes the participant's kind: applies
 *   false, outcome "na". A judged criterion takes the judgment's verdict, or
 *   "pending" while nobody has judged it.
 * - proposed: every applicable criterion met or na; missing: the labels of the
 *   criteria missed or pending.
 */
import { formatViDate, type IsoDate } from "../dates.js";
import { conflict, invalid } from "../errors.js";
import { percent } from "../indicators/ratio.js";
import type { InitiativeAuthor } from "../initiatives.js";
import { viNumber, viPercent } from "../reports/format.js";
import { fold } from "../text.js";
import { METRICS, type CampaignCriterion, type Metric, type ProposalEntry, type Subject } from "./types.js";

export type Outcome = "met" | "missed" | "na" | "pending";

export interface EvalParticipant { id: string; kind: Subject; unitId: string; userId: string | null; name: string }
export interface EvalTask { id: string; planId: string; title: string; ref: string | null; leadUnitIds: string[]; dueDate: IsoDate | null; doneOn: IsoDate | null }
export interface EvalInitiative { id: string; title: string; unitId: string; authors: InitiativeAuthor[]; submittedOn: IsoDate }
export interface EvalFinding {
  id: string;
  inspectionId: string;
  description: string;
  responsibleUnitId: string;
  /** The day the inspection that found it was conducted. */
  foundOn: IsoDate;
  status: "open" | "fixed" | "escalated";
  closedOn: IsoDate | null;
}
export interface EvalJudgment { participantId: string; criterionId: string; met: boolean; note: string; by: string | null; at: string }

export interface EvaluationInput {
  campaign: { periodFrom: IsoDate; periodTo: IsoDate; criteria: CampaignCriterion[] };
  today: IsoDate;
  participants: EvalParticipant[];
  tasks: EvalTask[];
  initiatives: EvalInitiative[];
  findings: EvalFinding[];
  judgments: EvalJudgment[];
}

export interface ResultRecord {
  kind: "task" | "initiative" | "finding";
  id: string;
  label: string;
  /** Whether the record satisfies the criterion (a task done by D, a finding handled by D, …). */
  ok: boolean;
  planId?: string;
  inspectionId?: string;
}

export interface CriterionResult {
  criterionId: string;
  applies: boolean;
  outcome: Outcome;
  value: number | null;
  text: string;
  records: ResultRecord[];
  judgment: { met: boolean; note: string; by: string | null; at: string } | null;
}

export interface ParticipantResult {
  participantId: string;
  name: string;
  results: CriterionResult[];
  proposed: boolean;
  missing: string[];
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const within = (d: IsoDate, from: IsoDate, to: IsoDate) => d >= from && d <= to;
const LABEL_MAX = 120;
const cut = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1).trimEnd()}…` : text);
const taskLabel = (t: EvalTask) => (t.ref ? `${t.ref}. ${t.title}` : t.title);

/** The cut date of a computed criterion: its own date, else the end of the period or today if earlier. */
export const cutDate = (asOf: IsoDate | null, periodTo: IsoDate, today: IsoDate) => asOf ?? minDate(periodTo, today);

/** Is the initiative the participant's: of the unit, or by the person (account, else folded name)? */
export function isOwnInitiative(p: EvalParticipant, i: EvalInitiative): boolean {
  if (p.kind === "unit") return i.unitId === p.unitId;
  const name = fold(p.name);
  return i.authors.some((a) => (p.userId !== null && a.userId === p.userId)
    || (fold(a.name) === name && (a.userId === null || p.userId === null)));
}

interface Counted { records: ResultRecord[]; value: number | null; okCount: number; total: number }

function countShare(records: ResultRecord[]): Counted {
  const okCount = records.filter((r) => r.ok).length;
  return { records, okCount, total: records.length, value: percent(okCount, records.length) };
}

function measure(metric: Metric, p: EvalParticipant, input: EvaluationInput, from: IsoDate, d: IsoDate): Counted {
  const tasks = input.tasks.filter((t) => t.dueDate !== null && t.leadUnitIds.includes(p.unitId) && within(t.dueDate, from, d));
  const taskRecord = (t: EvalTask, ok: boolean): ResultRecord => ({ kind: "task", id: t.id, label: taskLabel(t), ok, planId: t.planId });
  switch (metric) {
    case "tasks_done_share":
      return countShare(tasks.map((t) => taskRecord(t, t.doneOn !== null && t.doneOn <= d)));
    case "tasks_on_time_share":
      return countShare(tasks.map((t) => taskRecord(t, t.doneOn !== null && t.doneOn <= minDate(t.dueDate!, d))));
    case "overdue_tasks_at": {
      const records = tasks.map((t) => taskRecord(t, !(t.dueDate! < d && (t.doneOn === null || t.doneOn > d))));
      const overdue = records.filter((r) => !r.ok).length;
      return { records, okCount: records.length - overdue, total: records.length, value: overdue };
    }
    case "initiatives_count": {
      const records = input.initiatives.filter((i) => within(i.submittedOn, from, d) && isOwnInitiative(p, i))
        .map((i): ResultRecord => ({ kind: "initiative", id: i.id, label: i.title, ok: true }));
      return { records, okCount: records.length, total: records.length, value: records.length };
    }
    case "findings_fixed_share":
      return countShare(input.findings.filter((f) => f.responsibleUnitId === p.unitId && within(f.foundOn, from, d))
        .map((f) => ({
          kind: "finding", id: f.id, label: cut(f.description), inspectionId: f.inspectionId,
          ok: (f.status === "fixed" || f.status === "escalated") && f.closedOn !== null && f.closedOn <= d,
        })));
  }
}

const met = (metric: Metric, c: Counted, threshold: number): boolean => {
  if (METRICS[metric].direction === "max") return c.value! <= threshold;
  // Shares are compared exactly, not after rounding: 999/1000 is not 100 %.
  return METRICS[metric].unit === "%" ? c.okCount * 100 >= threshold * c.total : c.value! >= threshold;
};

function computedText(metric: Metric, c: Counted, threshold: number, d: IsoDate, asOf: IsoDate | null): string {
  const atDate = asOf ? ` đến ngày ${formatViDate(d)}` : "";
  const share = () => viPercent(c.value!);
  switch (metric) {
    case "tasks_done_share":
      return `${c.okCount}/${c.total} nhiệm vụ hoàn thành${atDate} (${share()}) — yêu cầu ≥ ${viPercent(threshold)}`;
    case "tasks_on_time_share":
      return `${c.okCount}/${c.total} nhiệm vụ hoàn thành đúng hạn${atDate} (${share()}) — yêu cầu ≥ ${viPercent(threshold)}`;
    case "findings_fixed_share":
      return `${c.okCount}/${c.total} vấn đề phát hiện qua kiểm tra đã được xử lý${atDate} (${share()}) — yêu cầu ≥ ${viPercent(threshold)}`;
    case "overdue_tasks_at":
      return `${c.value ? `${viNumber(c.value)} nhiệm vụ quá hạn` : "Không có nhiệm vụ quá hạn"} tại ngày ${formatViDate(d)} — yêu cầu không quá ${viNumber(threshold)}`;
    case "initiatives_count":
      return `${c.value ? `${viNumber(c.value)} sáng kiến đã nộp` : "Chưa có sáng kiến nào"}${atDate} — yêu cầu ít nhất ${viNumber(threshold)}`;
  }
}

const NOTHING: Partial<Record<Metric, string>> = {
  tasks_done_share: "Không phát sinh nhiệm vụ đến hạn",
  tasks_on_time_share: "Không phát sinh nhiệm vụ đến hạn",
  findings_fixed_share: "Không phát sinh vấn đề phát hiện qua kiểm tra",
};

const SUBJECT_WORD: Record<Subject, string> = { unit: "tập thể", person: "cá nhân" };

function evaluateOne(criterion: CampaignCriterion, p: EvalParticipant, input: EvaluationInput, judgments: Map<string, EvalJudgment>): CriterionResult {
  const base = { criterionId: criterion.id, records: [] as ResultRecord[], judgment: null, value: null };
  if (criterion.appliesTo !== "both" && criterion.appliesTo !== p.kind) {
    return { ...base, applies: false, outcome: "na", text: `Không áp dụng cho ${SUBJECT_WORD[p.kind]}` };
  }
  const source = criterion.source;
  if (source.kind === "judged") {
    const j = judgments.get(`${p.id}|${criterion.id}`);
    if (!j) return { ...base, applies: true, outcome: "pending", text: "Chưa đánh giá" };
    return {
      ...base, applies: true, outcome: j.met ? "met" : "missed", text: `${j.met ? "Đạt" : "Chưa đạt"}: ${j.note}`,
      judgment: { met: j.met, note: j.note, by: j.by, at: j.at },
    };
  }
  const d = cutDate(source.asOf, input.campaign.periodTo, input.today);
  const c = measure(source.metric, p, input, input.campaign.periodFrom, d);
  // Failing records first, each group in the order given.
  const records = [...c.records.filter((r) => !r.ok), ...c.records.filter((r) => r.ok)];
  if (c.value === null) return { ...base, applies: true, outcome: "na", records, text: NOTHING[source.metric]! };
  return {
    ...base, applies: true, records, value: c.value,
    outcome: met(source.metric, c, source.threshold) ? "met" : "missed",
    text: computedText(source.metric, c, source.threshold, d, source.asOf),
  };
}

export function evaluateCampaign(input: EvaluationInput): ParticipantResult[] {
  const judgments = new Map(input.judgments.map((j) => [`${j.participantId}|${j.criterionId}`, j]));
  const labels = new Map(input.campaign.criteria.map((c) => [c.id, c.label]));
  return input.participants.map((p) => {
    const results = input.campaign.criteria.map((c) => evaluateOne(c, p, input, judgments));
    const blocking = results.filter((r) => r.applies && (r.outcome === "missed" || r.outcome === "pending"));
    return { participantId: p.id, name: p.name, results, proposed: blocking.length === 0, missing: blocking.map((r) => labels.get(r.criterionId)!) };
  });
}

const MIN_REASON = 5;

/**
 * The focal point's decisions on the proposal, checked against the results:
 * nothing may be pending, every participant appears exactly once, and a
 * decision that differs from the proposal says why. Returns the entries in
 * participant order with trimmed reasons.
 */
export function checkProposal(results: ParticipantResult[], entries: ProposalEntry[]): ProposalEntry[] {
  const pending = results.flatMap((r) => r.results.filter((c) => c.applies && c.outcome === "pending").map(() => r.name));
  if (pending.length) {
    const names = [...new Set(pending)];
    throw conflict(`Còn tiêu chí chưa đánh giá (${names.join(", ")}); cần đánh giá đủ các tiêu chí trước khi xác nhận danh sách đề nghị khen thưởng.`);
  }
  const byId = new Map<string, ProposalEntry>();
  for (const [i, e] of entries.entries()) {
    const r = results.find((x) => x.participantId === e.participantId);
    if (!r) throw invalid(`Mục thứ ${i + 1} của danh sách không phải là tập thể, cá nhân tham gia phong trào thi đua này.`, `entries.${i}.participantId`);
    if (byId.has(e.participantId)) throw invalid(`${r.name} có mặt hơn một lần trong danh sách.`, `entries.${i}.participantId`);
    byId.set(e.participantId, e);
  }
  return results.map((r) => {
    const e = byId.get(r.participantId);
    if (!e) throw invalid(`Danh sách chưa có quyết định cho ${r.name}.`, "entries");
    const reason = e.reason?.replace(/\s+/gu, " ").trim() || null;
    if (e.included !== r.proposed && (reason?.length ?? 0) < MIN_REASON) {
      throw invalid(r.proposed
        ? `${r.name} đạt đủ tiêu chí nhưng không được đưa vào danh sách: cần ghi lý do (ít nhất ${MIN_REASON} ký tự).`
        : `${r.name} chưa đạt đủ tiêu chí (${r.missing.join("; ")}) nhưng được đưa vào danh sách: cần ghi lý do (ít nhất ${MIN_REASON} ký tự).`, "entries");
    }
    return { participantId: r.participantId, included: e.included, reason };
  });
}
