import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { computeFigures } from "../../src/db/indicator-figures.js";
import { importRecords } from "../../src/db/records.js";
import { auditLog, organisations, ratings } from "../../src/db/schema.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

const TODAY = "2026-06-15";
const JUNE = { from: "2026-06-01", to: "2026-06-30" };

/** A tiny one-stop export: received in June, still being processed; DG-RATED already carries the citizen's rating. */
const DOSSIERS = [
  "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,DanhGiaHaiLong",
  ...Array.from({ length: 8 }, (_, i) => `DG-${String(i + 1).padStart(4, "0")},1.001193,4,2026-06-0${i + 1},2026-06-25,`),
  "DG-RATED,1.001193,4,2026-06-03,2026-06-25,HÀI LÒNG",
].join("\n");

async function communeId(app: TestApp, code: string): Promise<string> {
  const [org] = await app.database.db.select().from(organisations).where(eq(organisations.code, code));
  return org!.id;
}

async function importDossiers(app: TestApp, orgId: string) {
  await importRecords(app.database.db, null, orgId, "dossiers", "hoso-danh-gia.csv", Buffer.from(DOSSIERS));
}

/** A citizen's phone: no session, its own address (the server trusts X-Forwarded-For in these tests). */
function rate(client: Client, orgCode: string, body: unknown, address = "203.0.113.1") {
  return client.request("POST", `/api/public/communes/${orgCode}/ratings`, body, { "x-forwarded-for": address });
}

