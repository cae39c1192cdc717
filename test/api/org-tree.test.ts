import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { organisations } from "../../src/db/schema.js";
import { createUser } from "../../src/db/users.js";
import { seedStandardUnits } from "../../src/db/units.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

const HEADER = ["Mã đơn vị", "Tên đăng nhập", "Họ và tên", "Vai trò (chu_tich / dau_moi / cong_chuc)", "Bộ phận (mã, cách nhau bởi dấu phẩy)", "Mật khẩu ban đầu"];

async function sheetForm(rows: string[][], name = "tai-khoan.xlsx"): Promise<FormData> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tài khoản");
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), name);
  return form;
}

async function userCount(app: TestApp): Promise<number> {
  const r = await app.database.db.execute(sql`select count(*)::int as n from users`);
  return (r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
}

/** The names of the nodes of a tree, depth first, legacy ones marked. */
const names = (node: any): string[] => [node.legacy ? `${node.name} (huyện cũ)` : node.name, ...node.children.flatMap(names)];

describe.each(DB_KINDS)("organisation tree and bulk accounts on %s", (kind) => {
  let app: TestApp;
  let admin: Client;
  let viewer: Client;
  let focal: Client;
  let otherAdmin: Client;
  let provinceId: string;
  let otherProvinceId: string;

  beforeAll(async () => {
    app = await startTestApp(kind, { today: "2026-06-15" });
    admin = await app.login("qt.tinh");
    viewer = await app.login("xem.tinh");
    focal = await app.login("dm.tinhkhe");
    provinceId = (await admin.get("/api/auth/me")).body.orgId;
    // A second province with one commune and its own administrator.
    const db = app.database.db;
    const [other] = await db.insert(organisations).values({ kind: "province", name: "Tỉnh Khác", code: "tinh-khac" }).returning();
    const [otherCommune] = await db.insert(organisations).values({ kind: "commune", name: "UBND xã Bên Kia", code: "xa-ben-kia", parentId: other!.id }).returning();
    await seedStandardUnits(db, otherCommune!.id, "after-2025");
    otherProvinceId = other!.id;
    await createUser(db, null, other!.id, { username: "qt.tinhkhac", fullName: "Quản trị tỉnh khác", role: "province_admin", password: "Matkhau2026", unitIds: [] });
    otherAdmin = await app.login("qt.tinhkhac", "Matkhau2026");
  });
  afterAll(async () => { await app?.close(); });

  it("shows the province its communes as a tree; others of the commune or another province get 404", async () => {
    const tree = await admin.get(`/api/orgs/${provinceId}/tree`);
    expect(tree.status, JSON.stringify(tree.body)).toBe(200);
    expect(tree.body).toMatchObject({ id: provinceId, kind: "province", legacy: false });
    const communes = tree.body.children.map((c: any) => c.code);
    expect(communes).toEqual(expect.arrayContaining(["xa-tinh-khe", "phuong-hoai-hao"]));
    expect(communes).not.toContain("xa-ben-kia");
    expect(tree.body.children.find((c: any) => c.code === "xa-tinh-khe").accounts).toBeGreaterThan(5);
    expect((await viewer.get(`/api/orgs/${provinceId}/tree`)).status).toBe(200);
    expect((await focal.get(`/api/orgs/${provinceId}/tree`)).status).toBe(404);
    expect((await otherAdmin.get(`/api/orgs/${provinceId}/tree`)).status).toBe(404);
  });

  it("adds a commune with the standard units of after 2025, a legacy district with its communes, renames and marks legacy", async () => {
    const added = await admin.post(`/api/orgs/${provinceId}/children`, { name: "UBND xã Sơn Mới", code: "xa-son-moi" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ kind: "commune", parentId: provinceId, code: "xa-son-moi", legacy: false });
    const units = (await admin.get(`/api/orgs/${added.body.id}/units`)).body.map((u: any) => u.code);
    expect(units).toEqual(expect.arrayContaining(["vp-hdnd-ubnd", "p-vhxh", "tt-pvhcc"]));
    expect(units).not.toContain("tp-ht");

    const district = await admin.post(`/api/orgs/${provinceId}/children`, { name: "Huyện Sơn Cũ", code: "huyen-son-cu", kind: "district" });
    expect(district.status).toBe(201);
    const old = await admin.post(`/api/orgs/${provinceId}/children`, { name: "UBND xã Sơn Hạ", code: "xa-son-ha", parentId: district.body.id });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    const renamed = await admin.patch(`/api/orgs/${added.body.id}`, { name: "UBND xã Sơn Mới (đã đổi tên)" });
    expect(renamed.status).toBe(200);
    const marked = await admin.patch(`/api/orgs/${(await admin.post(`/api/orgs/${provinceId}/children`, { name: "Huyện Đông", code: "huyen-dong" })).body.id}`, { legacy: true });
    expect(marked.body).toMatchObject({ kind: "district", legacy: true });

    const tree = (await admin.get(`/api/orgs/${provinceId}/tree`)).body;
    expect(names(tree)).toEqual(expect.arrayContaining(["UBND xã Sơn Mới (đã đổi tên)", "Huyện Sơn Cũ (huyện cũ)", "Huyện Đông (huyện cũ)"]));
    const legacyNode = tree.children.find((c: any) => c.code === "huyen-son-cu");
    expect(legacyNode.children.map((c: any) => c.name)).toEqual(["UBND xã Sơn Hạ"]);
    // Current communes first, legacy districts after them.
    expect(tree.children.at(-1).legacy).toBe(true);
    expect(tree.children[0].legacy).toBe(false);
    const unmark = await admin.patch(`/api/orgs/${district.body.id}`, { legacy: false });
    expect(unmark.status).toBe(400);
    expect(unmark.body.error.message).toMatch(/01\/7\/2025/);
  });

  it("refuses a taken or malformed code, someone who may not add, and another province", async () => {
    const dup = await admin.post(`/api/orgs/${provinceId}/children`, { name: "Trùng mã", code: "xa-ben-kia" });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ field: "code" });
    expect(dup.body.error.message).toMatch(/xa-ben-kia.*đã được dùng/);
    const bad = await admin.post(`/api/orgs/${provinceId}/children`, { name: "Mã sai", code: "Xã Sai" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Mã đơn vị chỉ gồm chữ thường không dấu/);
    const badParent = await admin.post(`/api/orgs/${provinceId}/children`, { name: "Sai cấp trên", code: "xa-sai-cap", parentId: otherProvinceId });
    expect(badParent.status).toBe(400);
    expect((await viewer.post(`/api/orgs/${provinceId}/children`, { name: "Xã của người xem", code: "xa-nguoi-xem" })).status).toBe(403);
    expect((await focal.post(`/api/orgs/${provinceId}/children`, { name: "Xã của đầu mối", code: "xa-dau-moi" })).status).toBe(404);
    expect((await otherAdmin.post(`/api/orgs/${provinceId}/children`, { name: "Xã lấn tỉnh", code: "xa-lan-tinh" })).status).toBe(404);
    const tinhKhe = (await admin.get(`/api/orgs/${provinceId}/tree`)).body.children.find((c: any) => c.code === "xa-tinh-khe");
    expect((await otherAdmin.patch(`/api/orgs/${tinhKhe.id}`, { name: "Đổi trộm" })).status).toBe(404);
    expect((await viewer.patch(`/api/orgs/${tinhKhe.id}`, { name: "Đổi trộm" })).status).toBe(403);
    expect((await admin.patch(`/api/orgs/${provinceId}`, { name: "Tỉnh đổi tên" })).status).toBe(403);
    const codes = (await admin.get(`/api/orgs/${provinceId}/tree`)).body.children.map((c: any) => c.code);
    expect(codes).not.toEqual(expect.arrayContaining(["xa-nguoi-xem"]));
  });

  it("creates nothing from a file with 3 bad rows among 10, listing exactly those rows and columns", async () => {
    const before = await userCount(app);
    const rows = Array.from({ length: 10 }, (_, i) => ["xa-tinh-khe", `hl.${kind}.${i}`, `Công chức ${i}`, "cong_chuc", "vp-tk", "Matkhau2026"]);
    rows[2] = ["xa-khong-co", `hl.${kind}.2`, "Công chức 2", "cong_chuc", "vp-tk", "Matkhau2026"]; // row 4: unknown commune
    rows[5] = ["xa-tinh-khe", `hl.${kind}.5`, "Công chức 5", "pho_chu_tich", "vp-tk", "Matkhau2026"]; // row 7: bad role
    rows[8] = ["xa-tinh-khe", `hl.${kind}.8`, "Công chức 8", "cong_chuc", "vp-tk", "matkhau"]; // row 10: weak password
    const check = await admin.post(`/api/orgs/${provinceId}/account-imports?check=1`, await sheetForm(rows));
    const created = await admin.post(`/api/orgs/${provinceId}/account-imports`, await sheetForm(rows));
    for (const res of [check, created]) {
      expect(res.status).toBe(400);
      expect(res.body.error.problems.map((p: any) => [p.row, p.column])).toEqual([[4, "Mã đơn vị"], [7, "Vai trò"], [10, "Mật khẩu ban đầu"]]);
      expect(res.body.error.problems.map((p: any) => p.message)).toEqual([
        "Dòng 4, cột A (Mã đơn vị): không có đơn vị mã “xa-khong-co”.",
        "Dòng 7, cột D (Vai trò): vai trò “pho_chu_tich” không hợp lệ: chỉ nhận chu_tich, dau_moi hoặc cong_chuc.",
        "Dòng 10, cột F (Mật khẩu ban đầu): mật khẩu phải có ít nhất 8 ký tự.",
      ]);
    }
    expect(await userCount(app)).toBe(before);
  });

  it("names every other problem of a row: duplicates in the file and taken, units, officers without units", async () => {
    const res = await admin.post(`/api/orgs/${provinceId}/account-imports`, await sheetForm([
      ["xa-tinh-khe", "trung.ten", "A", "dau_moi", "", "Matkhau2026"],
      ["phuong-hoai-hao", "Trung.Ten", "B", "chu_tich", "", "Matkhau2026"],
      ["xa-tinh-khe", "dm.tinhkhe", "C", "cong_chuc", "vp-tk", "Matkhau2026"],
      ["xa-tinh-khe", "khong.bo.phan", "D", "cong_chuc", "", "Matkhau2026"],
      ["xa-tinh-khe", "sai.bo.phan", "E", "cong_chuc", "vp-tk, p-vhxh", "Matkhau2026"],
      ["xa-ben-kia", "lan.tinh", "F", "chu_tich", "", "Matkhau2026"],
      ["huyen-son-cu", "huyen.cu", "G", "chu_tich", "", "Matkhau2026"],
      ["xa-tinh-khe", "ten co dau", "", "cong_chuc", "vp-tk", "12345678"],
    ]));
    expect(res.status).toBe(400);
    expect(res.body.error.problems.map((p: any) => p.message)).toEqual([
      "Dòng 3, cột B (Tên đăng nhập): “trung.ten” trùng với dòng 2.",
      "Dòng 4, cột B (Tên đăng nhập): “dm.tinhkhe” đã được một tài khoản khác sử dụng.",
      "Dòng 5, cột E (Bộ phận): công chức bộ phận phải thuộc ít nhất một bộ phận.",
      "Dòng 6, cột E (Bộ phận): UBND xã Tỉnh Khê không có bộ phận mã “p-vhxh”.",
      "Dòng 7, cột A (Mã đơn vị): đơn vị “xa-ben-kia” không thuộc tỉnh này.",
      "Dòng 8, cột A (Mã đơn vị): đơn vị “huyen-son-cu” là huyện cũ (trước 01/7/2025), không tạo tài khoản cho huyện.",
      "Dòng 9, cột B (Tên đăng nhập): “ten co dau” chỉ được gồm chữ không dấu, số và các ký tự . _ -",
      "Dòng 9, cột C (Họ và tên): chưa ghi họ và tên.",
      "Dòng 9, cột F (Mật khẩu ban đầu): mật khẩu phải có cả chữ và số.",
    ]);
  });

  it("creates the accounts of a good file in one step; they sign in with their roles and units", async () => {
    const before = await userCount(app);
    const rows = [
      ["xa-tinh-khe", "tk.vptk2", "Nguyễn Thị Lan", "cong_chuc", "vp-tk, tp-ht", "Matkhau2026"],
      ["xa-tinh-khe", "tk.ct2", "Trần Văn Bình", "chu_tich", "", "Matkhau2026"],
      ["phuong-hoai-hao", "hh.dm2", "Lê Thị Hoa", "dau_moi", "vp-tk", "Matkhau2026"],
    ];
    const check = await admin.post(`/api/orgs/${provinceId}/account-imports?check=1`, await sheetForm(rows));
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body).toMatchObject({ accounts: 3, created: 0 });
    expect(await userCount(app)).toBe(before);
    const res = await admin.post(`/api/orgs/${provinceId}/account-imports`, await sheetForm(rows));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.created).toBe(3);
    expect(res.body.perCommune.map((c: any) => [c.code, c.accounts])).toEqual([["xa-tinh-khe", 2], ["phuong-hoai-hao", 1]]);
    expect(await userCount(app)).toBe(before + 3);

    const officer = await app.login("tk.vptk2", "Matkhau2026");
    const me = (await officer.get("/api/auth/me")).body;
    expect(me).toMatchObject({ role: "unit_officer", fullName: "Nguyễn Thị Lan", org: { code: "xa-tinh-khe" } });
    expect(me.units.map((u: any) => u.name).sort()).toEqual(["Tư pháp – Hộ tịch", "Văn phòng – Thống kê"]);
    expect((await (await app.login("tk.ct2", "Matkhau2026")).get("/api/auth/me")).body).toMatchObject({ role: "chairman" });
    expect((await (await app.login("hh.dm2", "Matkhau2026")).get("/api/auth/me")).body).toMatchObject({ role: "focal_point", org: { code: "phuong-hoai-hao" } });

    const audit = (await admin.get(`/api/orgs/${provinceId}/audit?limit=1`)).body[0];
    expect(audit.summary).toBe("Tạo 3 tài khoản cho 2 xã/phường từ tệp tai-khoan.xlsx");
    // The same file again: every name is now taken, nothing more is created.
    const again = await admin.post(`/api/orgs/${provinceId}/account-imports`, await sheetForm(rows));
    expect(again.status).toBe(400);
    expect(again.body.error.problems).toHaveLength(3);
  });

  it("keeps a province admin to their own communes and answers the template", async () => {
    // Another province's commune in the file is a row error; another province's import route is 404.
    const res = await otherAdmin.post(`/api/orgs/${otherProvinceId}/account-imports`, await sheetForm([["xa-tinh-khe", "xam.nhap", "X", "chu_tich", "", "Matkhau2026"]]));
    expect(res.status).toBe(400);
    expect(res.body.error.problems[0].message).toBe("Dòng 2, cột A (Mã đơn vị): đơn vị “xa-tinh-khe” không thuộc tỉnh này.");
    const form = await sheetForm([["xa-ben-kia", "xam.nhap", "X", "chu_tich", "", "Matkhau2026"]]);
    expect((await otherAdmin.post(`/api/orgs/${provinceId}/account-imports`, form)).status).toBe(404);
    expect((await viewer.post(`/api/orgs/${provinceId}/account-imports`, await sheetForm([]))).status).toBe(403);
    const own = await otherAdmin.post(`/api/orgs/${otherProvinceId}/account-imports`, await sheetForm([["xa-ben-kia", "ct.benkia", "Chủ tịch Bên Kia", "chu_tich", "", "Matkhau2026"]]));
    expect(own.status, JSON.stringify(own.body)).toBe(201);

    const template = await admin.get(`/api/orgs/${provinceId}/account-imports/template.xlsx`);
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toMatch(/^attachment; filename="mau-tai-khoan.xlsx"/);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(ws.rowCount).toBe(2);
    expect((await focal.get(`/api/orgs/${provinceId}/account-imports/template.xlsx`)).status).toBe(404);
  });
});
