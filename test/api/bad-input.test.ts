import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, samplePdf } from "../../src/db/seed/demo.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type Response, type TestApp } from "../support/app.js";

/**
 * Bad input gets a clear Vietnamese error naming the field, and a failed write
 * changes nothing: after each refusal the task, its plan, the extensions and the
 * audit log read exactly as before.
 */
describe.each(DB_KINDS)("bad input is refused in Vietnamese and changes nothing on %s", (kind) => {
  let app: TestApp;
  let fp: Client; // dm.tinhkhe, focal point
  let lead: Client; // tpht.tinhkhe, officer of the unit that leads the task
  let outsider: Client; // vhxh.tinhkhe, officer of a unit with no part in the task
  let orgId: string;
  let planId: string;
  let taskId: string; // led by Tư pháp – Hộ tịch, due 31/08/2026
  let targetId: string;
  let unitId: string; // Tư pháp – Hộ tịch
  let otherCommuneUnitId: string;

  const ok = <T = any>(res: Response<T>): T => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Everything a user could see change after a write. */
  async function snapshot() {
    const [task, plan, extensions, audit] = await Promise.all([
      fp.get(`/api/tasks/${taskId}`), fp.get(`/api/plans/${planId}`),
      fp.get(`/api/orgs/${orgId}/extensions`), fp.get(`/api/orgs/${orgId}/audit?limit=500`),
    ]);
    return { task: ok(task), plan: ok(plan), extensions: ok(extensions), audit: ok(audit) };
  }
  type Snapshot = Awaited<ReturnType<typeof snapshot>>;

  async function expectNothingChanged(before: Snapshot) {
    const after = await snapshot();
    expect(after.task.updates.length, "updates of the task").toBe(before.task.updates.length);
    expect(after.task.updates.flatMap((u: any) => u.files).length, "evidence files of the task").toBe(before.task.updates.flatMap((u: any) => u.files).length);
    expect(after.plan.tasks.length, "tasks of the plan").toBe(before.plan.tasks.length);
    expect(after.extensions.length, "extension requests").toBe(before.extensions.length);
    expect(after.audit.length, "audit entries").toBe(before.audit.length);
    expect(after).toEqual(before);
  }

  function expectError(res: Response, status: number, field: string | undefined, message: RegExp | string) {
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
    if (typeof message === "string") expect(res.body.error.message).toBe(message);
    else expect(res.body.error.message).toMatch(message);
  }

  const pdf = () => new Blob([new Uint8Array(samplePdf("Bao cao ket qua"))], { type: "application/pdf" });
  function updateForm(fields: Record<string, string>, files: Array<[Blob, string]> = []) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    for (const [blob, name] of files) form.append("files", blob, name);
    return form;
  }

  /** A raw request, for bodies the test client would not send. */
  async function raw(client: Client, method: string, path: string, body: string, contentType = "application/json"): Promise<Response> {
    const res = await fetch(app.url + path, { method, headers: { cookie: client.cookie!, "content-type": contentType }, body });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    fp = await app.login("dm.tinhkhe");
    lead = await app.login("tpht.tinhkhe");
    outsider = await app.login("vhxh.tinhkhe");
    orgId = ok(await fp.get("/api/auth/me")).orgId;
    // A plan of its own keeps the snapshots small; the chairman approves it so units can report on it.
    planId = ok(await fp.post(`/api/orgs/${orgId}/plans`, { type: "topical", title: "Kế hoạch rà soát thủ tục hành chính năm 2026", year: 2026 })).id;
    ok(await (await app.login("ct.tinhkhe")).post(`/api/plans/${planId}/status`, { status: "active" }));
    unitId = ok(await fp.get(`/api/orgs/${orgId}/units`)).find((u: any) => u.code === "tp-ht").id;
    const hh = await app.login("dm.hoaihao");
    otherCommuneUnitId = ok(await hh.get(`/api/orgs/${ok(await hh.get("/api/auth/me")).orgId}/units`)).find((u: any) => u.code === "tp-ht").id;
    taskId = ok(await fp.post(`/api/plans/${planId}/tasks`, {
      title: "Rà soát, đánh giá thủ tục hành chính lĩnh vực hộ tịch", area: "thu-tuc-hanh-chinh", leadUnitIds: [unitId], dueDate: "2026-08-31",
    })).id;
    ok(await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Đã lập danh mục thủ tục cần rà soát.", progress: "20" }, [[pdf(), "danh-muc.pdf"]])));
    targetId = ok(await fp.post(`/api/plans/${planId}/targets`, { text: "Tỷ lệ hồ sơ giải quyết đúng hạn", op: ">=", value: 98, unit: "%", implementUnitIds: [unitId] })).id;
    ok(await fp.put(`/api/targets/${targetId}/values/2026-04`, { value: 97.2 }));
  });
  afterAll(async () => { await app?.close(); });

  describe("tasks", () => {
    it("refuses a task with an empty title", async () => {
      const before = await snapshot();
      const res = await fp.post(`/api/plans/${planId}/tasks`, { title: "   ", leadUnitIds: [unitId], dueDate: "2026-09-30" });
      expectError(res, 400, "title", "Tên nhiệm vụ không được để trống.");
      await expectNothingChanged(before);
    });

    it("refuses a task without its title", async () => {
      const before = await snapshot();
      const res = await fp.post(`/api/plans/${planId}/tasks`, { leadUnitIds: [unitId], dueDate: "2026-09-30" });
      expectError(res, 400, "title", "Tên nhiệm vụ là bắt buộc.");
      await expectNothingChanged(before);
    });

    it("refuses 31 February as a due date and shows the date back", async () => {
      const before = await snapshot();
      const res = await fp.patch(`/api/tasks/${taskId}`, { dueDate: "2026-02-31" });
      expectError(res, 400, "dueDate", "Hạn hoàn thành không phải là ngày hợp lệ (31/02/2026).");
      await expectNothingChanged(before);
      expect(before.task.dueDate).toBe("2026-08-31");
    });

    it("refuses unit ids that are not units of the commune", async () => {
      const before = await snapshot();
      const unknown = await fp.post(`/api/plans/${planId}/tasks`, { title: "Nhiệm vụ mới", leadUnitIds: [randomUUID()] });
      expectError(unknown, 400, "leadUnitIds", "Bộ phận được chọn không thuộc đơn vị này hoặc đã ngừng hoạt động.");
      const foreign = await fp.patch(`/api/tasks/${taskId}`, { title: "Tên mới", leadUnitIds: [otherCommuneUnitId] });
      expectError(foreign, 400, "leadUnitIds", "Bộ phận được chọn không thuộc đơn vị này hoặc đã ngừng hoạt động.");
      const notAnId = await fp.post(`/api/plans/${planId}/tasks`, { title: "Nhiệm vụ mới", leadUnitIds: ["vp-tk"] });
      expectError(notAnId, 400, "leadUnitIds.0", /Bộ phận chủ trì không phải là mã định danh hợp lệ/);
      await expectNothingChanged(before);
      expect(before.task.title).toBe("Rà soát, đánh giá thủ tục hành chính lĩnh vực hộ tịch");
    });

    it("refuses a unit that would both lead and support the task, whichever list is sent", async () => {
      const before = await snapshot();
      const support = await fp.patch(`/api/tasks/${taskId}`, { supportUnitIds: [unitId] });
      expectError(support, 400, "supportUnitIds", "Một bộ phận không thể vừa chủ trì vừa phối hợp cùng một nhiệm vụ.");
      const both = await fp.post(`/api/plans/${planId}/tasks`, { title: "Nhiệm vụ mới", leadUnitIds: [unitId], supportUnitIds: [unitId] });
      expectError(both, 400, "supportUnitIds", "Một bộ phận không thể vừa chủ trì vừa phối hợp cùng một nhiệm vụ.");
      await expectNothingChanged(before);
      expect(before.task.support).toEqual([]);
    });

    it("refuses a body that is not JSON", async () => {
      const before = await snapshot();
      const res = await raw(fp, "POST", `/api/plans/${planId}/tasks`, '{"title": "Nhiệm vụ bị cắt ngang', "application/json");
      expectError(res, 400, undefined, "Dữ liệu gửi lên không phải JSON hợp lệ.");
      await expectNothingChanged(before);
    });
  });

  describe("progress updates and evidence", () => {
    it("refuses a 50 MB evidence file, naming the 20 MB limit", async () => {
      const before = await snapshot();
      const big = new Uint8Array(50 * 1024 * 1024);
      big.set(new TextEncoder().encode("%PDF-1.4\n"));
      const res = await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Gửi bản quét biên bản." }, [[new Blob([big], { type: "application/pdf" }), "bien-ban-quet.pdf"]]));
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe("too_large");
      expect(res.body.error.message).toMatch(/dung lượng.*20 MB/);
      await expectNothingChanged(before);
    });

    it("refuses an .exe and a .pdf whose bytes are not a PDF", async () => {
      const before = await snapshot();
      const exe = await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Kèm phần mềm." }, [[new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 1, 2, 3])]), "cai-dat.exe"]]));
      expectError(exe, 400, "files", /Tệp "cai-dat\.exe" không đúng định dạng cho phép \(pdf, docx, xlsx/);
      const fake = await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Kèm báo cáo." }, [[new Blob(["Đây không phải PDF"]), "bao-cao.pdf"]]));
      expectError(fake, 400, "files", 'Nội dung tệp "bao-cao.pdf" không đúng với định dạng .pdf.');
      // A good file in the same update does not get through with the bad one.
      const mixed = await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Kèm hai tệp." }, [[pdf(), "tot.pdf"], [new Blob(["MZ"]), "xau.exe"]]));
      expect(mixed.status).toBe(400);
      await expectNothingChanged(before);
    });

    it("refuses more than 5 files in one update", async () => {
      const before = await snapshot();
      const files = Array.from({ length: 6 }, (_, i): [Blob, string] => [pdf(), `minh-chung-${i + 1}.pdf`]);
      const res = await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Kèm sáu tệp." }, files));
      expectError(res, 400, "files", "Mỗi lần cập nhật đính kèm tối đa 5 tệp.");
      await expectNothingChanged(before);
    });

    it("refuses progress 150", async () => {
      const before = await snapshot();
      const res = await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Vượt tiến độ.", progress: "150" }));
      expectError(res, 400, "progress", "Tiến độ không được lớn hơn 100.");
      await expectNothingChanged(before);
      expect(before.task.progress).toBe(20);
    });

    it("keeps the progress when the progress field of the form is left empty", async () => {
      const other = ok(await fp.post(`/api/plans/${planId}/tasks`, { title: "Cập nhật danh mục thủ tục hành chính", leadUnitIds: [unitId], dueDate: "2026-09-30" })).id;
      ok(await lead.post(`/api/tasks/${other}/updates`, updateForm({ note: "Đã thực hiện một nửa.", progress: "50" })));
      for (const blank of ["", "  "]) {
        const task = ok(await lead.post(`/api/tasks/${other}/updates`, updateForm({ note: "Bổ sung ghi chú, chưa đổi tiến độ.", progress: blank })));
        expect(task.progress, `progress "${blank}"`).toBe(50);
        expect(task.updates[0].progress).toBeNull();
      }
    });

    it("refuses an update dated in the future", async () => {
      const before = await snapshot();
      const res = await lead.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Báo cáo trước.", date: "2026-06-16", progress: "50" }));
      expectError(res, 400, "date", "Ngày cập nhật không được sau ngày hôm nay.");
      await expectNothingChanged(before);
    });

    it("refuses an update of another unit's task", async () => {
      const before = await snapshot();
      const res = await outsider.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Cập nhật hộ.", progress: "90" }, [[pdf(), "ho.pdf"]]));
      expectError(res, 403, undefined, "Bạn chỉ được cập nhật nhiệm vụ do bộ phận của mình chủ trì hoặc phối hợp.");
      expect(res.body.error.code).toBe("forbidden");
      await expectNothingChanged(before);
    });

    it("refuses an update that is not a form", async () => {
      const before = await snapshot();
      const res = await lead.post(`/api/tasks/${taskId}/updates`, { note: "Gửi dạng JSON.", progress: 30 });
      expectError(res, 400, undefined, /multipart\/form-data/);
      await expectNothingChanged(before);
    });
  });

  describe("targets and extensions", () => {
    it("refuses a target value for period 2026-13", async () => {
      const before = await snapshot();
      const res = await fp.put(`/api/targets/${targetId}/values/2026-13`, { value: 97 });
      expectError(res, 400, "period", "Kỳ số liệu không hợp lệ (ví dụ: 2025-03, 2025-Q1, 2025-H1, 2025).");
      await expectNothingChanged(before);
      expect(before.plan.targets[0].values.map((v: any) => [v.period, v.value])).toEqual([["2026-04", 97.2]]);
    });

    it("refuses a target value that is not a number", async () => {
      const before = await snapshot();
      const res = await fp.put(`/api/targets/${targetId}/values/2026-05`, { value: "chín mươi" });
      expectError(res, 400, "value", "Giá trị phải là số.");
      await expectNothingChanged(before);
    });

    it("refuses an extension to a date before the current due date", async () => {
      const before = await snapshot();
      const res = await lead.post(`/api/tasks/${taskId}/extensions`, { proposedDue: "2026-07-15", reason: "Chờ ý kiến của Sở Tư pháp." });
      expectError(res, 400, "proposedDue", "Hạn đề nghị phải sau hạn hiện tại (31/08/2026).");
      await expectNothingChanged(before);
    });

    it("refuses an extension without a proposed date or without a reason", async () => {
      const before = await snapshot();
      const noDate = await lead.post(`/api/tasks/${taskId}/extensions`, { reason: "Chờ ý kiến của Sở Tư pháp." });
      expectError(noDate, 400, "proposedDue", "Hạn đề nghị là bắt buộc.");
      const noReason = await lead.post(`/api/tasks/${taskId}/extensions`, { proposedDue: "2026-10-31" });
      expectError(noReason, 400, "reason", "Lý do xin gia hạn là bắt buộc.");
      await expectNothingChanged(before);
    });
  });

  describe("login", () => {
    it("answers 429 after 5 wrong passwords for one user, even to the right password", async () => {
      const anon = app.anonymous();
      for (let i = 1; i <= 5; i++) {
        const res = await anon.post("/api/auth/login", { username: "motcua.tinhkhe", password: `sai-mat-khau-${i}` });
        expectError(res, 401, "password", "Tên đăng nhập hoặc mật khẩu không đúng.");
      }
      const blocked = await anon.post("/api/auth/login", { username: "MotCua.TinhKhe", password: DEMO_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe("rate_limited");
      expect(blocked.body.error.message).toBe("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
      expect(blocked.headers.get("set-cookie")).toBeNull();
      // The block is for that user name only: colleagues still sign in.
      expect((await app.anonymous().post("/api/auth/login", { username: "tckt.tinhkhe", password: DEMO_PASSWORD })).status).toBe(200);
    });
  });
});
