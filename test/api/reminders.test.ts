import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { sendReminders } from "../../src/jobs/reminders.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { addTask, openCommune, plan, type Commune } from "../support/commune.js";

const TODAY = "2026-06-15"; // a Monday

describe.each(DB_KINDS)("daily reminders on %s", (kind) => {
  let app: TestApp;
  let c: Commune;
  let soon: any; // due in 5 days: Tư pháp – Hộ tịch leads, Văn hóa – Xã hội supports
  let late: any; // 5 days overdue: Tài chính – Kế toán leads
  let people: Array<{ id: string; username: string; role: string; units: Array<{ id: string }>; client: Client }>;
  const person = (username: string) => people.find((p) => p.username === username)!;
  const inbox = async (username: string) => (await person(username).client.get("/api/notifications")).body as { unread: number; items: any[] };

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    c = await openCommune(app);
    soon = await addTask(c, { title: "Hoàn thiện hồ sơ chứng thực điện tử", area: "thu-tuc-hanh-chinh", leadUnitIds: [c.unitId("tp-ht")], supportUnitIds: [c.unitId("vh-xh")], dueDate: "2026-06-20" });
    late = await addTask(c, { title: "Công khai dự toán ngân sách", area: "tai-chinh-cong", leadUnitIds: [c.unitId("tc-kt")], dueDate: "2026-06-10" });
    const users = (await c.focal.get(`/api/orgs/${c.orgId}/users`)).body;
    people = await Promise.all(users.map(async (u: any) => ({ ...u, client: u.username === "dm.tinhkhe" ? c.focal : await app.login(u.username) })));
  });
  afterAll(async () => { await app?.close(); });

  it("tells the officers of the lead and support units what falls due soon, and the focal point too what is overdue", async () => {
    for (const p of people) expect((await inbox(p.username)).unread, p.username).toBe(0);
    const { sent } = await sendReminders(app.database.db, TODAY);
    const rows = await app.database.db.execute(sql`select count(*)::int as n from notifications`);
    expect(sent).toBe((rows as unknown as { rows: Array<{ n: number }> }).rows[0].n);
    expect(sent).toBeGreaterThan(0);

    // Who should hear of what, recomputed from the plan's tasks and the people's units.
    const tasks = (await plan(c.focal, c.planId)).tasks;
    const expected = new Map(people.map((p) => [p.username, new Set<string>()]));
    for (const t of tasks) {
      if (t.status !== "due_soon" && t.status !== "overdue") continue;
      const unitIds = [...t.lead, ...t.support].map((u: any) => u.id);
      const kindOf = t.status === "due_soon" ? "due_soon" : t.missingPeriods.length ? "missing_checkin" : "overdue";
      for (const p of people) {
        const inUnit = p.units.some((u) => unitIds.includes(u.id));
        if (inUnit || (t.status === "overdue" && p.role === "focal_point")) expected.get(p.username)!.add(`${kindOf}:${t.id}`);
      }
    }
    // Targets fed by one-stop data that are at risk warn their monitoring units (else the focal point).
    const targets = (await plan(c.focal, c.planId)).targets.filter((t: any) => t.light === "at_risk" && t.dataSource === "computed");
    expect(targets.length, "the demo has computed targets at risk").toBeGreaterThan(0);
    for (const t of targets) {
      const monitors = t.monitor.map((u: any) => u.id);
      const officers = people.filter((p) => p.units.some((u) => monitors.includes(u.id)));
      for (const p of officers.length ? officers : people.filter((x) => x.role === "focal_point")) expected.get(p.username)!.add(`target_at_risk:${t.id}`);
    }
    // Inspection findings near or past their fix deadline: the responsible unit's officers, and the focal point of overdue ones.
    const findings = (await c.focal.get(`/api/orgs/${c.orgId}/findings?year=2026`)).body.findings.filter((f: any) => f.displayStatus === "due_soon" || f.displayStatus === "overdue");
    expect(findings.length, "the demo has a finding past its deadline").toBeGreaterThan(0);
    for (const f of findings) for (const p of people) {
      const overdue = f.displayStatus === "overdue";
      if (p.units.some((u) => u.id === f.responsibleUnit.id) || (overdue && p.role === "focal_point")) expected.get(p.username)!.add(`finding_${overdue ? "overdue" : "due_soon"}:${f.id}`);
    }
    // The 6-month report (data to 14/06, due 16/06) is not sent yet: the focal point and the chairman hear of it.
    for (const p of people) if (p.role === "focal_point" || p.role === "chairman") expected.get(p.username)!.add("report_due:null");
    for (const p of people) {
      const box = await inbox(p.username);
      const keys = box.items.map((n) => (n.kind === "target_at_risk" ? `target_at_risk:${targets.find((t: any) => n.message.includes(`"${t.text}"`))?.id}` : `${n.kind}:${n.taskId ?? n.findingId}`));
      expect(new Set(keys), p.username).toEqual(expected.get(p.username));
      expect(box.unread, p.username).toBe(box.items.length);
    }

    const soonNote = { kind: "due_soon", taskId: soon.id, planId: c.planId, readAt: null, message: 'Nhiệm vụ "Hoàn thiện hồ sơ chứng thực điện tử" đến hạn ngày 20/06/2026 (còn 5 ngày).' };
    const lateNote = { kind: "overdue", taskId: late.id, message: 'Nhiệm vụ "Công khai dự toán ngân sách" đã quá hạn 5 ngày (hạn 10/06/2026).' };
    expect((await inbox("tpht.tinhkhe")).items).toContainEqual(expect.objectContaining(soonNote));
    expect((await inbox("vhxh.tinhkhe")).items).toContainEqual(expect.objectContaining(soonNote));
    expect((await inbox("tckt.tinhkhe")).items).toContainEqual(expect.objectContaining(lateNote));
    const focal = (await inbox("dm.tinhkhe")).items;
    expect(focal).toContainEqual(expect.objectContaining(lateNote));
    expect(focal.some((n) => n.taskId === soon.id)).toBe(false);
    expect((await inbox("tckt.tinhkhe")).items.some((n) => n.taskId === soon.id)).toBe(false);
  });

  it("sends nothing new when run again the same day or the next day, and repeats overdue reminders the next week", async () => {
    await sendReminders(app.database.db, TODAY);
    const unread = async () => Object.fromEntries(await Promise.all(people.map(async (p) => [p.username, (await inbox(p.username)).unread])));
    const before = await unread();
    expect(await sendReminders(app.database.db, TODAY)).toEqual({ sent: 0 });
    expect(await unread()).toEqual(before);

    await sendReminders(app.database.db, "2026-06-16");
    const nextDay = await unread();
    for (const u of ["tpht.tinhkhe", "vhxh.tinhkhe", "tckt.tinhkhe"]) expect(nextDay[u], u).toBe(before[u]);

    await sendReminders(app.database.db, "2026-06-22");
    const lateAgain = (await inbox("tckt.tinhkhe")).items.filter((n) => n.taskId === late.id);
    expect(lateAgain.map((n) => n.message)).toEqual([
      'Nhiệm vụ "Công khai dự toán ngân sách" đã quá hạn 12 ngày (hạn 10/06/2026).',
      'Nhiệm vụ "Công khai dự toán ngân sách" đã quá hạn 5 ngày (hạn 10/06/2026).',
    ]);
    // The task due on 20/06 is now overdue: its officers and the focal point hear of it.
    const soonOverdue = { kind: "overdue", taskId: soon.id, message: 'Nhiệm vụ "Hoàn thiện hồ sơ chứng thực điện tử" đã quá hạn 2 ngày (hạn 20/06/2026).' };
    for (const u of ["tpht.tinhkhe", "vhxh.tinhkhe", "dm.tinhkhe"]) expect((await inbox(u)).items, u).toContainEqual(expect.objectContaining(soonOverdue));
    expect(await sendReminders(app.database.db, "2026-06-22")).toEqual({ sent: 0 });
  });

  it("clears the unread count when notifications are read, for that user only", async () => {
    await sendReminders(app.database.db, TODAY);
    const box = await inbox("tpht.tinhkhe");
    expect(box.unread).toBeGreaterThan(1);
    const first = box.items[0];
    const otherUnread = (await inbox("tckt.tinhkhe")).unread;

    // Someone else cannot mark my notifications read.
    expect((await person("tckt.tinhkhe").client.post("/api/notifications/read", { ids: [first.id] })).status).toBe(200);
    expect((await inbox("tpht.tinhkhe")).unread).toBe(box.unread);

    expect((await person("tpht.tinhkhe").client.post("/api/notifications/read", { ids: [first.id] })).body).toEqual({ ok: true });
    const one = await inbox("tpht.tinhkhe");
    expect(one.unread).toBe(box.unread - 1);
    expect(one.items.find((n) => n.id === first.id).readAt).not.toBeNull();

    expect((await person("tpht.tinhkhe").client.post("/api/notifications/read")).status).toBe(200);
    const all = await inbox("tpht.tinhkhe");
    expect(all.unread).toBe(0);
    expect(all.items.length).toBe(box.items.length);
    expect(all.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await inbox("tckt.tinhkhe")).unread).toBe(otherUnread);

    // Read reminders are not sent again.
    await sendReminders(app.database.db, TODAY);
    expect((await inbox("tpht.tinhkhe")).unread).toBe(0);
  });
});
