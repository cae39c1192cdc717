import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn as signInAs } from "../support/browser.js";

/** Mid-June: May is the last completed month; the demo seed has dossiers from January to today. */
const TODAY = "2026-06-15";
const ON_TIME = "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước hạn, đúng hạn";
const HEADER = "MaHoSo,MaTTHC,TenTTHC,TenLinhVuc,KenhThucHien,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra";

const vi = (iso: string) => iso.split("-").reverse().join("/");
const row = (code: string, status: string, received: string, due: string, ended: string) =>
  `${code},1.001193,Đăng ký khai sinh,Hộ tịch,1,${status},${received},${due},${ended},${ended}`;

/** 20 rows, 4 of them bad (20 % > 5 %): due before received, unknown status, a repeated code, 31 February. */
function badFile(): string {
  const lines = [HEADER];
  for (let i = 1; i <= 20; i++) {
    const code = `TK-LOI-${String(i).padStart(3, "0")}`;
    if (i === 3) lines.push(row(code, "10", "05/05/2026", "04/05/2026", "06/05/2026"));
    else if (i === 7) lines.push(row(code, "99", "05/05/2026", "06/05/2026", "06/05/2026"));
    else if (i === 12) lines.push(row("TK-LOI-011", "10", "05/05/2026", "06/05/2026", "06/05/2026"));
    else if (i === 16) lines.push(row(code, "10", "31/02/2026", "06/05/2026", "06/05/2026"));
    else lines.push(row(code, "10", "05/05/2026", "06/05/2026", "06/05/2026"));
  }
  return lines.join("\r\n") + "\r\n";
}

/** 40 birth registrations of May 2026, each resolved four days after its due date. */
function lateFile(): string {
  const lines = [HEADER];
  for (let i = 0; i < 40; i++) {
    const day = 4 + (i % 18);
    const iso = (d: number) => `2026-05-${String(d).padStart(2, "0")}`;
    lines.push(row(`TK-TRE-2605-${String(i + 1).padStart(3, "0")}`, "10", vi(iso(day)), vi(iso(day + 1)), vi(iso(day + 5))));
  }
  return lines.join("\r\n") + "\r\n";
}

const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

/**
 * The one-stop data screen end to end: a refused file changes nothing; a file of
 * late dossiers is checked, confirmed, and turns the on-time target "at risk".
 */
