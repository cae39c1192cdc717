import { describe, expect, it } from "vitest";
import { readAccountSheet, accountTemplateRows, type AccountSheetContext } from "./account-sheet.js";
import { buildOrgTree, isOrgCode } from "./tree.js";

const ctx = (): AccountSheetContext => ({
  orgs: new Map([["xa-a", { id: "A", code: "xa-a", name: "UBND xã A", placement: "in-province", unitCodes: new Map([["vp-tk", "U1"], ["tp-ht", "U2"]]) }]]),
  takenUsernames: new Set(),
  passwordProblem: (p) => (p.length < 8 ? "Mật khẩu phải có ít nhất 8 ký tự." : null),
});

describe("organisation tree", () => {
  it("puts current communes before legacy districts and nests the districts' communes", () => {
    const tree = buildOrgTree([
      { id: "P", parentId: null, kind: "province", name: "Tỉnh", code: "tinh", accounts: 2 },
      { id: "D", parentId: "P", kind: "district", name: "Huyện An", code: "huyen-an", accounts: 0 },
      { id: "C2", parentId: "P", kind: "commune", name: "Xã Bình", code: "xa-binh", accounts: 1 },
      { id: "C1", parentId: "D", kind: "commune", name: "Xã Cũ", code: "xa-cu", accounts: 0 },
    ], "P")!;
    expect(tree.children.map((c) => [c.code, c.legacy])).toEqual([["xa-binh", false], ["huyen-an", true]]);
    expect(tree.children[1]!.children.map((c) => c.code)).toEqual(["xa-cu"]);
  });

  it("accepts lowercase ASCII codes with single dashes only", () => {
    expect(["xa-tinh-khe", "phuong-1"].every(isOrgCode)).toBe(true);
    expect(["Xa-A", "xa--a", "-xa", "xã-a", "xa a", ""].some(isOrgCode)).toBe(false);
  });
});

describe("account sheet", () => {
  it("reads the template's example as one account once its commune exists", () => {
    const [header, example] = accountTemplateRows();
    const sheet = readAccountSheet([header!, ["xa-a", ...example!.slice(1)]], ctx());
    expect(sheet.problems).toEqual([]);
    expect(sheet.accounts).toEqual([{ row: 2, orgId: "A", orgCode: "xa-a", username: "vptk2.tinhkhe", fullName: "Nguyễn Thị Lan", role: "unit_officer", unitIds: ["U1", "U2"], password: "Matkhau2026" }]);
  });

  it("names a missing header column instead of guessing", () => {
    const sheet = readAccountSheet([["Mã đơn vị", "Tên đăng nhập"]], ctx());
    expect(sheet.problems[0]!.message).toMatch(/^Dòng 1: thiếu cột “Họ và tên”/);
  });
});
