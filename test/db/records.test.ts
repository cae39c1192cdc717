import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { computeFigures } from "../../src/db/indicator-figures.js";
import { applyStagedFile, importRecords, loadRecords, stageRecordFile } from "../../src/db/records.js";
import { dossiers, recordImports, recordUploads } from "../../src/db/schema.js";
import { organisations, users } from "../../src/db/schema.js";
import { seedDemo } from "../../src/db/seed/demo.js";
import type { Database } from "../../src/db/connection.js";
import { DB_KINDS, createTestDatabase } from "../support/db.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/indicators/${name}`, import.meta.url));
const expected = JSON.parse(readFileSync(new URL("../../fixtures/indicators/expected.json", import.meta.url), "utf8"));

describe.each(DB_KINDS)("stored one-stop records on %s", (kind) => {
  let t: Database;
  let c: { org: { id: string }; users: { focal: { id: string } } };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t.db, "2026-04-15");
    // A commune of its own: the demo communes already hold a year of seeded dossiers.
    const [province] = await t.db.select().from(organisations).where(eq(organisations.code, "tinh-mau"));
    const [org] = await t.db.insert(organisations).values({ kind: "commune", name: "UBND xã Thử Nghiệm", code: "xa-thu-nghiem", parentId: province!.id }).returning();
    const [focal] = await t.db.select().from(users).where(eq(users.username, "dm.tinhkhe"));
    await t.db.update(users).set({ orgId: org!.id }).where(eq(users.id, focal!.id));
    c = { org: org!, users: { focal: focal! } };
  });
  afterAll(async () => t?.close());

  it("imports the worked example and computes the reference's figures from the database", async () => {
    const actor = { id: c.users.focal.id, orgId: c.org.id };
    await importRecords(t.db, actor, c.org.id, "procedures", "thutuc.csv", fixture("thutuc.csv"));
    await importRecords(t.db, actor, c.org.id, "dossiers", "hoso.csv", fixture("hoso.csv"));
    await importRecords(t.db, actor, c.org.id, "feedback", "pakn.csv", fixture("pakn.csv"));
    const f = await computeFigures(t.db, [c.org.id], { from: "2026-03-01", to: "2026-03-31" });
    expect(f.counts).toEqual(expected.counts);
    expect(f.rates).toEqual(expected.rates);
    expect(f.index766.total).toBe(74.41);
    expect(f.index766).toEqual(expected.index766);
  });

  it("re-importing an overlapping file updates dossiers by code", async () => {
    const actor = { id: c.users.focal.id, orgId: c.org.id };
    const text = fixture("hoso.csv").toString("utf8");
    const lines = text.trimEnd().split("\n");
    const header = lines[0]!;
    const changed = lines[1]!.replace(/,2,/, ",1,");
    const extra = lines[1]!.replace(/^[^,]+/, "HS-NEW-1");
    const before = (await t.db.select().from(dossiers).where(eq(dossiers.orgId, c.org.id))).length;
    const s = await importRecords(t.db, actor, c.org.id, "dossiers", "hoso-2.csv", Buffer.from([header, changed, extra].join("\n")));
    expect(s).toMatchObject({ inserted: 1, updated: 1 });
    expect((await t.db.select().from(dossiers).where(eq(dossiers.orgId, c.org.id))).length).toBe(before + 1);
  });

  it("a file with too many bad rows is refused and changes nothing", async () => {
    const actor = { id: c.users.focal.id, orgId: c.org.id };
    const before = await t.db.select().from(dossiers).where(eq(dossiers.orgId, c.org.id));
    const imports = (await t.db.select().from(recordImports)).length;
    const bad = [
      "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra",
      "X-1,1.1,4,2026-03-02,2026-03-01",
      "X-2,1.1,99,2026-03-02,",
      "X-2,1.1,4,31/02/2026,",
      "X-3,1.1,4,2026-03-02,2026-03-09",
    ].join("\n");
    const staged = await stageRecordFile(t.db, actor, c.org.id, "dossiers", "xau.csv", Buffer.from(bad));
    expect(staged.refused).toBe(true);
    expect(staged.uploadId).toBeNull();
    expect(staged.issues.filter((i) => !i.warning).map((i) => `${i.row}:${i.column}`).sort()).toEqual(["2:NgayHenTra", "3:TrangThaiHoSo", "4:MaHoSo", "4:NgayTiepNhan"]);
    await expect(importRecords(t.db, actor, c.org.id, "dossiers", "xau.csv", Buffer.from(bad))).rejects.toThrow(/vượt ngưỡng 5 %/);
    expect(await t.db.select().from(dossiers).where(eq(dossiers.orgId, c.org.id))).toEqual(before);
    expect((await t.db.select().from(recordImports)).length).toBe(imports);
  });

  it("a staged upload is applied once, then forgotten", async () => {
    const actor = { id: c.users.focal.id, orgId: c.org.id };
    const file = Buffer.from("MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan\nST-1,1.1,4,2026-03-02\n");
    const staged = await stageRecordFile(t.db, actor, c.org.id, "dossiers", "st.csv", file);
    expect(staged).toMatchObject({ refused: false, inserted: 1, updated: 0, preview: { columns: ["MaHoSo", "MaTTHC", "TrangThaiHoSo", "NgayTiepNhan"], rows: [["ST-1", "1.1", "4", "2026-03-02"]] } });
    await applyStagedFile(t.db, actor, c.org.id, staged.uploadId!);
    expect(await t.db.select().from(recordUploads).where(eq(recordUploads.id, staged.uploadId!))).toEqual([]);
    await expect(applyStagedFile(t.db, actor, c.org.id, staged.uploadId!)).rejects.toThrow(/Không tìm thấy tệp chờ xác nhận/);
    const r = await loadRecords(t.db, [c.org.id], { from: "2026-03-01", to: "2026-03-31" });
    expect(r.dossiers.some((d) => d.code === "ST-1")).toBe(true);
  });
});
