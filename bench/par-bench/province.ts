/**
 * The PAR-index benchmark's data: a province with N communes, the example set
 * stored once, and for every commune a final assessment written straight into
 * par_assessments / par_entries (no HTTP, no per-value transaction), then
 * scored with recomputeAssessment. Also the replacing set of the criteria change.
 */
import type { Db } from "../../src/db/connection.js";
import { saveCriteriaSet } from "../../src/db/criteria-sets.js";
import type { OrgRow } from "../../src/db/orgs.js";
import { recomputeAssessment, type AssessmentRow } from "../../src/db/par-assessments.js";
import { organisations, parAssessments, parEntries } from "../../src/db/schema.js";
import { demoInput } from "../../src/db/seed/demo-par.js";
import { seededRandom } from "../../src/db/seed/random.js";
import { isSelfScored } from "../../src/domain/par-index/assessment.js";
import { isLeaf, leaves } from "../../src/domain/par-index/tree.js";
import type { CriteriaSet, CriterionNode } from "../../src/domain/par-index/types.js";
import { exampleSet } from "../../test/support/par.js";

export interface BenchProvince { province: OrgRow; communes: OrgRow[]; set: CriteriaSet; assessments: AssessmentRow[] }

type EntryRow = typeof parEntries.$inferInsert;
const BATCH = 1000;
const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

/** Values of one commune: self (self-scored and computed leaves), round 1 (appraised leaves), and round 1 + final on a few direct leaves. */
function entriesOf(set: CriteriaSet, a: AssessmentRow, quality: number, rand: () => number): EntryRow[] {
  const row = (node: CriterionNode, stage: EntryRow["stage"], input: EntryRow["input"], text: string): EntryRow =>
    ({ orgId: a.orgId, assessmentId: a.id, leafCode: node.code, stage, input, text, explanation: stage === "self" ? "Căn cứ báo cáo CCHC năm" : "" });
  const all = leaves(set).map((v) => v.node).filter((n) => n.method !== "survey");
  const rows = all.map((n) => isSelfScored(n)
    ? row(n, "self", demoInput(n, rand, quality), "Tự chấm theo tài liệu kiểm chứng")
    : row(n, "round1", demoInput(n, rand, quality), "Hội đồng thẩm định chấm"));
  for (const n of all.filter((x) => isSelfScored(x) && !x.rule).slice(0, 2)) {
    rows.push(row(n, "round1", { kind: "score", points: Math.max(0, n.maxPoints - 0.5) }, "Tài liệu kiểm chứng chưa đầy đủ"));
    rows.push(row(n, "final", demoInput(n, rand, quality), "Chốt điểm sau giải trình"));
  }
  return rows;
}

export async function generateProvince(db: Db, communes: number, year: number, seed: number): Promise<BenchProvince> {
  const [province] = await db.insert(organisations).values({ kind: "province", name: "Tỉnh Bench", code: "bench-tinh" }).returning();
  const orgs = await db.insert(organisations).values(Array.from({ length: communes }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return { parentId: province.id, kind: "commune" as const, name: `UBND xã Bench ${n}`, code: `bench-xa-${n}` };
  })).returning();
  const set = (await saveCriteriaSet(db, province.id, null, exampleSet(year))).content;
  const rand = seededRandom(seed);
  const quality = orgs.map(() => 0.35 + 0.6 * rand());
  const assessments = await db.transaction(async (tx) => {
    const rows = await tx.insert(parAssessments).values(orgs.map((o, i) => ({
      orgId: o.id, year, setId: set.id, status: "final" as const,
      submittedAt: at(`${year + 1}-01-10`), round1At: at(`${year + 1}-02-05`), explainedAt: at(`${year + 1}-02-15`), finalAt: at(`${year + 1}-03-01`),
      survey: { kind: "points" as const, points: Math.round(set.surveyWeight * (0.5 + 0.5 * quality[i]) * 4) / 4 },
      surveySource: "Điều tra xã hội học (benchmark)",
    }))).returning();
    const entries = rows.flatMap((a, i) => entriesOf(set, a, quality[i], rand));
    for (let i = 0; i < entries.length; i += BATCH) await tx.insert(parEntries).values(entries.slice(i, i + BATCH));
    for (const a of rows) await recomputeAssessment(tx, a, set);
    return rows;
  });
  return { province, communes: orgs, set, assessments };
}

/**
 * The set with its first ruled leaf (whose parent keeps other children)
 * removed and its points given to the nearest directly scored leaf up its
 * ancestor chain: the nodes in between change their maxima, the common
 * ancestors and the total stay as they were, so the set still validates.
 */
export function replacingSet(set: CriteriaSet): { content: CriteriaSet; removed: string; raised: string } {
  const next = structuredClone(set);
  const paths: CriterionNode[][] = [];
  const go = (n: CriterionNode, path: CriterionNode[]) => (isLeaf(n) ? paths.push([...path, n]) : n.children!.forEach((c) => go(c, [...path, n])));
  next.root.children.forEach((area) => go(area, []));
  const siblings = (p: CriterionNode[]) => (p.length > 1 ? p.at(-2)!.children! : next.root.children);
  const removed = paths.find((p) => p.at(-1)!.rule && siblings(p).length > 1)!;
  const shared = (p: CriterionNode[]) => { let k = 0; while (p[k] === removed[k]) k++; return k; };
  const direct = paths.filter((p) => p !== removed && !p.at(-1)!.rule && p.at(-1)!.method !== "survey");
  const raised = direct.reduce((best, p) => (shared(p) > shared(best) ? p : best));
  const leaf = removed.at(-1)!;
  const k = shared(raised);
  for (const n of removed.slice(k, -1)) n.maxPoints -= leaf.maxPoints;
  for (const n of raised.slice(k)) n.maxPoints += leaf.maxPoints;
  siblings(removed).splice(siblings(removed).indexOf(leaf), 1);
  next.label = `${set.label} (thay thế)`;
  return { content: next, removed: leaf.code, raised: raised.at(-1)!.code };
}
