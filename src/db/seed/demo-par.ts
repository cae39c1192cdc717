/**
 * Demo PAR-index data: the example criteria set stored for xã and phường for
 * last year and this year; last year's assessments of the demo communes taken
 * through the whole process (self, round 1 with comments, an explanation,
 * final, survey points) and published; this year's self-assessment of the
 * first commune under way. Values are generated from a seeded random source.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { isSelfScored } from "../../domain/par-index/assessment.js";
import { scoreLeaf } from "../../domain/par-index/score.js";
import { leaves } from "../../domain/par-index/tree.js";
import { parseCriteriaSet } from "../../domain/par-index/validate.js";
import type { CriteriaSet, CriterionNode, LeafInput } from "../../domain/par-index/types.js";
import type { Tx } from "../connection.js";
import { recomputeAssessment, refreshAutomatic } from "../par-assessments.js";
import { criteriaSets, parAssessments, parEntries, parEvidence, parPublications, plans } from "../schema.js";
import { seededRandom } from "./random.js";

const EXAMPLE = fileURLToPath(new URL("../../../fixtures/par-index/example-xa-2026.json", import.meta.url));

export interface DemoParCommune { orgId: string; subject: "xa" | "phuong"; chairmanId: string; focalPointId: string; quality: number }

/** Stores the example set for a subject and year as version 1 (the demo's sets). */
export async function storeSet(tx: Tx, provinceId: string, provinceCode: string, subject: "xa" | "phuong", year: number): Promise<CriteriaSet> {
  const text = readFileSync(EXAMPLE, "utf8").replaceAll("2026", String(year));
  const raw = { ...JSON.parse(text), subject, year };
  const parsed = parseCriteriaSet(raw);
  const [row] = await tx.insert(criteriaSets).values({
    orgId: provinceId, subject, year, version: 1, label: parsed.label, isExample: true, content: parsed,
  }).returning({ id: criteriaSets.id });
  const content: CriteriaSet = { ...parsed, id: row.id, province: provinceCode, version: 1 };
  delete content.replaces;
  await tx.update(criteriaSets).set({ content }).where(eq(criteriaSets.id, row.id));
  return content;
}

/** A plausible value for a leaf: full marks with probability `quality`, otherwise something short of them. */
export function demoInput(node: CriterionNode, rand: () => number, quality: number): LeafInput {
  const good = rand() < quality;
  const r = node.rule;
  if (node.notApplicable && rand() < 0.05) return { kind: "not_applicable" };
  if (!r || r.kind === "sum") return { kind: "score", points: good ? node.maxPoints : Math.max(0, node.maxPoints - 0.25 * (1 + Math.floor(rand() * 3))) };
  switch (r.kind) {
    case "boolean": return { kind: "boolean", value: good };
    case "deadline": return { kind: "deadline", status: good ? "on_time" : "late" };
    case "tiers": return { kind: "rate", percent: good ? Math.max(100, r.tiers[0]?.min ?? 100) : Math.round((60 + rand() * 30) * 10) / 10 };
    case "band": return { kind: "rate", percent: good ? r.full : Math.round((r.from + rand() * (r.full - r.from)) * 10) / 10 };
    case "capped": return { kind: "rate", percent: good ? r.target : Math.round(r.target * (0.7 + rand() * 0.25) * 10) / 10 };
    case "count": return { kind: "count", value: good ? r.tiers[0]?.min ?? 1 : Math.max(0, (r.tiers[0]?.min ?? 1) - 1) };
    case "deduction": return { kind: "count", value: good ? 0 : 1 };
  }
}

const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

