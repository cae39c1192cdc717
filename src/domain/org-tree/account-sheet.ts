/**
 * The spreadsheet of commune accounts the province admin uploads (tạo tài
 * khoản hàng loạt): one account a row, checked as a whole. Every problem names
 * its row and column; a sheet with any problem creates nothing.
 * Pure: no I/O — what the database knows comes in as `AccountSheetContext`.
 */
import { fold } from "../text.js";

export type CommuneRole = "chairman" | "focal_point" | "unit_officer";

/** The columns in the order of the template; found by their header, so the order may change. */
export const ACCOUNT_COLUMNS = [
  { key: "orgCode", header: "Mã đơn vị" },
  { key: "username", header: "Tên đăng nhập" },
  { key: "fullName", header: "Họ và tên" },
  { key: "role", header: "Vai trò (chu_tich / dau_moi / cong_chuc)" },
  { key: "units", header: "Bộ phận (mã, cách nhau bởi dấu phẩy)" },
  { key: "password", header: "Mật khẩu ban đầu" },
] as const;
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number]["key"];

export const ROLE_WORDS: Record<string, CommuneRole> = { chu_tich: "chairman", dau_moi: "focal_point", cong_chuc: "unit_officer" };
export const MAX_ACCOUNT_ROWS = 2000;
const USERNAME = /^[a-z0-9._-]+$/;

export interface AccountSheetCommune {
  id: string;
  code: string;
  name: string;
  /** Whether the organisation is a current commune or ward of the uploader's province. */
  placement: "in-province" | "other-province" | "district" | "province";
  /** Codes of the commune's active units. */
  unitCodes: Map<string, string>; // code → unit id
}

export interface AccountSheetContext {
  /** Organisations named in the sheet, by code (lowercase). */
  orgs: Map<string, AccountSheetCommune>;
  /** User names (lowercase) named in the sheet that already belong to an account. */
  takenUsernames: Set<string>;
  /** The system's password rule: the Vietnamese refusal, or null. */
  passwordProblem: (password: string) => string | null;
}

export interface AccountRow {
  row: number;
  orgId: string;
  orgCode: string;
  username: string;
  fullName: string;
  role: CommuneRole;
  unitIds: string[];
  password: string;
}

export interface AccountProblem { row: number; column: string | null; message: string }

export interface AccountSheet { accounts: AccountRow[]; problems: AccountProblem[] }

const letter = (index: number) => String.fromCharCode(65 + index);

/** The header row's column index for each column, or the headers that are missing. */
function locateColumns(header: string[]): { at: Record<AccountColumn, number> } | { missing: string[] } {
  const folded = header.map((h) => fold(h));
  const at = {} as Record<AccountColumn, number>;
  const missing: string[] = [];
  for (const col of ACCOUNT_COLUMNS) {
    // "Vai trò (…)" matches "Vai trò" too: the words before the bracket are enough.
    const head = fold(col.header.split("(")[0]!);
    const i = folded.findIndex((h) => h === fold(col.header) || h.split("(")[0]!.trim() === head);
    if (i < 0) missing.push(col.header);
    else at[col.key] = i;
  }
  return missing.length ? { missing } : { at };
}

/** The names of the organisations that `placement` keeps from having commune accounts. */
const PLACEMENT_PROBLEM: Record<Exclude<AccountSheetCommune["placement"], "in-province">, string> = {
  "other-province": "không thuộc tỉnh này",
  district: "là huyện cũ (trước 01/7/2025), không tạo tài khoản cho huyện",
  province: "là mã của tỉnh; tài khoản cấp tỉnh tạo ở màn hình Quản trị",
};

/**
 * Reads the grid (first row the header). Blank rows are skipped; rows are
 * numbered as the spreadsheet numbers them.
 */
