import { describe, expect, it } from "vitest";
import { addDays, ymd } from "../dates.js";
import { checkCampaignPeriod, defaultCriteria, parseCriteria } from "./criteria.js";
import {
  checkProposal, evaluateCampaign, type EvalFinding, type EvalInitiative, type EvalJudgment, type EvalParticipant, type EvalTask, type EvaluationInput,
} from "./evaluate.js";
import type { CampaignCriterion, Metric } from "./types.js";

/**
 * A year of records of a commune in 2026: units A and B each lead ten tasks
 * due at the end of January … October, all done three days early; a task due
 * in December, one due in 2025 and one without a due date that never count;
 * one initiative of each unit; two findings of each unit, both fixed. The
 * campaign runs 01/01–31/12/2026 and today is 15/11/2026, so D = 15/11/2026.
 * Each test changes one record of B and checks that A still meets the
 * criterion while B misses it by exactly that record.
 */
const TODAY = "2026-11-15";
const MONTH_ENDS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31].map((day, i) => ymd(2026, i + 1, day));

const unitA: EvalParticipant = { id: "pA", kind: "unit", unitId: "A", userId: null, name: "Văn phòng – Thống kê" };
const unitB: EvalParticipant = { id: "pB", kind: "unit", unitId: "B", userId: null, name: "Tư pháp – Hộ tịch" };
const hoa: EvalParticipant = { id: "hoa", kind: "person", unitId: "A", userId: "user-hoa", name: "Lê Thị Hoa" };
const binh: EvalParticipant = { id: "binh", kind: "person", unitId: "B", userId: null, name: "Nguyễn Văn Bình" };

function year() {
  const tasks: EvalTask[] = [];
  for (const unit of ["A", "B"]) {
    MONTH_ENDS.forEach((due, i) => tasks.push({ id: `${unit}${i + 1}`, planId: "plan", ref: `${i + 1}`, title: `Nhiệm vụ ${i + 1} của ${unit}`, leadUnitIds: [unit], dueDate: due, doneOn: addDays(due, -3) }));
    tasks.push({ id: `${unit}-dec`, planId: "plan", ref: "11", title: "Tổng kết năm", leadUnitIds: [unit], dueDate: "2026-12-15", doneOn: null });
    tasks.push({ id: `${unit}-2025`, planId: "old", ref: null, title: "Việc của năm trước", leadUnitIds: [unit], dueDate: "2025-12-20", doneOn: null });
    tasks.push({ id: `${unit}-nodate`, planId: "plan", ref: null, title: "Thường xuyên", leadUnitIds: [unit], dueDate: null, doneOn: null });
  }
  const initiatives: EvalInitiative[] = [
    { id: "iA", title: "Số hóa sổ hộ tịch", unitId: "A", authors: [{ name: "L. T. Hoa", userId: "user-hoa" }], submittedOn: "2026-03-10" },
    { id: "iB", title: "Hẹn giờ trả kết quả qua Zalo", unitId: "B", authors: [{ name: "nguyen van binh", userId: null }], submittedOn: "2026-04-02" },
  ];
  const findings: EvalFinding[] = ["A", "B"].flatMap((unit) => [1, 2].map((n) => ({
    id: `f${unit}${n}`, inspectionId: `insp${unit}`, description: `Vấn đề ${n} của ${unit}`, responsibleUnitId: unit, foundOn: "2026-05-20", status: "fixed" as const, closedOn: "2026-06-30",
  })));
  return { tasks, initiatives, findings, judgments: [] as EvalJudgment[] };
}
type Year = ReturnType<typeof year>;

const computed = (metric: Metric, threshold: number, appliesTo: CampaignCriterion["appliesTo"] = "both", asOf: string | null = null): CampaignCriterion =>
  ({ id: "k", label: `Tiêu chí ${metric}`, appliesTo, source: { kind: "computed", metric, threshold, asOf } });

