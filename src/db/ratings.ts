import { and, eq, gte, lte, sql } from "drizzle-orm";
import { formatViDate, type IsoDate } from "../domain/dates.js";
import { AppError, conflict } from "../domain/errors.js";
import { rate, type Rate } from "../domain/indicators/compute.js";
import type { Rating } from "../domain/indicators/types.js";
import { recordAudit } from "./audit.js";
import type { Db, Tx } from "./connection.js";
import type { OrgRow } from "./orgs.js";
import { dossiers, organisations, ratings } from "./schema.js";

/**
 * Citizen satisfaction (đánh giá sự hài lòng): the one-question public page
 * of a commune, one answer per dossier code. The answers fill the dossiers'
 * rating where the one-stop export has none (see loadRecords).
 */
export const RATINGS = ["rat-hai-long", "hai-long", "khong-hai-long"] as const satisfies readonly Rating[];
export const RATING_SOURCES = ["public", "survey"] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];
export const RATING_LABEL: Record<Rating, string> = { "rat-hai-long": "Rất hài lòng", "hai-long": "Hài lòng", "khong-hai-long": "Không hài lòng" };

/** Provinces have no one-stop counter, so no rating page. */
export const hasRatingPage = (org: Pick<OrgRow, "kind">) => org.kind !== "province";

/** The commune behind a public page address, or null. */
export async function findRatingOrg(tx: Tx, orgCode: string): Promise<OrgRow | null> {
  const [org] = await tx.select().from(organisations).where(eq(organisations.code, orgCode));
  return org && hasRatingPage(org) ? org : null;
}

export const communeNotFound = (orgCode: string) =>
  new AppError("not_found", `Không tìm thấy xã, phường có mã “${orgCode}”. Vui lòng quét lại mã QR tại Bộ phận Tiếp nhận và Trả kết quả.`);

/** Codes are printed in capitals but typed any way on a phone: matched without regard to case, the exact spelling first. */
async function findDossier(tx: Tx, orgId: string, code: string) {
  const rows = await tx.select({ code: dossiers.code, rating: dossiers.rating }).from(dossiers)
    .where(and(eq(dossiers.orgId, orgId), sql`upper(${dossiers.code}) = upper(${code})`))
    .limit(5);
  return rows.find((r) => r.code === code) ?? rows[0] ?? null;
}

export interface PublicRatingResult { orgId: string; orgName: string; dossierCode: string; rating: Rating; ratedOn: IsoDate }

/**
 * Stores a citizen's answer for one dossier of the commune, with its audit
 * entry, in one transaction. A dossier already rated (on this page, in a
 * survey or in the one-stop export) answers 409 and nothing changes.
 */
export async function submitPublicRating(db: Db, orgCode: string, dossierCode: string, rating: Rating, today: IsoDate): Promise<PublicRatingResult> {
  return db.transaction(async (tx) => {
    const org = await findRatingOrg(tx, orgCode);
    if (!org) throw communeNotFound(orgCode);
    const dossier = await findDossier(tx, org.id, dossierCode);
    if (!dossier) {
      throw new AppError("not_found", `Không tìm thấy hồ sơ có mã ${dossierCode} tại ${org.name}; vui lòng kiểm tra mã trên giấy tiếp nhận (phiếu hẹn trả).`, "dossierCode");
    }
    if (dossier.rating) throw conflict("Hồ sơ này đã được đánh giá trên hệ thống một cửa điện tử. Cảm ơn ông/bà.", "dossierCode");
    // The unique index decides between two simultaneous answers: the second inserts nothing.
    const [row] = await tx.insert(ratings).values({ orgId: org.id, dossierCode: dossier.code, rating, source: "public", ratedOn: today })
      .onConflictDoNothing({ target: [ratings.orgId, ratings.dossierCode] })
      .returning({ id: ratings.id });
    if (!row) {
      const [earlier] = await tx.select({ ratedOn: ratings.ratedOn }).from(ratings).where(and(eq(ratings.orgId, org.id), eq(ratings.dossierCode, dossier.code)));
      throw conflict(`Hồ sơ này đã được đánh giá ngày ${formatViDate(earlier?.ratedOn)}. Cảm ơn ông/bà.`, "dossierCode");
    }
    await recordAudit(tx, {
      orgId: org.id, userId: null, action: "rate", entity: "rating", entityId: row.id,
      summary: `Người dân đánh giá hồ sơ ${dossier.code} trên trang đánh giá: ${RATING_LABEL[rating]}`,
      changes: { dossierCode: dossier.code, rating, source: "public" },
    });
    return { orgId: org.id, orgName: org.name, dossierCode: dossier.code, rating, ratedOn: today };
  });
}

export type AnswerCounts = Record<Rating, number> & { total: number };

export interface RatingStats {
  window: { from: IsoDate; to: IsoDate };
  /** Every answer of the window, whatever its source. */
  answers: AnswerCounts;
  bySource: Record<RatingSource, AnswerCounts>;
  /** Rất hài lòng + hài lòng over all answers. */
  satisfied: Rate;
}

const emptyCounts = (): AnswerCounts => ({ "rat-hai-long": 0, "hai-long": 0, "khong-hai-long": 0, total: 0 });

/** Answers stored for the commune with a rating date in the window (both days included), per answer and source. */
export async function ratingStats(tx: Tx, orgId: string, window: { from: IsoDate; to: IsoDate }): Promise<RatingStats> {
  const rows = await tx.select({ source: ratings.source, rating: ratings.rating, n: sql<number>`count(*)::int` }).from(ratings)
    .where(and(eq(ratings.orgId, orgId), gte(ratings.ratedOn, window.from), lte(ratings.ratedOn, window.to)))
    .groupBy(ratings.source, ratings.rating);
  const answers = emptyCounts();
  const bySource: Record<RatingSource, AnswerCounts> = { public: emptyCounts(), survey: emptyCounts() };
  for (const r of rows) {
    const n = Number(r.n);
    for (const counts of [answers, bySource[r.source]]) {
      counts[r.rating] += n;
      counts.total += n;
    }
  }
  return { window, answers, bySource, satisfied: rate(answers["rat-hai-long"] + answers["hai-long"], answers.total) };
}
