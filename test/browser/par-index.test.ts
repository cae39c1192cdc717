import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { samplePdf } from "../../src/db/seed/demo.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { WEB_ROOT, launchChromium, requireWebBuild, signIn as signInAs } from "../support/browser.js";

const TODAY = "2026-11-20";

/** A value of the first kind the leaf takes that gives it full points. */
function fullInput(leaf: any): any {
  const kind = leaf.inputKinds[0];
  switch (kind) {
    case "score": return { kind, points: leaf.maxPoints };
    case "boolean": return { kind, value: true };
    case "deadline": return { kind, status: "on_time" };
    case "rate": return { kind, percent: 100 };
    case "count": return { kind, value: leaf.rule?.kind === "deduction" ? 0 : leaf.rule.tiers[0].min };
    default: throw new Error(`no full input for ${kind}`);
  }
}

/**
 * The PAR index end to end for phường Hoài Hảo: the focal point opens the year
 * and scores a criterion with an uploaded evidence file, the chairman signs off,
 * the province appraises it with a comment, the commune explains, the province
 * sets the final score, the commune is ranked, and the focal point turns the
 * lost points into a remediation plan.
 */
describe("browser: self-assessment, appraisal, explanation, final score, ranking, remediation", () => {
  let app: TestApp;
  let browser: Browser;
  let focalApi: Client;
  let adminApi: Client;
  let assessmentId: string;
  let leafCode: string;
  let maxPoints: number;

  beforeAll(async () => {
    requireWebBuild();
    app = await startTestApp("pglite", { today: TODAY, webRoot: WEB_ROOT });
    browser = await launchChromium();
    focalApi = await app.login("dm.hoaihao");
    adminApi = await app.login("qt.tinh");
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string) => signInAs(browser, app.url, username);
  const leaf = (page: Page, code: string) => page.locator(`[data-leaf="${code}"]`);
  async function openLeaf(page: Page, code: string): Promise<Locator> {
    await page.goto(`${app.url}/chi-so-cchc/${assessmentId}`);
    const row = leaf(page, code);
    await row.getByRole("button").first().click();
    await expect.poll(() => row.getAttribute("data-open")).not.toBeNull();
    return row;
  }
  /** Clicks a page action and its confirmation. */
  async function act(page: Page, name: string) {
    await page.getByRole("button", { name, exact: true }).first().click();
    await page.getByRole("dialog").getByRole("button", { name, exact: true }).click();
  }
  const status = async () => (await adminApi.get(`/api/par-assessments/${assessmentId}`)).body.status;

  it("the focal point opens the year and scores a criterion with an uploaded evidence file", async () => {
    const page = await signIn("dm.hoaihao");
    await page.goto(`${app.url}/chi-so-cchc`);
    await page.getByRole("button", { name: /^Mở bản tự đánh giá năm 2026/ }).click();
    await page.waitForURL(/\/chi-so-cchc\/[0-9a-f-]{36}$/);
    assessmentId = page.url().split("/").pop()!;

    // The rest of the set is scored through the API, as if done on other days.
    const view = (await focalApi.get(`/api/par-assessments/${assessmentId}`)).body;
    const own = view.nodes.filter((n: any) => n.isLeaf && n.selfScored && !n.entries.self?.automatic);
    const chosen = own.find((n: any) => n.method === "self" && !n.rule && n.maxPoints >= 1);
    leafCode = chosen.code;
    maxPoints = chosen.maxPoints;
    for (const n of own.filter((x: any) => x.code !== leafCode)) {
      const res = await focalApi.put(`/api/par-assessments/${assessmentId}/leaves/${n.code}/self`, { input: fullInput(n), explanation: "Căn cứ báo cáo kết quả thực hiện của phường" });
      expect(res.status, n.code).toBe(200);
    }

    const row = await openLeaf(page, leafCode);
    await row.getByLabel("Tệp tài liệu kiểm chứng").setInputFiles({ name: "bao-cao-cchc-2026.pdf", mimeType: "application/pdf", buffer: samplePdf("Bao cao CCHC 2026") });
    await expect.poll(async () => (await row.textContent()) ?? "").toContain("bao-cao-cchc-2026.pdf");
    await row.getByLabel("Điểm tự chấm").fill(String(maxPoints).replace(".", ","));
    await row.getByLabel("Ghi chú").fill("Đã ban hành và thực hiện đầy đủ");
    await row.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect.poll(async () => (await focalApi.get(`/api/par-assessments/${assessmentId}`)).body.nodes.find((n: any) => n.code === leafCode).entries.self?.text).toBe("Đã ban hành và thực hiện đầy đủ");
    const saved = (await focalApi.get(`/api/par-assessments/${assessmentId}`)).body;
    expect(saved.problems).toEqual([]);
    expect(saved.nodes.find((n: any) => n.code === leafCode).evidence).toMatchObject([{ kind: "file", filename: "bao-cao-cchc-2026.pdf" }]);
    await page.close();
  });

  it("the chairman signs off and the self-assessment is frozen", async () => {
    const page = await signIn("ct.hoaihao");
    await page.goto(`${app.url}/chi-so-cchc/${assessmentId}`);
    await act(page, "Ký duyệt và trình");
    await expect.poll(status).toBe("submitted");
    await page.reload();
    await page.getByText("Chủ tịch ký duyệt, trình").first().waitFor().catch(() => undefined);
    expect(await page.getByRole("button", { name: "Ký duyệt và trình", exact: true }).count()).toBe(0);
    await page.close();
  });

  it("the province lowers the score with a comment and closes round 1", async () => {
    const view = (await adminApi.get(`/api/par-assessments/${assessmentId}`)).body;
    for (const n of view.nodes.filter((x: any) => x.isLeaf && !x.selfScored && x.method !== "survey")) {
      expect((await adminApi.put(`/api/par-assessments/${assessmentId}/leaves/${n.code}/round1`, { input: { kind: "score", points: n.maxPoints }, text: "Hội đồng chấm" })).status).toBe(200);
    }
    const page = await signIn("qt.tinh");
    const row = await openLeaf(page, leafCode);
    await row.getByLabel("Điểm thẩm định").fill(String(maxPoints - 0.5).replace(".", ","));
    await row.getByLabel("Ý kiến thẩm định").fill("Chưa có báo cáo đánh giá kết quả thực hiện");
    await row.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect.poll(async () => (await adminApi.get(`/api/par-assessments/${assessmentId}`)).body.nodes.find((n: any) => n.code === leafCode).entries.round1?.text)
      .toBe("Chưa có báo cáo đánh giá kết quả thực hiện");
    await act(page, "Chốt thẩm định lần 1");
    await expect.poll(status).toBe("round1");
    await page.close();
  });

  it("the commune reads the comment and explains", async () => {
    const page = await signIn("dm.hoaihao");
    const row = await openLeaf(page, leafCode);
    await expect.poll(async () => (await row.textContent()) ?? "").toContain("Chưa có báo cáo đánh giá kết quả thực hiện");
    await row.getByLabel("Nội dung giải trình").fill("Phường bổ sung Báo cáo số 15/BC-UBND ngày 10/11/2026");
    await row.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect.poll(async () => (await focalApi.get(`/api/par-assessments/${assessmentId}`)).body.nodes.find((n: any) => n.code === leafCode).entries.response?.text)
      .toBe("Phường bổ sung Báo cáo số 15/BC-UBND ngày 10/11/2026");
    await act(page, "Chốt giải trình");
    await expect.poll(status).toBe("explained");
    await page.close();
  });

  it("the province sets the final score, closes it, and sees the commune ranked", async () => {
    const page = await signIn("qt.tinh");
    const row = await openLeaf(page, leafCode);
    await row.getByLabel("Điểm thẩm định").fill(String(maxPoints - 0.25).replace(".", ","));
    await row.getByLabel("Ý kiến thẩm định").fill("Chấp nhận một phần giải trình");
    await row.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect.poll(async () => (await adminApi.get(`/api/par-assessments/${assessmentId}`)).body.nodes.find((n: any) => n.code === leafCode).entries.final?.text)
      .toBe("Chấp nhận một phần giải trình");
    await act(page, "Chốt điểm cuối cùng");
    await expect.poll(status).toBe("final");
    const final = (await adminApi.get(`/api/par-assessments/${assessmentId}`)).body;
    expect(final.nodes.find((n: any) => n.code === leafCode)).toMatchObject({ countingStage: "final", points: maxPoints - 0.25 });

    await page.goto(`${app.url}/chi-so-cchc/ket-qua?year=2026`);
    const table = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Vị thứ" }) });
    const hh = table.getByRole("row").filter({ hasText: "Hoài Hảo" });
    await expect.poll(async () => (await hh.first().textContent()) ?? "").toMatch(/^\s*1\b/);
    expect(await hh.first().textContent()).toContain(final.result.className);
    await page.close();
  });

  it("the focal point turns the lost points into a remediation plan draft", async () => {
    const page = await signIn("dm.hoaihao");
    await page.goto(`${app.url}/chi-so-cchc/${assessmentId}`);
    await page.getByText("Vị thứ 1/1").first().waitFor();
    await act(page, "Tạo kế hoạch khắc phục");
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await page.getByText("Khắc phục tồn tại, hạn chế qua kết quả Chỉ số cải cách hành chính năm 2026").first().waitFor();
    const planId = page.url().split("/").pop()!;
    const plan = (await focalApi.get(`/api/plans/${planId}`)).body;
    expect(plan).toMatchObject({ type: "remediation", status: "draft" });
    expect(plan.tasks.map((t: any) => t.ref)).toContain(leafCode);
    await page.close();
  });
});
