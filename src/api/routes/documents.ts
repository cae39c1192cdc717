import { documentFileName, type DocumentFileName } from "../../documents/file-name.js";
import { TYPE_ABBREVIATION } from "../../documents/nd30.js";
import { loadPlanDocument } from "../../documents/plan-data.js";
import { renderPlanDocx } from "../../documents/plan-docx.js";
import { requireViewer } from "../auth.js";
import { planFor } from "../guards.js";
import { idParam } from "../validation.js";
import type { RouteModule } from "../app-types.js";

/** Official documents (văn bản) laid out per Nghị định 30/2020/NĐ-CP, as DOCX files to download. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** An attachment named in ASCII for old clients and in UTF-8 (RFC 5987) for the others. */
export function attachment(name: DocumentFileName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`;
}

export const documentRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/plans/:planId/export.docx", {
    schema: {
      tags: ["Văn bản"],
      summary: "Kế hoạch dạng văn bản Word (DOCX), trình bày theo Nghị định 30/2020/NĐ-CP, kèm phụ lục nhiệm vụ",
      params: idParam("planId", "Mã kế hoạch"),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "read");
    const file = await renderPlanDocx(await loadPlanDocument(db, plan, ctx.today()));
    const name = documentFileName({ number: plan.number, year: plan.year, typeAbbreviation: TYPE_ABBREVIATION.plan, title: plan.title, extension: "docx" });
    reply.header("Content-Type", DOCX_TYPE);
    reply.header("Content-Disposition", attachment(name));
    return reply.send(file);
  });
};
