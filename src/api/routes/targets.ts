import { z } from "zod";
import { createTarget, deleteTarget, loadTargets, recordTargetValue, updateTarget } from "../../db/targets.js";
import { requireViewer } from "../auth.js";
import { planFor, targetFor } from "../guards.js";
import { presentTarget } from "../presenters/target.js";
import { idParam, optionalText, uuid } from "../validation.js";
import { targetBody } from "./plan-schemas.js";
import type { RouteModule } from "../app-types.js";

export const targetRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;
  const present = async (id: string, planId: string) => presentTarget((await loadTargets(db, [planId])).find((t) => t.id === id)!, ctx.today());

  app.post("/api/plans/:planId/targets", { schema: { tags: ["Chỉ tiêu"], summary: "Thêm chỉ tiêu", params: idParam("planId", "Mã kế hoạch"), body: targetBody } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "update");
    const id = await createTarget(db, viewer, plan, request.body);
    reply.code(201);
    return present(id, plan.id);
  });

  app.patch("/api/targets/:targetId", { schema: { tags: ["Chỉ tiêu"], summary: "Sửa chỉ tiêu", params: idParam("targetId", "Mã chỉ tiêu"), body: targetBody.partial() } }, async (request) => {
    const viewer = requireViewer(request);
    const target = await targetFor(db, viewer, request.params.targetId, "edit");
    await updateTarget(db, viewer, target, request.body);
    return present(target.id, target.planId);
  });

  app.delete("/api/targets/:targetId", { schema: { tags: ["Chỉ tiêu"], summary: "Xóa chỉ tiêu", params: idParam("targetId", "Mã chỉ tiêu") } }, async (request) => {
    const viewer = requireViewer(request);
    const target = await targetFor(db, viewer, request.params.targetId, "edit");
    await deleteTarget(db, viewer, target);
    return { ok: true };
  });

  app.put("/api/targets/:targetId/values/:period", {
    schema: { tags: ["Chỉ tiêu"], summary: "Ghi nhận giá trị chỉ tiêu của một kỳ", params: z.object({ targetId: uuid("Mã chỉ tiêu"), period: z.string().max(10) }),
      body: z.object({ value: z.number({ error: "Giá trị phải là số." }).min(-1e12).max(1e12), note: optionalText("Ghi chú", 2000) }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const target = await targetFor(db, viewer, request.params.targetId, "record");
    await recordTargetValue(db, viewer, target, request.params.period, request.body.value, request.body.note ?? null, ctx.today());
    return present(target.id, target.planId);
  });
};
