/**
 * Report benchmark: for each database (embedded PGlite, PostgreSQL server), in
 * a throwaway database, a province of N communes (default 150) each with an
 * active annual plan of 150 tasks and a year of dossiers (5,000); then
 * (1) the time to generate them, (2) one annual report of commune 1:
 * reportInput (the reads), buildReportDraft and renderReportDocx apart and
 * together (p50/p95 of 10 runs after one warm-up), (3) every commune's annual
 * report created, approved and submitted (rendered and stored) through
 * createReport + moveReport, then the province's ZIP as the route builds it
 * (stored documents) and a ZIP that renders every report again.
 *
 *   npm run bench:reports -- [--communes N] [--tasks N] [--dossiers N] [--db pglite|postgres|both]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../src/db/connection.js";
import { reportInput } from "../src/db/report-input.js";
import { createReport, getReport, moveReport } from "../src/db/reports.js";
import { dossiers, organisations, reports, targets, taskUpdates, tasks } from "../src/db/schema.js";
import { buildReportDraft } from "../src/domain/reports/build.js";
import { reportWindow } from "../src/domain/reports/calendar.js";
import { generateProvince } from "./report-bench/province.js";
import { provinceReportsZip as provinceZip, renderDraftDocx as renderDraft, renderReportFor as renderReport } from "../src/documents/report-data.js";
import { type DbKind, forEachDatabase, openThrowaway, redact } from "./throwaway.js";
import { DEFAULT_SERVER_URL, parseBenchOptions, table } from "./options.js";

const YEAR = 2025;
/** The annual report's cut-off (its window ends on 14/12) and the day it is sent. */
const CUTOFF = `${YEAR}-12-14`;
const TODAY = `${YEAR}-12-16`;
const RUNS = 10;
const SEED = 11;

const USAGE = `Cách dùng: npm run bench:reports -- [--communes N] [--tasks N] [--dossiers N] [--db pglite|postgres|both]
  --communes N   số xã của tỉnh (mặc định 150)
  --tasks N      số nhiệm vụ trong kế hoạch năm của mỗi xã (mặc định 150)
  --dossiers N   số hồ sơ một cửa trong năm của mỗi xã (mặc định 5000)
  --db           pglite, postgres hoặc both (mặc định both)
Máy chủ PostgreSQL: TEST_DATABASE_URL (hoặc BENCH_DATABASE_URL; mặc định ${DEFAULT_SERVER_URL}); một CSDL tạm được tạo rồi xóa.`;

interface Options { communes: number; tasks: number; dossiers: number; dbs: DbKind[]; url: string }

function parseArgs(args: string[]): Options | null {
  const o = parseBenchOptions(args, { communes: 150, tasks: 150, dossiers: 5000 }, USAGE);
  return o && { ...o.counts, dbs: o.dbs, url: o.url };
}

interface Spread { p50: number; p95: number }
interface DbResult {
  kind: DbKind; generateMs: number; read: Spread; build: Spread; render: Spread; one: Spread; docxBytes: number;
  submitMs: number; zipMs: number; rerenderZipMs: number; zipBytes: number;
}

