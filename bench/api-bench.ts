/**
 * API benchmark: for each database (embedded PGlite, PostgreSQL server) it
 * migrates a throwaway database, generates one commune with a year of work,
 * starts the real HTTP server, logs in as the chairman and times sequential
 * requests to the plan view and the dashboard. It prints figures and asserts
 * nothing. See bench/README.md.
 */
import { tmpdir } from "node:os";
import { buildServer } from "../src/api/server.js";
import type { Database } from "../src/db/connection.js";
import { type DbKind, openThrowaway } from "./throwaway.js";
import { generateCommune, type GeneratedCommune } from "./generate-commune.js";


export interface BenchOptions {
  tasks: number;
  requests: number;
  warmup: number;
  pastPlans: number;
  dbs: DbKind[];
  today: string;
  url: string;
}

const DEFAULT_URL = "postgres://postgres:postgres@localhost:5432/postgres";

const USAGE = `Cách dùng: cchc bench [--tasks N] [--requests N] [--warmup N] [--db pglite|postgres|both] [--past-plans N] [--today YYYY-MM-DD]
  --tasks N      số nhiệm vụ của kế hoạch (mặc định 150)
  --requests N   số yêu cầu đo cho mỗi địa chỉ (mặc định 200)
  --warmup N     số yêu cầu khởi động, không tính (mặc định 10)
  --past-plans N thêm N kế hoạch đã kết thúc của các năm trước, cùng cỡ (mặc định 0)
  --db           pglite, postgres hoặc both (mặc định both)
  --today        ngày "hôm nay" cố định của máy chủ (mặc định 2026-12-01)
Máy chủ PostgreSQL: BENCH_DATABASE_URL (mặc định ${DEFAULT_URL}); một CSDL tạm được tạo rồi xóa.`;

export function parseBenchArgs(args: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  const opts: BenchOptions = { tasks: 150, requests: 200, warmup: 10, pastPlans: 0, dbs: ["pglite", "postgres"], today: "2026-12-01", url: env.BENCH_DATABASE_URL || DEFAULT_URL };
  for (let i = 0; i < args.length; i++) {
    let [flag, value] = args[i].split("=", 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return null;
    if (value === undefined) value = args[++i];
    if (value === undefined) throw new Error(`Thiếu giá trị cho ${flag}.\n\n${USAGE}`);
    const count = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || (n < 1 && flag !== "--warmup" && flag !== "--past-plans")) throw new Error(`${flag} phải là số nguyên dương (nhận được "${value}").`);
      return n;
    };
    switch (flag) {
      case "--tasks": opts.tasks = count(); break;
      case "--requests": opts.requests = count(); break;
      case "--warmup": opts.warmup = count(); break;
      case "--past-plans": opts.pastPlans = count(); break;
      case "--today":
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`--today phải có dạng YYYY-MM-DD (nhận được "${value}").`);
        opts.today = value;
        break;
      case "--db":
        if (value === "both") opts.dbs = ["pglite", "postgres"];
        else if (value === "pglite" || value === "postgres") opts.dbs = [value];
        else throw new Error(`--db phải là pglite, postgres hoặc both (nhận được "${value}").`);
        break;
      default: throw new Error(`Tham số không có: ${flag}\n\n${USAGE}`);
    }
  }
  return opts;
}

interface EndpointResult {
  name: string;
  path: string;
  n: number;
  p50: number; p95: number; p99: number; max: number; mean: number;
  rps: number;
  kb: number;
  queriesPerRequest: number;
  /** CPU time of this process (server and client, and PGlite when embedded) per request. */
  cpuMs: number;
}

interface DbResult {
  kind: DbKind;
  migrateMs: number;
  commune: GeneratedCommune;
  endpoints: EndpointResult[];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);