describe("browser: the focal point imports one-stop data and the on-time target reacts", () => {
  let app: TestApp;
  let browser: Browser;
  let api: Client;
  let orgId: string;
  let planId: string;

  beforeAll(async () => {
    requireWebBuild();
    app = await startTestApp("pglite", { today: TODAY, webRoot: WEB_ROOT });
    browser = await launchChromium();
    api = await app.login("dm.tinhkhe");
    orgId = (await api.get("/api/auth/me")).body.orgId;
    const dashboard = (await api.get(`/api/orgs/${orgId}/dashboard`)).body;
    const target = dashboard.targets.find((t: any) => t.text === ON_TIME);
    expect(target, "the demo plan of xã Tỉnh Khê has the on-time target").toBeTruthy();
    expect(target).toMatchObject({ dataSource: "computed", indicatorKey: "on_time", light: "met" });
    planId = target.planId;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string, viewport?: { width: number; height: number }) => signInAs(browser, app.url, username, viewport);

  async function onTimeLight(page: Page) {
    await page.goto(`${app.url}/plans/${planId}`);
    const target = page.getByTestId("target-row").filter({ hasText: ON_TIME });
    await target.waitFor();
    const light = target.getByTestId("target-light");
    return { state: await light.getAttribute("data-state"), text: (await light.textContent())?.trim(), row: target };
  }

  /** Every line of the check report as [row, column, severity, reason]. */
  async function reportLines(page: Page): Promise<string[][]> {
    return page.getByTestId("issue-row").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
  }

  async function upload(page: Page, file: ReturnType<typeof csv>) {
    await page.getByRole("radio", { name: /^Hồ sơ/ }).check();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
    await page.getByTestId("record-check").waitFor({ timeout: 30_000 });
  }

  const count = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute("data-value"));

  it("refuses a file with too many bad rows, names every problem, and imports nothing", async () => {
    const page = await signIn("dm.tinhkhe");
    const before = await onTimeLight(page);
    expect(before).toMatchObject({ state: "met", text: "Đạt" });
    await expect(before.row.getByTestId("target-source").textContent()).resolves.toBe("Tự động: Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn");

    await page.getByRole("link", { name: "Dữ liệu một cửa" }).first().click();
    await page.getByRole("heading", { name: "Dữ liệu một cửa" }).waitFor();
    const stored = await count(page, "stored-dossiers");
    expect(stored).toBeGreaterThan(0);
    expect(await page.getByTestId("import-history-row").count()).toBe(0);

    await upload(page, csv("ho-so-loi.csv", badFile()));
    expect(await count(page, "check-rows")).toBe(20);
    expect(await count(page, "check-accepted")).toBe(16);
    expect(await count(page, "check-rejected")).toBe(4);
    const refused = page.getByTestId("check-refused");
    expect(await refused.textContent()).toContain("4/20 dòng lỗi (20,00 %), vượt ngưỡng 5 %");
    expect(await page.getByTestId("confirm-import").count(), "a refused file cannot be confirmed").toBe(0);

    // Errors come first, each with its row (as the spreadsheet numbers it), column and reason.
    await page.getByRole("button", { name: "Lỗi (4)" }).click();
    const errors = await reportLines(page);
    expect(errors.map(([r, column, severity]) => [r, column, severity])).toEqual([
      ["4", "NgayHenTra", "Lỗi"],
      ["8", "TrangThaiHoSo", "Lỗi"],
      ["13", "MaHoSo", "Lỗi"],
      ["17", "NgayTiepNhan", "Lỗi"],
    ]);
    expect(errors[0][3]).toBe("Ngày hẹn trả 04/05/2026 trước ngày tiếp nhận 05/05/2026");
    expect(errors[1][3]).toContain('"99"');
    expect(errors[2][3]).toContain("TK-LOI-011");
    expect(errors[3][3]).toContain("31/02/2026");
    // Warnings (optional columns the indicators read) are listed apart and reject nothing.
    await page.getByRole("button", { name: /^Cảnh báo/ }).click();
    const warnings = await reportLines(page);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every(([, , severity]) => severity === "Cảnh báo")).toBe(true);

    await page.getByRole("button", { name: "Chọn tệp khác" }).click();
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).waitFor();
    expect(await page.getByTestId("import-history-row").count()).toBe(0);
    expect(await count(page, "stored-dossiers")).toBe(stored);
    const imports = (await api.get(`/api/orgs/${orgId}/record-imports`)).body;
    expect(imports).toMatchObject({ imports: [], counts: { dossiers: stored } });
    expect((await onTimeLight(page)).state).toBe("met");
  });

  it("imports 40 late dossiers of last month after the check, and the on-time target becomes at risk", async () => {
    const page = await signIn("dm.tinhkhe");
    await page.goto(app.url + "/records");
    await page.getByRole("heading", { name: "Dữ liệu một cửa" }).waitFor();
    const stored = await count(page, "stored-dossiers");

    await upload(page, csv("ho-so-thang-5.csv", lateFile()));
    expect(await count(page, "check-rows")).toBe(40);
    expect(await count(page, "check-accepted")).toBe(40);
    expect(await count(page, "check-rejected")).toBe(0);
    expect(await count(page, "check-inserted")).toBe(40);
    expect(await count(page, "check-updated")).toBe(0);
    const preview = page.getByTestId("record-preview");
    expect(await preview.locator("thead th").allTextContents()).toEqual(expect.arrayContaining(["Dòng", "MaHoSo"]));
    expect(await preview.locator("tbody tr").first().locator("td").first().textContent(), "the file's row number").toBe("2");
    expect(await preview.locator("tbody tr").count()).toBe(10);
    expect(await preview.locator("tbody tr").first().textContent()).toContain("TK-TRE-2605-001");
    const lines = await reportLines(page);
    expect(lines.every(([, , severity]) => severity === "Cảnh báo"), "only warnings: nothing rejected").toBe(true);

    await page.getByRole("button", { name: "Xác nhận nhập 40 dòng" }).click();
    const done = page.getByTestId("record-done");
    await done.waitFor({ timeout: 30_000 });
    expect(await count(page, "done-inserted")).toBe(40);
    expect(await count(page, "done-updated")).toBe(0);
    expect(await count(page, "done-target-values")).toBeGreaterThan(0);
    expect(await count(page, "done-targets-at-risk")).toBeGreaterThanOrEqual(1);

    const history = page.getByTestId("import-history-row");
    await history.first().waitFor();
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toContain("ho-so-thang-5.csv");
    await expect.poll(() => count(page, "stored-dossiers")).toBe(stored + 40);

    // The monthly results table of May counts the 40 late ones on the birth-registration field.
    await page.getByRole("button", { name: "Kết quả giải quyết TTHC tháng" }).first().click();
    await page.getByTestId("monthly-table").waitFor();
    expect(await page.getByTestId("monthly-title").textContent()).toBe("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THÁNG 5/2026");
    const total = page.getByTestId("monthly-total");
    expect(Number(await total.locator('[data-col="late"]').getAttribute("data-value"))).toBeGreaterThanOrEqual(40);
    const rate = Number(await total.locator('[data-col="rate"]').getAttribute("data-value"));
    expect(rate).toBeLessThan(98);
    expect(await total.locator('[data-col="rate"]').textContent()).toMatch(/^\d{1,2},\d%$/);

    const after = await onTimeLight(page);
    expect(after).toMatchObject({ state: "at_risk", text: "Có nguy cơ" });
    const target = (await api.get(`/api/plans/${planId}`)).body.targets.find((t: any) => t.text === ON_TIME);
    expect(target.light).toBe("at_risk");
    expect(target.trend.find((p: any) => p.period === "2026-05").value).toBeLessThan(98);
  });

  it("works on a phone: kinds, file choice and the check report fit the screen", async () => {
    const phone = await signIn("dm.tinhkhe", { width: 390, height: 844 });
    await phone.goto(app.url + "/records");
    await phone.getByRole("radio", { name: /^Khảo sát hài lòng/ }).waitFor();
    const width = () => phone.evaluate("document.documentElement.scrollWidth") as Promise<number>;
    expect(await width(), "no page-wide horizontal scrolling on a phone").toBeLessThanOrEqual(390);
    await upload(phone, csv("ho-so-loi.csv", badFile()));
    await phone.getByTestId("check-refused").waitFor();
    await phone.getByTestId("issue-row").first().waitFor();
    expect(await width(), "the check report fits the phone's width").toBeLessThanOrEqual(390);
    await phone.getByRole("button", { name: "Chọn tệp khác" }).click();
    await phone.getByRole("button", { name: "Tải lên và kiểm tra" }).waitFor();
  });
});
