import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createUnitMatcher, editDistance, type UnitReference } from "./unit-match.js";

const units = JSON.parse(readFileSync(new URL("../../fixtures/units.json", import.meta.url), "utf8")) as UnitReference;
const m = createUnitMatcher(units);

const ids = (text: string) => m.split(text).map((u) => u.unit);

describe("one written name to one unit", () => {
  it.each([
    ["VP-TK", "vp-tk"],
    ["Văn phòng – Thống kê", "vp-tk"],
    ["Văn phòng- Thống kê", "vp-tk"],
    ["Văn phòng – thống kê xã", "vp-tk"],
    ["Văn phòng -TK", "vp-tk"],
    ["Bộ phận Văn phòng - thống kê", "vp-tk"],
    ["CC VP-TK", "vp-tk"],
    ["Công chức TP-HT", "tp-ht"],
    ["Tư pháp- Hộ tịch", "tp-ht"],
    ["Bộ phận Tư pháp", "tp-ht"],
    ["ĐC-XD", "dc-xd"],
    ["Địa chính – Xây dựng", "dc-xd"],
    ["CC TC-KT", "tc-kt"],
    ["Bộ phận Tài chính kế toán", "tc-kt"],
    ["Văn hóa- Thông tin", "vh-xh"],
    ["Bộ phận Văn hóa-Thông tin-thể Thao", "vh-xh"],
    ["Bộ phận VH-TT", "vh-xh"],
    ["Văn hoá – Xã hội", "vh-xh"],
    ["Phòng Văn hóa – Xã hội", "p-vhxh"],
    ["Phòng VH-XH", "p-vhxh"],
    ["Văn phòng HĐND và UBND", "vp-hdnd-ubnd"],
    ["VP HĐND&UBND", "vp-hdnd-ubnd"],
    ["Phòng Kinh tế", "p-kt"],
    ["Phòng Kinh tế, Hạ tầng và Đô thị", "p-kthtdt"],
    ["P.KTHTĐT", "p-kthtdt"],
    ["Trung tâm Phục vụ hành chính công", "tt-pvhcc"],
    ["TT.PVHCC", "tt-pvhcc"],
    ["Bộ phận tiếp nhận và trả kết quả của UBND xã", "mot-cua"],
    ["Bộ phận một cửa phường", "mot-cua"],
    ["UBMTTQVN xã", "ubmttq"],
    ["Ủy ban MTTQ VN phường", "ubmttq"],
    ["Đài truyền thanh", "dai-truyen-thanh"],
    ["Lãnh đạo UBND", "lanh-dao"],
    ["CHT QS", "quan-su"],
  ])("%s → %s", (text, id) => {
    expect(m.match(text)).toEqual({ unit: id, text });
  });

  it("keeps the text as written, trimmed, without a closing full stop", () => {
    expect(m.match("  Tư pháp – Hộ tịch.  ")).toEqual({ unit: "tp-ht", text: "Tư pháp – Hộ tịch" });
  });

  it("reads OCR damage and missing diacritics", () => {
    expect(m.match("Van phong - thong ke").unit).toBe("vp-tk");
    expect(m.match("B¢ phdn Van phdng - thong ke").unit).toBe("vp-tk");
    expect(m.match("Tu phap – Ho tich").unit).toBe("tp-ht");
    expect(m.match("Cac b¢ phận giai quyết TTHC").unit).toBe("giai-quyet-tthc");
    expect(m.match("Bo phan mot cua").unit).toBe("mot-cua");
  });
});

describe("generic phrases", () => {
  it.each([
    ["Các bộ phận liên quan", "lien-quan"],
    ["Các bộ phận có liên quan", "lien-quan"],
    ["Cơ quan, đơn vị có liên quan", "lien-quan"],
    ["Các ngành liên quan.", "lien-quan"],
    ["Các ngành có liên quan", "lien-quan"],
    ["Các bộ phận chuyên môn", "chuyen-mon"],
    ["Bộ phận chuyên môn UBND xã", "chuyen-mon"],
    ["Các phòng ban chuyên môn", "chuyen-mon"],
    ["Các bộ phận giải quyết TTHC", "giai-quyet-tthc"],
    ["Cán bộ, công chức", "can-bo-cong-chuc"],
    ["Các cán bộ, công chức liên quan", "can-bo-cong-chuc"],
    ["các công chức liên quan", "can-bo-cong-chuc"],
  ])("%s → %s", (text, id) => {
    expect(m.split(text)).toEqual([{ unit: id, text: text.replace(/\.$/, "") }]);
  });
});