describe.each(DB_KINDS)("citizen satisfaction rating on %s", (kind) => {
  let app: TestApp;
  let citizen: Client;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY, context: { trustProxy: true, publicUrl: "https://dichvu.example.gov.vn" } });
    citizen = app.anonymous();
    orgId = await communeId(app, "xa-tinh-khe");
    await importDossiers(app, orgId);
  });
  afterAll(async () => { await app?.close(); });

  it("names the commune for the page header, and answers 404 in Vietnamese for an unknown one", async () => {
    const res = await citizen.get("/api/public/communes/xa-tinh-khe");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: "UBND xã Tỉnh Khê", code: "xa-tinh-khe" });
    const unknown = await citizen.get("/api/public/communes/xa-khong-co");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Không tìm thấy xã, phường có mã “xa-khong-co”. Vui lòng quét lại mã QR tại Bộ phận Tiếp nhận và Trả kết quả.");
    const province = await citizen.get(`/api/public/communes/${(await app.database.db.select().from(organisations).where(eq(organisations.kind, "province")))[0]!.code}`);
    expect(province.status, "a province has no rating page").toBe(404);
  });

  it("stores a rating once, with its audit entry, and shows it in the summary", async () => {
    const focal = await app.login("dm.tinhkhe");
    const before = (await focal.get(`/api/orgs/${orgId}/ratings/summary`)).body;
    expect(before.window).toEqual({ from: "2026-06-01", to: TODAY });

    const res = await rate(citizen, "xa-tinh-khe", { dossierCode: "  dg-0001 ", rating: "rat-hai-long" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ ok: true, message: expect.stringMatching(/^Cảm ơn ông\/bà đã đánh giá\./) });
    const stored = await app.database.db.select().from(ratings).where(and(eq(ratings.orgId, orgId), eq(ratings.dossierCode, "DG-0001")));
    expect(stored).toMatchObject([{ rating: "rat-hai-long", source: "public", ratedOn: TODAY }]);
    const audit = await app.database.db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityId, stored[0]!.id)));
    expect(audit).toMatchObject([{ action: "rate", entity: "rating", userId: null }]);

    const after = (await focal.get(`/api/orgs/${orgId}/ratings/summary`)).body;
    expect(after.answers["rat-hai-long"]).toBe(before.answers["rat-hai-long"] + 1);
    expect(after.answers.total).toBe(before.answers.total + 1);
    expect(after.bySource.public.total).toBe(before.bySource.public.total + 1);
    expect(after.pageUrl).toBe("https://dichvu.example.gov.vn/danh-gia/xa-tinh-khe");

    const may = (await focal.get(`/api/orgs/${orgId}/ratings/summary?from=2026-05-01&to=2026-05-31`)).body;
    expect(may.answers.total, "a June rating is not counted in May").toBe(0);
  });

  it("answers 409 to a second rating of the same dossier and changes nothing", async () => {
    expect((await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0002", rating: "hai-long" })).status).toBe(201);
    const rows = await app.database.db.select().from(ratings).where(eq(ratings.orgId, orgId));
    const audits = (await app.database.db.select().from(auditLog).where(eq(auditLog.orgId, orgId))).length;
    const again = await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0002", rating: "khong-hai-long" }, "203.0.113.2");
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: "conflict", message: "Hồ sơ này đã được đánh giá ngày 15/06/2026. Cảm ơn ông/bà.", field: "dossierCode" });
    expect(await app.database.db.select().from(ratings).where(eq(ratings.orgId, orgId))).toEqual(rows);
    expect((await app.database.db.select().from(auditLog).where(eq(auditLog.orgId, orgId))).length).toBe(audits);
  });

  it("counts a dossier whose export carries a rating as rated", async () => {
    const res = await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-RATED", rating: "khong-hai-long" }, "203.0.113.3");
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("Hồ sơ này đã được đánh giá trên hệ thống một cửa điện tử. Cảm ơn ông/bà.");
    expect(await app.database.db.select().from(ratings).where(and(eq(ratings.orgId, orgId), eq(ratings.dossierCode, "DG-RATED")))).toEqual([]);
  });

  it("explains an unknown dossier code and an unknown commune", async () => {
    const res = await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-9999", rating: "hai-long" }, "203.0.113.4");
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe("dossierCode");
    expect(res.body.error.message).toMatch(/^Không tìm thấy hồ sơ có mã DG-9999 tại UBND xã Tỉnh Khê; vui lòng kiểm tra mã trên giấy tiếp nhận \(phiếu hẹn trả\)\.$/);
    // A dossier of another commune is not found on this commune's page.
    const otherId = await communeId(app, "phuong-hoai-hao");
    expect(otherId).not.toBe(orgId);
    expect((await rate(citizen, "phuong-hoai-hao", { dossierCode: "DG-0003", rating: "hai-long" }, "203.0.113.4")).status).toBe(404);
    const commune = await rate(citizen, "xa-khong-co", { dossierCode: "DG-0003", rating: "hai-long" }, "203.0.113.5");
    expect(commune.status).toBe(404);
    expect(commune.body.error.message).toMatch(/^Không tìm thấy xã, phường có mã “xa-khong-co”/);
  });

  it("refuses a bad body with a Vietnamese message naming the field", async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ rating: "hai-long" }, "dossierCode", /^Mã hồ sơ là bắt buộc\.$/],
      [{ dossierCode: "   ", rating: "hai-long" }, "dossierCode", /^Mã hồ sơ không được để trống\.$/],
      [{ dossierCode: "DG 0001; drop", rating: "hai-long" }, "dossierCode", /^Mã hồ sơ chỉ gồm chữ cái không dấu, chữ số/],
      [{ dossierCode: "D".repeat(61), rating: "hai-long" }, "dossierCode", /^Mã hồ sơ dài quá 60 ký tự\.$/],
      [{ dossierCode: "DG-0004", rating: "tam-duoc" }, "rating", /^Mức độ hài lòng không hợp lệ/],
      [{ dossierCode: "DG-0004" }, "rating", /^Mức độ hài lòng là bắt buộc\.$/],
    ];
    for (const [body, field, message] of cases) {
      const res = await rate(citizen, "xa-tinh-khe", body, "203.0.113.6");
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
      expect(res.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    const big = await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0004", rating: "hai-long", note: "x".repeat(2000) }, "203.0.113.7");
    expect(big.status, "bodies over 1 KB are refused").toBe(413);
    expect(big.body.error.message).toBe("Dữ liệu gửi lên quá lớn.");
  });

  it("takes a rating posted from another origin (no session is involved) but still refuses other cross-site writes", async () => {
    const res = await citizen.request("POST", "/api/public/communes/xa-tinh-khe/ratings", { dossierCode: "DG-0005", rating: "hai-long" },
      { origin: "https://cong-thong-tin.example.vn", "x-forwarded-for": "203.0.113.8" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const focal = await app.login("dm.tinhkhe");
    const crossSite = await focal.request("POST", `/api/orgs/${orgId}/units`, { name: "Bộ phận giả mạo" }, { origin: "https://cong-thong-tin.example.vn" });
    expect(crossSite.status).toBe(403);
    const nullOrigin = await focal.request("POST", `/api/orgs/${orgId}/units`, { name: "Bộ phận giả mạo" }, { origin: "null" });
    expect(nullOrigin.status, "an Origin that is no URL is refused, not a server error").toBe(403);
  });

  it("grows the satisfaction rate's denominator by one after a public rating of an unrated dossier", async () => {
    const before = await computeFigures(app.database.db, [orgId], JUNE);
    expect((await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0006", rating: "khong-hai-long" }, "203.0.113.9")).status).toBe(201);
    const after = await computeFigures(app.database.db, [orgId], JUNE);
    expect(after.rates.satisfaction.denominator).toBe(before.rates.satisfaction.denominator + 1);
    expect(after.rates.satisfaction.numerator).toBe(before.rates.satisfaction.numerator);
  });

  it("serves the QR code of the page to the commune's users and the province, 404 to another commune, 401 signed out", async () => {
    const focal = await app.login("dm.tinhkhe");
    const res = await focal.get(`/api/orgs/${orgId}/rating-qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const svg = Buffer.from(res.body as ArrayBuffer).toString("utf8");
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("https://dichvu.example.gov.vn/danh-gia/xa-tinh-khe");
    expect(svg).toContain("<path");
    expect((await (await app.login("xem.tinh")).get(`/api/orgs/${orgId}/rating-qr.svg`)).status).toBe(200);
    expect((await (await app.login("dm.hoaihao")).get(`/api/orgs/${orgId}/rating-qr.svg`)).status).toBe(404);
    expect((await app.anonymous().get(`/api/orgs/${orgId}/rating-qr.svg`)).status).toBe(401);
  });

  it("takes the page address from the request when PUBLIC_URL is not set", async () => {
    const plain = await startTestApp(kind, { today: TODAY });
    try {
      const focal = await plain.login("dm.tinhkhe");
      const id = await communeId(plain, "xa-tinh-khe");
      const svg = Buffer.from((await focal.get(`/api/orgs/${id}/rating-qr.svg`)).body as ArrayBuffer).toString("utf8");
      expect(svg).toContain(`${plain.url}/danh-gia/xa-tinh-khe`);
    } finally {
      await plain.close();
    }
  }, 60_000);

  it("refuses a summary whose window ends before it starts", async () => {
    const focal = await app.login("dm.tinhkhe");
    const res = await focal.get(`/api/orgs/${orgId}/ratings/summary?from=2026-06-30&to=2026-06-01`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: "from", message: "Từ ngày phải trước hoặc trùng Đến ngày." });
    const bad = await focal.get(`/api/orgs/${orgId}/ratings/summary?from=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Từ ngày không phải là ngày hợp lệ/);
  });
});

describe.each(DB_KINDS)("flood protection of the rating page on %s", (kind) => {
  let app: TestApp;
  let citizen: Client;

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY, context: { trustProxy: true, ratingLimits: { perAddress: 4, perCommune: 9 } } });
    citizen = app.anonymous();
    await importDossiers(app, await communeId(app, "xa-tinh-khe"));
  });
  afterAll(async () => { await app?.close(); });

  it("answers 429 with Retry-After past an address's limit, leaves other addresses alone, and counts failed lookups double", async () => {
    const a = "198.51.100.1";
    expect((await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0001", rating: "hai-long" }, a)).status).toBe(201);
    expect((await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0001", rating: "hai-long" }, a)).status).toBe(409);
    // An unknown code uses two of the four attempts.
    expect((await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-DOAN-MO", rating: "hai-long" }, a)).status).toBe(404);
    const blocked = await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0002", rating: "hai-long" }, a);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toEqual({ code: "rate_limited", message: "Ông/bà đã gửi quá nhiều lượt đánh giá. Vui lòng thử lại sau 10 phút." });
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(590);
    expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(600);
    // Bad bodies are counted too, and a refused attempt stores nothing.
    expect((await rate(citizen, "xa-tinh-khe", { rating: "hai-long" }, a)).status).toBe(429);
    expect(await app.database.db.select().from(ratings).where(eq(ratings.dossierCode, "DG-0002"))).toEqual([]);

    const b = await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0002", rating: "hai-long" }, "198.51.100.2");
    expect(b.status, "another address is not affected").toBe(201);
  });

  it("limits a commune's page as a whole, whatever the addresses, and leaves other communes alone", async () => {
    // 5 attempts so far on this commune (refused ones not counted); 4 more fill its 9.
    for (let i = 3; i <= 6; i++) expect((await rate(citizen, "xa-tinh-khe", { dossierCode: `DG-000${i}`, rating: "hai-long" }, `192.0.2.${i}`)).status).toBe(201);
    const blocked = await rate(citizen, "xa-tinh-khe", { dossierCode: "DG-0007", rating: "hai-long" }, "192.0.2.100");
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toBe("Trang đánh giá đang nhận quá nhiều lượt gửi. Vui lòng thử lại sau 60 phút.");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(3500);
    const other = await rate(citizen, "phuong-hoai-hao", { dossierCode: "DG-0008", rating: "hai-long" }, "192.0.2.100");
    expect(other.status, "another commune's page still answers (here: the code is not one of its dossiers)").toBe(404);
  });
});
