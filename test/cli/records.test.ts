import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { runRecords } from "../../src/cli/records.js";
import type { Database } from "../../src/db/connection.js";
import { seedDemo } from "../../src/db/seed/demo.js";
import { createTestDatabase } from "../support/db.js";

describe("cchc records import", () => {
  let db: Database;
  let dir: string;
  const run = async (args: string[]) => {
    const out: string[] = [], err: string[] = [];
    const code = await runRecords(db, args, "2026-06-15", { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join(""), err };
  };
  const stored = async () => ((await db.db.execute(sql`select count(*)::int as n from dossiers`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    await seedDemo(db.db, "2026-06-15");
    dir = mkdtempSync(join(tmpdir(), "cchc-records-"));
  });
  afterAll(async () => { await db?.close(); rmSync(dir, { recursive: true, force: true }); });

  it("imports a file into a commune and reports new and updated rows", async () => {
    const file = join(dir, "hoso.csv");
    writeFileSync(file, "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra\nCLI-1,1.001193,4,2026-06-01,2026-06-02\nCLI-2,1.001193,4,2026-06-01,2026-06-02\n");
    const before = await stored();
    const first = await run(["import", "--org", "xa-tinh-khe", "--kind", "dossiers", file]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toBe(`Đã nhập ${file} vào UBND xã Tỉnh Khê: 2 dòng mới, 0 dòng cập nhật, 0 dòng lỗi bỏ qua.\n`);
    expect((await run(["import", "--org", "xa-tinh-khe", "--kind", "dossiers", file])).out).toMatch(/0 dòng mới, 2 dòng cập nhật/);
    expect(await stored()).toBe(before + 2);
    const check = await run(["import", "--org", "xa-tinh-khe", "--kind", "dossiers", "--check", file]);
    expect(check.out).toMatch(/chưa ghi gì \(--check\)/);
  });

  it("prints each bad row as FILE:ROW:COLUMN and writes nothing when the file is refused", async () => {
    const file = join(dir, "xau.csv");
    writeFileSync(file, "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra\nA,1.001193,4,2026-03-05,2026-03-01\nB,1.001193,4,2026-03-05,\n");
    const before = await stored();
    const r = await run(["import", "--org", "xa-tinh-khe", "--kind", "dossiers", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:2:NgayHenTra: ngày hẹn trả 01/03/2026 trước ngày tiếp nhận 05/03/2026`);
    expect(r.err.at(-1)).toBe(`${file}: 1/2 dòng lỗi (50,00 %), vượt ngưỡng 5 %; không nhập gì. Sửa các dòng lỗi rồi tải lại tệp.`);
    expect(await stored()).toBe(before);
  });

  it("explains usage, unknown communes and unreadable files", async () => {
    expect((await run(["import", "--org", "xa-tinh-khe", "file.csv"])).code).toBe(2);
    expect((await run(["import", "--org", "khong-co", "--kind", "dossiers", join(dir, "hoso.csv")])).err).toEqual(['Không có đơn vị mã "khong-co".']);
    expect((await run(["import", "--org", "xa-tinh-khe", "--kind", "dossiers", join(dir, "khong-co.csv")])).err[0]).toMatch(/không mở được tệp/);
  });
});
