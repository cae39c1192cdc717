/**
 * PAR-index benchmark: for each database (embedded PGlite, PostgreSQL server),
 * in a throwaway database, a province of N communes (default 150) each with a
 * final assessment under the example set; then (1) the time to generate them,
 * (2) the province's results table as the server builds it and one assessment
 * as presented to the province's administrator (p50/p95 of 20 runs after one
 * warm-up), (3) a replacing criteria set stored through saveCriteriaSet, which
 * moves and scores every assessment again in one transaction. Fails when an
 * assessment is left on the old set or the ranking loses a commune.
 *
 *   npm run bench:par -- [--communes N] [--db pglite|postgres|both]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { presentAssessment } from "../src/api/presenters/par-assessment.js";
import type { Viewer } from "../src/api/policies/viewer.js";
import type { Db } from "../src/db/connection.js";
import { saveCriteriaSet } from "../src/db/criteria-sets.js";
import { getAssessment, provinceResultTable } from "../src/db/par-assessments.js";
import { criteriaSets, organisations, parAssessments, parEntries } from "../src/db/schema.js";
import { generateProvince, replacingSet, type BenchProvince } from "./par-bench/province.js";
import { type DbKind, forEachDatabase, openThrowaway, redact } from "./throwaway.js";
import { DEFAULT_SERVER_URL, parseBenchOptions, table } from "./options.js";

const YEAR = 2026;
const RUNS = 20;
const SEED = 7;

const USAGE = `Cách dùng: npm run bench:par -- [--communes N] [--db pglite|postgres|both]
  --communes N   số xã của tỉnh (mặc định 150)
  --db           pglite, postgres hoặc both (mặc định both)
Máy chủ PostgreSQL: TEST_DATABASE_URL (hoặc BENCH_DATABASE_URL; mặc định ${DEFAULT_SERVER_URL}); một CSDL tạm được tạo rồi xóa.`;

interface Options { communes: number; dbs: DbKind[]; url: string }

function parseArgs(args: string[]): Options | null {
  const o = parseBenchOptions(args, { communes: 150 }, USAGE);
  return o && { ...o.counts, dbs: o.dbs, url: o.url };
}

interface Spread { p50: number; p95: number }
interface DbResult { kind: DbKind; communes: number; generateMs: number; rank: Spread; view: Spread; changeMs: number }

const ms1 = (ms: number) => ms.toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const s2 = (ms: number) => (ms / 1000).toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** p50 and p95 (nearest rank) of RUNS timed runs after one warm-up. */
async function timed(fn: () => Promise<unknown>): Promise<Spread> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)]!;
  return { p50: at(50), p95: at(95) };
}

async function rowCounts(db: Db): Promise<string> {
  const counts = { organisations, criteria_sets: criteriaSets, par_assessments: parAssessments, par_entries: parEntries };
  const parts = await Promise.all(Object.entries(counts).map(async ([name, t]) => `${name} ${(await db.$count(t)).toLocaleString("vi-VN")}`));
  return parts.join(", ");
}

/** The province's administrator as the policies see them (no session needed). */
function provinceAdmin(p: BenchProvince): Viewer {
  const { province } = p;
  return {
    id: "00000000-0000-4000-8000-000000000001", orgId: province.id, role: "province_admin", username: "bench", fullName: "Sở Nội vụ (benchmark)",
    unitIds: [], units: [], org: { id: province.id, kind: "province", parentId: null, name: province.name, code: province.code },
  };
}

