import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { buildServer } from "../../src/api/server.js";
import { backupTo, restoreFrom, TABLES } from "../../src/db/backup.js";
import type { Db } from "../../src/db/connection.js";
import { seedDemo } from "../../src/db/seed/demo.js";
import { AppError } from "../../src/domain/errors.js";
import { Client, startTestApp, type TestApp } from "../support/app.js";
import { createTestDatabase, DB_KINDS, type DbKind } from "../support/db.js";
import { pdf, updateForm } from "../support/commune.js";

const TODAY = "2026-06-15";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every row of every table as Postgres writes it in JSON, sorted: two databases hold the same data when these are equal. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const result = await db.execute(sql.raw(`select row_to_json(t)::text as j from ${table} t`));
    out[table] = (result as unknown as { rows: Array<{ j: string }> }).rows.map((r) => r.j).sort();
  }
  return out;
}

async function evidenceBytes(db: Db, id: string): Promise<Buffer> {
  const result = await db.execute(sql`select encode(content, 'hex') as hex from evidence_files where id = ${id}`);
  return Buffer.from((result as unknown as { rows: Array<{ hex: string }> }).rows[0].hex, "hex");
}

async function expectRefused(promise: Promise<unknown>, message: string | RegExp) {
  const err = await promise.then(() => null, (e) => e);
  expect(err, "restore should fail").toBeInstanceOf(AppError);
  if (typeof message === "string") expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
}

const gz = (text: string) => gzipSync(Buffer.from(text, "utf8"));