export function readAccountSheet(grid: string[][], ctx: AccountSheetContext): AccountSheet {
  const problems: AccountProblem[] = [];
  const header = grid[0] ?? [];
  const located = locateColumns(header);
  if ("missing" in located) {
    return { accounts: [], problems: [{ row: 1, column: null, message: `Dòng 1: thiếu cột ${located.missing.map((m) => `“${m}”`).join(", ")} (hãy dùng tệp mẫu).` }] };
  }
  const { at } = located;
  const label = (key: AccountColumn) => `cột ${letter(at[key])} (${ACCOUNT_COLUMNS.find((c) => c.key === key)!.header.split(" (")[0]})`;
  const accounts: AccountRow[] = [];
  const seen = new Map<string, number>(); // username → first row
  const dataRows = grid.slice(1).map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (!dataRows.length) return { accounts, problems: [{ row: 2, column: null, message: "Tệp không có dòng tài khoản nào (dòng 1 là tiêu đề, tài khoản từ dòng 2)." }] };
  if (dataRows.length > MAX_ACCOUNT_ROWS) return { accounts, problems: [{ row: dataRows[MAX_ACCOUNT_ROWS]!.row, column: null, message: `Tệp có ${dataRows.length} tài khoản, quá ${MAX_ACCOUNT_ROWS} tài khoản một lần; hãy chia thành nhiều tệp.` }] };

  for (const { cells, row } of dataRows) {
    const value = (key: AccountColumn) => (cells[at[key]] ?? "").trim();
    const before = problems.length;
    const problem = (key: AccountColumn, message: string) => problems.push({ row, column: ACCOUNT_COLUMNS.find((c) => c.key === key)!.header.split(" (")[0]!, message: `Dòng ${row}, ${label(key)}: ${message}` });

    const orgCode = value("orgCode").toLowerCase();
    const org = orgCode ? ctx.orgs.get(orgCode) : undefined;
    if (!orgCode) problem("orgCode", "chưa ghi mã đơn vị.");
    else if (!org) problem("orgCode", `không có đơn vị mã “${orgCode}”.`);
    else if (org.placement !== "in-province") problem("orgCode", `đơn vị “${orgCode}” ${PLACEMENT_PROBLEM[org.placement]}.`);

    const username = value("username").toLowerCase();
    if (!username) problem("username", "chưa ghi tên đăng nhập.");
    else if (username.length > 60) problem("username", "tên đăng nhập dài quá 60 ký tự.");
    else if (!USERNAME.test(username)) problem("username", `“${value("username")}” chỉ được gồm chữ không dấu, số và các ký tự . _ -`);
    else if (seen.has(username)) problem("username", `“${username}” trùng với dòng ${seen.get(username)}.`);
    else if (ctx.takenUsernames.has(username)) problem("username", `“${username}” đã được một tài khoản khác sử dụng.`);
    if (username && !seen.has(username)) seen.set(username, row);

    const fullName = value("fullName").replace(/\s+/g, " ");
    if (!fullName) problem("fullName", "chưa ghi họ và tên.");
    else if (fullName.length > 200) problem("fullName", "họ và tên dài quá 200 ký tự.");

    const roleWord = fold(value("role")).replace(/[\s-]+/g, "_");
    const role = ROLE_WORDS[roleWord];
    if (!roleWord) problem("role", "chưa ghi vai trò (chu_tich, dau_moi hoặc cong_chuc).");
    else if (!role) problem("role", `vai trò “${value("role")}” không hợp lệ: chỉ nhận chu_tich, dau_moi hoặc cong_chuc.`);

    const unitCodes = [...new Set(value("units").split(/[,;]/).map((c) => c.trim().toLowerCase()).filter(Boolean))];
    const unitIds: string[] = [];
    const unknown: string[] = [];
    for (const code of unitCodes) {
      const id = org?.placement === "in-province" ? org.unitCodes.get(code) : undefined;
      if (id) unitIds.push(id);
      else unknown.push(code);
    }
    if (org?.placement === "in-province" && unknown.length) problem("units", `${org.name} không có bộ phận mã ${unknown.map((c) => `“${c}”`).join(", ")}.`);
    if (role === "unit_officer" && !unitCodes.length) problem("units", "công chức bộ phận phải thuộc ít nhất một bộ phận.");

    const password = value("password");
    const weak = password ? ctx.passwordProblem(password) : "chưa ghi mật khẩu ban đầu.";
    if (weak) problem("password", weak.charAt(0).toLowerCase() + weak.slice(1));

    if (problems.length === before) accounts.push({ row, orgId: org!.id, orgCode, username, fullName, role: role!, unitIds, password });
  }
  return { accounts: problems.length ? [] : accounts, problems };
}

/** The organisation codes and user names a grid names, so the caller can look them up. */
export function namesInSheet(grid: string[][]): { orgCodes: string[]; usernames: string[] } {
  const located = locateColumns(grid[0] ?? []);
  if ("missing" in located) return { orgCodes: [], usernames: [] };
  const pick = (key: AccountColumn) => [...new Set(grid.slice(1).map((r) => (r[located.at[key]] ?? "").trim().toLowerCase()).filter(Boolean))];
  return { orgCodes: pick("orgCode"), usernames: pick("username") };
}

/** How many accounts each commune gets, in the order the sheet names them. */
export function countByCommune(accounts: AccountRow[]): Array<{ orgId: string; code: string; accounts: number }> {
  const out = new Map<string, { orgId: string; code: string; accounts: number }>();
  for (const a of accounts) {
    const entry = out.get(a.orgId) ?? { orgId: a.orgId, code: a.orgCode, accounts: 0 };
    entry.accounts++;
    out.set(a.orgId, entry);
  }
  return [...out.values()];
}

/** The template's rows: the header and one example. */
export function accountTemplateRows(): string[][] {
  return [ACCOUNT_COLUMNS.map((c) => c.header), ["xa-tinh-khe", "vptk2.tinhkhe", "Nguyễn Thị Lan", "cong_chuc", "vp-tk, tp-ht", "Matkhau2026"]];
}
