import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startTestApp, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn } from "../support/browser.js";

/** A build elsewhere than web/dist (while others run browser tests on it), else the usual one. */
const webRoot = WEB_ROOT;

/** A citizen opens xã Tỉnh Khê's public page on a phone, without signing in. */
describe("browser: the commune's public page on a 360-px phone", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    requireWebBuild();
    app = await startTestApp("pglite", { webRoot });
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the plan, the progress of an area and each task with its status, in one column", async () => {
    const expected = (await app.anonymous().get("/api/public/communes/xa-tinh-khe/page")).body;
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: "vi-VN", isMobile: true });
    await page.goto(`${app.url}/cong-khai/xa-tinh-khe`);
    await expect.poll(() => page.getByTestId("public-plan-title").textContent()).toBe(expected.plan.title);
    expect(await page.getByTestId("public-commune-name").textContent()).toBe("UBND xã Tỉnh Khê");

    const area = expected.plan.areas[0];
    const areaBox = page.getByTestId("public-area").filter({ hasText: area.name }).first();
    await expect.poll(() => areaBox.textContent()).toContain(`Hoàn thành ${area.done}/${area.tasks} nhiệm vụ`);

    const overdue = expected.plan.tasks.find((t: any) => t.status === "overdue") ?? expected.plan.tasks[0];
    const item = page.getByTestId("public-task").filter({ hasText: overdue.title }).first();
    expect(await item.getByTestId("task-status").textContent()).toContain(overdue.statusLabel);
    expect(await item.textContent()).toContain("Chủ trì:");

    expect(await page.getByRole("link", { name: "Đánh giá sự hài lòng" }).getAttribute("href")).toBe("/danh-gia/xa-tinh-khe");
    const width = await page.evaluate("document.documentElement.scrollWidth") as number;
    expect(width, "nothing wider than the phone").toBeLessThanOrEqual(360);
    await page.close();
  });

  it("lets the focal point reach the page and its settings from the menu", async () => {
    const page = await signIn(browser, app.url, "dm.tinhkhe");
    await page.getByRole("link", { name: "Trang công khai" }).first().click();
    const link = page.getByTestId("public-page-link");
    expect(await link.getAttribute("href")).toBe("/cong-khai/xa-tinh-khe");
    await page.getByLabel("Công khai tỷ lệ giải quyết đúng hạn và nộp trực tuyến từ đầu năm").check();
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu nội dung trang công khai.").waitFor();
    await page.goto(`${app.url}/cong-khai/xa-tinh-khe`);
    await page.getByText("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn").waitFor();
    await page.close();
  });
});
