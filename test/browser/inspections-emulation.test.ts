import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn as signInAs } from "../support/browser.js";

const TODAY = "2026-06-15";
const OVERDUE = "Sổ theo dõi hồ sơ chưa ghi đầy đủ ngày trả kết quả cho công dân.";
const ESCALATED = "Kết quả giải quyết hồ sơ hộ tịch các năm trước chưa được số hóa do thiếu thiết bị quét.";

/**
 * The demo's inspections, initiatives and emulation campaign through the
 * screens: the focal point reads the year's coverage and an inspection, the
 * responsible officer fixes an overdue finding, the conclusion notice
 * downloads, the province sees the escalated finding, the initiatives page
 * shows the register and who is still due, and the campaign's list is judged,
 * confirmed and exported.
 */
describe("browser: inspections, initiatives and the emulation campaign of the demo", () => {
  let app: TestApp;
  let browser: Browser;
  let focalApi: Client;
  let orgId: string;

  beforeAll(async () => {
    requireWebBuild();
    app = await startTestApp("pglite", { today: TODAY, webRoot: WEB_ROOT });
    browser = await launchChromium();
    focalApi = await app.login("dm.tinhkhe");
    orgId = (await focalApi.get("/api/auth/me")).body.orgId;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string) => signInAs(browser, app.url, username);
  const yearView = async () => (await focalApi.get(`/api/orgs/${orgId}/inspections?year=2026`)).body;

  it("shows the focal point the year's coverage against the plan and the inspections", async () => {
    const view = await yearView();
    const page = await signIn("dm.tinhkhe");
    await page.getByRole("link", { name: "Kiểm tra CCHC" }).click();
    await page.waitForURL(/\/kiem-tra/);
    const coverage = page.getByTestId("inspection-coverage");
    await coverage.waitFor();
    expect(await coverage.innerText()).toContain(`Đã kiểm tra 2/${view.coverage.unitsTotal} bộ phận`);
    expect(await coverage.innerText()).toContain("chỉ tiêu 50 %");
    await page.getByRole("link", { name: /Tư pháp – Hộ tịch/ }).first().click();
    await page.waitForURL(/\/kiem-tra\/[0-9a-f-]{36}/);
    await page.getByText(OVERDUE).first().waitFor();
    await page.getByText("Quá hạn").first().waitFor();
    await page.close();
  });

  it("lets the officer of the responsible unit mark an overdue finding fixed, and the notice downloads", async () => {
    const inspection = (await yearView()).inspections.find((i: any) => i.unit.name.includes("Tư pháp"));
    const page = await signIn("tpht.tinhkhe");
    await page.goto(`${app.url}/kiem-tra/${inspection.id}`);
    await page.getByText(OVERDUE).first().click();
    const detail = page.getByTestId("finding-detail");
    await detail.waitFor();
    expect(await detail.getAttribute("data-finding-status")).toBe("overdue");
    await expect(detail.getByRole("button", { name: "Kiến nghị cấp trên" }).count()).resolves.toBe(0);
    await detail.getByRole("button", { name: "Đã khắc phục" }).click();
    await page.getByLabel("Đã khắc phục thế nào").fill("Đã bổ sung đầy đủ ngày trả kết quả vào sổ theo dõi.");
    await page.getByRole("button", { name: "Xác nhận đã khắc phục" }).click();
    await page.locator('[data-testid="finding-detail"][data-finding-status="fixed_late"]').waitFor();
    const finding = (await focalApi.get(`/api/inspections/${inspection.id}`)).body.findings.find((f: any) => f.description === OVERDUE);
    expect(finding).toMatchObject({ status: "fixed", displayStatus: "fixed_late", closedOn: TODAY });

    const download = page.waitForEvent("download");
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: "Tải thông báo kết luận (DOCX)" }).click();
    const file = await (await download).path();
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(file!).subarray(0, 2).toString("latin1")).toBe("PK");
    await page.close();
  });

  it("shows the province the finding the commune escalated", async () => {
    const page = await signIn("qt.tinh");
    await page.goto(`${app.url}/kiem-tra/van-de`);
    await page.getByText(ESCALATED).first().waitFor();
    await page.getByText("UBND xã Tỉnh Khê").first().waitFor();
    await page.close();
  });

  it("lists the initiatives with their evidence and the units still due before the deadline", async () => {
    const page = await signIn("dm.tinhkhe");
    await page.getByRole("link", { name: "Sáng kiến" }).click();
    await page.waitForURL(/\/sang-kien/);
    await page.getByText("Hạn nộp sáng kiến: 20/11/2026").first().waitFor();
    for (const title of ["Tra cứu tình trạng hồ sơ bằng mã QR tại Bộ phận Một cửa", "Biểu mẫu điện tử dùng chung khi số hóa sổ hộ tịch", "Nhóm hỗ trợ người dân nộp hồ sơ trực tuyến theo thôn"]) {
      await page.getByText(title).first().waitFor();
    }
    // Văn phòng – Thống kê has none yet: it is still due.
    await page.getByText(/Còn thiếu 1 — hạn 20\/11\/2026/).first().waitFor();
    await page.getByText("Biểu mẫu điện tử dùng chung khi số hóa sổ hộ tịch").first().click();
    await page.getByRole("dialog").getByText("Bản thuyết minh sáng kiến").waitFor();
    await page.close();
  });

  it("lets the chairman judge a person's discipline and the focal point confirm the list and download it", async () => {
    const list = (await focalApi.get(`/api/orgs/${orgId}/campaigns?year=2026`)).body;
    const campaignId = list.campaigns[0].id;
    const campaign = async () => (await focalApi.get(`/api/campaigns/${campaignId}`)).body;
    const judged = (await campaign()).criteria.find((k: any) => k.source.kind === "judged");
    const criterionLabel = judged.label;

    const chairman = await signIn("ct.tinhkhe");
    await chairman.getByRole("link", { name: "Thi đua, khen thưởng" }).click();
    await chairman.getByRole("link", { name: list.campaigns[0].title }).click();
    await chairman.waitForURL(/\/thi-dua\/[0-9a-f-]{36}/);
    await chairman.getByRole("tab", { name: /Cá nhân/ }).click();
    await chairman.getByRole("button", { name: `Đánh giá tiêu chí “${criterionLabel}” cho Lê Thị Hoa` }).click();
    const form = chairman.getByTestId("judge-form");
    await form.getByLabel("Đạt", { exact: true }).check();
    await form.getByLabel("Ghi chú").fill("Trong năm không bị xử lý kỷ luật, chấp hành tốt nội quy cơ quan.");
    await form.getByRole("button", { name: "Lưu đánh giá" }).click();
    await chairman.getByText("Đã lưu đánh giá.").first().waitFor();
    const hoa = (await campaign()).participants.find((p: any) => p.name === "Lê Thị Hoa");
    expect(hoa.results.find((r: any) => r.criterionId === judged.id)).toMatchObject({ outcome: "met", judgment: { met: true, by: "Võ Minh Chính" } });
    await chairman.close();

    // The other persons are judged through the API; then nothing is pending.
    const chairmanApi = await app.login("ct.tinhkhe");
    for (const p of (await campaign()).participants.filter((x: any) => x.results.some((r: any) => r.outcome === "pending"))) {
      expect((await chairmanApi.put(`/api/campaigns/${campaignId}/judgments`, { participantId: p.id, criterionId: judged.id, met: true, note: "Không vi phạm kỷ luật." })).status).toBe(200);
    }

    const page = await signIn("dm.tinhkhe");
    await page.goto(`${app.url}/thi-dua/${campaignId}`);
    await page.getByRole("button", { name: "Xác nhận danh sách đề nghị" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("review-row").first().waitFor();
    await dialog.getByRole("button", { name: "Xác nhận danh sách", exact: true }).click();
    await page.getByTestId("proposal-confirmed").waitFor();
    const confirmed = await campaign();
    expect(confirmed.status).toBe("confirmed");
    expect(confirmed.proposal.map((e: any) => e.included)).toEqual(confirmed.participants.map((p: any) => p.proposed));

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải danh sách (DOCX)" }).or(page.getByRole("button", { name: "Tải danh sách (DOCX)" })).first().click();
    const file = await (await download).path();
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(file!).subarray(0, 2).toString("latin1")).toBe("PK");
    await page.close();
  });
});