describe.each(DB_KINDS)("backup and restore of a %s database", (kind) => {
  let app: TestApp;
  let dir: string;
  let file: string;
  let evidenceId: string;
  const bytes = pdf("Bien ban hop trien khai CCHC");

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    dir = mkdtempSync(join(tmpdir(), "cchc-backup-"));
    file = join(dir, "cchc-2026-06-15.backup");
    // A fresh upload through the API, so the backup carries a file nobody seeded.
    const officer = await app.login("vptk.tinhkhe");
    const me = (await officer.get("/api/my/tasks")).body;
    const task = me.find((t: any) => t.lead.some((u: any) => u.name === "Văn phòng – Thống kê") && !t.doneOn && !t.recurrence);
    const res = await officer.post(`/api/tasks/${task.id}/updates`, updateForm({ note: "Biên bản họp triển khai", progress: "30" }, [{ name: "Biên bản họp.pdf", bytes, type: "application/pdf" }]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    evidenceId = res.body.updates[0].files[0].id;
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(DB_KINDS)(`restores every row and the evidence bytes into a fresh %s database`, async (targetKind: DbKind) => {
    const counts = await backupTo(app.database.db, file);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const source = await snapshot(app.database.db);
    expect(Object.keys(counts)).toEqual([...TABLES]);
    for (const table of TABLES) expect(counts[table], table).toBe(source[table].length);
    for (const table of ["organisations", "users", "plans", "tasks", "task_updates", "evidence_files", "targets", "audit_log", "dossiers", "procedures"]) expect(counts[table], table).toBeGreaterThan(0);
    const all = await app.database.db.execute(sql.raw("select table_name from information_schema.tables where table_schema = 'public' order by 1"));
    expect((all as unknown as { rows: Array<{ table_name: string }> }).rows.map((r) => r.table_name), "every table is in the backup").toEqual([...TABLES].sort());

    const target = await createTestDatabase(targetKind);
    try {
      expect(await restoreFrom(target.db, file)).toEqual(counts);
      const restored = await snapshot(target.db);
      for (const table of TABLES) expect(restored[table], table).toEqual(source[table]);
      expect((await evidenceBytes(target.db, evidenceId)).equals(Buffer.from(bytes))).toBe(true);

      // The restored system works: people log in (a new audit entry) and download the file.
      const server = await buildServer({ database: target, today: () => TODAY, secureCookies: false });
      await server.listen({ port: 0, host: "127.0.0.1" });
      try {
        const client = new Client(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
        expect((await client.post("/api/auth/login", { username: "vptk.tinhkhe", password: "Demo12345" })).status).toBe(200);
        const download = await client.get(`/api/evidence/${evidenceId}`);
        expect(download.status).toBe(200);
        expect(Buffer.from(download.body as ArrayBuffer).equals(Buffer.from(bytes))).toBe(true);
        expect((await snapshot(target.db)).audit_log.length).toBe(source.audit_log.length + 1);
      } finally {
        await server.close();
      }
    } finally {
      await target.close();
    }
  });

  it("refuses a corrupt or foreign file with a Vietnamese message and leaves the database as it was", async () => {
    await backupTo(app.database.db, file);
    const good = gunzipSync(readFileSync(file)).toString("utf8");
    const [header, ...chunks] = good.split("\n");
    // The app's own database is the target: each failed restore must leave it exactly as it is.
    const target = app.database.db;
    const before = await snapshot(target);
    const write = (name: string, content: Buffer | string) => { const p = join(dir, name); writeFileSync(p, content); return p; };

    await expectRefused(restoreFrom(target, join(dir, "khong-co.backup")), `Không đọc được tệp sao lưu ${join(dir, "khong-co.backup")}: tệp không tồn tại.`);
    const noise = write("rac.backup", Buffer.from("Đây không phải bản sao lưu"));
    await expectRefused(restoreFrom(target, noise), `Không đọc được tệp sao lưu ${noise}: tệp không phải bản sao lưu nén gzip.`);
    const cut = write("cut.backup", readFileSync(file).subarray(0, 200));
    await expectRefused(restoreFrom(target, cut), /^Không đọc được tệp sao lưu .*: tệp không phải bản sao lưu nén gzip\.$/);
    const foreign = write("khac.backup", gz(JSON.stringify({ format: "other-app", version: 1 })));
    await expectRefused(restoreFrom(target, foreign), `Tệp ${foreign} không phải bản sao lưu của hệ thống (phiên bản 1).`);
    const newer = write("v2.backup", gz([JSON.stringify({ format: "cchc-backup", version: 2 }), ...chunks].join("\n")));
    await expectRefused(restoreFrom(target, newer), `Tệp ${newer} không phải bản sao lưu của hệ thống (phiên bản 1).`);
    const unknownTable = write("bang-la.backup", gz([header, JSON.stringify({ table: "pg_authid", rows: [] })].join("\n")));
    await expectRefused(restoreFrom(target, unknownTable), "Dòng 2 của tệp sao lưu không hợp lệ.");
    const brokenLine = write("dong-hong.backup", gz([header, chunks[0], chunks[1].slice(0, 40), ...chunks.slice(2)].join("\n")));
    await expectRefused(restoreFrom(target, brokenLine), "Dòng 3 của tệp sao lưu không hợp lệ.");
    // Well formed, but the rows do not fit together (no organisations): the restore fails half way and rolls back.
    const orphans = write("mo-coi.backup", gz([header, ...chunks.filter((l) => !l.startsWith('{"table":"organisations"'))].join("\n")));
    await expectRefused(restoreFrom(target, orphans), /^Không khôi phục được từ tệp .*mo-coi\.backup: dữ liệu trong tệp không hợp lệ .*Dữ liệu hiện có được giữ nguyên\.$/);

    expect(await snapshot(target)).toEqual(before);
    // And the system still answers as before.
    const officer = await app.login("vptk.tinhkhe");
    expect((await officer.get(`/api/evidence/${evidenceId}`)).status).toBe(200);
  });
});

interface Run { code: number; stdout: string; stderr: string }
function cli(args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin/cchc.js"), ...args], { cwd: ROOT, env: { ...process.env, CCHC_DATA_DIR: dataDir, DATABASE_URL: "", CCHC_TODAY: TODAY }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }));
  });
}

/** The rows of each table in a backup file, sorted. */
function rowsIn(file: string): Record<string, string[]> {
  const [, ...chunks] = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
  const out: Record<string, string[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
  for (const chunk of chunks.filter(Boolean).map((l) => JSON.parse(l))) out[chunk.table].push(...chunk.rows.map((r: unknown) => JSON.stringify(r)));
  for (const t of TABLES) out[t].sort();
  return out;
}

describe("the cchc backup and restore commands", () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), "cchc-cli-")); });
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it("restores a backup into an embedded database folder and backs it up again with the same rows", async () => {
    // The demo data on the PostgreSQL server, backed up by the library...
    const original = join(dir, "tu-may-chu.cchc.gz");
    const server = await createTestDatabase("postgres");
    try {
      await seedDemo(server.db, TODAY);
      await backupTo(server.db, original);
    } finally {
      await server.close();
    }
    const expected = rowsIn(original);
    const rows = Object.values(expected).reduce((n, r) => n + r.length, 0);

    // ...restored by the command into CCHC_DATA_DIR (the embedded database), then backed up from it.
    const dataDir = join(dir, "data");
    const restore = await cli(["restore", original], dataDir);
    expect(restore, restore.stderr).toMatchObject({ code: 0 });
    expect(restore.stdout.trim()).toBe(`Đã khôi phục ${rows} dòng dữ liệu (${TABLES.length} bảng) từ ${original}.`);
    expect(existsSync(join(dataDir, "pglite"))).toBe(true);

    const again = join(dir, "tu-thu-muc.cchc.gz");
    const backup = await cli(["backup", again], dataDir);
    expect(backup, backup.stderr).toMatchObject({ code: 0 });
    expect(backup.stdout.trim()).toBe(`Đã sao lưu ${rows} dòng dữ liệu (${TABLES.length} bảng) vào ${again}.`);
    const copy = rowsIn(again);
    for (const table of TABLES) expect(copy[table], table).toEqual(expected[table]);

    // A file that is not a backup: exit code 1 and a Vietnamese message, no stack trace.
    const bogus = join(dir, "bao-cao.docx");
    writeFileSync(bogus, "PK\u0003\u0004 không phải bản sao lưu");
    const refused = await cli(["restore", bogus], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`Không đọc được tệp sao lưu ${bogus}: tệp không phải bản sao lưu nén gzip.`);
    const missingArg = await cli(["restore"], dataDir);
    expect(missingArg.code).toBe(2);
    expect(missingArg.stderr.trim()).toBe("Thiếu tên tệp: cchc restore TỆP");
  }, 300_000);
});