function run(records: Year, criteria: CampaignCriterion[], participants = [unitA, unitB, hoa, binh], today = TODAY) {
  const input: EvaluationInput = { campaign: { periodFrom: "2026-01-01", periodTo: "2026-12-31", criteria }, today, participants, ...records };
  return evaluateCampaign(input);
}
const resultOf = (results: ReturnType<typeof run>, participantId: string, criterionId = "k") =>
  results.find((r) => r.participantId === participantId)!.results.find((c) => c.criterionId === criterionId)!;
const task = (y: Year, id: string) => y.tasks.find((t) => t.id === id)!;

describe("computed criteria over a year of records", () => {
  it("tasks_done_share: one task of B not done by D makes 9/10, and the failing task comes first", () => {
    const y = year();
    task(y, "B9").doneOn = null; // due 30/09
    const r = run(y, [computed("tasks_done_share", 100)]);
    expect(resultOf(r, "pA")).toMatchObject({ applies: true, outcome: "met", value: 100, text: "10/10 nhiệm vụ hoàn thành (100 %) — yêu cầu ≥ 100 %" });
    const b = resultOf(r, "pB");
    expect(b).toMatchObject({ outcome: "missed", value: 90, text: "9/10 nhiệm vụ hoàn thành (90 %) — yêu cầu ≥ 100 %" });
    // Only the ten tasks due in [01/01, D] are counted: not December's, not 2025's, not the one without a due date.
    expect(b.records).toHaveLength(10);
    expect(b.records[0]).toEqual({ kind: "task", id: "B9", label: "9. Nhiệm vụ 9 của B", ok: false, planId: "plan" });
    expect(b.records.slice(1).every((x) => x.ok)).toBe(true);
    // A lower threshold is met by the same figure; the person of B shares the unit's tasks.
    expect(resultOf(run(y, [computed("tasks_done_share", 90)]), "pB").outcome).toBe("met");
    expect(resultOf(r, "binh")).toMatchObject({ outcome: "missed", value: 90 });
    expect(resultOf(r, "hoa")).toMatchObject({ outcome: "met", value: 100 });
  });

  it("tasks_on_time_share: one task of B done a day late; done on the due day is on time", () => {
    const y = year();
    task(y, "B6").doneOn = "2026-07-01"; // due 30/06
    task(y, "B7").doneOn = "2026-07-31"; // due 31/07: on the day
    task(y, "A3").doneOn = "2026-03-31"; // due 31/03: on the day
    const r = run(y, [computed("tasks_on_time_share", 100)]);
    expect(resultOf(r, "pA")).toMatchObject({ outcome: "met", value: 100, text: "10/10 nhiệm vụ hoàn thành đúng hạn (100 %) — yêu cầu ≥ 100 %" });
    const b = resultOf(r, "pB");
    expect(b).toMatchObject({ outcome: "missed", value: 90, text: "9/10 nhiệm vụ hoàn thành đúng hạn (90 %) — yêu cầu ≥ 100 %" });
    expect(b.records.filter((x) => !x.ok).map((x) => x.id)).toEqual(["B6"]);
    // Late is still done.
    expect(resultOf(run(y, [computed("tasks_done_share", 100)]), "pB").outcome).toBe("met");
  });

  it("overdue_tasks_at: one task of B past due and not done at D; due on D itself is not overdue yet", () => {
    const y = year();
    task(y, "B10").doneOn = null; // due 31/10 < 15/11
    y.tasks.push({ id: "A-onD", planId: "plan", ref: "12", title: "Báo cáo tháng 11", leadUnitIds: ["A"], dueDate: TODAY, doneOn: null });
    const r = run(y, [computed("overdue_tasks_at", 0)]);
    const a = resultOf(r, "pA");
    expect(a).toMatchObject({ outcome: "met", value: 0, text: "Không có nhiệm vụ quá hạn tại ngày 15/11/2026 — yêu cầu không quá 0" });
    expect(a.records).toHaveLength(11);
    const b = resultOf(r, "pB");
    expect(b).toMatchObject({ outcome: "missed", value: 1, text: "1 nhiệm vụ quá hạn tại ngày 15/11/2026 — yêu cầu không quá 0" });
    expect(b.records[0]).toMatchObject({ id: "B10", ok: false });
    expect(resultOf(run(y, [computed("overdue_tasks_at", 1)]), "pB").outcome).toBe("met");
    // A day later the task due on D is overdue too.
    expect(resultOf(run(y, [computed("overdue_tasks_at", 0)], undefined, "2026-11-16"), "pA")).toMatchObject({ outcome: "missed", value: 1 });
  });

  it("initiatives_count: a unit without an initiative misses by one; persons match by account or by name", () => {
    const y = year();
    y.initiatives = y.initiatives.filter((i) => i.unitId !== "B");
    let r = run(y, [computed("initiatives_count", 1)]);
    expect(resultOf(r, "pA")).toMatchObject({ outcome: "met", value: 1, text: "1 sáng kiến đã nộp — yêu cầu ít nhất 1", records: [{ kind: "initiative", id: "iA", label: "Số hóa sổ hộ tịch", ok: true }] });
    expect(resultOf(r, "pB")).toMatchObject({ outcome: "missed", value: 0, text: "Chưa có sáng kiến nào — yêu cầu ít nhất 1", records: [] });
    // Hoa is the author by her account, although the name is written differently.
    expect(resultOf(r, "hoa")).toMatchObject({ outcome: "met", value: 1 });
    expect(resultOf(r, "binh")).toMatchObject({ outcome: "missed", value: 0 });

    // Bình has no account: his initiative is found by his name, whatever its case and diacritics.
    r = run(year(), [computed("initiatives_count", 1)]);
    expect(resultOf(r, "binh")).toMatchObject({ outcome: "met", value: 1, records: [{ id: "iB" }] });

    // A namesake linked to another account is someone else; an initiative after D does not count yet.
    const other = year();
    other.initiatives = [
      { id: "iX", title: "Của người trùng tên", unitId: "A", authors: [{ name: "Lê Thị Hoa", userId: "user-other" }], submittedOn: "2026-02-01" },
      { id: "iY", title: "Nộp sau ngày xét", unitId: "A", authors: [{ name: "Lê Thị Hoa", userId: "user-hoa" }], submittedOn: "2026-11-20" },
    ];
    r = run(other, [computed("initiatives_count", 1)]);
    expect(resultOf(r, "hoa")).toMatchObject({ outcome: "missed", value: 0 });
    expect(resultOf(r, "pA")).toMatchObject({ value: 1, records: [{ id: "iX" }] });
  });

  it("findings_fixed_share: one finding of B still open; escalated counts as handled; the person reads the unit's findings", () => {
    const y = year();
    y.findings.find((f) => f.id === "fB2")!.status = "open";
    y.findings.find((f) => f.id === "fB2")!.closedOn = null;
    y.findings.find((f) => f.id === "fA2")!.status = "escalated";
    const r = run(y, [computed("findings_fixed_share", 100)]);
    expect(resultOf(r, "pA")).toMatchObject({ outcome: "met", value: 100, text: "2/2 vấn đề phát hiện qua kiểm tra đã được xử lý (100 %) — yêu cầu ≥ 100 %" });
    const b = resultOf(r, "pB");
    expect(b).toMatchObject({ outcome: "missed", value: 50, text: "1/2 vấn đề phát hiện qua kiểm tra đã được xử lý (50 %) — yêu cầu ≥ 100 %" });
    expect(b.records[0]).toEqual({ kind: "finding", id: "fB2", label: "Vấn đề 2 của B", ok: false, inspectionId: "inspB" });
    expect(resultOf(r, "binh")).toMatchObject({ outcome: "missed", value: 50 });
  });

  it("asOf moves the cut date: only tasks due by then, done by then", () => {
    const y = year();
    task(y, "B9").doneOn = null; // due 30/09: not yet due at 31/05
    task(y, "B5").doneOn = "2026-06-02"; // due 31/05, done after the cut date
    const asOf = "2026-05-31";
    const r = run(y, [computed("tasks_done_share", 100, "both", asOf)]);
    expect(resultOf(r, "pA")).toMatchObject({ outcome: "met", value: 100, text: "5/5 nhiệm vụ hoàn thành đến ngày 31/05/2026 (100 %) — yêu cầu ≥ 100 %" });
    expect(resultOf(r, "pB")).toMatchObject({ outcome: "missed", value: 80, text: "4/5 nhiệm vụ hoàn thành đến ngày 31/05/2026 (80 %) — yêu cầu ≥ 100 %" });
    // At the default cut date B5 is done (late) and B9 is the missing one.
    expect(resultOf(run(y, [computed("tasks_done_share", 100)]), "pB")).toMatchObject({ value: 90, records: [{ id: "B9", ok: false }, ...Array(9).fill(expect.objectContaining({ ok: true }))] });

    // Overdue at an earlier date: done after it counts as not done then.
    const late = year();
    task(late, "B10").doneOn = "2026-11-02"; // due 31/10
    expect(resultOf(run(late, [computed("overdue_tasks_at", 0, "both", "2026-11-01")]), "pB")).toMatchObject({ outcome: "missed", value: 1, text: "1 nhiệm vụ quá hạn tại ngày 01/11/2026 — yêu cầu không quá 0" });
    expect(resultOf(run(late, [computed("overdue_tasks_at", 0)]), "pB")).toMatchObject({ outcome: "met", value: 0 });

    // A finding closed after the cut date was not handled then; one found after it is not counted.
    const f = year();
    f.findings.find((x) => x.id === "fB1")!.closedOn = "2026-09-10";
    f.findings.push({ id: "fB3", inspectionId: "inspB2", description: "Tìm thấy sau ngày xét", responsibleUnitId: "B", foundOn: "2026-09-01", status: "open", closedOn: null });
    expect(resultOf(run(f, [computed("findings_fixed_share", 100, "both", "2026-08-31")]), "pB")).toMatchObject({ outcome: "missed", value: 50 });
    expect(resultOf(run(f, [computed("findings_fixed_share", 100)]), "pB")).toMatchObject({ outcome: "missed", value: 66.67, text: expect.stringContaining("2/3 vấn đề") });
  });

  it("the default cut date is the end of the period, or today when the period is still running", () => {
    const y = year();
    task(y, "B-dec").doneOn = null; // due 15/12
    const after = run(y, [computed("tasks_done_share", 100)], [unitB], "2027-02-01");
    expect(resultOf(after, "pB")).toMatchObject({ value: 90.91, text: "10/11 nhiệm vụ hoàn thành (90,91 %) — yêu cầu ≥ 100 %" });
  });

  it("a share with nothing counted is 'không phát sinh' and does not block; counts always have a value", () => {
    const y = year();
    const unitC: EvalParticipant = { id: "pC", kind: "unit", unitId: "C", userId: null, name: "Văn hóa – Xã hội" };
    const r = run(y, [
      { ...computed("tasks_done_share", 100), id: "a" },
      { ...computed("tasks_on_time_share", 100), id: "b" },
      { ...computed("findings_fixed_share", 100), id: "c" },
      { ...computed("overdue_tasks_at", 0), id: "d" },
      { ...computed("initiatives_count", 0), id: "e" },
    ], [unitC]);
    const [c] = r;
    expect(c.results.map((x) => [x.outcome, x.value, x.text])).toEqual([
      ["na", null, "Không phát sinh nhiệm vụ đến hạn"],
      ["na", null, "Không phát sinh nhiệm vụ đến hạn"],
      ["na", null, "Không phát sinh vấn đề phát hiện qua kiểm tra"],
      ["met", 0, "Không có nhiệm vụ quá hạn tại ngày 15/11/2026 — yêu cầu không quá 0"],
      ["met", 0, "Chưa có sáng kiến nào — yêu cầu ít nhất 0"],
    ]);
    expect(c).toMatchObject({ proposed: true, missing: [] });
  });

  it("shares are compared exactly, not after rounding", () => {
    const y = year();
    for (let i = 0; i < 990; i++) y.tasks.push({ id: `x${i}`, planId: "plan", ref: null, title: "x", leadUnitIds: ["B"], dueDate: "2026-08-01", doneOn: "2026-07-01" });
    y.tasks.push({ id: "x-miss", planId: "plan", ref: null, title: "x", leadUnitIds: ["B"], dueDate: "2026-08-01", doneOn: null });
    const b = resultOf(run(y, [computed("tasks_done_share", 100)], [unitB]), "pB");
    // 1000/1001 shows as 99,9 % and is not 100 %.
    expect(b).toMatchObject({ outcome: "missed", value: 99.9 });
  });
});