describe("a cell naming several units", () => {
  it("splits a list of abbreviations behind one prefix", () => {
    expect(m.split("Công chức VP-TK, TP-HT, ĐC-XD, VH-XH thuộc UBND tham mưu thực hiện.")).toEqual([
      { unit: "vp-tk", text: "Công chức VP-TK" },
      { unit: "tp-ht", text: "TP-HT" },
      { unit: "dc-xd", text: "ĐC-XD" },
      { unit: "vh-xh", text: "VH-XH" },
    ]);
  });

  it("splits at «và» but not inside a name that holds it", () => {
    expect(ids("Văn phòng – thống kê và các bộ phận liên quan.")).toEqual(["vp-tk", "lien-quan"]);
    expect(ids("Bộ phận Tài chính kế toán và các ngành liên quan")).toEqual(["tc-kt", "lien-quan"]);
    expect(ids("Bộ phận tiếp nhận và trả kết quả")).toEqual(["mot-cua"]);
    expect(ids("Cán bộ, công chức liên quan và bộ phận một cửa")).toEqual(["can-bo-cong-chuc", "mot-cua"]);
  });

  it("leaves the verbs of a sentence out", () => {
    expect(m.split("Bộ phận Văn phòng - thống kê xã triển khai, theo dõi, tổng hợp. Các bộ phận chuyên môn thường xuyên chủ động cập nhật, tổng hợp báo cáo UBND xã.")).toEqual([
      { unit: "vp-tk", text: "Bộ phận Văn phòng - thống kê xã" },
      { unit: "chuyen-mon", text: "Các bộ phận chuyên môn" },
    ]);
  });

  it("keeps a unit the reference does not know as written, never guessed", () => {
    expect(m.split("Các cơ quan, đơn vị liên quan, UBND các xã, phường")).toEqual([
      { unit: "lien-quan", text: "Các cơ quan, đơn vị liên quan" },
      { unit: null, text: "UBND các xã, phường" },
    ]);
    expect(m.split("Công an xã")).toEqual([{ unit: null, text: "Công an xã" }]);
    expect(m.match("Hội Nông dân")).toEqual({ unit: null, text: "Hội Nông dân" });
    expect(m.split("")).toEqual([]);
  });
});

describe("chủ trì and phối hợp in one sentence", () => {
  it("units before phối hợp lead, units after it support", () => {
    expect(m.roles("Văn phòng – thống kê xã chủ trì, phối hợp với các bộ phận chuyên môn")).toEqual({
      lead: [{ unit: "vp-tk", text: "Văn phòng – thống kê xã" }],
      support: [{ unit: "chuyen-mon", text: "các bộ phận chuyên môn" }],
    });
    expect(m.roles("CC VP-TK phối hợp các công chức liên quan")).toEqual({
      lead: [{ unit: "vp-tk", text: "CC VP-TK" }],
      support: [{ unit: "can-bo-cong-chuc", text: "các công chức liên quan" }],
    });
  });

  it("reads «A chủ trì, B phối hợp» and a sentence without phối hợp", () => {
    const r = m.roles("Tư pháp - hộ tịch chủ trì, Văn phòng - thống kê phối hợp");
    expect(r.lead.map((u) => u.unit)).toEqual(["tp-ht"]);
    expect(r.support.map((u) => u.unit)).toEqual(["vp-tk"]);
    expect(m.roles("Bộ phận Văn hóa – Xã hội xã")).toEqual({ lead: [{ unit: "vh-xh", text: "Bộ phận Văn hóa – Xã hội xã" }], support: [] });
    expect(m.roles("Phối hợp với Công an xã")).toEqual({ lead: [], support: [{ unit: null, text: "Công an xã" }] });
  });
});

describe("every unit of the seed plans' gold answers", () => {
  const dir = new URL("../../fixtures/seeds-gold/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  it("has the gold files", () => expect(files.length).toBeGreaterThanOrEqual(3));
  for (const f of files) {
    it(f, () => {
      const gold = JSON.parse(readFileSync(new URL(f, dir), "utf8")) as {
        tasks: Array<{ lead: Array<{ unit: string | null; text: string }>; support: Array<{ unit: string | null; text: string }> }>;
        targets: Array<{ monitor: Array<{ unit: string | null; text: string }>; implement: Array<{ unit: string | null; text: string }> }>;
      };
      const all = [...gold.tasks.flatMap((t) => [...t.lead, ...t.support]), ...gold.targets.flatMap((t) => [...t.monitor, ...t.implement])];
      for (const u of all) expect({ text: u.text, unit: m.match(u.text).unit }).toEqual({ text: u.text, unit: u.unit });
    });
  }
});

describe("never throws, never invents", () => {
  it("any text gives units whose ids are reference ids or null", () => {
    const known = new Set<string | null>([null, ...units.units.map((u) => u.id), ...(units.generic ?? []).map((g) => g.id)]);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (text) => {
        for (const u of [...m.split(text), ...m.roles(text).lead, ...m.roles(text).support, m.match(text)]) {
          expect(known.has(u.unit)).toBe(true);
          expect(typeof u.text).toBe("string");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("edit distance", () => {
    expect(editDistance("phong", "phdng")).toBe(1);
    expect(editDistance("thuc", "thyc")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
  });
});
