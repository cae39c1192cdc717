/**
 * Province dashboard benchmark: for each database (embedded PGlite, PostgreSQL
 * server), in a throwaway database, a province of N communes (default 150)
 * × T tasks (default 100) × 12 months of updates with targets and monthly
 * values (bench/province-bench/generate.ts); then the real HTTP server
 * (buildServer), the province admin signs in, and GET /api/orgs/:id/overview
 * is timed over R sequential requests (default 30, after 3 warm-ups).
 * Prints the generation time, row counts and p50/p95; asserts only that
 * every commune is in the answer.
 *
 *   npm run bench:province -- [--communes N] [--tasks T] [--requests R] [--db pglite|postgres|both]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "../src/api/server.js";
import { ADMIN, generateProvince } from "./province-bench/generate.js";
import { type DbKind, forEachDatabase, openThrowaway, redact } from "./throwaway.js";
import { DEFAULT_SERVER_URL, parseBenchOptions } from "./options.js";

const TODAY = "2026-12-15";
const WARMUP = 3;
const USAGE = `Cách dùng: npm run bench:province -- [--communes N] [--tasks T] [--requests R] [--db pglite|postgres|both]
  --communes N   số xã của tỉnh (mặc định 150)
  --tasks T      số nhiệm vụ của kế hoạch mỗi xã (mặc định 100)
  --requests R   số yêu cầu đo (mặc định 30, sau ${WARMUP} yêu cầu khởi động)
  --db           pglite, postgres hoặc both (mặc định both)
Máy chủ PostgreSQL: TEST_DATABASE_URL (hoặc BENCH_DATABASE_URL; mặc định ${DEFAULT_SERVER_URL}); một CSDL tạm được tạo rồi xóa.`;

interface Options { communes: number; tasks: number; requests: number; dbs: DbKind[]; url: string }

function parseArgs(args: string[]): Options | null {
  const o = parseBenchOptions(args, { communes: 150, tasks: 100, requests: 30 }, USAGE);
  return o && { ...o.counts, dbs: o.dbs, url: o.url };
}

interface DbResult { kind: DbKind; generateMs: number; rows: Record<string, number>; p50: number; p95: number; kb: number }

const ms1 = (ms: number) => ms.toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const s2 = (ms: number) => (ms / 1000).toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const nearestRank = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

async function benchDatabase(kind: DbKind, o: Options, dir: string): Promise<DbResult> {
  console.log(`\n== ${kind} ==`);
  const t = await openThrowaway(kind, o.url, dir);
  const onSignal = () => { console.error("\nĐang dọn CSDL tạm…"); t.cleanup().finally(() => process.exit(130)); };
  process.once("SIGINT", onSignal);
  try {
    console.log(`CSDL tạm: ${t.where}`);
    await t.database.migrate();
    const t0 = performance.now();
    const { provinceId, rows } = await generateProvince(t.database.db, o.communes, o.tasks, TODAY);
    const generateMs = performance.now() - t0;
    console.log(`1. Sinh dữ liệu: ${s2(generateMs)} s; số dòng: ${Object.entries(rows).map(([k, v]) => `${k} ${v.toLocaleString("vi-VN")}`).join(", ")}`);

    const app = await buildServer({ database: t.database, today: () => TODAY, secureCookies: false, logger: false });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      if (!address || typeof address === "string") throw new Error("Máy chủ không có địa chỉ TCP.");
      const base = `http://127.0.0.1:${address.port}`;
      const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
      await login.arrayBuffer();
      const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.startsWith("cchc_session="));
      if (login.status !== 200 || !cookie) throw new Error(`Đăng nhập quản trị tỉnh thất bại: ${login.status}`);

      const path = `/api/orgs/${provinceId}/overview?year=${TODAY.slice(0, 4)}`;
      let body: any = null;
      let bytes = 0;
      const get = async () => {
        const res = await fetch(base + path, { headers: { cookie, accept: "application/json" } });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`GET ${path} trả về ${res.status}: ${text.slice(0, 300)}`);
        bytes = Buffer.byteLength(text);
        body = JSON.parse(text);
      };
      for (let i = 0; i < WARMUP; i++) await get();
      const times: number[] = [];
      for (let i = 0; i < o.requests; i++) {
        const s = performance.now();
        await get();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      if (body.rows.length !== o.communes) throw new Error(`Tổng hợp có ${body.rows.length} xã, cần ${o.communes}.`);
      const [first, last] = [body.rows[0], body.rows.at(-1)];
      console.log(`2. GET …/overview (${o.requests} yêu cầu qua HTTP, ${(bytes / 1024).toFixed(0)} KB): p50 ${ms1(nearestRank(times, 50))} ms, p95 ${ms1(nearestRank(times, 95))} ms`);
      console.log(`   ${body.totals.tasks.toLocaleString("vi-VN")} nhiệm vụ, ${body.totals.overdue.toLocaleString("vi-VN")} quá hạn; hạng 1: ${first.name} (${first.onTimeRate} % đúng hạn), cuối: ${last.name} (${last.onTimeRate} %)`);
      return { kind, generateMs, rows, p50: nearestRank(times, 50), p95: nearestRank(times, 95), kb: bytes / 1024 };
    } finally {
      await app.close();
    }
  } finally {
    process.off("SIGINT", onSignal);
    await t.cleanup();
  }
}

export async function runProvinceBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  if (!o) { console.log(USAGE); return; }
  console.log(`cchc bench:province: ${o.communes} xã × ${o.tasks} nhiệm vụ, hôm nay = ${TODAY}, CSDL: ${o.dbs.join(", ")}${o.dbs.includes("postgres") ? ` (${redact(o.url)})` : ""}; Node ${process.version}`);
  const { results, failures } = await forEachDatabase(o.dbs, (kind, dir) => benchDatabase(kind, o, dir));
  if (results.length) {
    console.log(`\nTổng hợp các xã (${o.communes} xã × ${o.tasks} nhiệm vụ; ${o.requests} yêu cầu tuần tự, sau ${WARMUP} lần khởi động)`);
    console.log(["db        sinh dữ liệu s  task_updates  overview p50 ms  p95 ms   KB", ...results.map((r) =>
      `${r.kind.padEnd(9)} ${s2(r.generateMs).padStart(14)}  ${String(r.rows.task_updates).padStart(12)}  ${ms1(r.p50).padStart(15)}  ${ms1(r.p95).padStart(6)}  ${r.kb.toFixed(0).padStart(3)}`)].join("\n"));
  }
  if (failures.length) throw new Error(`Benchmark không chạy được hoặc sai kết quả trên: ${failures.join("; ")}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runProvinceBench(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
