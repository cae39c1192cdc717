/**
 * Dossier benchmark: generates a province's one-stop export (default
 * 1,000,000 dossiers over 100 communes, one year) into a CSV file, then for
 * each database (PostgreSQL server, embedded PGlite), in a throwaway database:
 * (a) raw COPY of the file into a table of text columns, (b) the system's
 * import path commune by commune (importRecords), (c) the time to compute
 * every figure and the 766 index (computeFigures) for one commune and for the
 * province, for the year and per month. It prints figures and asserts
 * nothing. See bench/README.md.
 *
 *   npm run bench:dossiers -- [--dossiers N] [--communes N] [--db pglite|postgres|both] [--seed N]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { organisations } from "../src/db/schema.js";
import { timeFigures, type FigureTimes, type Timing } from "./dossier-bench/figures.js";
import { importProvince, type ImportTimes } from "./dossier-bench/import-path.js";
import { type ProvinceFiles, unitCodeOf, writeProvinceFiles } from "./dossier-bench/province-files.js";
import { createRawTable, rawCopy } from "./dossier-bench/raw-copy.js";
import { type DbKind, type Throwaway, makeTempDir, openThrowaway, redact } from "./throwaway.js";

interface Options { dossiers: number; communes: number; dbs: DbKind[]; seed: number; url: string }
const DEFAULT_URL = "postgres://postgres:postgres@localhost:5432/postgres";

const USAGE = `Cách dùng: npm run bench:dossiers -- [--dossiers N] [--communes N] [--db pglite|postgres|both] [--seed N]
  --dossiers N   tổng số hồ sơ của tỉnh (mặc định 1000000; thử nhanh: 20000)
  --communes N   số xã (mặc định 100)
  --db           pglite, postgres hoặc both (mặc định both)
  --seed N       hạt giống sinh dữ liệu (mặc định 1)
Máy chủ PostgreSQL: BENCH_DATABASE_URL (mặc định ${DEFAULT_URL}); một CSDL tạm được tạo rồi xóa.`;

function parseArgs(args: string[]): Options | null {
  const o: Options = { dossiers: 1_000_000, communes: 100, dbs: ["postgres", "pglite"], seed: 1, url: process.env.BENCH_DATABASE_URL || DEFAULT_URL };
  for (let i = 0; i < args.length; i++) {
    let [flag, value] = args[i]!.split("=", 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return null;
    if (value === undefined) value = args[++i];
    if (value === undefined) throw new Error(`Thiếu giá trị cho ${flag}.\n\n${USAGE}`);
    const count = () => {
      const n = Number(value!.replaceAll("_", ""));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} phải là số nguyên dương (nhận được "${value}").`);
      return n;
    };
    switch (flag) {
      case "--dossiers": o.dossiers = count(); break;
      case "--communes": o.communes = count(); break;
      case "--seed": o.seed = count(); break;
      case "--db":
        if (value === "both") o.dbs = ["postgres", "pglite"];
        else if (value === "pglite" || value === "postgres") o.dbs = [value];
        else throw new Error(`--db phải là pglite, postgres hoặc both (nhận được "${value}").`);
        break;
      default: throw new Error(`Tham số không có: ${flag}\n\n${USAGE}`);
    }
  }
  if (o.communes > o.dossiers) throw new Error("--communes không được lớn hơn --dossiers.");
  return o;
}

interface DbResult { kind: DbKind; migrateMs: number; copyMs: number; copyRows: number; imp: ImportTimes; analyzeMs: number; figures: FigureTimes }

const n0 = (v: number) => Math.round(v).toLocaleString("vi-VN");
const s1 = (ms: number) => (ms / 1000).toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const perSec = (rows: number, ms: number) => n0(rows / (ms / 1000));

async function createProvince(t: Throwaway, communes: number): Promise<Map<string, string>> {
  const db = t.database.db;
  const [province] = await db.insert(organisations).values({ kind: "province", name: "Tỉnh thử nghiệm hiệu năng", code: "bench-tinh" }).returning();
  const rows = Array.from({ length: communes }, (_, i) => ({ parentId: province!.id, kind: "commune" as const, name: `Xã thử nghiệm ${i + 1}`, code: `bench-xa-${i + 1}` }));
  const created = await db.insert(organisations).values(rows).returning({ id: organisations.id, code: organisations.code });
  const byCode = new Map(created.map((r) => [r.code, r.id]));
  return new Map(rows.map((r, i) => [unitCodeOf(i), byCode.get(r.code)!]));
}

async function benchDatabase(kind: DbKind, o: Options, files: ProvinceFiles, dir: string, register: (c: () => Promise<void>) => () => void): Promise<DbResult> {
  console.log(`\n== ${kind} ==`);
  const t = await openThrowaway(kind, o.url, dir);
  const unregister = register(t.cleanup);
  const log = (s: string) => console.log(s);
  try {
    console.log(`CSDL tạm: ${t.where}`);
    let t0 = performance.now();
    await t.database.migrate();
    const migrateMs = performance.now() - t0;
    const orgOf = await createProvince(t, o.communes);

    await createRawTable(t);
    t0 = performance.now();
    const copyRows = await rawCopy(t, files.dossiersPath);
    const copyMs = performance.now() - t0;
    log(`(a) COPY thô ${n0(copyRows)} dòng vào dossiers_raw: ${s1(copyMs)} s, ${perSec(copyRows, copyMs)} dòng/s`);
    await t.database.db.execute(sql.raw("drop table dossiers_raw"));

    log("(b) Nhập qua hệ thống (importRecords, từng xã)…");
    const imp = await importProvince(t, files, orgOf, log);
    log(`(b) ${n0(imp.dossierRows)} hồ sơ: ${s1(imp.dossierMs)} s, ${perSec(imp.dossierRows, imp.dossierMs)} dòng/s `
      + `(trong importRecords ${s1(imp.dossierImportMs)} s); danh mục ${s1(imp.catalogueMs)} s; ${n0(imp.feedbackRows)} PAKN ${s1(imp.feedbackMs)} s; dòng lỗi ${imp.rejected}`);
    if (imp.dossierRows !== files.rows || imp.rejected > 0) throw new Error(`Nhập được ${imp.dossierRows}/${files.rows} hồ sơ, ${imp.rejected} dòng lỗi.`);

    t0 = performance.now();
    await t.database.db.execute(sql.raw("analyze"));
    const analyzeMs = performance.now() - t0;
    log(`ANALYZE: ${s1(analyzeMs)} s`);

    log("(c) Tính toàn bộ chỉ số và chỉ số 766 (computeFigures)…");
    const figures = await timeFigures(t, [...orgOf.values()], log);
    const p = figures.province;
    log(`  kiểm tra: cả tỉnh năm ${p.window.from.slice(0, 4)} tiếp nhận ${n0(p.counts.received.total)}, đã giải quyết ${n0(p.counts.resolved.total)}, `
      + `đúng hạn ${p.rates.on_time.rate} %, chỉ số 766 ${p.index766.total} điểm (${p.index766.class}); 1 xã: ${figures.commune.index766.total} điểm`);
    return { kind, migrateMs, copyMs, copyRows, imp, analyzeMs, figures };
  } finally {
    unregister();
    await t.cleanup();
  }
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function report(o: Options, files: ProvinceFiles, results: DbResult[]) {
  console.log(`\nNạp dữ liệu: ${n0(files.rows)} hồ sơ của ${o.communes} xã (tệp CSV ${(files.bytes / 2 ** 20).toFixed(1)} MB)`);
  console.log(table(["db", "COPY thô s", "COPY thô dòng/s", "nhập hệ thống s", "nhập hệ thống dòng/s", "chậm hơn COPY", "PAKN s", "ANALYZE s"], results.map((r) => [
    r.kind, s1(r.copyMs), perSec(r.copyRows, r.copyMs), s1(r.imp.dossierMs), perSec(r.imp.dossierRows, r.imp.dossierMs),
    `${(r.imp.dossierMs / r.copyMs).toFixed(1)}×`, s1(r.imp.feedbackMs), s1(r.analyzeMs),
  ])));
  console.log(`\nTính toàn bộ chỉ số và chỉ số 766 (computeFigures = loadRecords + figuresOf), ms; trong ngoặc: phần nạp (loadRecords); tháng = tổng 12 lần tính`);
  const cell = (x: Timing) => `${n0(x.totalMs)} (${n0(x.loadMs)})`;
  console.log(table(["db", "1 xã · năm", `tỉnh (${o.communes} xã) · năm`, "1 xã · 12 tháng", "tỉnh · 12 tháng", "tỉnh · mỗi tháng", "RSS tối đa MB"], results.map((r) => {
    const f = r.figures;
    return [r.kind, cell(f.communeYear), cell(f.provinceYear), cell(f.communeMonths), cell(f.provinceMonths), n0(f.provinceMonths.totalMs / 12), n0(f.rssMb)];
  })));
  console.log("1 xã · năm: trung vị của 3 lần sau một lần khởi động; các số khác: một lần chạy. RSS: bộ nhớ thường trú của tiến trình này (với PGlite gồm cả CSDL).");
}

export async function runDossierBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  if (!o) { console.log(USAGE); return; }
  console.log(`cchc bench:dossiers: ${n0(o.dossiers)} hồ sơ, ${o.communes} xã, CSDL: ${o.dbs.join(", ")}${o.dbs.includes("postgres") ? ` (${redact(o.url)})` : ""}; Node ${process.version}`);
  const temp = makeTempDir();
  const pending = new Set<() => Promise<void>>();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    console.error(`\n${signal}: đang dọn CSDL và thư mục tạm…`);
    Promise.allSettled([...pending].map((c) => c())).finally(() => { temp.remove(); process.exit(130); });
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const register = (c: () => Promise<void>) => { pending.add(c); return () => pending.delete(c); };

  const results: DbResult[] = [];
  const failures: string[] = [];
  try {
    console.log(`Thư mục tạm: ${temp.dir}`);
    const files = writeProvinceFiles(temp.dir, o.dossiers, o.communes, o.seed);
    console.log(`Sinh tệp CSV: ${n0(files.rows)} hồ sơ, ${(files.bytes / 2 ** 20).toFixed(1)} MB, ${s1(files.ms)} s (${perSec(files.rows, files.ms)} dòng/s); ${n0(files.feedbackRows)} PAKN`);
    for (const kind of o.dbs) {
      try {
        results.push(await benchDatabase(kind, o, files, temp.dir, register));
      } catch (err) {
        if (interrupted) return new Promise<void>(() => {}); // process.exit follows once the cleanup is done
        failures.push(`${kind}: ${(err as Error).message}`);
        console.error(`Lỗi với ${kind}: ${(err as Error).stack ?? err}`);
      }
    }
    if (results.length) report(o, files, results);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (!interrupted) temp.remove();
  }
  if (failures.length) throw new Error(`Benchmark không chạy được trên: ${failures.join("; ")}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDossierBench(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
