import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { samplePdf } from "../../src/db/seed/demo.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn as signInAs } from "../support/browser.js";

const TODAY = "2026-06-15";
const SEED_DOCX = join(resolve(fileURLToPath(new URL("../..", import.meta.url)), "../shared"), "seeds", "000_4f22acc3fcb5c023.docx");

/**
 * The foundation's story end to end in a real browser: a unit officer reports
 * progress with evidence and marks a task done; the chairman's dashboard counts it.
 */
describe("browser: a unit officer reports, the chairman sees it", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    requireWebBuild();
    app = await startTestApp("pglite", { today: TODAY, webRoot: WEB_ROOT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string, viewport?: { width: number; height: number }) => signInAs(browser, app.url, username, viewport);

  async function doneOnTimeOnDashboard(page: Page): Promise<number> {
    await page.getByRole("link", { name: "Bảng điều hành" }).first().click();
    const card = page.getByTestId("kpi-done-on-time");
    await card.waitFor();
    return Number(await card.getAttribute("data-value"));
  }

  it("counts a task the officer marked done on the chairman's dashboard", async () => {
    // A task led by the officer's unit, not done, not recurring and not yet due.
    const api = await app.login("tpht.tinhkhe");
    const mine = (await api.get("/api/my/tasks")).body as any[];
    const task = mine.find((t) => t.canComplete && !t.doneOn && !t.recurrence && t.dueDate && t.dueDate > TODAY);
    expect(task, "the demo data has an open task led by Tư pháp – Hộ tịch").toBeTruthy();

    const chairman = await signIn("ct.tinhkhe");
    const before = await doneOnTimeOnDashboard(chairman);

    const officer = await signIn("tpht.tinhkhe");
    await officer.getByRole("link", { name: "Nhiệm vụ của tôi" }).first().click();
    await officer.getByText(task.title, { exact: false }).first().click();
    await officer.getByTestId("task-title").waitFor();
    expect(await officer.getByTestId("task-title").textContent()).toContain(task.title.slice(0, 40));

    // A progress update with a scanned minutes file.
    await officer.getByLabel("Nội dung cập nhật").fill("Đã họp triển khai, đính kèm biên bản.");
    await officer.locator('input[type="file"]').setInputFiles({ name: "bien-ban-hop.pdf", mimeType: "application/pdf", buffer: samplePdf("Bien ban hop trien khai") });
    await officer.getByRole("button", { name: "Gửi cập nhật" }).click();
    await officer.getByTestId("update-item").filter({ hasText: "Đã họp triển khai" }).waitFor();
    await expect(officer.getByRole("link", { name: /bien-ban-hop\.pdf/ }).count()).resolves.toBeGreaterThan(0);

    // Then the task is done.
    await officer.getByLabel("Nội dung cập nhật").fill("Đã hoàn thành, ban hành văn bản.");
    await officer.getByLabel("Đánh dấu hoàn thành nhiệm vụ").check();
    await officer.getByRole("button", { name: "Gửi cập nhật" }).click();
    await officer.getByTestId("update-item").filter({ hasText: "Đã hoàn thành, ban hành văn bản." }).waitFor();
    await officer.getByText("Hoàn thành đúng hạn").first().waitFor();

    const after = (await api.get(`/api/tasks/${task.id}`)).body;
    expect(after).toMatchObject({ status: "done_on_time", doneOn: TODAY, progress: 100 });
    expect(after.updates[1].files.map((f: any) => f.filename)).toEqual(["bien-ban-hop.pdf"]);

    await chairman.reload();
    await chairman.getByTestId("user-name").waitFor();
    expect(await doneOnTimeOnDashboard(chairman)).toBe(before + 1);
  });

  it("works on a phone: the officer's task list is reachable and readable", async () => {
    const phone = await signIn("tpht.tinhkhe", { width: 390, height: 844 });
    const width = await phone.evaluate("document.documentElement.scrollWidth") as number;
    expect(width, "no page-wide horizontal scrolling on a phone").toBeLessThanOrEqual(390);
    await phone.goto(app.url + "/my-tasks");
    await phone.getByText("Nhiệm vụ của tôi").first().waitFor();
  });

  it("lets the focal point import a plan document, fix a unit, and find the tasks in the new plan", async () => {
    if (!existsSync(SEED_DOCX)) throw new Error(`The seed plan ${SEED_DOCX} is missing (expected shared/ beside the project root); this test does not skip.`);
    const page = await signIn("dm.tinhkhe");
    await page.goto(app.url + "/plans");
    await page.getByRole("button", { name: "Nhập từ tài liệu" }).click();
    await page.locator('input[type="file"]').setInputFiles(SEED_DOCX);
    await page.getByRole("button", { name: "Tải lên và đọc" }).click();
    const tasks = page.getByTestId("import-task");
    await tasks.first().waitFor({ timeout: 30_000 });
    expect(await tasks.count()).toBe(30);
    await page.getByText("Đơn vị chưa khớp").first().waitFor();

    // The first task: its source lines light up; its lead unit becomes Văn hóa – Xã hội instead.
    await tasks.first().getByRole("button").first().click();
    const lit = page.getByTestId("import-source").locator("[data-active]");
    await lit.first().waitFor();
    expect(await lit.first().textContent()).toContain("Tiếp tục nâng cao chất lượng công tác soạn thảo");
    const editor = page.getByTestId("import-task-editor");
    const lead = editor.getByLabel("Bộ phận chủ trì", { exact: true });
    await lead.click();
    await lead.fill("van hoa");
    await page.getByRole("option", { name: /Văn hóa/ }).first().click();
    await page.getByLabel("Tên kế hoạch").fill("Kế hoạch CCHC nhập thử từ tài liệu");

    await page.getByRole("button", { name: "Chấp nhận và tạo kế hoạch" }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}/);
    await page.getByText("Kế hoạch CCHC nhập thử từ tài liệu").first().waitFor();
    await page.getByText("Xây dựng Kế hoạch cải cách hành chính của xã năm 2025").first().waitFor();

    const api = await app.login("dm.tinhkhe");
    const planId = /\/plans\/([0-9a-f-]{36})/.exec(page.url())![1];
    const plan = (await api.get(`/api/plans/${planId}`)).body;
    expect(plan).toMatchObject({ status: "draft", taskCount: 30 });
    const first = (await api.get(`/api/tasks/${plan.tasks[0].id}`)).body;
    expect(first.lead.map((u: any) => u.name).join(" ")).toMatch(/Văn hóa/);
  });
});
