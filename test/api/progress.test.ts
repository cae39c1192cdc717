import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { addTask, auditOf, dashboard, expectedOnTimeRate, openCommune, pdf, plan, updateForm, type Commune } from "../support/commune.js";

const TODAY = "2026-06-15";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe.each(DB_KINDS)("progress updates, evidence and extensions on %s", (kind) => {
  let app: TestApp;
  let c: Commune;
  let officer: Client; // Trần Văn Hùng, Văn phòng – Thống kê
  let otherOfficer: Client; // Lê Thị Hoa, Tư pháp – Hộ tịch

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    c = await openCommune(app);
    officer = await app.login("vptk.tinhkhe");
    otherOfficer = await app.login("tpht.tinhkhe");
  });
  afterAll(async () => { await app?.close(); });
  afterEach(() => { app.clock.today = TODAY; });

  it("lets a unit officer post a note, progress and a PDF, and the PDF downloads unchanged", async () => {
    const task = await addTask(c, { title: "Ban hành Quy chế tiếp nhận hồ sơ trực tuyến", area: "chinh-quyen-so", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-09-30" });
    expect(task.status).toBe("not_started");
    expect((await officer.get(`/api/tasks/${task.id}`)).body.canUpdate).toBe(true);

    const bytes = pdf("Bao cao ket qua quy II");
    const filename = "Báo cáo kết quả quý II.pdf";
    const res = await officer.post(`/api/tasks/${task.id}/updates`, updateForm(
      { note: "Đã xây dựng dự thảo quy chế, đang lấy ý kiến.", progress: "40" },
      [{ name: filename, bytes, type: "application/pdf" }],
    ));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: "in_progress", progress: 40, doneOn: null });

    // The focal point sees the update with its author and file.
    const seen = (await c.focal.get(`/api/tasks/${task.id}`)).body;
    expect(seen.updates).toHaveLength(1);
    const update = seen.updates[0];
    expect(update).toMatchObject({ date: TODAY, progress: 40, note: "Đã xây dựng dự thảo quy chế, đang lấy ý kiến.", statusChange: null, author: { fullName: "Trần Văn Hùng" } });
    expect(update.files).toHaveLength(1);
    expect(update.files[0]).toMatchObject({ filename, mimeType: "application/pdf", size: bytes.length });
    expect(update.files[0].url).toBe(`/api/evidence/${update.files[0].id}`);
    expect(seen.lastUpdateAt).not.toBeNull();

    const download = await c.focal.get(update.files[0].url);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(download.body as ArrayBuffer).equals(Buffer.from(bytes))).toBe(true);
    const disposition = download.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment;/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toBe(filename);

    // Nobody of another commune can fetch it, nor learn that it exists.
    const stranger = await app.login("dm.hoaihao");
    const denied = await stranger.get(update.files[0].url);
    expect(denied.status).toBe(404);
    expect(denied.body.error.message).toBe("Không tìm thấy tệp.");

    const audit = await auditOf(c.focal, c.orgId, task.id);
    const entry = audit.find((a) => a.action === "update_progress")!;
    expect(entry.user?.fullName).toBe("Trần Văn Hùng");
    expect(entry.summary).toBe('Cập nhật tiến độ nhiệm vụ "Ban hành Quy chế tiếp nhận hồ sơ trực tuyến" (1 tệp kiểm chứng)');
    expect(entry.changes).toMatchObject({ progress: [0, 40], files: [filename] });
    expect(audit.find((a) => a.action === "create")?.user?.fullName).toBe("Nguyễn Thị Lan");
  });

  it("refuses a file whose content is not what its name says, and records nothing", async () => {
    const task = await addTask(c, { title: "Niêm yết công khai TTHC mới", area: "thu-tuc-hanh-chinh", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-10-31" });
    const res = await officer.post(`/api/tasks/${task.id}/updates`, updateForm({ note: "Ảnh niêm yết", progress: "50" }, [{ name: "anh-niem-yet.pdf", bytes: PNG, type: "application/pdf" }]));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: "validation", message: 'Nội dung tệp "anh-niem-yet.pdf" không đúng với định dạng .pdf.', field: "files" });

    const empty = await officer.post(`/api/tasks/${task.id}/updates`, updateForm({ note: "Tệp rỗng" }, [{ name: "rong.pdf", bytes: new Uint8Array(0) }]));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Tệp "rong.pdf" rỗng.');

    const after = (await c.focal.get(`/api/tasks/${task.id}`)).body;
    expect(after).toMatchObject({ updates: [], progress: 0, status: "not_started", lastUpdateAt: null });
    expect((await auditOf(c.focal, c.orgId, task.id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("stores a retried upload once when the browser sends the same key again", async () => {
    const task = await addTask(c, { title: "Số hóa hồ sơ lưu trữ năm 2025", area: "chinh-quyen-so", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-10-31" });
    const form = () => updateForm({ note: "Đã số hóa 120 hồ sơ.", progress: "30", clientKey: "3f1c9a2e-5b7d-4e8f-9a01-b2c3d4e5f607" }, [{ name: "danh-sach.pdf", bytes: pdf("Danh sach"), type: "application/pdf" }]);
    expect((await officer.post(`/api/tasks/${task.id}/updates`, form())).status).toBe(201);
    const again = await officer.post(`/api/tasks/${task.id}/updates`, form());
    expect(again.status).toBe(200);
    expect(again.body.updates).toHaveLength(1);
    expect(again.body.updates[0].files).toHaveLength(1);
    expect((await auditOf(c.focal, c.orgId, task.id)).map((a) => a.action)).toEqual(["update_progress", "create"]);
  });

  it("lets an officer update only tasks their unit leads or supports", async () => {
    const task = await addTask(c, { title: "Rà soát hồ sơ công chức", area: "cong-vu", leadUnitIds: [c.unitId("vp-tk")], supportUnitIds: [c.unitId("tc-kt")], dueDate: "2026-11-30" });
    expect((await otherOfficer.get(`/api/tasks/${task.id}`)).body.canUpdate).toBe(false);
    const res = await otherOfficer.post(`/api/tasks/${task.id}/updates`, updateForm({ note: "Thử cập nhật", progress: "10" }));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("Bạn chỉ được cập nhật nhiệm vụ do bộ phận của mình chủ trì hoặc phối hợp.");
    const supporter = await app.login("tckt.tinhkhe");
    expect((await supporter.post(`/api/tasks/${task.id}/updates`, updateForm({ note: "Đã gửi danh sách", progress: "10" }))).status).toBe(201);
  });

  it("marks done before the due date as on time and after it as late; the plan and the dashboard follow", async () => {
    const early = await addTask(c, { title: "Xây dựng kế hoạch đào tạo công chức", area: "cong-vu", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-06-30" });
    const late = await addTask(c, { title: "Báo cáo tự đánh giá công vụ", area: "cong-vu", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-06-10" });
    const onDueDay = await addTask(c, { title: "Gửi báo cáo 6 tháng", area: "cong-vu", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-06-14" });
    expect([early.status, late.status, onDueDay.status]).toEqual(["not_started", "overdue", "overdue"]);

    const before = await plan(c.focal, c.planId);
    const dashBefore = await dashboard(c.focal, c.orgId);
    expect(dashBefore.totals.statusCounts).toEqual(before.statusCounts);
    expect(dashBefore.totals.tasks).toBe(before.tasks.length);
    expect(dashBefore.totals.onTimeRate).toBe(expectedOnTimeRate(before.tasks));

    const done = async (taskId: string, extra: Record<string, string> = {}) => {
      const res = await officer.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Đã hoàn thành, đính kèm văn bản.", markDone: "true", ...extra }, [{ name: "Ket-qua.pdf", bytes: pdf("Ket qua") }]));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    expect(await done(early.id)).toMatchObject({ status: "done_on_time", doneOn: TODAY, progress: 100 });
    expect(await done(late.id)).toMatchObject({ status: "done_late", doneOn: TODAY, progress: 100 });
    // Reported today, but dated the due day: on time.
    expect(await done(onDueDay.id, { date: "2026-06-14" })).toMatchObject({ status: "done_on_time", doneOn: "2026-06-14" });

    const again = await officer.post(`/api/tasks/${early.id}/updates`, updateForm({ note: "Lại", markDone: "true" }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("Nhiệm vụ đã được đánh dấu hoàn thành trước đó.");
    const future = await officer.post(`/api/tasks/${early.id}/updates`, updateForm({ note: "Ngày mai", date: "2026-06-16" }));
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ message: "Ngày cập nhật không được sau ngày hôm nay.", field: "date" });

    const after = await plan(c.focal, c.planId);
    const delta = Object.fromEntries(Object.keys(after.statusCounts).map((s) => [s, after.statusCounts[s] - before.statusCounts[s]]));
    expect(delta).toEqual({ not_started: -1, in_progress: 0, due_soon: 0, overdue: -2, done_on_time: 2, done_late: 1, no_deadline: 0 });
    expect(after.tasks.find((t: any) => t.id === late.id).status).toBe("done_late");

    const dashAfter = await dashboard(c.focal, c.orgId);
    expect(dashAfter.totals.statusCounts).toEqual(after.statusCounts);
    const expected = expectedOnTimeRate(after.tasks);
    expect(dashAfter.totals.onTimeRate).toBe(expected);
    const b = before.statusCounts;
    expect(expected).toBe(Math.round(((b.done_on_time + 2) / (b.done_on_time + b.done_late + b.overdue + 1)) * 1000) / 10);
    expect(dashAfter.totals.onTimeRate).not.toBe(dashBefore.totals.onTimeRate);
    const congVu = dashAfter.byArea.find((a: any) => a.area === "cong-vu");
    expect(congVu.statusCounts).toEqual(Object.fromEntries(Object.keys(after.statusCounts).map((s) => [s, after.tasks.filter((t: any) => t.area === "cong-vu" && t.status === s).length])));
    expect(congVu.onTimeRate).toBe(expectedOnTimeRate(after.tasks.filter((t: any) => t.area === "cong-vu")));

    const audit = await auditOf(c.focal, c.orgId, late.id);
    const entry = audit.find((a) => a.action === "update_progress")!;
    expect(entry).toMatchObject({ user: { fullName: "Trần Văn Hùng" }, summary: 'Báo cáo hoàn thành nhiệm vụ "Báo cáo tự đánh giá công vụ" (1 tệp kiểm chứng)' });
    expect(entry.changes.doneOn).toEqual([null, TODAY]);
  });

  it("judges a task marked done after the server's date moved past its due date as late", async () => {
    const task = await addTask(c, { title: "Cập nhật cơ sở dữ liệu cán bộ", area: "cong-vu", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-06-20" });
    expect(task.status).toBe("due_soon");
    app.clock.today = "2026-06-21";
    expect((await officer.get(`/api/tasks/${task.id}`)).body.status).toBe("overdue");
    const res = await officer.post(`/api/tasks/${task.id}/updates`, updateForm({ note: "Xong", markDone: "true" }));
    expect(res.body).toMatchObject({ status: "done_late", doneOn: "2026-06-21" });
  });

  it("fills a recurring task's periods with check-ins and lists the missing ones", async () => {
    const task = await addTask(c, { title: "Số hóa hồ sơ, kết quả giải quyết TTHC hằng tháng", area: "thu-tuc-hanh-chinh", leadUnitIds: [c.unitId("vp-tk")], recurrence: "monthly" });
    // The plan was issued on 15/01/2026: January to May have ended without a check-in.
    expect(task.status).toBe("overdue");
    expect(task.missingPeriods).toEqual(["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026", "Tháng 4/2026", "Tháng 5/2026"]);
    expect(task.periods.map((p: any) => p.state)).toEqual(["missing", "missing", "missing", "missing", "missing", "current", ...new Array(6).fill("upcoming")]);

    const checkIn = async (fields: Record<string, string>) => officer.post(`/api/tasks/${task.id}/updates`, updateForm({ note: "Đã số hóa hồ sơ của kỳ.", ...fields }));
    let res = await checkIn({});
    expect(res.status).toBe(201);
    expect(res.body.periods.find((p: any) => p.key === "2026-06")).toMatchObject({ state: "ok", checkInDate: TODAY, label: "Tháng 6/2026" });
    expect(res.body.updates[0].period).toBe("2026-06");

    res = await checkIn({ period: "2026-03" });
    expect(res.body.periods.find((p: any) => p.key === "2026-03")).toMatchObject({ state: "late", checkInDate: TODAY });
    expect(res.body.missingPeriods).toEqual(["Tháng 1/2026", "Tháng 2/2026", "Tháng 4/2026", "Tháng 5/2026"]);
    expect(res.body.status).toBe("overdue");

    const future = await checkIn({ period: "2026-07" });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ message: "Không thể cập nhật cho kỳ chưa bắt đầu.", field: "period" });
    const outside = await checkIn({ period: "2025-12" });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toBe("Kỳ báo cáo không thuộc thời gian thực hiện của nhiệm vụ.");

    for (const period of ["2026-01", "2026-02", "2026-04", "2026-05"]) expect((await checkIn({ period })).status).toBe(201);
    const filled = (await officer.get(`/api/tasks/${task.id}`)).body;
    expect(filled.missingPeriods).toEqual([]);
    expect(filled.status).toBe("in_progress");
    const summary = (await plan(c.focal, c.planId)).tasks.find((t: any) => t.id === task.id);
    expect(summary).toMatchObject({ status: "in_progress", missingPeriods: [] });

    // Six days before July ends without a July check-in: due soon.
    app.clock.today = "2026-07-25";
    const july = (await officer.get(`/api/tasks/${task.id}`)).body;
    expect(july.status).toBe("due_soon");
    expect(july.periods.find((p: any) => p.key === "2026-07").state).toBe("current");

    // A one-off task has no periods to pick.
    const oneOff = await addTask(c, { title: "Tổ chức hội nghị", area: "cong-vu", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-10-31" });
    const wrong = await officer.post(`/api/tasks/${oneOff.id}/updates`, updateForm({ note: "x", period: "2026-07" }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe("Nhiệm vụ này không định kỳ nên không chọn kỳ báo cáo.");

    const audit = await auditOf(c.focal, c.orgId, task.id);
    expect(audit.filter((a) => a.action === "update_progress").map((a) => a.changes.period).sort()).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
  });

  it("runs an extension request past the focal point: approve moves the due date, refuse leaves it", async () => {
    const title = "Chuẩn hóa quy trình nội bộ giải quyết TTHC";
    const task = await addTask(c, { title, area: "thu-tuc-hanh-chinh", leadUnitIds: [c.unitId("vp-tk")], dueDate: "2026-06-20" });
    const focalUnread = (await c.focal.get("/api/notifications")).body.unread;
    const officerUnread = (await officer.get("/api/notifications")).body.unread;

    const ask = await officer.post(`/api/tasks/${task.id}/extensions`, { proposedDue: "2026-07-20", reason: "Chờ hướng dẫn của Sở Nội vụ." });
    expect(ask.status, JSON.stringify(ask.body)).toBe(201);
    expect(ask.body).toMatchObject({ taskId: task.id, taskTitle: title, currentDue: "2026-06-20", proposedDue: "2026-07-20", status: "pending", requestedBy: { fullName: "Trần Văn Hùng" }, decidedBy: null });

    const focalNotes = (await c.focal.get("/api/notifications")).body;
    expect(focalNotes.unread).toBe(focalUnread + 1);
    expect(focalNotes.items[0]).toMatchObject({ kind: "extension_requested", taskId: task.id, readAt: null, message: `Đề nghị gia hạn nhiệm vụ "${title}" đến 20/07/2026.` });

    const second = await officer.post(`/api/tasks/${task.id}/extensions`, { proposedDue: "2026-08-20", reason: "Thêm lần nữa." });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe("Nhiệm vụ này đang có một đề nghị gia hạn chờ xử lý.");

    const pending = (await c.focal.get(`/api/orgs/${c.orgId}/extensions?status=pending`)).body;
    expect(pending.map((e: any) => e.id)).toContain(ask.body.id);
    const selfDecide = await officer.post(`/api/extensions/${ask.body.id}/decision`, { decision: "approve" });
    expect(selfDecide.status).toBe(403);

    const approve = await c.focal.post(`/api/extensions/${ask.body.id}/decision`, { decision: "approve", note: "Đồng ý, hoàn thành trước 20/7." });
    expect(approve.status).toBe(200);
    expect(approve.body).toMatchObject({ status: "approved", decidedBy: { fullName: "Nguyễn Thị Lan" }, decisionNote: "Đồng ý, hoàn thành trước 20/7." });
    const moved = (await officer.get(`/api/tasks/${task.id}`)).body;
    expect(moved).toMatchObject({ dueDate: "2026-07-20", originalDueDate: "2026-06-20", status: "not_started" });
    expect(moved.extensions.map((e: any) => e.status)).toEqual(["approved"]);
    const twice = await c.focal.post(`/api/extensions/${ask.body.id}/decision`, { decision: "refuse" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe("Đề nghị gia hạn này đã được xử lý.");

    const officerNotes = (await officer.get("/api/notifications")).body;
    expect(officerNotes.unread).toBe(officerUnread + 1);
    expect(officerNotes.items[0]).toMatchObject({ kind: "extension_decided", taskId: task.id, message: `Đồng ý gia hạn nhiệm vụ "${title}" đến 20/07/2026. Ý kiến: Đồng ý, hoàn thành trước 20/7.` });

    const tooEarly = await officer.post(`/api/tasks/${task.id}/extensions`, { proposedDue: "2026-07-20", reason: "Lại" });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error).toMatchObject({ message: "Hạn đề nghị phải sau hạn hiện tại (20/07/2026).", field: "proposedDue" });

    const ask2 = await officer.post(`/api/tasks/${task.id}/extensions`, { proposedDue: "2026-08-31", reason: "Khối lượng hồ sơ tăng." });
    expect(ask2.status).toBe(201);
    expect(ask2.body.currentDue).toBe("2026-07-20");
    const refuse = await c.focal.post(`/api/extensions/${ask2.body.id}/decision`, { decision: "refuse", note: "Không đồng ý." });
    expect(refuse.body.status).toBe("refused");
    const kept = (await officer.get(`/api/tasks/${task.id}`)).body;
    expect(kept).toMatchObject({ dueDate: "2026-07-20", originalDueDate: "2026-06-20" });
    expect((await officer.get("/api/notifications")).body.items[0]).toMatchObject({ kind: "extension_decided", message: `Không đồng ý gia hạn nhiệm vụ "${title}" đến 31/08/2026. Ý kiến: Không đồng ý.` });

    const audit = (await auditOf(c.focal, c.orgId, task.id)).reverse();
    expect(audit.map((a) => [a.action, a.user?.fullName])).toEqual([
      ["create", "Nguyễn Thị Lan"],
      ["request_extension", "Trần Văn Hùng"],
      ["extension_approved", "Nguyễn Thị Lan"],
      ["request_extension", "Trần Văn Hùng"],
      ["extension_refused", "Nguyễn Thị Lan"],
    ]);
    expect(audit[1].summary).toBe(`Xin gia hạn nhiệm vụ "${title}" đến 20/07/2026`);
    expect(audit[2]).toMatchObject({ summary: `Đồng ý gia hạn nhiệm vụ "${title}" đến 20/07/2026`, changes: { dueDate: ["2026-06-20", "2026-07-20"] } });
    expect(audit[4].summary).toBe(`Không đồng ý gia hạn nhiệm vụ "${title}" đến 31/08/2026`);
    expect(audit[4].changes.dueDate).toBeUndefined();

    // The audit log is for those who answer for the plan, not for unit officers.
    expect((await officer.get(`/api/orgs/${c.orgId}/audit`)).status).toBe(403);
  });
});
