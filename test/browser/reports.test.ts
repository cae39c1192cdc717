import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn as signInAs } from "../support/browser.js";

/** After the 6-month cut-off (14/06/2026). */
const TODAY = "2026-06-18";
const STRENGTHS = "Lãnh đạo UBND xã chỉ đạo sát sao; các bộ phận cập nhật tiến độ đầy đủ trên hệ thống.";

/**
 * A periodic report end to end: the focal point drafts the 6-month report from
 * the records and writes a section, the chairman approves and sends it, and the
 * province receives it and sees it in the period's table.
 */
describe("browser: the 6-month report is drafted, edited, approved, sent and received", () => {
  let app: TestApp;
  let browser: Browser;
  let focalApi: Client;
  let reportId: string;

  beforeAll(async () => {
    requireWebBuild();
    app = await startTestApp("pglite", { today: TODAY, webRoot: WEB_ROOT });
    browser = await launchChromium();
    focalApi = await app.login("dm.tinhkhe");
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string) => signInAs(browser, app.url, username);
  const report = async () => (await focalApi.get(`/api/reports/${reportId}`)).body;
  async function confirm(page: Page, name: string) {
    await page.getByRole("button", { name, exact: true }).first().click();
    await page.getByRole("dialog").getByRole("button", { name, exact: true }).click();
  }

  it("the focal point drafts the report from the records and writes the strengths", async () => {
    const page = await signIn("dm.tinhkhe");
    await page.goto(`${app.url}/bao-cao`);
    const card = page.locator('[data-testid="report-kind"][data-kind="h1"]');
    await card.getByRole("button", { name: "Lập dự thảo báo cáo" }).click();
    await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    reportId = page.url().split("/").pop()!;
    // The draft carries the plan's figures and the one-stop figures of the window.
    await page.getByText("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026").first().waitFor();
    const draft = await report();
    expect(draft.content.figures.tasks_total).toBeGreaterThan(0);
    expect(draft.content.bieu06.total.resolved.total).toBeGreaterThan(0);
    await page.getByText(`${draft.content.bieu06.total.resolved.total.toLocaleString("vi-VN")}`, { exact: false }).first().waitFor();

    const section = page.locator('[data-section="III.1"]');
    await section.getByRole("button", { name: "Sửa" }).click();
    await section.getByLabel("Nội dung mục III.1").fill(STRENGTHS);
    await section.getByRole("button", { name: "Lưu", exact: true }).click();
    await section.getByText(STRENGTHS).waitFor();
    expect((await report()).content.sections.find((s: any) => s.key === "III.1").text).toBe(STRENGTHS);
    await page.close();
  });

  it("the chairman approves and sends it with its number", async () => {
    const page = await signIn("ct.tinhkhe");
    await page.goto(`${app.url}/bao-cao/${reportId}`);
    await confirm(page, "Duyệt báo cáo");
    await expect.poll(async () => (await report()).status).toBe("approved");
    await page.getByRole("button", { name: "Gửi tỉnh", exact: true }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Số báo cáo").fill("21/BC-UBND");
    await dialog.getByRole("button", { name: "Gửi tỉnh", exact: true }).click();
    await expect.poll(async () => (await report()).status).toBe("submitted");
    expect(await report()).toMatchObject({ number: "21/BC-UBND", issuedDate: TODAY });
    await page.close();
  });

  it("the province sees it sent late, receives it, and the table says so", async () => {
    const page = await signIn("qt.tinh");
    await page.goto(`${app.url}/bao-cao/tinh?kind=h1&year=2026`);
    const row = page.locator('[data-org-code="xa-tinh-khe"]').first();
    await expect.poll(async () => (await row.textContent()) ?? "").toContain("Đã gửi tỉnh");
    expect(await row.textContent()).toContain("18/06/2026");
    expect(await page.locator('[data-org-code="phuong-hoai-hao"]').first().textContent()).toContain("Chưa gửi");
    await row.getByRole("link", { name: "Xem" }).click();
    await page.waitForURL(new RegExp(`/bao-cao/${reportId}$`));
    await page.getByText(STRENGTHS).waitFor();
    await confirm(page, "Tiếp nhận");
    await expect.poll(async () => (await report()).status).toBe("received");
    await page.goto(`${app.url}/bao-cao/tinh?kind=h1&year=2026`);
    await expect.poll(async () => (await page.locator('[data-org-code="xa-tinh-khe"]').first().textContent()) ?? "").toContain("Tỉnh đã tiếp nhận");
    await page.close();
  });
});
