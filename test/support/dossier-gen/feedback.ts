import type { IsoDate } from "../../../src/domain/dates.js";
import type { Feedback, FeedbackStatus } from "../../../src/domain/indicators/types.js";
import { DayPicker, addDays, plusWorkingDays } from "./calendar.js";
import { Rng } from "./prng.js";

/**
 * Citizen feedback (PAKN) of one commune, exported on `asOf`: refused,
 * transferred away, handled then published, waiting for a supplementation or
 * still open; some forwarded by VPCP (NgayChuyenDen), some naming a dossier.
 */
export interface FeedbackGenOptions {
  seed: number;
  unitCode: string;
  count: number;
  /** NgayGui is drawn from [from, to]. */
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  /** Dossier codes a PAKN may name. */
  dossierCodes: readonly string[];
}

const SUBJECTS = [
  "Phản ánh việc trả kết quả chậm so với giấy hẹn",
  "Kiến nghị đơn giản hóa thành phần hồ sơ đăng ký khai sinh",
  "Phản ánh thái độ của cán bộ tiếp nhận hồ sơ",
  "Hỏi về lệ phí chứng thực bản sao",
  "Phản ánh lỗi khi nộp hồ sơ trực tuyến trên Cổng Dịch vụ công",
  "Kiến nghị bố trí thêm quầy tiếp nhận vào buổi sáng thứ Bảy",
  "Phản ánh việc yêu cầu bổ sung giấy tờ không có trong quy định",
];

function one(rng: Rng, o: FeedbackGenOptions, days: DayPicker, i: number): Feedback {
  const { asOf } = o;
  const sent = days.pick(rng);
  const received = rng.chance(0.5) ? null : addDays(sent, rng.weighted([[0, 50], [1, 30], [rng.int(2, 5), 20]]));
  const forwarded = rng.chance(0.25) ? addDays(sent, rng.int(1, 10)) : null;
  const start = forwarded ?? sent;
  const path = rng.weighted([["tu-choi", 8], ["chuyen-di", 8], ["handled", 70], ["open", 14]] as const);
  let request = path === "handled" || path === "open" ? (rng.chance(0.18) ? plusWorkingDays(start, rng.int(1, 9)) : null) : null;
  let refused: IsoDate | null = null, waiting: IsoDate | null = null, published: IsoDate | null = null;
  let status: FeedbackStatus;

  if (path === "tu-choi" || path === "chuyen-di") {
    refused = plusWorkingDays(start, rng.int(0, 4));
  } else if (path === "handled") {
    waiting = plusWorkingDays(request ?? start, rng.int(2, 20));
    published = rng.chance(0.85) ? plusWorkingDays(waiting, rng.weighted([[0, 30], [1, 30], [2, 20], [rng.int(3, 6), 20]])) : null;
  }
  // The state as at asOf.
  if (request && request > asOf) request = null;
  if (refused && refused > asOf) refused = null;
  if (waiting && waiting > asOf) { waiting = null; published = null; }
  if (published && published > asOf) published = null;
  if (refused) status = path as FeedbackStatus;
  else if (waiting) status = published ? "da-cong-khai" : "cho-cong-khai";
  else if (request) status = rng.chance(0.6) ? "cho-bo-sung" : "dang-xu-ly";
  else status = rng.chance(0.5) ? "moi" : "dang-xu-ly";

  const likes = rng.int(0, 5);
  const named = o.dossierCodes.length > 0 && rng.chance(0.4);
  return {
    code: `${o.unitCode}-PAKN-${String(i + 1).padStart(5, "0")}`,
    dossierCode: named ? rng.pick(o.dossierCodes) : rng.chance(0.03) ? `${o.unitCode}-000000-9999` : null,
    subject: rng.chance(0.9) ? rng.pick(SUBJECTS) : null,
    sent, received, forwarded, status, refused, supplementRequested: request, awaitingPublication: waiting, published,
    category: rng.weighted([["quy-dinh", 50], ["hanh-vi", 30], [null, 20]] as const),
    likes, dislikes: rng.chance(0.15) ? likes + rng.int(1, 3) : rng.int(0, likes),
    complainedAgain: rng.chance(0.05),
  };
}

export function generateFeedback(o: FeedbackGenOptions): Feedback[] {
  const rng = new Rng(o.seed);
  const days = new DayPicker(o.from, o.to, { saturday: 0.6, sunday: 0.4 });
  return Array.from({ length: o.count }, (_, i) => one(rng, o, days, i));
}
