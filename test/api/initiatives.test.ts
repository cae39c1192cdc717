import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { samplePdf } from "../../src/db/seed/demo.js";
import { auditLog, targets } from "../../src/db/schema.js";
import { initiativeCounts, loadInitiativeFacts } from "../../src/db/initiatives.js";
import { COUNTED_UNIT_KINDS } from "../../src/domain/inspections/units.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

// The demo holds initiatives of its own year (2026); these tests work in the next one.
const YEAR = 2027;
const TODAY = "2027-04-20";

function fileForm(name: string, content: Uint8Array, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.append("file", new Blob([new Uint8Array(content)], { type: "application/pdf" }), name);
  return form;
}

describe.each(DB_KINDS)("initiatives over HTTP on %s", (kind) => {
  let app: TestApp;
  let focal: Client, chairman: Client, tpht: Client, tckt: Client, province: Client, other: Client;
  let orgId: string, otherOrgId: string;
  let unitId: (code: string) => string;
  let countedUnits: Array<{ id: string; name: string }>;
  let tphtUserId: string, otherUserId: string, otherUnitId: string;
  const ids: Record<string, string> = {};

  const yearOf = async (client: Client = focal) => {
    const res = await client.get(`/api/orgs/${orgId}/initiatives?year=${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const register = (client: Client, body: Record<string, unknown>) => client.post(`/api/orgs/${orgId}/initiatives`, {
    year: YEAR, title: "Sáng kiến", unitId: unitId("tp-ht"), authors: [{ name: "Lê Thị Hoa", userId: null }], submittedOn: "2027-03-10", ...body,
  });

  beforeAll(async () => {
    app = await startTestApp(kind);
    app.clock.today = TODAY;
    [focal, chairman, tpht, tckt, province, other] = await Promise.all(
      ["dm.tinhkhe", "ct.tinhkhe", "tpht.tinhkhe", "tckt.tinhkhe", "qt.tinh", "dm.hoaihao"].map((u) => app.login(u)));
    orgId = (await focal.get("/api/auth/me")).body.orgId;
    tphtUserId = (await tpht.get("/api/auth/me")).body.id;
    const otherMe = (await other.get("/api/auth/me")).body;
    otherOrgId = otherMe.orgId;
    otherUserId = otherMe.id;
    const units: Array<{ id: string; code: string | null; name: string; kind: string; active: boolean }> = (await focal.get(`/api/orgs/${orgId}/units`)).body;
    unitId = (code) => units.find((u) => u.code === code)!.id;
    countedUnits = units.filter((u) => u.active && (COUNTED_UNIT_KINDS as readonly string[]).includes(u.kind)).map((u) => ({ id: u.id, name: u.name }));
    otherUnitId = (await other.get(`/api/orgs/${otherOrgId}/units`)).body[0].id;
  });
  afterAll(async () => { await app?.close(); });

  it("lets a unit officer register an initiative for their own unit, not for another", async () => {
    const created = await register(tpht, {
      title: "Số hóa sổ hộ tịch theo biểu mẫu chung", summary: "Một biểu mẫu thống nhất để nhập sổ cũ.",
      authors: [{ name: "", userId: tphtUserId }, { name: "Trần Văn Bình", userId: null }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.tp1 = created.body.id;
    expect(created.body).toMatchObject({
      year: YEAR, title: "Số hóa sổ hộ tịch theo biểu mẫu chung", summary: "Một biểu mẫu thống nhất để nhập sổ cũ.",
      unit: { id: unitId("tp-ht"), name: "Tư pháp – Hộ tịch" }, submittedOn: "2027-03-10", status: "submitted",
      recognisedOn: null, appliedOn: null, evidenceCount: 0, evidence: [],
      // an author with an account is printed with the account's full name
      authors: [{ name: "Lê Thị Hoa", userId: tphtUserId }, { name: "Trần Văn Bình", userId: null }],
      can: { edit: true, changeStatus: false, delete: false },
    });

    const foreignUnit = await register(tpht, { unitId: unitId("tc-kt") });
    expect(foreignUnit.status).toBe(403);
    expect(foreignUnit.body.error.message).toBe("Bạn chỉ được đăng ký sáng kiến cho bộ phận của mình.");
    expect((await register(chairman, {})).status).toBe(403);

    const year = await yearOf(tpht);
    expect(year.initiatives.map((i: any) => i.id)).toEqual([ids.tp1]);
    expect(year.can).toEqual({ manage: false, register: true, registerUnitIds: [unitId("tp-ht")] });
    const focalCan = (await yearOf()).can;
    expect(focalCan.manage).toBe(true);
    expect(focalCan.registerUnitIds).toEqual(expect.arrayContaining(countedUnits.map((u) => u.id)));
  });

  it("refuses a registration without an author, with a bad date or with another commune's unit or account, naming the field", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ authors: [] }, "authors", "Sáng kiến cần có ít nhất một tác giả."],
      [{ authors: undefined }, "authors", "Sáng kiến cần có ít nhất một tác giả."],
      [{ authors: [{ name: " ", userId: null }] }, "authors.0.name", "Tên tác giả thứ 1 không được để trống."],
      [{ submittedOn: "2027-02-30" }, "submittedOn", "Ngày nộp không phải là ngày hợp lệ (30/02/2027)."],
      [{ submittedOn: "2027-04-21" }, "submittedOn", "Ngày nộp (21/04/2027) không được sau ngày hôm nay (20/04/2027)."],
      [{ submittedOn: "2026-12-30" }, "submittedOn", "Ngày nộp (30/12/2026) không thuộc năm 2027."],
      [{ title: "  " }, "title", "Tên sáng kiến không được để trống."],
      [{ unitId: otherUnitId }, "unitId", "Bộ phận được chọn không thuộc xã, phường này hoặc đã ngừng hoạt động."],
      [{ authors: [{ name: "Ai đó", userId: otherUserId }] }, "authors.0.userId", "Tài khoản của tác giả thứ 1 không thuộc xã, phường này."],
    ];
    for (const [body, field, message] of cases) {
      const res = await register(focal, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toEqual({ code: "validation", field, message });
    }
    expect((await yearOf()).initiatives).toHaveLength(1);
  });

  it("counts each unit against the call and says who is still due and for how many days", async () => {
    expect((await tpht.put(`/api/orgs/${orgId}/initiative-call`, { year: YEAR, dueDate: "2027-05-01", perUnit: 2 })).status).toBe(403);
    const badCall = await focal.put(`/api/orgs/${orgId}/initiative-call`, { year: YEAR, dueDate: "2027-05-01", perUnit: 0 });
    expect(badCall.status).toBe(400);
    expect(badCall.body.error.field).toBe("perUnit");

    const tp2 = await register(focal, { title: "Hẹn lịch trả kết quả hộ tịch qua Zalo", submittedOn: "2027-04-15" });
    expect(tp2.status, JSON.stringify(tp2.body)).toBe(201);
    ids.tp2 = tp2.body.id;
    const tc1 = await register(tckt, { title: "Thanh toán phí, lệ phí bằng mã QR", unitId: unitId("tc-kt"), authors: [{ name: "Phạm Văn Nam", userId: null }], submittedOn: TODAY });
    expect(tc1.status, JSON.stringify(tc1.body)).toBe(201);
    ids.tc1 = tc1.body.id;

    const call = await focal.put(`/api/orgs/${orgId}/initiative-call`, { year: YEAR, dueDate: "2027-05-01", perUnit: 2 });
    expect(call.status, JSON.stringify(call.body)).toBe(200);
    expect(call.body.call).toEqual({ dueDate: "2027-05-01", perUnit: 2 });

    /** The table as counted by hand from the list of initiatives. */
    const handCount = (y: any, dueDate: string, perUnit: number, daysLeft: number) => countedUnits.map((unit) => {
      const own = y.initiatives.filter((i: any) => i.unit.id === unit.id);
      const byDue = own.filter((i: any) => i.submittedOn <= dueDate).length;
      return { unit, count: own.length, recognised: 0, applied: 0, countByDue: byDue, due: byDue < perUnit, daysLeft };
    });
    expect(call.body.byUnit).toEqual(handCount(call.body, "2027-05-01", 2, 11));
    const row = (y: any, code: string) => y.byUnit.find((r: any) => r.unit.id === unitId(code));
    expect(row(call.body, "tp-ht")).toMatchObject({ count: 2, countByDue: 2, due: false });
    expect(row(call.body, "tc-kt")).toMatchObject({ count: 1, countByDue: 1, due: true });

    // The due date moved back: what came in after it no longer counts for it, and it has passed.
    const earlier = await focal.put(`/api/orgs/${orgId}/initiative-call`, { year: YEAR, dueDate: "2027-04-15", perUnit: 2 });
    expect(earlier.body.byUnit).toEqual(handCount(earlier.body, "2027-04-15", 2, -5));
    expect(row(earlier.body, "tp-ht")).toMatchObject({ count: 2, countByDue: 2, due: false, daysLeft: -5 });
    expect(row(earlier.body, "tc-kt")).toMatchObject({ count: 1, countByDue: 0, due: true });
    expect(earlier.body.totals).toEqual({ count: 3, recognised: 0, applied: 0 });

    expect(await initiativeCounts(app.database.db, orgId, YEAR, "2027-04-15")).toBe(2);
    expect(await initiativeCounts(app.database.db, orgId, YEAR, TODAY)).toBe(3);
    const facts = await loadInitiativeFacts(app.database.db, orgId, "2027-04-01", "2027-04-30");
    expect(facts.map((f) => [f.id, f.unitId, f.submittedOn, f.status])).toEqual([[ids.tp2, unitId("tp-ht"), "2027-04-15", "submitted"], [ids.tc1, unitId("tc-kt"), TODAY, "submitted"]]);
  });

  it("shows the year's plan targets that count initiatives with the count so far", async () => {
    const plan = await focal.post(`/api/orgs/${orgId}/plans`, { type: "annual", title: `Kế hoạch cải cách hành chính năm ${YEAR}`, year: YEAR });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const [target] = await app.database.db.insert(targets).values([
      { orgId, planId: plan.body.id, text: "Mỗi bộ phận có ít nhất 01 sáng kiến; toàn xã ít nhất 05 sáng kiến", value: 5, dataSource: "computed", indicatorKey: "initiatives" },
      { orgId, planId: plan.body.id, text: "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%", value: 98, dataSource: "computed", indicatorKey: "on_time" },
    ]).returning();
    expect((await yearOf()).targets).toEqual([{ id: target.id, planId: plan.body.id, text: target.text, value: 5, current: 3 }]);
  });

  it("recognises and applies with dates; the officer may no longer edit a recognised initiative", async () => {
    const url = `/api/initiatives/${ids.tp1}`;
    const officerStatus = await tpht.patch(url, { status: "recognised", recognisedOn: "2027-04-01" });
    expect(officerStatus.status).toBe(403);
    expect(officerStatus.body.error.message).toBe("Chỉ công chức đầu mối CCHC được công nhận sáng kiến, ghi ngày áp dụng hoặc chuyển sáng kiến sang bộ phận khác.");
    expect((await tpht.patch(url, { unitId: unitId("tc-kt") })).status).toBe(403);

    // Sending the unchanged unit and status with an edit is not a change of them.
    const edited = await tpht.patch(url, { title: "Số hóa sổ hộ tịch bằng biểu mẫu điện tử dùng chung", unitId: unitId("tp-ht"), status: "submitted" });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.title).toBe("Số hóa sổ hộ tịch bằng biểu mẫu điện tử dùng chung");

    const noDate = await focal.patch(url, { status: "recognised" });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error).toEqual({ code: "validation", field: "recognisedOn", message: "Sáng kiến được công nhận cần có ngày công nhận." });
    const future = await focal.patch(url, { status: "recognised", recognisedOn: "2027-04-21" });
    expect(future.body.error).toEqual({ code: "validation", field: "recognisedOn", message: "Ngày công nhận (21/04/2027) không được sau ngày hôm nay (20/04/2027)." });

    const recognised = await focal.patch(url, { status: "recognised", recognisedOn: "2027-04-01" });
    expect(recognised.status, JSON.stringify(recognised.body)).toBe(200);
    expect(recognised.body).toMatchObject({ status: "recognised", recognisedOn: "2027-04-01", appliedOn: null });
    expect((await tpht.get(url)).body.can).toEqual({ edit: false, changeStatus: false, delete: false });
    const late = await tpht.patch(url, { title: "Đổi tên sau khi công nhận" });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toBe("Sáng kiến đã được công nhận nên chỉ công chức đầu mối CCHC được sửa.");
    expect((await tpht.post(`${url}/evidence`, { label: "Quyết định", url: "https://example.vn/qd" })).status).toBe(403);

    const beforeRecognition = await focal.patch(url, { status: "applied", appliedOn: "2027-03-31" });
    expect(beforeRecognition.body.error).toEqual({ code: "validation", field: "appliedOn", message: "Ngày áp dụng (31/03/2027) không được trước ngày công nhận (01/04/2027)." });
    const applied = await focal.patch(url, { status: "applied", appliedOn: "2027-04-10" });
    expect(applied.body).toMatchObject({ status: "applied", recognisedOn: "2027-04-01", appliedOn: "2027-04-10" });

    const year = await yearOf();
    expect(year.totals).toEqual({ count: 3, recognised: 1, applied: 1 });
    expect(year.byUnit.find((r: any) => r.unit.id === unitId("tp-ht"))).toMatchObject({ count: 2, recognised: 1, applied: 1 });

    // Back to submitted: the recognition and application dates go with it.
    const back = await focal.patch(url, { status: "submitted" });
    expect(back.body).toMatchObject({ status: "submitted", recognisedOn: null, appliedOn: null });
    await focal.patch(url, { status: "recognised", recognisedOn: "2027-04-01" });
  });

  it("stores evidence files by their bytes and links, refusing a false PDF, a non-web link and an eleventh piece", async () => {
    const url = `/api/initiatives/${ids.tp2}`;
    const pdf = samplePdf("Thuyet minh sang kien hen lich tra ket qua");
    const uploaded = await tpht.post(`${url}/evidence`, fileForm("Thuyết minh sáng kiến.pdf", pdf, { label: "Bản thuyết minh" }));
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const file = uploaded.body.evidence[0];
    expect(file).toMatchObject({ kind: "file", label: "Bản thuyết minh", filename: "Thuyết minh sáng kiến.pdf", size: pdf.length, url: `/api/initiative-evidence/${file.id}`, addedBy: "Lê Thị Hoa" });
    ids.file = file.id;

    const download = await province.get(`/api/initiative-evidence/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("Thuyết minh sáng kiến.pdf")}`);
    expect(Buffer.from(download.body as ArrayBuffer).equals(pdf)).toBe(true);

    const fake = await tpht.post(`${url}/evidence`, fileForm("bao-cao.pdf", new TextEncoder().encode("Đây không phải tệp PDF")));
    expect(fake.status).toBe(400);
    expect(fake.body.error).toEqual({ code: "validation", field: "file", message: "Nội dung tệp \"bao-cao.pdf\" không đúng với định dạng .pdf." });
    const exe = await tpht.post(`${url}/evidence`, fileForm("cai-dat.exe", new Uint8Array([0x4d, 0x5a, 0x90, 0])));
    expect(exe.status).toBe(400);
    expect(exe.body.error.field).toBe("file");

    const link = await tpht.post(`${url}/evidence`, { label: "Trang hướng dẫn trên cổng thông tin xã", url: "https://tinhkhe.example.vn/huong-dan" });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body.evidence[1]).toMatchObject({ kind: "link", label: "Trang hướng dẫn trên cổng thông tin xã", url: "https://tinhkhe.example.vn/huong-dan", filename: null, size: null });
    for (const bad of ["ftp://tinhkhe.example.vn/a", "javascript:alert(1)", "tinhkhe.example.vn"]) {
      const res = await tpht.post(`${url}/evidence`, { label: "Sai", url: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toEqual({ code: "validation", field: "url", message: "Đường dẫn phải là địa chỉ web bắt đầu bằng http:// hoặc https://." });
    }
    expect((await tpht.get(`/api/initiative-evidence/${link.body.evidence[1].id}`)).status).toBe(404);

    for (let i = 3; i <= 10; i++) expect((await focal.post(`${url}/evidence`, { label: `Ảnh ${i}`, url: `https://example.vn/anh-${i}` })).status).toBe(201);
    const eleventh = await focal.post(`${url}/evidence`, { label: "Ảnh 11", url: "https://example.vn/anh-11" });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error.message).toBe("Mỗi sáng kiến có tối đa 10 minh chứng; hãy gỡ bớt minh chứng cũ trước khi thêm.");
    expect((await yearOf()).initiatives.find((i: any) => i.id === ids.tp2).evidenceCount).toBe(10);

    expect((await tckt.delete(`/api/initiative-evidence/${link.body.evidence[1].id}`)).status).toBe(403);
    const removed = await tpht.delete(`/api/initiative-evidence/${link.body.evidence[1].id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.evidence).toHaveLength(9);
    expect(removed.body.evidence.some((e: any) => e.id === link.body.evidence[1].id)).toBe(false);
  });

  it("hides another commune's initiatives", async () => {
    expect((await other.get(`/api/orgs/${orgId}/initiatives?year=${YEAR}`)).status).toBe(404);
    expect((await other.get(`/api/initiatives/${ids.tp2}`)).status).toBe(404);
    expect((await other.patch(`/api/initiatives/${ids.tp2}`, { title: "Sửa trộm" })).status).toBe(404);
    expect((await other.delete(`/api/initiatives/${ids.tp2}`)).status).toBe(404);
    expect((await other.get(`/api/initiative-evidence/${ids.file}`)).status).toBe(404);
    expect((await other.delete(`/api/initiative-evidence/${ids.file}`)).status).toBe(404);
    expect((await other.put(`/api/orgs/${orgId}/initiative-call`, { year: YEAR, dueDate: "2027-05-01", perUnit: 1 })).status).toBe(404);
    expect((await other.post(`/api/orgs/${orgId}/initiatives`, { year: YEAR, title: "X", unitId: unitId("tp-ht"), authors: [{ name: "A", userId: null }], submittedOn: TODAY })).status).toBe(404);
    expect((await other.get(`/api/orgs/${otherOrgId}/initiatives?year=${YEAR}`)).body.initiatives).toEqual([]);
  });

  it("lets the province read but not write", async () => {
    const year = await yearOf(province);
    expect(year.initiatives).toHaveLength(3);
    expect(year.can).toEqual({ manage: false, register: false, registerUnitIds: [] });
    const one = await province.get(`/api/initiatives/${ids.tp2}`);
    expect(one.status).toBe(200);
    expect(one.body.can).toEqual({ edit: false, changeStatus: false, delete: false });
    for (const res of [
      await province.patch(`/api/initiatives/${ids.tp2}`, { title: "Sửa từ tỉnh" }),
      await province.delete(`/api/initiatives/${ids.tp2}`),
      await province.post(`/api/initiatives/${ids.tp2}/evidence`, { label: "L", url: "https://example.vn" }),
      await province.delete(`/api/initiative-evidence/${ids.file}`),
      await province.put(`/api/orgs/${orgId}/initiative-call`, { year: YEAR, dueDate: "2027-05-01", perUnit: 1 }),
      await province.post(`/api/orgs/${orgId}/initiatives`, { year: YEAR, title: "X", unitId: unitId("tp-ht"), authors: [{ name: "A", userId: null }], submittedOn: TODAY }),
    ]) expect(res.status).toBe(403);
    expect((await yearOf()).initiatives).toHaveLength(3);
  });

  it("deletes an initiative with its evidence, by the focal point only", async () => {
    const officer = await tpht.delete(`/api/initiatives/${ids.tp2}`);
    expect(officer.status).toBe(403);
    expect(officer.body.error.message).toBe("Chỉ công chức đầu mối CCHC được xóa sáng kiến.");
    expect((await focal.delete(`/api/initiatives/${ids.tp2}`)).body).toEqual({ ok: true });
    expect((await focal.get(`/api/initiatives/${ids.tp2}`)).status).toBe(404);
    expect((await focal.get(`/api/initiative-evidence/${ids.file}`)).status).toBe(404);
    expect((await yearOf()).totals.count).toBe(2);
  });

  it("writes who changed what to the audit log", async () => {
    const rows = await app.database.db.select().from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), inArray(auditLog.entity, ["initiative", "initiative_call", "initiative_evidence"]))).orderBy(asc(auditLog.id));
    const users = Object.fromEntries(await Promise.all(
      [["focal", focal], ["tpht", tpht], ["tckt", tckt]].map(async ([k, c]) => [(await (c as Client).get("/api/auth/me")).body.id, k]))) as Record<string, string>;
    const trail = rows.filter((r) => r.entityId === ids.tp1).map((r) => [r.action, users[r.userId!]]);
    expect(trail).toEqual([
      ["create", "tpht"], ["update", "tpht"], ["change_status", "focal"], ["change_status", "focal"], ["change_status", "focal"], ["change_status", "focal"],
    ]);
    const recognised = rows.find((r) => r.entityId === ids.tp1 && r.action === "change_status")!;
    expect(recognised.summary).toBe("Chuyển sáng kiến \"Số hóa sổ hộ tịch bằng biểu mẫu điện tử dùng chung\" sang trạng thái \"Được công nhận\"");
    expect(recognised.changes).toMatchObject({ status: ["submitted", "recognised"], recognisedOn: [null, "2027-04-01"] });
    expect(rows.filter((r) => r.entity === "initiative_call").map((r) => [r.action, r.entityId, users[r.userId!]])).toEqual([["create", String(YEAR), "focal"], ["update", String(YEAR), "focal"]]);
    expect(rows.filter((r) => r.entity === "initiative_evidence").map((r) => r.action)).toEqual([...Array(10).fill("create"), "delete"]);
    expect(rows.find((r) => r.entity === "initiative" && r.action === "delete")).toMatchObject({ entityId: ids.tp2, summary: "Xóa sáng kiến \"Hẹn lịch trả kết quả hộ tịch qua Zalo\"" });
  });
});
