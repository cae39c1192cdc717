import { extname } from "node:path";
import { AppError, forbidden, invalid, notFound } from "../../domain/errors.js";
import type { CriteriaSet } from "../../domain/par-index/types.js";
import { InvalidCriteriaSet } from "../../domain/par-index/validate.js";
import { CRITERIA_SHEET, INFO_SHEET, InvalidCriteriaSheet, setFromSheets, setToSheets, type SetSheets } from "../../domain/par-index/xlsx-shape.js";
import type { Tx } from "../../db/connection.js";
import { getCriteriaSet, listCriteriaSets, saveCriteriaSet, summary } from "../../db/criteria-sets.js";
import { getOrg, type OrgRow } from "../../db/orgs.js";
import { openWorkbook, sheetGrid } from "../xlsx-grid.js";
import { requireViewer } from "../auth.js";
import { readSingleFile } from "../single-file.js";
import { canImportCriteriaSets, canReadCriteriaSets } from "../policies/criteria-sets.js";
import type { Viewer } from "../policies/viewer.js";
import { idParam } from "../validation.js";
import type { RouteModule } from "../app-types.js";

export const MAX_CRITERIA_SET_BYTES = 5 * 1024 * 1024;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One problem of a refused set: a node code and field (JSON) or a sheet, row and column (XLSX). */
export interface CriteriaSetProblem { message: string; code?: string; field?: string; sheet?: string; row?: number; column?: string }

/** A refused set: the usual error shape, with every problem also listed in `error.problems`. */
export class CriteriaSetRejected extends AppError {
  constructor(readonly problems: CriteriaSetProblem[]) {
    super("validation", problems.map((p) => p.message).join("\n"));
  }
  override toJSON() {
    const base = super.toJSON();
    return { error: { ...base.error, problems: this.problems } };
  }
}

async function provinceFor(tx: Tx, viewer: Viewer, orgId: string): Promise<OrgRow> {
  const org = await getOrg(tx, orgId);
  if (!org || !canReadCriteriaSets(viewer, org)) throw notFound("tỉnh");
  return org;
}

async function readWorkbook(buf: Buffer, file: string): Promise<SetSheets> {
  const wb = await openWorkbook(buf, file);
  const grid = (name: string): string[][] => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw invalid(`${file}: không có trang tính “${name}” (tệp cần hai trang “${INFO_SHEET}” và “${CRITERIA_SHEET}”).`, "file");
    return sheetGrid(ws);
  };
  return { info: grid(INFO_SHEET), criteria: grid(CRITERIA_SHEET) };
}

async function writeWorkbook(set: CriteriaSet): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const sheets = setToSheets(set);
  for (const [name, rows, widths] of [[INFO_SHEET, sheets.info, [36, 80]], [CRITERIA_SHEET, sheets.criteria, [10, 60, 12, 18, 40, 16, 22, 18, 80, 40, 24]]] as const) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The raw set of an uploaded file; a CriteriaSetRejected listing every problem of a workbook. */
async function rawSet(file: { filename: string; content: Buffer }): Promise<unknown> {
  if (extname(file.filename).toLowerCase() === ".json") {
    try {
      return JSON.parse(file.content.toString("utf8").replace(/^\uFEFF/, ""));
    } catch {
      throw invalid(`Tệp ${file.filename} không phải là JSON hợp lệ.`, "file");
    }
  }
  try {
    return setFromSheets(await readWorkbook(file.content, file.filename));
  } catch (err) {
    if (err instanceof InvalidCriteriaSheet) throw new CriteriaSetRejected(err.problems);
    throw err;
  }
}

export const criteriaSetRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  const readableSet = async (viewer: Viewer, setId: string) => {
    const row = await getCriteriaSet(db, setId);
    if (!row) throw notFound("bộ tiêu chí");
    await provinceFor(db, viewer, row.orgId).catch(() => { throw notFound("bộ tiêu chí"); });
    return row;
  };

  app.post("/api/orgs/:orgId/criteria-sets", {
    schema: {
      tags: ["Chỉ số CCHC"], summary: "Nhập bộ tiêu chí của tỉnh từ tệp .json hoặc .xlsx (multipart: file); bộ mới cùng năm, đối tượng thay thế bộ trước",
      params: idParam("orgId", "Mã tỉnh"), consumes: ["multipart/form-data"],
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await provinceFor(db, viewer, request.params.orgId);
    if (!canImportCriteriaSets(viewer, org)) throw forbidden("Chỉ quản trị của tỉnh (Sở Nội vụ) được nhập bộ tiêu chí.");
    const file = await readSingleFile(request, { maxBytes: MAX_CRITERIA_SET_BYTES, extensions: [".json", ".xlsx"], what: "một tệp bộ tiêu chí" });
    const raw = await rawSet(file);
    try {
      const row = await saveCriteriaSet(db, org.id, viewer.id, raw);
      reply.code(201);
      return summary(row);
    } catch (err) {
      if (err instanceof InvalidCriteriaSet) {
        throw new CriteriaSetRejected(err.issues.map((i) => ({ message: i.message, field: i.field, ...(i.code ? { code: i.code } : {}) })));
      }
      throw err;
    }
  });

  app.get("/api/orgs/:orgId/criteria-sets", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Các bộ tiêu chí của tỉnh (mọi năm, đối tượng, phiên bản)", params: idParam("orgId", "Mã tỉnh") },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await provinceFor(db, viewer, request.params.orgId);
    return (await listCriteriaSets(db, org.id)).map(summary);
  });

  app.get("/api/criteria-sets/:setId", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Một bộ tiêu chí (JSON, nhập lại được)", params: idParam("setId", "Mã bộ tiêu chí") },
  }, async (request) => {
    const viewer = requireViewer(request);
    const row = await readableSet(viewer, request.params.setId);
    return { ...summary(row), content: row.content };
  });

  app.get("/api/criteria-sets/:setId/export.xlsx", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Bộ tiêu chí dạng bảng tính để chỉnh sửa và nhập lại", params: idParam("setId", "Mã bộ tiêu chí") },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const row = await readableSet(viewer, request.params.setId);
    const name = `bo-tieu-chi-${row.subject}-${row.year}-v${row.version}.xlsx`;
    reply.header("Content-Type", XLSX_TYPE);
    reply.header("Content-Disposition", `attachment; filename="${name}"`);
    return reply.send(await writeWorkbook(row.content));
  });
};
