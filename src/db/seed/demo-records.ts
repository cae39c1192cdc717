import { addDays, parseIso, ymd, type IsoDate } from "../../domain/dates.js";
import { addWorkingDays } from "../../domain/indicators/compute.js";
import type { Dossier, Procedure } from "../../domain/indicators/types.js";
import type { Tx } from "../connection.js";
import { writeRecords } from "../records.js";

/** A commune's usual procedures (codes as in CSDLQG về TTHC), with their legal time limits in working days. */
const CATALOGUE: Array<[code: string, name: string, field: string, days: number, online: Procedure["onlineLevel"], fee: boolean, weight: number]> = [
  ["1.001193", "Đăng ký khai sinh", "Hộ tịch", 1, "toan-trinh", false, 14],
  ["1.000894", "Đăng ký kết hôn", "Hộ tịch", 1, "mot-phan", false, 5],
  ["1.000656", "Đăng ký khai tử", "Hộ tịch", 1, "toan-trinh", false, 4],
  ["1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, "toan-trinh", true, 8],
  ["1.001022", "Trích lục hộ tịch", "Hộ tịch", 1, "toan-trinh", true, 6],
  ["2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 1, "mot-phan", true, 22],
  ["2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 1, "khong", true, 8],
  ["2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "Chứng thực", 2, "khong", true, 3],
  ["1.001699", "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "Bảo trợ xã hội", 5, "mot-phan", false, 3],
  ["2.000286", "Trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội", "Bảo trợ xã hội", 15, "mot-phan", false, 3],
  ["1.003583", "Đăng ký hoạt động tín ngưỡng", "Tôn giáo", 15, "khong", false, 1],
  ["2.002188", "Giải quyết tranh chấp đất đai (hòa giải)", "Đất đai", 30, "khong", false, 2],
];

export function demoProcedures(): Procedure[] {
  return CATALOGUE.map(([code, name, field, days, online, fee]) => ({
    code, name, levels: ["xa"], fieldCode: null, fieldName: field, onlineLevel: online, eligibleFullyOnline: online === "toan-trinh",
    hasFee: fee, writtenResult: true, subjects: ["cong-dan"], populationData: field === "Hộ tịch", eCertifiedCopy: code === "2.000815",
    timeLimit: days, timeUnit: "ngay-lam-viec",
  }));
}

/**
 * A year of a commune's dossiers up to `today`, about `perDay` a working day.
 * `lateShare` is the share resolved after their due date: the demo communes
 * differ so one on-time target is met and one is at risk.
 */
export function demoDossiers(prefix: string, year: number, today: IsoDate, rand: () => number, opts: { perDay: number; lateShare: number }): Dossier[] {
  const total = CATALOGUE.reduce((s, c) => s + c[6], 0);
  const pick = () => {
    let r = rand() * total;
    for (const c of CATALOGUE) { r -= c[6]; if (r <= 0) return c; }
    return CATALOGUE[0]!;
  };
  const out: Dossier[] = [];
  let n = 0;
  for (let day = ymd(year, 1, 2); day <= today; day = addDays(day, 1)) {
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const count = Math.round(opts.perDay * (0.6 + rand() * 0.8));
    for (let i = 0; i < count; i++) {
      const [code, name, field, days, online, fee] = pick();
      const isOnline = online !== "khong" && rand() < 0.82;
      const due = addWorkingDays(day, days);
      const late = rand() < opts.lateShare;
      const early = !late && days > 1 && rand() < 0.5;
      const end = late ? addWorkingDays(due, 1 + Math.floor(rand() * 3)) : early ? addWorkingDays(day, Math.max(0, days - 1)) : due;
      const ended = end <= today;
      const hasFee = fee && rand() < 0.95;
      const rating = rand() < 0.35 ? (rand() < 0.94 ? (rand() < 0.5 ? "rat-hai-long" : "hai-long") : "khong-hai-long") : null;
      out.push({
        code: `${prefix}-${year}-${String(++n).padStart(6, "0")}`, procedureCode: code, procedureName: name, fieldCode: null, fieldName: field,
        unit: "Bộ phận Một cửa", channel: isOnline ? 2 : 1, level: isOnline ? (online === "toan-trinh" ? 4 : 3) : null, applicantType: 1,
        status: ended ? 10 : 4, submitted: day, accepted: day, due, timeLimit: days, timeUnit: "ngay-lam-viec",
        ended: ended ? end : null, returned: ended ? end : null, refused: null, supplementCount: 0, supplementRequested: null, supplementReturned: null,
        apology: late && ended ? addDays(due, -1) : null, newDue: late && ended ? end : null, fee: hasFee ? 10000 : 0, paidOnline: hasFee && isOnline && rand() < 0.7 ? 1 : 0,
        digitised: rand() < 0.9, reused: rand() < 0.45, fromStore: rand() < 0.3, citizenData: field === "Hộ tịch", eResult: ended && rand() < 0.85,
        resultDigitised: null, resultInStore: rand() < 0.5, synced: rand() < 0.97, vneid: isOnline && rand() < 0.6, rating, hasFeedback: false,
      });
    }
  }
  return out;
}

/** Stores the demo catalogue and dossiers of a commune (no import record: they are seed data). */
export async function seedDemoRecords(tx: Tx, orgId: string, prefix: string, today: IsoDate, rand: () => number, lateShare: number) {
  const year = parseIso(today).year;
  await writeRecords(tx, orgId, "procedures", demoProcedures(), null);
  await writeRecords(tx, orgId, "dossiers", demoDossiers(prefix, year, today, rand, { perDay: 6, lateShare }), null);
}
