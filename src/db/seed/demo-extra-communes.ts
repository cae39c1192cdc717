/**
 * The demo province's further communes and wards: light ones (people, units
 * and this year's plan with its progress; no one-stop dossiers, no PAR data)
 * whose progress ranges from far ahead to far behind, so the province's
 * dashboard shows a real spread. Pure data; demo.ts seeds them through the
 * same code path as xã Tỉnh Khê and phường Hoài Hảo.
 */
import type { PlanDraft } from "../../domain/plan-draft.js";

/**
 * How a commune keeps up with its plan. The thresholds are cumulative shares
 * of one random draw per task (or per check-in period).
 */
export interface ProgressProfile {
  /** A task already due: done on time below `pastOnTime`, done late below `pastLate`, otherwise still open. */
  pastOnTime: number; pastLate: number;
  /** A task not yet due: already done below `futureDone`, under way below `futureStarted`. */
  futureDone: number; futureStarted: number;
  /** A task without a deadline: under way below this share. */
  undatedStarted: number;
  /** A past check-in period: reported on time below `checkIn`, late below `checkInLate`; the current one below `checkInCurrent`. */
  checkIn: number; checkInLate: number; checkInCurrent: number;
  /** Nobody has updated anything in the last this many days. */
  staleDays: number;
  /** A monthly target value is the target plus `targetLow` plus up to `targetSpread`. */
  targetLow: number; targetSpread: number;
}

/** The profile of the two full demo communes (their seeded data depends on these exact numbers). */
export const STANDARD_PROFILE: ProgressProfile = {
  pastOnTime: 0.6, pastLate: 0.78, futureDone: 0.2, futureStarted: 0.7, undatedStarted: 0.5,
  checkIn: 0.82, checkInLate: 0.92, checkInCurrent: 0.5, staleDays: 0, targetLow: -6, targetSpread: 9,
};

export interface ExtraCommune {
  code: string; name: string; number: string; chairman: string; focalPoint: string;
  /** The plan fixture it starts from: xã take xã Tỉnh Khê's, phường take phường Hoài Hảo's. */
  fixture: string;
  profile: ProgressProfile;
}

const XA = "plan-tinh-khe-2025.json";
const PHUONG = "plan-hoai-hao-2024.json";
const p = (pastOnTime: number, pastLate: number, futureDone: number, futureStarted: number, undatedStarted: number,
  checkIn: number, checkInLate: number, checkInCurrent: number, staleDays: number, targetLow: number, targetSpread: number): ProgressProfile =>
  ({ pastOnTime, pastLate, futureDone, futureStarted, undatedStarted, checkIn, checkInLate, checkInCurrent, staleDays, targetLow, targetSpread });

/** From far ahead to far behind. */
export const EXTRA_COMMUNES: ExtraCommune[] = [
  { code: "xa-binh-minh", name: "UBND xã Bình Minh", number: "05/KH-UBND", chairman: "Trương Công Danh", focalPoint: "Lê Thị Thanh Hương", fixture: XA, profile: p(0.95, 0.99, 0.45, 0.95, 0.9, 0.97, 0.99, 0.8, 0, -1, 5) },
  { code: "phuong-an-phu", name: "UBND phường An Phú", number: "11/KH-UBND", chairman: "Nguyễn Hữu Phước", focalPoint: "Trần Thị Kim Oanh", fixture: PHUONG, profile: p(0.85, 0.93, 0.35, 0.9, 0.8, 0.93, 0.97, 0.7, 0, -2, 6) },
  { code: "xa-phuoc-son", name: "UBND xã Phước Sơn", number: "09/KH-UBND", chairman: "Hồ Văn Sơn", focalPoint: "Phan Thị Diệu", fixture: XA, profile: p(0.75, 0.88, 0.25, 0.8, 0.6, 0.88, 0.95, 0.6, 3, -4, 8) },
  { code: "xa-tan-lap", name: "UBND xã Tân Lập", number: "14/KH-UBND", chairman: "Đinh Quang Vinh", focalPoint: "Mai Thị Hồng", fixture: XA, profile: p(0.6, 0.78, 0.2, 0.7, 0.5, 0.82, 0.92, 0.5, 7, -6, 9) },
  { code: "phuong-hoa-thuan", name: "UBND phường Hòa Thuận", number: "07/KH-UBND", chairman: "Lâm Quốc Bảo", focalPoint: "Châu Thị Ngọc Trâm", fixture: PHUONG, profile: p(0.5, 0.72, 0.15, 0.6, 0.45, 0.75, 0.88, 0.4, 10, -8, 9) },
  { code: "xa-duc-loi", name: "UBND xã Đức Lợi", number: "16/KH-UBND", chairman: "Huỳnh Tấn Lợi", focalPoint: "Nguyễn Thị Bích", fixture: XA, profile: p(0.4, 0.65, 0.1, 0.5, 0.4, 0.65, 0.82, 0.3, 20, -10, 10) },
  { code: "xa-son-thanh", name: "UBND xã Sơn Thành", number: "18/KH-UBND", chairman: "Vũ Đình Thành", focalPoint: "Cao Thị Lệ", fixture: XA, profile: p(0.3, 0.5, 0.05, 0.4, 0.3, 0.55, 0.75, 0.2, 35, -12, 10) },
  { code: "xa-my-loc", name: "UBND xã Mỹ Lộc", number: "21/KH-UBND", chairman: "Dương Văn Lộc", focalPoint: "Tạ Thị Thu Hà", fixture: XA, profile: p(0.12, 0.25, 0, 0.2, 0.15, 0.35, 0.5, 0.1, 75, -18, 10) },
];

/** The fixture plan retitled for another commune: its place name and signer replaced. */
export function adaptDraft(draft: PlanDraft, commune: ExtraCommune): PlanDraft {
  const from = draft.document.place;
  const to = commune.name.replace(/^UBND (xã|phường) /, "");
  const text = from ? JSON.stringify(draft).replaceAll(from, to) : JSON.stringify(draft);
  const out: PlanDraft = JSON.parse(text);
  out.document.signer = { name: commune.chairman, title: "Chủ tịch" };
  return out;
}
