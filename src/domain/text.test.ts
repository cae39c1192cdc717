import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fold } from "./text.js";

describe("fold", () => {
  it("removes diacritics, maps đ to d, lowercases and collapses whitespace", () => {
    expect(fold("Thời gian thực hiện")).toBe("thoi gian thuc hien");
    expect(fold("  ĐẦU   NĂM\t2025\n")).toBe("dau nam 2025");
    expect(fold("Quý IV/2025")).toBe("quy iv/2025");
    expect(fold("Đến ngày 15/11/2024")).toBe("den ngay 15/11/2024");
    expect(fold("hàng thảng")).toBe("hang thang");
    expect(fold("Thoi gian thuc hién")).toBe("thoi gian thuc hien");
    expect(fold("Bộ phận\u00a0Một cửa")).toBe("bo phan mot cua");
    expect(fold("Quÿ ２０２５")).toBe("quy 2025");
    expect(fold("")).toBe("");
  });

  it("accepts text in decomposed form (NFD) as well as composed", () => {
    expect(fold("Thường xuyên".normalize("NFD"))).toBe("thuong xuyen");
    expect(fold("Thường xuyên".normalize("NFC"))).toBe("thuong xuyen");
  });

  it("is idempotent and yields lowercase, mark-free, single-spaced text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const f = fold(s);
        expect(fold(f)).toBe(f);
        expect(f).not.toMatch(/\p{M}/u);
        expect(f).not.toMatch(/\s\s/);
        expect(f).toBe(f.trim());
        expect(f).not.toMatch(/[đĐ]/);
      }),
    );
  });
});
