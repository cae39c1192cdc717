import { z } from "zod";
import { INDICATOR_KEYS } from "../../domain/indicators/catalogue.js";
import { AREA_CODES } from "../../domain/areas.js";
import { RECURRENCES } from "../../domain/task-status.js";
import { TARGET_OPS } from "../../domain/targets.js";
import { PLAN_TYPES } from "../../db/schema.js";
import { enumOf, isoDate, optionalIsoDate, optionalText, requiredText, uuid, year } from "../validation.js";

export const planBody = z.object({
  type: enumOf("Loại kế hoạch", PLAN_TYPES),
  title: requiredText("Tên kế hoạch", 500),
  year: year(),
  number: optionalText("Số kế hoạch", 60),
  issuedDate: optionalIsoDate("Ngày ban hành"),
  issuer: optionalText("Cơ quan ban hành", 200),
  signerName: optionalText("Người ký", 120),
  signerTitle: optionalText("Chức vụ người ký", 120),
  legalBases: z.array(requiredText("Căn cứ", 1000)).max(50).optional(),
});

const unitList = (label: string) => z.array(uuid(label), { error: `${label} phải là danh sách bộ phận.` }).max(30);

export const taskBody = z.object({
  title: requiredText("Tên nhiệm vụ", 10000),
  area: enumOf("Lĩnh vực", AREA_CODES).nullable().optional(),
  ref: optionalText("Số thứ tự", 20),
  product: optionalText("Sản phẩm", 2000),
  leadUnitIds: unitList("Bộ phận chủ trì").optional(),
  supportUnitIds: unitList("Bộ phận phối hợp").optional(),
  timelineText: optionalText("Thời gian thực hiện", 1000),
  milestones: z.array(isoDate("Mốc thời gian")).max(24).optional(),
  dueDate: optionalIsoDate("Hạn hoàn thành"),
  recurrence: enumOf("Tính định kỳ", RECURRENCES).nullable().optional(),
  criteria: z.array(requiredText("Mã tiêu chí", 30)).max(30).optional(),
  budgetSource: optionalText("Kinh phí", 500),
  /** Plan cascade: "nhiệm vụ giao cấp xã", on the province's own tasks only (docs/cascade.md). */
  forCommunes: z.boolean({ error: "Giao cấp xã phải là có hoặc không." }).optional(),
});

export const targetBody = z.object({
  text: requiredText("Nội dung chỉ tiêu", 2000),
  op: enumOf("Phép so sánh", TARGET_OPS).nullable().optional(),
  value: z.number({ error: "Giá trị chỉ tiêu phải là số." }).min(-1e12).max(1e12).nullable().optional(),
  unit: optionalText("Đơn vị tính", 30),
  dataSource: enumOf("Nguồn số liệu", ["manual", "computed"] as const).optional(),
  indicatorKey: enumOf("Chỉ số tự động", INDICATOR_KEYS).nullable().optional(),
  monitorUnitIds: unitList("Bộ phận theo dõi").optional(),
  implementUnitIds: unitList("Bộ phận thực hiện").optional(),
});
