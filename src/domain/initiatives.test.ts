import { describe, expect, it } from "vitest";
import { changeInitiativeState, initiativeTotals, tallyByUnit, type InitiativeState, type TalliedInitiative } from "./initiatives.js";

const TODAY = "2026-06-15";
const submitted: InitiativeState = { year: 2026, status: "submitted", submittedOn: "2026-03-02", recognisedOn: null, appliedOn: null };

describe("changing an initiative's status", () => {
  it("recognises with a date and applies later", () => {
    const recognised = changeInitiativeState(submitted, { status: "recognised", recognisedOn: "2026-04-10" }, TODAY);
    expect(recognised).toEqual({ ok: true, state: { ...submitted, status: "recognised", recognisedOn: "2026-04-10" } });
    const applied = changeInitiativeState(recognised.ok ? recognised.state : submitted, { status: "applied", appliedOn: "2026-05-01" }, TODAY);
    expect(applied).toEqual({ ok: true, state: { ...submitted, status: "applied", recognisedOn: "2026-04-10", appliedOn: "2026-05-01" } });
  });

  it("refuses a recognition or an application without its date", () => {
    expect(changeInitiativeState(submitted, { status: "recognised" }, TODAY))
      .toEqual({ ok: false, field: "recognisedOn", message: "Sáng kiến được công nhận cần có ngày công nhận." });
    expect(changeInitiativeState(submitted, { status: "applied" }, TODAY))
      .toEqual({ ok: false, field: "appliedOn", message: "Sáng kiến đã áp dụng cần có ngày áp dụng." });
  });

  it("may be applied without a recorded recognition, but never before it", () => {
    expect(changeInitiativeState(submitted, { status: "applied", appliedOn: "2026-03-01" }, TODAY).ok).toBe(true);
    const recognised = { ...submitted, status: "recognised" as const, recognisedOn: "2026-04-10" };
    expect(changeInitiativeState(recognised, { status: "applied", appliedOn: "2026-04-09" }, TODAY))
      .toEqual({ ok: false, field: "appliedOn", message: "Ngày áp dụng (09/04/2026) không được trước ngày công nhận (10/04/2026)." });
    expect(changeInitiativeState(recognised, { status: "applied", appliedOn: "2026-04-10" }, TODAY).ok).toBe(true);
  });

  it("refuses dates after today and a recognition before the submission", () => {
    expect(changeInitiativeState(submitted, { status: "recognised", recognisedOn: "2026-06-16" }, TODAY))
      .toEqual({ ok: false, field: "recognisedOn", message: "Ngày công nhận (16/06/2026) không được sau ngày hôm nay (15/06/2026)." });
    expect(changeInitiativeState(submitted, { status: "recognised", recognisedOn: TODAY }, TODAY).ok).toBe(true);
    expect(changeInitiativeState(submitted, { status: "applied", appliedOn: "2026-07-01" }, TODAY))
      .toEqual({ ok: false, field: "appliedOn", message: "Ngày áp dụng (01/07/2026) không được sau ngày hôm nay (15/06/2026)." });
    expect(changeInitiativeState(submitted, { submittedOn: "2026-06-16" }, TODAY))
      .toEqual({ ok: false, field: "submittedOn", message: "Ngày nộp (16/06/2026) không được sau ngày hôm nay (15/06/2026)." });
    expect(changeInitiativeState(submitted, { status: "recognised", recognisedOn: "2026-03-01" }, TODAY))
      .toEqual({ ok: false, field: "recognisedOn", message: "Ngày công nhận (01/03/2026) không được trước ngày nộp (02/03/2026)." });
  });

  it("keeps the submission inside the initiative's year", () => {
    expect(changeInitiativeState(submitted, { submittedOn: "2025-12-30" }, TODAY))
      .toEqual({ ok: false, field: "submittedOn", message: "Ngày nộp (30/12/2025) không thuộc năm 2026." });
  });

  it("drops the dates a status no longer carries when it goes back, but refuses them when sent", () => {
    const applied: InitiativeState = { ...submitted, status: "applied", recognisedOn: "2026-04-10", appliedOn: "2026-05-01" };
    expect(changeInitiativeState(applied, { status: "recognised" }, TODAY)).toEqual({ ok: true, state: { ...applied, status: "recognised", appliedOn: null } });
    expect(changeInitiativeState(applied, { status: "submitted" }, TODAY)).toEqual({ ok: true, state: submitted });
    expect(changeInitiativeState(submitted, { recognisedOn: "2026-04-10" }, TODAY))
      .toEqual({ ok: false, field: "recognisedOn", message: "Sáng kiến chưa được công nhận nên chưa ghi ngày công nhận." });
    expect(changeInitiativeState(applied, { status: "recognised", appliedOn: "2026-05-01" }, TODAY))
      .toEqual({ ok: false, field: "appliedOn", message: "Sáng kiến chưa được áp dụng nên chưa ghi ngày áp dụng." });
  });
});

describe("initiatives per unit", () => {
  const tp = { id: "tp", name: "Tư pháp – Hộ tịch" };
  const tc = { id: "tc", name: "Tài chính – Kế toán" };
  const vh = { id: "vh", name: "Văn hóa – Xã hội" };
  const mttq = { id: "mttq", name: "Ủy ban MTTQ" };
  const list: TalliedInitiative[] = [
    { unit: tp, status: "submitted", submittedOn: "2026-03-01" },
    { unit: tp, status: "applied", submittedOn: "2026-04-01" },
    { unit: tc, status: "recognised", submittedOn: "2026-05-02" },
    { unit: mttq, status: "submitted", submittedOn: "2026-02-01" },
  ];

  it("counts each unit against the call by its due date", () => {
    const rows = tallyByUnit([tp, tc, vh], list, { dueDate: "2026-05-01", perUnit: 2 }, "2026-04-21");
    expect(rows.map((r) => [r.unit.id, r.count, r.recognised, r.applied, r.countByDue, r.due, r.daysLeft])).toEqual([
      ["tp", 2, 1, 1, 2, false, 10],
      // submitted the day after the due date: counted, but not by the due date
      ["tc", 1, 1, 0, 0, true, 10],
      ["vh", 0, 0, 0, 0, true, 10],
      ["mttq", 1, 0, 0, 1, true, 10],
    ]);
  });

  it("counts a submission on the due day and gives negative days once it has passed", () => {
    const rows = tallyByUnit([tc], list.filter((i) => i.unit === tc), { dueDate: "2026-05-02", perUnit: 1 }, "2026-05-12");
    expect(rows).toEqual([{ unit: tc, count: 1, recognised: 1, applied: 0, countByDue: 1, due: false, daysLeft: -10 }]);
  });

  it("asks nothing of anyone without a call, and lists the other units with initiatives by name", () => {
    const rows = tallyByUnit([vh], list, null, "2026-04-21");
    expect(rows.map((r) => [r.unit.id, r.count, r.countByDue, r.due, r.daysLeft])).toEqual([
      ["vh", 0, 0, false, null], ["tc", 1, 1, false, null], ["tp", 2, 2, false, null], ["mttq", 1, 1, false, null],
    ]);
  });

  it("totals the year, an applied initiative counting as recognised", () => {
    expect(initiativeTotals(list)).toEqual({ count: 4, recognised: 2, applied: 1 });
  });
});
