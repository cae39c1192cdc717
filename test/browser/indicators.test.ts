import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { dossiers, organisations, procedures } from "../../src/db/schema.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn as signInAs } from "../support/browser.js";

const TODAY = "2026-06-15";
const YEAR = "from=2026-01-01&to=2026-06-15";

/** Vietnamese number as on screen: 99.83 → "99,8". */
const vi = (n: number, digits = 1) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: digits }).format(n);

/**
 * The chairman's look at the one-stop shop: the on-time rate, a field that
 * filters the page, the late dossiers with their reasons, and the 766 scorecard.
 */
describe("browser: the chairman reads the one-stop indicators", () => {
  let app: TestApp;
  let browser: Browser;
  let api: Client;
  let orgId: string;

  beforeAll(async () => {
    requireWebBuild();
    app = await startTestApp("pglite", { today: TODAY, webRoot: WEB_ROOT });
    browser = await launchChromium();
    api = await app.login("ct.tinhkhe");
    orgId = (await api.get("/api/auth/me")).body.org.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string, viewport?: { width: number; height: number }) => signInAs(browser, app.url, username, viewport);

  const figures = async (query: string) => (await api.get(`/api/orgs/${orgId}/indicators?${query}`)).body;

  it("shows the on-time rate, filters by a field, lists late dossiers with reasons and scores the 766 index", async () => {
    const page = await signIn("ct.tinhkhe");
    await page.getByRole("link", { name: "Chỉ số một cửa" }).first().click();
    await page.waitForURL(/\/indicators/);

    // This month (1–15 June) by default: the on-time card has a value and its fraction.
    const onTime = page.getByTestId("rate-on_time");
    await onTime.waitFor();
    const june = await figures("from=2026-06-01&to=2026-06-15");
    expect(await page.getByTestId("indicators-window").textContent()).toBe("01/06/2026 – 15/06/2026");
    expect(Number(await onTime.getAttribute("data-value"))).toBe(june.rates.on_time.rate);
    expect(await onTime.textContent()).toContain(`${vi(june.rates.on_time.rate)}%`);
    expect(await onTime.getByTestId("rate-fraction").textContent()).toContain(`${june.rates.on_time.numerator}/${june.rates.on_time.denominator}`);

    // This year.
    await page.getByLabel("Kỳ số liệu").click();
    await page.getByRole("option", { name: "Năm nay" }).click();
    await page.waitForURL(/period=year/);
    await page.getByTestId("indicators-window").filter({ hasText: "01/01/2026 – 15/06/2026" }).waitFor();
    const year = await figures(YEAR);
    await page.locator(`[data-testid="count-received"][data-value="${year.counts.received.total}"]`).waitFor();

    // A field row filters the whole page.
    const row = page.getByTestId("field-row").filter({ hasText: "Chứng thực" }).first();
    await row.getByRole("button", { name: "Chứng thực" }).click();
    await page.waitForURL(/field=/);
    await page.getByTestId("filter-field").filter({ hasText: "Lĩnh vực: Chứng thực" }).waitFor();
    const certified = await figures(`${YEAR}&field=${encodeURIComponent("Chứng thực")}`);
    await page.locator(`[data-testid="count-received"][data-value="${certified.counts.received.total}"]`).waitFor();
    expect(certified.counts.received.total).toBeLessThan(year.counts.received.total);
    expect(await onTime.getAttribute("data-value")).toBe(String(certified.rates.on_time.rate));
    expect(await row.textContent()).toContain("Đang lọc");
    await page.getByRole("button", { name: "Bỏ lọc", exact: true }).click();
    await page.getByTestId("filter-field").waitFor({ state: "detached" });
    await page.locator(`[data-testid="count-received"][data-value="${year.counts.received.total}"]`).waitFor();

    // The late list: every late or overdue dossier with its reasons, sortable.
    const late = (await api.get(`/api/orgs/${orgId}/indicators/late?${YEAR}`)).body;
    expect(late.total).toBeGreaterThan(0);
    await page.getByRole("tab", { name: /Hồ sơ trễ hạn/ }).click();
    await page.waitForURL(/view=late/);
    const rows = page.getByTestId("late-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(late.total);
    expect(await page.getByTestId("late-total").getAttribute("data-value")).toBe(String(late.total));
    const firstReasons = await rows.first().getByTestId("late-reasons").textContent();
    expect(firstReasons).toContain(late.rows[0].reasons[0]);
    await page.getByLabel("Sắp xếp theo").click();
    await page.getByRole("option", { name: "Mã hồ sơ" }).click();
    await page.getByRole("button", { name: /Đang xếp giảm dần/ }).click();
    const codes = (await rows.locator("td:first-child").allTextContents()).map((text) => text.replace(/(Giải quyết quá hạn|Quá hạn, chưa giải quyết)$/, "").trim());
    expect(codes).toEqual(late.rows.map((r: any) => r.code).sort());

    // The 766 scorecard: total, class, groups and what would raise each indicator.
    await page.getByRole("tab", { name: "Bộ chỉ số 766" }).click();
    await page.waitForURL(/view=index766/);
    const total = page.getByTestId("score-766-total");
    await total.waitFor();
    expect(Number(await total.getAttribute("data-value"))).toBe(year.index766.total);
    expect(await total.textContent()).toBe(vi(year.index766.total, 2));
    expect(await page.getByTestId("score-766").getByTestId("score-766-class").textContent()).toBe(year.index766.class);
    expect(await page.getByTestId("group-766").count()).toBe(6);
    expect(await page.getByTestId("indicator-row").count()).toBe(21);
    expect(await page.getByTestId("indicator-hint").count()).toBe(year.hints.length);
    await page.getByText(year.hints[0].what).first().waitFor();
    await page.getByText("Lấy từ Cổng DVCQG, mặc định đủ điểm.").first().waitFor();
    await page.getByRole("button", { name: "In bảng điểm" }).waitFor();
  });

  it("tells a commune with no one-stop data yet where to import it", async () => {
    const [org] = await app.database.db.select().from(organisations).where(eq(organisations.code, "phuong-hoai-hao"));
    await app.database.db.delete(dossiers).where(eq(dossiers.orgId, org!.id));
    await app.database.db.delete(procedures).where(eq(procedures.orgId, org!.id));
    const page = await signIn("ct.hoaihao");
    await page.goto(app.url + "/indicators");
    const empty = page.getByTestId("indicators-empty");
    await empty.waitFor();
    expect(await empty.textContent()).toContain("Chưa có dữ liệu một cửa");
    expect(await empty.getByRole("link", { name: "Nhập dữ liệu một cửa" }).getAttribute("href")).toBe("/records");
    expect(await page.getByTestId("rate-on_time").count()).toBe(0);
  });

  it("fits a phone without sideways scrolling", async () => {
    const phone = await signIn("ct.tinhkhe", { width: 390, height: 844 });
    await phone.goto(app.url + "/indicators?period=year");
    await phone.getByTestId("rate-on_time").waitFor();
    await phone.getByTestId("field-row").first().waitFor();
    const width = (await phone.evaluate("document.documentElement.scrollWidth")) as number;
    expect(width).toBeLessThanOrEqual(390);
  });
});