const n0 = (v: number) => Math.round(v).toLocaleString("vi-VN");
const ms1 = (ms: number) => ms.toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const s1 = (ms: number) => (ms / 1000).toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const kb = (bytes: number) => `${n0(bytes / 1024)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
const spread = (s: Spread) => `${ms1(s.p50)} / ${ms1(s.p95)}`;

/** p50 and p95 (nearest rank). */
function spreadOf(times: number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95) };
}

async function rowCounts(db: Db): Promise<string> {
  const counts = { organisations, tasks, task_updates: taskUpdates, targets, dossiers, reports };
  const parts = await Promise.all(Object.entries(counts).map(async ([name, t]) => `${name} ${n0(await db.$count(t))}`));
  return parts.join(", ");
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
    const p = await generateProvince(db, { ...o, year: YEAR, cutoff: CUTOFF, seed: SEED, log: console.log });
    const generateMs = performance.now() - t0;
    console.log(`1. Sinh dữ liệu: ${s1(generateMs)} s (trong đó hồ sơ một cửa: importRecords cho xã 1 ${s1(p.importMs)} s, `
      + `chép sang ${o.communes - 1} xã còn lại ${s1(p.copyMs)} s); số dòng: ${await rowCounts(db)}`);
    if (o.communes > 1) console.log(`   xã 2–${o.communes} có bản sao hồ sơ, PAKN, danh mục TTHC của xã 1 (cùng số liệu, org_id riêng)`);

    // 2. One annual report of commune 1, its three steps timed apart.
    const commune = p.communes[0]!;
    const window = reportWindow("year", YEAR);
    const meta = { number: "12/BC-UBND", issuedDate: TODAY, version: 1 };
    const once = async () => {
      const a = performance.now();
      const input = await reportInput(db, commune, window);
      const b = performance.now();
      const draft = buildReportDraft(input);
      const c = performance.now();
      const docx = await renderDraft(db, commune, draft, meta);
      return { times: [b - a, c - b, performance.now() - c], draft, docx };
    };
    const { draft, docx } = await once();
    const runs: number[][] = [];
    for (let i = 0; i < RUNS; i++) runs.push((await once()).times);
    const [read, build, render] = [0, 1, 2].map((k) => spreadOf(runs.map((r) => r[k]!)));
    const one = spreadOf(runs.map((r) => r[0]! + r[1]! + r[2]!));
    const facts = draft.sections.reduce((n, s) => n + s.facts.length, 0);
    console.log(`2. Báo cáo năm của xã 1 (${draft.figures.tasks_total} nhiệm vụ, ${draft.figures.tasks_done_on_time} xong đúng hạn, ${draft.figures.tasks_done_late} xong trễ, `
      + `${n0(draft.figures.dossiers_received ?? 0)} hồ sơ; ${draft.sections.length} mục, ${facts} dữ kiện, ${draft.annex.length} dòng phụ lục, `
      + `${draft.bieu06?.rows.length ?? 0} lĩnh vực Biểu 06; DOCX ${kb(docx.length)}), p50 / p95 ms:`);
    console.log(`   reportInput ${spread(read)}; buildReportDraft ${spread(build)}; renderReportDocx ${spread(render)}; cả ba ${spread(one)}`);

    // 3. Every commune's annual report sent (rendered and stored), then the province's ZIP.
    t0 = performance.now();
    for (const c of p.communes) {
      const actor = p.chairmen.get(c.id)!;
      const created = await createReport(db, actor, c, "year", YEAR);
      await moveReport(db, actor, created, "approve", { today: TODAY });
      const approved = (await getReport(db, created.id))!;
      await moveReport(db, actor, approved, "submit", { today: TODAY, number: meta.number, issuedDate: TODAY, render: (r) => renderReport(db, r, c) });
    }
    const submitMs = performance.now() - t0;
    console.log(`3. Lập, duyệt và gửi ${o.communes} báo cáo (createReport + moveReport approve, submit với DOCX): ${s1(submitMs)} s, ${n0(submitMs / o.communes)} ms/báo cáo`);

    t0 = performance.now();
    const stored = await provinceZip(db, p.province.id, "year", YEAR);
    const zipMs = performance.now() - t0;
    t0 = performance.now();
    const again = await provinceZip(db, p.province.id, "year", YEAR, true);
    const rerenderZipMs = performance.now() - t0;
    if (stored.files !== o.communes || again.files !== o.communes) throw new Error(`ZIP có ${stored.files}/${again.files} tệp, cần ${o.communes}.`);
    console.log(`   ZIP của tỉnh (${stored.files} tệp DOCX, ${mb(stored.zip.length)}): từ bản đã lưu ${s1(zipMs)} s; dựng lại mọi báo cáo ${s1(rerenderZipMs)} s (${mb(again.zip.length)})`);
    return { kind, generateMs, read, build, render, one, docxBytes: docx.length, submitMs, zipMs, rerenderZipMs, zipBytes: stored.zip.length };
  } finally {
    process.off("SIGINT", onSignal);
    await t.cleanup();
  }
}


export async function runReportBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  if (!o) { console.log(USAGE); return; }
  console.log(`cchc bench:reports: ${o.communes} xã × ${o.tasks} nhiệm vụ, ${n0(o.dossiers)} hồ sơ/xã, báo cáo năm ${YEAR}, CSDL: ${o.dbs.join(", ")}`
    + `${o.dbs.includes("postgres") ? ` (${redact(o.url)})` : ""}; Node ${process.version}`);
  const { results, failures } = await forEachDatabase(o.dbs, (kind, dir) => benchDatabase(kind, o, dir));
  if (results.length) {
    console.log(`\nBáo cáo năm: 1 xã (p50 / p95 ms của ${RUNS} lần, sau 1 lần khởi động) và ZIP của tỉnh (${o.communes} xã, một lần chạy, s)`);
    console.log(table(["db", "sinh s", "đọc", "dựng", "DOCX", "1 báo cáo", "DOCX KB", `gửi ${o.communes} bc s`, "ZIP đã lưu s", "ZIP dựng lại s", "ZIP MB"], results.map((r) => [
      r.kind, s1(r.generateMs), spread(r.read), spread(r.build), spread(r.render), spread(r.one), n0(r.docxBytes / 1024),
      s1(r.submitMs), s1(r.zipMs), s1(r.rerenderZipMs), (r.zipBytes / 2 ** 20).toLocaleString("vi-VN", { maximumFractionDigits: 1 }),
    ])));
    console.log("đọc = reportInput, dựng = buildReportDraft, DOCX = renderReportDocx (với nơi nhận, người ký như route); 1 báo cáo = cả ba.");
  }
  if (failures.length) throw new Error(`Benchmark không chạy được trên: ${failures.join("; ")}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runReportBench(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
