import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Counts } from "../indicators/compute.js";
import { BIEU06_TOTAL_LABEL, bieu06Cells, bieu06Rates, bieu06Row, bieu06Total } from "./bieu06.js";

const n = () => fc.nat({ max: 100_000 });
/** Any Counts, consistent or not: the form's totals must still be the sums of their parts. */
const countsArb: fc.Arbitrary<Counts> = fc.record({
  received: fc.record({ total: n(), online: n(), direct: n(), post: n() }),
  carried_over: n(),
  handled: n(),
  resolved: fc.record({ total: n(), early: n(), on_time: n(), late: n() }),
  pending: fc.record({ total: n(), within_time: n(), overdue: n() }),
  waiting_supplement: n(), withdrawn: n(), stopped: n(), refused_at_intake: n(), not_yet_accepted: n(), apology_letters: n(),
  feedback: fc.record({ received: n(), resolved_on_time: n(), resolved_late: n(), pending_within_time: n(), pending_overdue: n(), about_procedures: n(), about_staff: n() }),
});

/** Columns 3 = 4 + 5 + 6, 7 = 8 + 9 + 10, 11 = 12 + 13. */
function expectColumnsAddUp(cells: number[]) {
  const [c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13] = cells;
  expect(c3).toBe(c4 + c5 + c6);
  expect(c7).toBe(c8 + c9 + c10);
  expect(c11).toBe(c12 + c13);
}

function counts(over: { online: number; direct: number; post: number; carried: number; early: number; onTime: number; late: number; within: number; overdue: number }): Counts {
  const received = over.online + over.direct + over.post;
  return {
    received: { total: received, online: over.online, direct: over.direct, post: over.post },
    carried_over: over.carried,
    handled: received + over.carried,
    resolved: { total: over.early + over.onTime + over.late, early: over.early, on_time: over.onTime, late: over.late },
    pending: { total: over.within + over.overdue, within_time: over.within, overdue: over.overdue },
    waiting_supplement: 0, withdrawn: 0, stopped: 0, refused_at_intake: 0, not_yet_accepted: 0, apology_letters: 0,
    feedback: { received: 0, resolved_on_time: 0, resolved_late: 0, pending_within_time: 0, pending_overdue: 0, about_procedures: 0, about_staff: 0 },
  };
}

describe("Biểu 06 rows", () => {
  it("maps the Counts to the columns of the form", () => {
    const row = bieu06Row("Hộ tịch", counts({ online: 800, direct: 350, post: 50, carried: 34, early: 900, onTime: 183, late: 17, within: 100, overdue: 34 }));
    expect(row).toEqual({
      field: "Hộ tịch",
      received: { total: 1234, online: 800, direct: 400, carried: 34 },
      resolved: { total: 1100, early: 900, onTime: 183, late: 17 },
      pending: { total: 134, withinTime: 100, overdue: 34 },
    });
    expect(bieu06Cells(row)).toEqual([1234, 800, 400, 34, 1100, 900, 183, 17, 134, 100, 34]);
    expect(bieu06Rates(row)).toEqual({ onTime: 98.45, late: 1.55, online: 66.67 });
  });

  it("has no rates over nothing", () => {
    const row = bieu06Row("Đất đai", counts({ online: 0, direct: 0, post: 0, carried: 0, early: 0, onTime: 0, late: 0, within: 0, overdue: 0 }));
    expect(bieu06Rates(row)).toEqual({ onTime: null, late: null, online: null });
  });

  it("adds up its columns for any Counts", () => {
    fc.assert(fc.property(countsArb, (c) => {
      const row = bieu06Row("Lĩnh vực", c);
      expectColumnsAddUp(bieu06Cells(row));
      expect(row.received.online).toBe(c.received.online);
      expect(row.received.direct).toBe(c.received.direct + c.received.post);
      expect(row.received.carried).toBe(c.carried_over);
    }));
  });

  it("sums field rows into a total row that adds up too", () => {
    fc.assert(fc.property(fc.array(countsArb, { maxLength: 6 }), (cs) => {
      const rows = cs.map((c, i) => bieu06Row(`Lĩnh vực ${i + 1}`, c));
      const total = bieu06Total(rows);
      expect(total.field).toBe(BIEU06_TOTAL_LABEL);
      const cells = bieu06Cells(total);
      expectColumnsAddUp(cells);
      cells.forEach((v, i) => expect(v).toBe(rows.reduce((s, r) => s + bieu06Cells(r)[i], 0)));
    }));
  });

  it("gives the same total as the row of the commune's whole Counts", () => {
    const a = counts({ online: 5, direct: 3, post: 1, carried: 2, early: 4, onTime: 2, late: 1, within: 3, overdue: 1 });
    const b = counts({ online: 1, direct: 7, post: 0, carried: 0, early: 1, onTime: 5, late: 0, within: 2, overdue: 0 });
    const whole = counts({ online: 6, direct: 10, post: 1, carried: 2, early: 5, onTime: 7, late: 1, within: 5, overdue: 1 });
    expect(bieu06Total([bieu06Row("A", a), bieu06Row("B", b)])).toEqual(bieu06Row(BIEU06_TOTAL_LABEL, whole));
  });
});
