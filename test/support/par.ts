/** Helpers for PAR-index tests: the example set for any year, and assessments brought to a status through the db layer. */
import { readFileSync } from "node:fs";
import { currentEntries, isSelfScored } from "../../src/domain/par-index/assessment.js";
import { leaves } from "../../src/domain/par-index/tree.js";
import type { CriteriaSet } from "../../src/domain/par-index/types.js";
import type { Db } from "../../src/db/connection.js";
import { saveCriteriaSet } from "../../src/db/criteria-sets.js";
import { getOrg } from "../../src/db/orgs.js";
import { createAssessment, getAssessment, latestSet, loadEntries, moveAssessment, saveEntry, setOf, subjectOf, type AssessmentRow } from "../../src/db/par-assessments.js";
import { demoInput } from "../../src/db/seed/demo-par.js";
import { seededRandom } from "../../src/db/seed/random.js";

const EXAMPLE = readFileSync(new URL("../../fixtures/par-index/example-xa-2026.json", import.meta.url), "utf8");

/** The example set moved to another year (dates in its texts and rules too) and subject. */
export function exampleSet(year: number, subject: "xa" | "phuong" = "xa"): CriteriaSet {
  return { ...JSON.parse(EXAMPLE.replaceAll("2026", String(year))), year, subject };
}

export interface Actor { id: string; orgId: string }

/** Scores every self-scored leaf that has no self value yet, with an explanation so that it may be signed off. */
export async function fillSelf(db: Db, actor: Actor, a: AssessmentRow, quality = 0.8, seed = 1): Promise<void> {
  const set = await setOf(db, a);
  const rand = seededRandom(seed);
  const current = currentEntries(await loadEntries(db, a.id));
  for (const { node } of leaves(set)) {
    if (!isSelfScored(node) || current.get(node.code)?.self) continue;
    await saveEntry(db, actor, a, node.code, "self", { input: demoInput(node, rand, quality), text: "", explanation: "Căn cứ báo cáo kết quả thực hiện năm của UBND" });
  }
}

/** Round-1 scores for the leaves only the appraisers score. */
export async function fillAppraised(db: Db, actor: Actor, a: AssessmentRow, seed = 2): Promise<void> {
  const set = await setOf(db, a);
  const rand = seededRandom(seed);
  for (const { node } of leaves(set)) {
    if (isSelfScored(node) || node.method === "survey") continue;
    await saveEntry(db, actor, a, node.code, "round1", { input: demoInput(node, rand, 0.8), text: "Hội đồng thẩm định chấm", explanation: "" });
  }
}

const ORDER = ["draft", "submitted", "round1", "explained", "final"] as const;

/**
 * A new assessment of the commune for `year` (a set for that year is stored
 * first when the province has none), taken through the real steps to `status`.
 */
export async function assessmentAt(db: Db, people: { focal: Actor; chairman: Actor; admin: Actor }, communeId: string, year: number, status: (typeof ORDER)[number], today: string): Promise<AssessmentRow> {
  const commune = (await getOrg(db, communeId))!;
  const subject = subjectOf(commune);
  if (!(await latestSet(db, commune.parentId!, subject, year))) await saveCriteriaSet(db, commune.parentId!, null, exampleSet(year, subject));
  let a = await createAssessment(db, people.focal, commune, year, today);
  const reload = async () => (a = (await getAssessment(db, a.id))!);
  const upTo = ORDER.indexOf(status);
  if (upTo >= 1) { await fillSelf(db, people.focal, a); await moveAssessment(db, people.chairman, a, "submit", today); await reload(); }
  if (upTo >= 2) { await fillAppraised(db, people.admin, a); await moveAssessment(db, people.admin, a, "close_round1", today); await reload(); }
  if (upTo >= 3) { await moveAssessment(db, people.focal, a, "close_explanation", today); await reload(); }
  if (upTo >= 4) { await moveAssessment(db, people.admin, a, "close_final", today); await reload(); }
  return a;
}