/** Last year's assessment, taken through every step and published; this year's self-assessment for the first commune. */
export async function seedDemoPar(tx: Tx, province: { id: string; code: string; adminId: string }, communes: DemoParCommune[], today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const sets = new Map<string, CriteriaSet>();
  for (const y of [year - 1, year]) for (const s of ["xa", "phuong"] as const) sets.set(`${s}${y}`, await storeSet(tx, province.id, province.code, s, y));

  for (const [i, c] of communes.entries()) {
    const rand = seededRandom(2026 + i * 31);
    const prev = year - 1;
    const set = sets.get(`${c.subject}${prev}`)!;
    const [a] = await tx.insert(parAssessments).values({
      orgId: c.orgId, year: prev, setId: set.id, status: "final", createdBy: c.focalPointId,
      submittedBy: c.chairmanId, submittedAt: at(`${year}-01-10`), round1By: province.adminId, round1At: at(`${year}-02-05`),
      explainedBy: c.focalPointId, explainedAt: at(`${year}-02-15`), finalBy: province.adminId, finalAt: at(`${year}-03-01`),
      survey: { kind: "points", points: Math.round((22 + rand() * 6) * 4) / 4 }, surveySource: "Điều tra xã hội học của tỉnh",
    }).returning();
    const rows: Array<typeof parEntries.$inferInsert> = [];
    let changed = 0;
    for (const { node } of leaves(set)) {
      const base = { orgId: c.orgId, assessmentId: a.id, leafCode: node.code };
      if (isSelfScored(node)) {
        const input = demoInput(node, rand, c.quality);
        rows.push({ ...base, stage: "self", input, text: "Tự chấm theo tài liệu kiểm chứng đính kèm", explanation: "Căn cứ báo cáo CCHC năm và các văn bản liên quan của UBND", userId: c.focalPointId, createdAt: at(`${year}-01-08`) });
        // The council lowers a few self-scores; the commune explains one; the final score settles it.
        const r = scoreLeaf(node, input);
        if (!("problem" in r) && r.points.n > 0n && changed < 3 && rand() < 0.15 && !node.rule) {
          changed++;
          const lowered: LeafInput = { kind: "score", points: Math.max(0, node.maxPoints - 0.5) };
          rows.push({ ...base, stage: "round1", input: lowered, text: "Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả thực hiện", userId: province.adminId, createdAt: at(`${year}-02-03`) });
          if (changed === 1) {
            rows.push({ ...base, stage: "response", input: null, text: "Đơn vị bổ sung báo cáo kết quả thực hiện và ảnh chụp hồ sơ lưu", userId: c.focalPointId, createdAt: at(`${year}-02-12`) });
            rows.push({ ...base, stage: "final", input, text: "Chấp nhận giải trình của đơn vị", userId: province.adminId, createdAt: at(`${year}-02-28`) });
          }
        }
      } else if (node.method !== "survey") {
        const input = demoInput(node, rand, c.quality);
        rows.push({ ...base, stage: "round1", input, text: "Hội đồng thẩm định chấm", userId: province.adminId, createdAt: at(`${year}-02-03`) });
      }
    }
    await tx.insert(parEntries).values(rows);
    await recomputeAssessment(tx, a, set);
  }
  await tx.insert(parPublications).values({ orgId: province.id, year: year - 1, publishedBy: province.adminId, publishedAt: at(`${year}-03-15`) });

  // This year: the first commune has scored part of its set and linked its plan as evidence.
  const first = communes[0];
  const set = sets.get(`${first.subject}${year}`)!;
  const [a] = await tx.insert(parAssessments).values({ orgId: first.orgId, year, setId: set.id, createdBy: first.focalPointId }).returning();
  const rand = seededRandom(99);
  const own = leaves(set).filter((v) => isSelfScored(v.node) && v.node.method !== "computed");
  const done = own.slice(0, Math.ceil(own.length * 0.6));
  await tx.insert(parEntries).values(done.map(({ node }) => ({
    orgId: first.orgId, assessmentId: a.id, leafCode: node.code, stage: "self" as const, input: demoInput(node, rand, first.quality),
    text: "", explanation: "", userId: first.focalPointId,
  })));
  const [plan] = await tx.select({ id: plans.id, title: plans.title, number: plans.number }).from(plans).where(eq(plans.orgId, first.orgId)).limit(1);
  if (plan && done[0]) {
    await tx.insert(parEvidence).values({
      orgId: first.orgId, assessmentId: a.id, leafCode: done[0].node.code, stage: "self", kind: "record",
      label: `Kế hoạch${plan.number ? ` số ${plan.number}` : ""}: ${plan.title}`, recordType: "plan", recordId: plan.id, addedBy: first.focalPointId,
    });
  }
  await refreshAutomatic(tx, a, set, null, today);
  await recomputeAssessment(tx, a, set);
}
