import { z } from "zod";
import { AppError, forbidden, notFound } from "../../domain/errors.js";
import { accountTemplateRows, countByCommune, namesInSheet, readAccountSheet, type AccountProblem } from "../../domain/org-tree/account-sheet.js";
import { buildOrgTree, isOrgCode } from "../../domain/org-tree/tree.js";
import { accountSheetContext, addOrganisation, createAccounts, getPlacedOrg, loadProvinceOrgs, updateOrganisation, type PlacedOrg } from "../../db/org-tree.js";
import type { Tx } from "../../db/connection.js";
import { requireViewer } from "../auth.js";
import { canManageOrgTree, canReadOrgTree } from "../policies/org-tree.js";
import type { Viewer } from "../policies/viewer.js";
import { presentOrg } from "../presenters/user.js";
import { readSingleFile } from "../single-file.js";
import { openWorkbook, sheetGrid } from "../xlsx-grid.js";
import { enumOf, idParam, requiredText, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const MAX_ACCOUNT_SHEET_BYTES = 2 * 1024 * 1024;
const MANAGE_DENIED = "Chỉ quản trị cấp tỉnh (Sở Nội vụ) được thêm, đổi tên đơn vị và tạo tài khoản hàng loạt.";

const orgCode = z.string({ error: "Mã đơn vị là bắt buộc." }).trim()
  .refine(isOrgCode, { error: "Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang giữa các từ (ví dụ xa-tinh-khe), tối đa 60 ký tự." });

/** A refused sheet: the usual error shape, with every problem also in `error.problems`. */
export class AccountSheetRejected extends AppError {
  constructor(readonly problems: AccountProblem[], filename: string) {
    super("validation", `Tệp ${filename} có ${problems.length} lỗi, chưa tạo tài khoản nào:\n${problems.map((p) => p.message).join("\n")}`, "file");
  }
  override toJSON() {
    return { error: { ...super.toJSON().error, problems: this.problems } };
  }
}

/** The viewer's province, for `action`; someone else's (or not a province) answers 404, a reader who may not change it 403. */
async function provinceFor(tx: Tx, viewer: Viewer, orgId: string, action: "read" | "manage"): Promise<PlacedOrg> {
  const org = await getPlacedOrg(tx, orgId);
  if (!org || org.kind !== "province" || !canReadOrgTree(viewer, org)) throw notFound("tỉnh");
  if (action === "manage" && !canManageOrgTree(viewer, org)) throw forbidden(MANAGE_DENIED);
  return org;
}

const presentTreeOrg = (o: PlacedOrg) => ({ ...presentOrg(o), legacy: o.kind === "district" });

export const orgTreeRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/orgs/:orgId/tree", {
    schema: { tags: ["Đơn vị"], summary: "Cây đơn vị của tỉnh: xã/phường, huyện cũ (trước 01/7/2025) và các xã thuộc huyện cũ, kèm số tài khoản", params: idParam("orgId", "Mã tỉnh") },
  }, async (request) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(db, viewer, request.params.orgId, "read");
    return buildOrgTree(await loadProvinceOrgs(db, province.id), province.id);
  });

  app.post("/api/orgs/:orgId/children", {
    schema: {
      tags: ["Đơn vị"], summary: "Thêm xã/phường (kèm bộ phận chuẩn) hoặc huyện cũ vào tỉnh", params: idParam("orgId", "Mã tỉnh"),
      body: z.object({
        name: requiredText("Tên đơn vị", 200), code: orgCode,
        kind: enumOf("Loại đơn vị", ["commune", "district"] as const).default("commune"),
        parentId: uuid("Đơn vị cấp trên").optional(),
      }),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(db, viewer, request.params.orgId, "manage");
    const { parentId, ...rest } = request.body;
    const org = await addOrganisation(db, viewer, province.id, { ...rest, parentId: parentId ?? province.id });
    reply.code(201);
    return presentTreeOrg({ ...org, provinceId: province.id });
  });

  app.patch("/api/orgs/:orgId", {
    schema: {
      tags: ["Đơn vị"], summary: "Đổi tên xã/phường hoặc đánh dấu huyện cũ (đơn vị không xóa được, để giữ lịch sử)", params: idParam("orgId", "Mã đơn vị"),
      body: z.object({ name: requiredText("Tên đơn vị", 200).optional(), legacy: z.boolean({ error: "Huyện cũ phải là đúng/sai." }).optional() }),
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await getPlacedOrg(db, request.params.orgId);
    if (!org || !canReadOrgTree(viewer, org)) throw notFound("đơn vị");
    if (!canManageOrgTree(viewer, org)) throw forbidden(MANAGE_DENIED);
    if (org.kind === "province") throw forbidden("Tên và loại của tỉnh không sửa ở đây.");
    const updated = await updateOrganisation(db, viewer, org.provinceId!, org, request.body);
    return presentTreeOrg({ ...updated, provinceId: org.provinceId });
  });

  app.get("/api/orgs/:orgId/account-imports/template.xlsx", {
    schema: { tags: ["Tài khoản"], summary: "Tệp mẫu tạo tài khoản hàng loạt (dòng tiêu đề và một dòng ví dụ)", params: idParam("orgId", "Mã tỉnh") },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    await provinceFor(db, viewer, request.params.orgId, "read");
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tài khoản");
    for (const row of accountTemplateRows()) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    [16, 22, 28, 34, 34, 20].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
    reply.header("Content-Type", XLSX_TYPE);
    reply.header("Content-Disposition", `attachment; filename="mau-tai-khoan.xlsx"; filename*=UTF-8''mau-tai-khoan.xlsx`);
    return reply.send(Buffer.from(await wb.xlsx.writeBuffer()));
  });

  app.post("/api/orgs/:orgId/account-imports", {
    schema: {
      tags: ["Tài khoản"], summary: "Tạo tài khoản các xã/phường từ tệp .xlsx (multipart: file); ?check=1 chỉ kiểm tra. Tệp có lỗi không tạo tài khoản nào.",
      params: idParam("orgId", "Mã tỉnh"), querystring: z.object({ check: z.enum(["0", "1"]).optional() }), consumes: ["multipart/form-data"],
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(db, viewer, request.params.orgId, "manage");
    const file = await readSingleFile(request, { maxBytes: MAX_ACCOUNT_SHEET_BYTES, extensions: [".xlsx"], what: "tệp danh sách tài khoản" });
    const wb = await openWorkbook(file.content, file.filename);
    const ws = wb.worksheets[0];
    const grid = ws ? sheetGrid(ws, 6) : [];
    const sheet = readAccountSheet(grid, await accountSheetContext(db, province.id, namesInSheet(grid)));
    if (sheet.problems.length) throw new AccountSheetRejected(sheet.problems, file.filename);
    const communes = await loadProvinceOrgs(db, province.id);
    const perCommune = countByCommune(sheet.accounts).map((c) => ({ ...c, name: communes.find((o) => o.id === c.orgId)?.name ?? c.code }));
    const checkOnly = request.query.check === "1";
    if (!checkOnly) {
      await createAccounts(db, viewer, province, sheet.accounts, file.filename);
      reply.code(201);
    }
    return { checked: true, created: checkOnly ? 0 : sheet.accounts.length, accounts: sheet.accounts.length, perCommune };
  });
};
