import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { openCommune, type Commune } from "../support/commune.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe.each(DB_KINDS)("plan document download on %s", (kind) => {
  let app: TestApp;
  let commune: Commune;

  beforeAll(async () => {
    app = await startTestApp(kind);
    commune = await openCommune(app);
  });
  afterAll(async () => { await app?.close(); });

  it("gives the focal point the plan as a DOCX named like the document", async () => {
    const res = await commune.focal.get(`/api/plans/${commune.planId}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(DOCX);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="KH-12-UBND-2026.docx"; filename*=UTF-8''KH-12-UBND-2026.docx`);
    const zip = await JSZip.loadAsync(Buffer.from(res.body as ArrayBuffer));
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(document).toContain("Số: 12/KH-UBND");
  });

  it("names a plan without a number by its title, in ASCII and in UTF-8", async () => {
    const created = await commune.focal.post(`/api/orgs/${commune.orgId}/plans`, { type: "topical", title: "Số hóa hồ sơ một cửa năm 2026", year: 2026 });
    expect(created.status).toBe(201);
    const res = await commune.focal.get(`/api/plans/${created.body.id}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="KH-so-hoa-ho-so-mot-cua-nam-2026.docx"; filename*=UTF-8''${encodeURIComponent("KH-Số-hóa-hồ-sơ-một-cửa-năm-2026.docx")}`,
    );
  });

  it("answers 404 to a user of another commune and 401 without a session", async () => {
    const outsider = await app.login("dm.hoaihao");
    const res = await outsider.get(`/api/plans/${commune.planId}/export.docx`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/kế hoạch/);
    expect((await app.anonymous().get(`/api/plans/${commune.planId}/export.docx`)).status).toBe(401);
  });
});