describe("who a criterion applies to, judged criteria and the proposal", () => {
  const criteria = defaultCriteria();

  it("a unit-only criterion does not apply to a person and does not block them", () => {
    const y = year();
    task(y, "B9").doneOn = null;
    const r = run(y, [computed("tasks_done_share", 100, "unit"), { ...computed("initiatives_count", 1, "person"), id: "p" }]);
    expect(resultOf(r, "binh")).toEqual({ criterionId: "k", applies: false, outcome: "na", value: null, text: "Không áp dụng cho cá nhân", records: [], judgment: null });
    expect(resultOf(r, "pA", "p")).toMatchObject({ applies: false, outcome: "na", text: "Không áp dụng cho tập thể" });
    expect(r.find((x) => x.participantId === "binh")).toMatchObject({ proposed: true, missing: [] });
    expect(r.find((x) => x.participantId === "pB")).toMatchObject({ proposed: false, missing: ["Tiêu chí tasks_done_share"] });
  });

  it("a judged criterion is pending until judged, then met or missed with the note", () => {
    const y = year();
    y.judgments = [
      { participantId: "pA", criterionId: "c6", met: true, note: "Không có công chức bị kỷ luật.", by: "Võ Minh Chính", at: "2026-11-10T03:00:00.000Z" },
      { participantId: "pB", criterionId: "c6", met: false, note: "Có công chức bị khiển trách.", by: "Võ Minh Chính", at: "2026-11-10T03:00:00.000Z" },
    ];
    const r = run(y, criteria);
    expect(resultOf(r, "pA", "c6")).toMatchObject({ outcome: "met", text: "Đạt: Không có công chức bị kỷ luật.", judgment: { met: true, note: "Không có công chức bị kỷ luật.", by: "Võ Minh Chính" } });
    expect(resultOf(r, "pB", "c6")).toMatchObject({ outcome: "missed", text: "Chưa đạt: Có công chức bị khiển trách." });
    expect(resultOf(r, "hoa", "c6")).toMatchObject({ applies: true, outcome: "pending", text: "Chưa đánh giá", judgment: null });

    const byId = new Map(r.map((x) => [x.participantId, x]));
    expect(byId.get("pA")).toMatchObject({ proposed: true, missing: [] });
    expect(byId.get("pB")).toMatchObject({ proposed: false, missing: ["Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)"] });
    // Hoa: every computed criterion that applies to a person is met, the judged one is pending.
    expect(byId.get("hoa")!.results.map((x) => x.outcome)).toEqual(["na", "met", "met", "na", "met", "pending"]);
    expect(byId.get("hoa")).toMatchObject({ proposed: false, missing: ["Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)"] });
  });

  it("checks the focal point's decisions: nothing pending, everyone once, a reason for a differing decision", () => {
    const y = year();
    task(y, "B9").doneOn = null;
    const judged = (met: boolean): EvalJudgment[] => [unitA, unitB, hoa, binh].map((p) => ({ participantId: p.id, criterionId: "c6", met, note: "Theo báo cáo của Văn phòng.", by: null, at: "2026-11-10T03:00:00.000Z" }));
    const entries = (over: Partial<Record<string, { included: boolean; reason?: string | null }>> = {}) =>
      [unitA, unitB, hoa, binh].map((p) => ({ participantId: p.id, included: p.id !== "pB" && p.id !== "binh", reason: null, ...over[p.id] }));

    // While something is pending the list cannot be confirmed.
    const pending = run(y, criteria);
    expect(() => checkProposal(pending, entries())).toThrow(expect.objectContaining({ status: 409, message: expect.stringContaining("Lê Thị Hoa") }));

    y.judgments = judged(true);
    const r = run(y, criteria);
    expect(r.map((x) => x.proposed)).toEqual([true, false, true, false]);
    expect(checkProposal(r, entries())).toEqual(entries());

    // Including B, which misses a criterion, needs a reason that names it.
    expect(() => checkProposal(r, entries({ pB: { included: true, reason: "ok" } }))).toThrow(expect.objectContaining({
      status: 400, message: "Tư pháp – Hộ tịch chưa đạt đủ tiêu chí (Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC; Hoàn thành nhiệm vụ đúng thời gian quy định; Không có nhiệm vụ quá hạn tại thời điểm xét) nhưng được đưa vào danh sách: cần ghi lý do (ít nhất 5 ký tự).",
    }));
    expect(checkProposal(r, entries({ pB: { included: true, reason: "  Nhiệm vụ 9 hoãn theo chỉ đạo của tỉnh. " } }))[1])
      .toEqual({ participantId: "pB", included: true, reason: "Nhiệm vụ 9 hoãn theo chỉ đạo của tỉnh." });
    // Leaving out A, which meets every criterion, too.
    expect(() => checkProposal(r, entries({ pA: { included: false } }))).toThrow("Văn phòng – Thống kê đạt đủ tiêu chí nhưng không được đưa vào danh sách: cần ghi lý do (ít nhất 5 ký tự).");

    // Everyone exactly once, nobody else.
    expect(() => checkProposal(r, entries().slice(0, 3))).toThrow("Danh sách chưa có quyết định cho Nguyễn Văn Bình.");
    expect(() => checkProposal(r, [...entries(), entries()[0]])).toThrow("Văn phòng – Thống kê có mặt hơn một lần trong danh sách.");
    expect(() => checkProposal(r, [...entries(), { participantId: "stranger", included: true, reason: null }])).toThrow(expect.objectContaining({ status: 400 }));

    // A missed judgment blocks like a missed figure.
    y.judgments = judged(false);
    expect(run(y, criteria).map((x) => x.proposed)).toEqual([false, false, false, false]);
  });
});