/** Counts the SQL statements sent through the database handle (not inside transactions; reads use none). */
function countQueries(database: Database): { count: () => number } {
  const client = (database.db as any).$client as { query: (...a: unknown[]) => Promise<unknown> };
  let n = 0;
  const original = client.query.bind(client);
  client.query = (...a: unknown[]) => { n++; return original(...a); };
  return { count: () => n };
}

async function timeEndpoint(base: string, cookie: string, name: string, path: string, opts: BenchOptions, queries: { count: () => number }): Promise<EndpointResult> {
  let bytes = 0;
  const get = async () => {
    const res = await fetch(base + path, { headers: { cookie, accept: "application/json" } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path} trả về ${res.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
    bytes = body.byteLength;
  };
  for (let i = 0; i < opts.warmup; i++) await get();
  const times: number[] = [];
  const q0 = queries.count();
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < opts.requests; i++) {
    const t = performance.now();
    await get();
    times.push(performance.now() - t);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const queriesPerRequest = (queries.count() - q0) / opts.requests;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name, path, n: times.length,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)!,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    rps: times.length / (elapsed / 1000), kb: bytes / 1024, queriesPerRequest,
    cpuMs: (cpu.user + cpu.system) / 1000 / times.length,
  };
}

async function benchDatabase(kind: DbKind, opts: BenchOptions, register: (cleanup: () => Promise<void>) => () => void): Promise<DbResult> {
  console.log(`\n== ${kind} ==`);
  const { database, where, cleanup } = await openThrowaway(kind, opts.url, tmpdir());
  const unregister = register(cleanup);
  try {
    console.log(`CSDL tạm: ${where}`);
    let t = performance.now();
    await database.migrate();
    const migrateMs = performance.now() - t;
    console.log(`Migrate: ${ms(migrateMs)} ms`);

    const commune = await generateCommune(database.db, { tasks: opts.tasks, today: opts.today, pastPlans: opts.pastPlans });
    const r = commune.rows;
    console.log(`Sinh dữ liệu: ${ms(commune.timings.totalMs)} ms (băm mật khẩu ${ms(commune.timings.hashMs)} ms, dựng ${ms(commune.timings.buildMs)} ms, ghi ${ms(commune.timings.insertMs)} ms trong ${r.insert_statements} lệnh INSERT)`);
    if (opts.pastPlans) console.log(`  ${r.plans} kế hoạch (${opts.pastPlans} của các năm trước), tổng ${r.all_tasks} nhiệm vụ, ${r.all_task_updates} cập nhật; kế hoạch được đo:`);
    console.log(`  ${r.tasks} nhiệm vụ (${r.recurring} định kỳ, ${r.done} đã xong), ${r.task_updates} cập nhật (${r.check_ins} báo cáo kỳ), `
      + `${r.evidence_files} tệp minh chứng (${(commune.evidenceBytes / 1024).toFixed(0)} KB), ${r.targets} chỉ tiêu / ${r.target_values} giá trị, ${r.extension_requests} đề nghị gia hạn, ${r.users} tài khoản`);

    const queries = countQueries(database);
    const app = await buildServer({ database, today: () => opts.today, secureCookies: false, logger: false });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      if (!address || typeof address === "string") throw new Error("Máy chủ không có địa chỉ TCP.");
      const base = `http://127.0.0.1:${address.port}`;

      t = performance.now();
      const login = await fetch(`${base}/api/auth/login`, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: commune.chairman.username, password: commune.chairman.password }),
      });
      await login.arrayBuffer();
      if (login.status !== 200) throw new Error(`Đăng nhập thất bại: ${login.status}`);
      const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("cchc_session="));
      if (!cookie) throw new Error("Đăng nhập không trả về cookie phiên.");
      console.log(`Đăng nhập (Chủ tịch ${commune.chairman.username}): ${ms(performance.now() - t)} ms`);

      const endpoints: EndpointResult[] = [];
      for (const [name, path] of [["plan view", `/api/plans/${commune.planId}`], ["dashboard", `/api/orgs/${commune.orgId}/dashboard`]] as const) {
        const e = await timeEndpoint(base, cookie, name, path, opts, queries);
        console.log(`  ${name.padEnd(10)} ${e.n} yêu cầu: p50 ${ms(e.p50)} ms, p95 ${ms(e.p95)} ms, p99 ${ms(e.p99)} ms, max ${ms(e.max)} ms, ${e.rps.toFixed(1)} req/s, ${e.kb.toFixed(1)} KB, ${e.queriesPerRequest.toFixed(1)} truy vấn/yêu cầu, CPU ${ms(e.cpuMs)} ms/yêu cầu`);
        endpoints.push(e);
      }
      return { kind, migrateMs, commune, endpoints };
    } finally {
      await app.close();
    }
  } finally {
    unregister();
    await cleanup();
  }
}