async function benchDatabase(kind: DbKind, o: Options, dir: string): Promise<DbResult> {
  console.log(`\n== ${kind} ==`);
  const t = await openThrowaway(kind, o.url, dir);
  const onSignal = () => { console.error("\nĐang dọn CSDL tạm…"); t.cleanup().finally(() => process.exit(130)); };
  process.once("SIGINT", onSignal);
  try {
    console.log(`CSDL tạm: ${t.where}`);
    await t.database.migrate();
    const db = t.database.db;

    let t0 = performance.now();
    const p = await generateProvince(db, o.communes, YEAR, SEED);
    const generateMs = performance.now() - t0;
    console.log(`1. Sinh ${o.communes} bản đánh giá đã chốt điểm: ${s2(generateMs)} s; số dòng: ${await rowCounts(db)}`);

    const rank = await timed(() => provinceResultTable(db, p.province, YEAR));
    const rows = await provinceResultTable(db, p.province, YEAR);
    const ranks = rows.map((r) => r.rank).filter((r) => r !== null);
    console.log(`2. Bảng kết quả của tỉnh (provinceResultTable, ${rows.length} dòng, hạng ${Math.min(...ranks)}–${Math.max(...ranks)}, `
      + `điểm ${rows.at(-1)!.result!.percent?.toLocaleString("vi-VN")}–${rows[0]!.result!.percent?.toLocaleString("vi-VN")} %): p50 ${ms1(rank.p50)} ms, p95 ${ms1(rank.p95)} ms`);
    const middle = p.assessments[Math.floor(p.assessments.length / 2)]!;
    const commune = p.communes.find((c) => c.id === middle.orgId)!;
    const viewer = provinceAdmin(p);
    const view = await timed(async () => presentAssessment(db, viewer, (await getAssessment(db, middle.id))!, commune));
    console.log(`   Một bản đánh giá (getAssessment + presentAssessment, quản trị tỉnh): p50 ${ms1(view.p50)} ms, p95 ${ms1(view.p95)} ms`);

    const next = replacingSet(p.set);
    t0 = performance.now();
    const saved = await saveCriteriaSet(db, p.province.id, null, next.content);
    const changeMs = performance.now() - t0;
    console.log(`3. Bộ tiêu chí thay thế (bỏ ${next.removed}, cộng điểm vào ${next.raised}), phiên bản ${saved.version}: `
      + `${s2(changeMs)} s cho ${o.communes} xã, ${ms1(changeMs / o.communes)} ms/xã`);

    const moved = await db.select({ setId: parAssessments.setId, report: parAssessments.rescoreReport }).from(parAssessments);
    const stale = moved.filter((a) => a.setId !== saved.id).length;
    const after = (await provinceResultTable(db, p.province, YEAR)).filter((r) => r.rank !== null && r.result?.setId === saved.id);
    if (moved.length !== o.communes || stale > 0) throw new Error(`${stale}/${moved.length} bản đánh giá chưa chuyển sang bộ tiêu chí mới.`);
    if (after.length !== o.communes) throw new Error(`Bảng xếp hạng sau khi đổi bộ tiêu chí có ${after.length} xã, cần ${o.communes}.`);
    console.log(`   kiểm tra: ${moved.length} bản đánh giá theo bộ mới, bảng xếp hạng ${after.length} xã`);
    return { kind, communes: o.communes, generateMs, rank, view, changeMs };
  } finally {
    process.off("SIGINT", onSignal);
    await t.cleanup();
  }
}


export async function runParBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  if (!o) { console.log(USAGE); return; }
  console.log(`cchc bench:par: ${o.communes} xã, năm ${YEAR}, CSDL: ${o.dbs.join(", ")}${o.dbs.includes("postgres") ? ` (${redact(o.url)})` : ""}; Node ${process.version}`);
  const { results, failures } = await forEachDatabase(o.dbs, (kind, dir) => benchDatabase(kind, o, dir));
  if (results.length) {
    console.log(`\nChỉ số CCHC: xếp hạng và tính lại điểm (p50/p95 của ${RUNS} lần, sau 1 lần khởi động)`);
    console.log(table(["db", "xã", "sinh dữ liệu s", "bảng xếp hạng p50/p95 ms", "1 bản đánh giá p50/p95 ms", "tính lại sau đổi bộ tiêu chí s", "ms/xã"], results.map((r) => [
      r.kind, String(r.communes), s2(r.generateMs), `${ms1(r.rank.p50)} / ${ms1(r.rank.p95)}`, `${ms1(r.view.p50)} / ${ms1(r.view.p95)}`,
      s2(r.changeMs), ms1(r.changeMs / r.communes),
    ])));
  }
  if (failures.length) throw new Error(`Benchmark không chạy được hoặc sai kết quả trên: ${failures.join("; ")}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runParBench(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
