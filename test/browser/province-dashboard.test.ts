import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startTestApp, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn } from "../support/browser.js";

const TODAY = "2026-06-15";
/** A build elsewhere than web/dist (while others run browser tests on it) can be named here. */
const webRoot = WEB_ROOT;
const percent = (text: string) => (text.trim() === "–" || text.trim() === "" ? null : Number(text.replace("%", "").replace(/\./g, "").replace(",", ".").trim()));

/**
 * The province admin opens Tổng hợp các xã: the communes are ranked by the
 * share of tasks done on time, an area filter narrows the counts, and a
 * commune's name opens its plan, which the province reads but cannot change.
 */
describe("browser: the province's overview of its communes", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    if (webRoot === WEB_ROOT) requireWebBuild();
    else if (!existsSync(`${webRoot}/index.html`)) throw new Error(`Không có bản build giao diện tại ${webRoot}.`);
    app = await startTestApp("pglite", { today: TODAY, webRoot });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("ranks the communes, filters by area and drills down to a commune's plan, read-only", async () => {
    const api = await app.login("qt.tinh");
    const provinceId = (await api.get("/api/auth/me")).body.org.id;
    const overview = (await api.get(`/api/orgs/${provinceId}/overview?year=2026`)).body;

    const page = await signIn(browser, app.url, "qt.tinh");
    await page.getByRole("link", { name: "Tổng hợp các xã" }).click();
    await page.getByRole("heading", { name: "Tổng hợp các xã năm 2026" }).waitFor();
    const rows = page.getByTestId("overview-row");
    await expect.poll(() => rows.count()).toBe(overview.rows.length);
    expect(overview.rows.length).toBeGreaterThanOrEqual(2);

    // Best first: the share on time never rises down the table, and the first is ranked 1.
    expect(await rows.first().getByTestId("overview-rank").textContent()).toBe("1");
    const rates = (await page.getByTestId("overview-on-time-rate").allTextContents()).map(percent);
    const known = rates.filter((r): r is number => r !== null);
    expect(known.length).toBeGreaterThan(0);
    for (let i = 1; i < known.length; i++) expect(known[i]).toBeLessThanOrEqual(known[i - 1]!);
    expect(await rows.first().getByRole("link").textContent()).toBe(overview.rows[0].name);
    expect(Number(await page.getByTestId("overview-overdue").getAttribute("data-value"))).toBe(overview.totals.overdue);
    // Last update as a date with how long ago.
    await expect.poll(() => rows.first().textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \((hôm nay|\d+ ngày trước)\)/);

    // One area: fewer tasks, and the address keeps the choice.
    const area = overview.byArea.find((a: any) => a.area === "thu-tuc-hanh-chinh");
    await page.getByTestId("overview-area").click();
    await page.getByRole("option", { name: area.name }).click();
    await page.waitForURL(/area=thu-tuc-hanh-chinh/);
    await expect.poll(async () => Number(await page.getByTestId("overview-tasks").getAttribute("data-value"))).toBe(area.tasks);
    expect(area.tasks).toBeLessThan(overview.totals.tasks);

    // Drill down: the commune's plan opens, with no button to change it.
    const target = overview.rows.find((r: any) => r.planId);
    await page.getByTestId("overview-row").filter({ hasText: target.name }).getByRole("link", { name: target.name }).click();
    await page.waitForURL(new RegExp(`/plans/${target.planId}`));
    await page.getByTestId("plan-title").waitFor();
    for (const name of ["Thêm nhiệm vụ", "Sửa thông tin", "Phê duyệt kế hoạch", "Kết thúc kế hoạch"]) {
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    }
    await page.close();
  });
});