function table(headers: string[], rows: string[][], rightFrom = 2): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < rightFrom ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export async function runBench(args: string[]): Promise<void> {
  const opts = parseBenchArgs(args);
  if (!opts) { console.log(USAGE); return; }
  console.log(`cchc bench: ${opts.tasks} nhiệm vụ, ${opts.requests} yêu cầu mỗi địa chỉ (sau ${opts.warmup} yêu cầu khởi động)${opts.pastPlans ? `, ${opts.pastPlans} kế hoạch năm trước` : ""}, hôm nay = ${opts.today}, CSDL: ${opts.dbs.join(", ")}; Node ${process.version}`);

  // Ctrl-C mid-run still removes the throwaway database and folder.
  const pending = new Set<() => Promise<void>>();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    console.error(`\n${signal}: đang dọn CSDL tạm…`);
    Promise.allSettled([...pending].map((c) => c())).finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const register = (cleanup: () => Promise<void>) => { pending.add(cleanup); return () => pending.delete(cleanup); };

  const results: DbResult[] = [];
  const failures: string[] = [];
  try {
    for (const kind of opts.dbs) {
      try {
        results.push(await benchDatabase(kind, opts, register));
      } catch (err) {
        if (interrupted) return new Promise<void>(() => {}); // process.exit follows once the cleanup is done
        failures.push(`${kind}: ${(err as Error).message}`);
        console.error(`Lỗi với ${kind}: ${(err as Error).stack ?? err}`);
      }
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  if (results.length) {
    console.log(`\nSinh dữ liệu (${opts.tasks} nhiệm vụ)`);
    console.log(table(["db", "migrate ms", "hash ms", "build ms", "insert ms", "total ms", "updates", "files"], results.map((r) => [
      r.kind, ms(r.migrateMs), ms(r.commune.timings.hashMs), ms(r.commune.timings.buildMs), ms(r.commune.timings.insertMs), ms(r.commune.timings.totalMs),
      String(r.commune.rows.task_updates), String(r.commune.rows.evidence_files),
    ]), 1));
    console.log(`\nAPI (${opts.requests} yêu cầu tuần tự qua HTTP, thời gian tính bằng ms)`);
    console.log(table(["db", "endpoint", "p50", "p95", "p99", "max", "mean", "req/s", "KB", "queries/req", "cpu ms/req"], results.flatMap((r) => r.endpoints.map((e) => [
      r.kind, e.name, ms(e.p50), ms(e.p95), ms(e.p99), ms(e.max), ms(e.mean), e.rps.toFixed(1), e.kb.toFixed(1), e.queriesPerRequest.toFixed(1), ms(e.cpuMs),
    ]))));
    console.log("cpu ms/req: CPU của tiến trình này (máy chủ, client fetch và PGlite nếu nhúng) chia cho số yêu cầu; với PostgreSQL không gồm CPU của máy chủ CSDL.");
  }
  // Thrown, not process.exitCode: the CLI sets the exit code from what main returns.
  if (failures.length) throw new Error(`Benchmark không chạy được trên: ${failures.join("; ")}`);
}