describe("criteria as data", () => {
  it("the defaults are valid criteria", () => {
    expect(parseCriteria(defaultCriteria())).toEqual(defaultCriteria());
    expect(defaultCriteria().map((c) => [c.id, c.appliesTo, c.source.kind === "computed" ? c.source.metric : "judged"])).toEqual([
      ["c1", "unit", "tasks_done_share"], ["c2", "both", "tasks_on_time_share"], ["c3", "both", "overdue_tasks_at"],
      ["c4", "unit", "findings_fixed_share"], ["c5", "person", "initiatives_count"], ["c6", "both", "judged"],
    ]);
  });

  it("assigns free ids and keeps the given ones", () => {
    const parsed = parseCriteria([
      { label: "  Một  ", appliesTo: "unit", source: { kind: "judged" } },
      { id: "c1", label: "Hai", appliesTo: "both", source: { kind: "computed", metric: "tasks_done_share", threshold: 95.5 } },
      { label: "Ba", appliesTo: "person", source: { kind: "computed", metric: "initiatives_count", threshold: 2, asOf: "2026-10-31" } },
    ]);
    expect(parsed).toEqual([
      { id: "c2", label: "Một", appliesTo: "unit", source: { kind: "judged" } },
      { id: "c1", label: "Hai", appliesTo: "both", source: { kind: "computed", metric: "tasks_done_share", threshold: 95.5, asOf: null } },
      { id: "c3", label: "Ba", appliesTo: "person", source: { kind: "computed", metric: "initiatives_count", threshold: 2, asOf: "2026-10-31" } },
    ]);
  });

  const bad = (criteria: unknown) => { try { parseCriteria(criteria); } catch (e) { return { message: (e as Error).message, field: (e as { field?: string }).field, status: (e as { status?: number }).status }; } return null; };
  const ok = { label: "Hoàn thành nhiệm vụ", appliesTo: "both", source: { kind: "computed", metric: "tasks_done_share", threshold: 100 } };

  it("names the criterion by position and label in every message", () => {
    expect(bad([ok, ok, { ...ok, label: "Đúng hạn", source: { ...ok.source, threshold: 120 } }]))
      .toEqual({ status: 400, field: "criteria.2.source.threshold", message: "Tiêu chí thứ 3 (Đúng hạn): ngưỡng phải là số từ 0 đến 100." });
    expect(bad([{ ...ok, source: { kind: "computed", metric: "overdue_tasks_at", threshold: 1.5 } }])!.message).toBe("Tiêu chí thứ 1 (Hoàn thành nhiệm vụ): ngưỡng phải là số nguyên từ 0 đến 1000.");
    expect(bad([{ ...ok, source: { kind: "computed", metric: "initiatives_count", threshold: "1" } }])!.message).toBe("Tiêu chí thứ 1 (Hoàn thành nhiệm vụ): ngưỡng phải là số nguyên từ 0 đến 1000.");
    expect(bad([ok, { ...ok, label: "   " }])).toEqual({ status: 400, field: "criteria.1.label", message: "Tiêu chí thứ 2: tên tiêu chí không được để trống." });
    expect(bad([{ ...ok, label: "x".repeat(501) }])!.message).toMatch(/^Tiêu chí thứ 1 \(x+…\): tên tiêu chí dài quá 500 ký tự\.$/);
    expect(bad([{ ...ok, appliesTo: "everyone" }])!.message).toBe("Tiêu chí thứ 1 (Hoàn thành nhiệm vụ): đối tượng áp dụng phải là tập thể (unit), cá nhân (person) hoặc cả hai (both).");
    expect(bad([{ ...ok, source: { kind: "computed", metric: "happiness", threshold: 1 } }])!.message).toMatch(/^Tiêu chí thứ 1 \(Hoàn thành nhiệm vụ\): chỉ số tính tự động không hợp lệ; chọn một trong: tasks_done_share/);
    expect(bad([{ ...ok, source: { kind: "vote" } }])!.field).toBe("criteria.0.source.kind");
    expect(bad([{ ...ok, source: { ...ok.source, asOf: "2026-02-30" } }])!.message).toBe("Tiêu chí thứ 1 (Hoàn thành nhiệm vụ): ngày xét phải là ngày dạng YYYY-MM-DD hoặc để trống.");
    expect(bad([{ ...ok, id: "a" }, { ...ok, id: "a", label: "Khác" }])!.message).toBe('Tiêu chí thứ 2 (Khác): mã tiêu chí "a" bị trùng với một tiêu chí khác.');
    expect(bad(Array(31).fill(ok))!.message).toBe("Một phong trào thi đua có tối đa 30 tiêu chí (đang có 31).");
    expect(bad({})!.message).toBe("Danh sách tiêu chí thi đua không hợp lệ: cần một danh sách.");
    expect(bad([null])!.message).toBe("Tiêu chí thứ 1: không hợp lệ, cần tên tiêu chí, đối tượng áp dụng và cách đánh giá.");
  });

  it("checks the period against the year and the criteria's own cut dates", () => {
    const asOf = (date: string) => [{ ...defaultCriteria()[0], source: { kind: "computed" as const, metric: "tasks_done_share" as const, threshold: 100, asOf: date } }];
    expect(() => checkCampaignPeriod(2026, "2026-01-01", "2026-12-31", asOf("2026-06-30"))).not.toThrow();
    expect(() => checkCampaignPeriod(2026, "2026-07-01", "2026-06-30", [])).toThrow("Ngày kết thúc phong trào (30/06/2026) không được trước ngày bắt đầu (01/07/2026).");
    expect(() => checkCampaignPeriod(2026, "2027-01-01", "2027-06-30", [])).toThrow("Thời gian phong trào (01/01/2027 – 30/06/2027) không thuộc năm 2026.");
    expect(() => checkCampaignPeriod(2026, "2026-01-01", "2026-06-30", asOf("2026-07-01")))
      .toThrow("Tiêu chí thứ 1 (Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC): ngày xét (01/07/2026) phải nằm trong thời gian phong trào (01/01/2026 – 30/06/2026).");
  });
});
