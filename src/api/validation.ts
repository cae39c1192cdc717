import { z } from "zod";
import { isIsoDate } from "../domain/dates.js";

/**
 * Field builders whose messages name the field in Vietnamese. Routes build their
 * schemas from these so every 400 says what is wrong and where.
 */
z.config(z.locales.vi());

/** "is required" when the field is missing, otherwise "must be …". */
const typeError = (label: string, expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `${label} là bắt buộc.` : `${label} phải là ${expected}.`;

export const requiredText = (label: string, max = 2000) =>
  z.string({ error: typeError(label, "chuỗi ký tự") })
    .trim()
    .min(1, { error: `${label} không được để trống.` })
    .max(max, { error: `${label} dài quá ${max} ký tự.` });

export const optionalText = (label: string, max = 5000) =>
  z.string({ error: `${label} phải là chuỗi ký tự.` })
    .trim()
    .max(max, { error: `${label} dài quá ${max} ký tự.` })
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v === "" ? null : v));

function describeDate(input: unknown): string {
  if (typeof input !== "string") return "";
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  return m ? ` (${m[3].padStart(2, "0")}/${m[2].padStart(2, "0")}/${m[1]})` : ` (${input})`;
}

export const isoDate = (label: string) =>
  z.string({ error: typeError(label, "ngày dạng YYYY-MM-DD") })
    .refine(isIsoDate, { error: (issue) => `${label} không phải là ngày hợp lệ${describeDate(issue.input)}.` });

export const optionalIsoDate = (label: string) => isoDate(label).nullable().optional();

export const enumOf = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? `${label} là bắt buộc.` : `${label} không hợp lệ: chỉ nhận ${values.join(", ")}.`) });

export const uuid = (label: string) => z.string({ error: typeError(label, "mã định danh") }).uuid({ error: `${label} không phải là mã định danh hợp lệ.` });

export const idParam = (name: string, label: string) => z.object({ [name]: uuid(label) });

export const integerIn = (label: string, min: number, max: number) =>
  z.number({ error: typeError(label, "số") })
    .int({ error: `${label} phải là số nguyên.` })
    .min(min, { error: `${label} không được nhỏ hơn ${min}.` })
    .max(max, { error: `${label} không được lớn hơn ${max}.` });

export const year = () => integerIn("Năm", 2000, 2100);
export const queryYear = () => z.coerce.number({ error: "Năm phải là số." }).int().min(2000, { error: "Năm không hợp lệ." }).max(2100, { error: "Năm không hợp lệ." });

