/**
 * Generates one commune with a year of work for the API benchmark: its units
 * and people, one active annual plan with N tasks over the 8 reform areas,
 * 12 months of progress updates and check-ins, a few evidence files, targets
 * with monthly values and a few extension requests.
 *
 * Everything is built in memory first (ids made here, so nothing needs to be
 * read back) and then written with batched multi-row inserts in one
 * transaction. The data is seeded, ids included: the same options give the
 * same commune, so responses can be compared byte for byte between runs.
 */
import { createHash } from "node:crypto";
import type { PgTable } from "drizzle-orm/pg-core";
import { addDays, daysInMonth, parseIso, ymd, type IsoDate } from "../src/domain/dates.js";
import { AREAS } from "../src/domain/areas.js";
import { periodsBetween } from "../src/domain/periods.js";
import { checkInKind, type Recurrence } from "../src/domain/task-status.js";
import {
  auditLog, evidenceFiles, extensionRequests, organisations, plans, targets, targetUnits, targetValues, taskUnits, taskUpdates, tasks, units, userUnits, users,
} from "../src/db/schema.js";
import { standardUnits } from "../src/db/units.js";
import { hashPassword } from "../src/db/users.js";
import { planStart } from "../src/db/tasks.js";
import { samplePdf } from "../src/db/seed/demo.js";
import { seededRandom } from "../src/db/seed/random.js";
import type { Db, Tx } from "../src/db/connection.js";

export const BENCH_PASSWORD = "Bench12345";

export interface GenerateOptions {
  /** Number of tasks of the plan. */
  tasks: number;
  /** The benchmark's "today"; the plan is for its year and updates stop at it. */
  today: IsoDate;
  seed?: number;
  /** Closed annual plans of earlier years (same size) the commune also keeps; 0 by default. */
  pastPlans?: number;
  /** Distinguishes communes when several are generated into one database. */
  code?: string;
}

export interface GeneratedCommune {
  orgId: string;
  planId: string;
  chairman: { username: string; password: string };
  focalPoint: { username: string; password: string };
  rows: Record<string, number>;
  evidenceBytes: number;
  timings: { hashMs: number; buildMs: number; insertMs: number; totalMs: number };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/** How many of a plan's tasks fall in each area (in AREAS order); weights from real commune plans. */
const AREA_WEIGHTS = [14, 10, 18, 10, 12, 10, 18, 8];

/** What the tasks of an area are about, who usually leads them and what they produce. */
const AREA_WORK: Record<string, { leads: string[]; titles: string[] }> = {
  "chi-dao-dieu-hanh": {
    leads: ["vp-hdnd-ubnd", "lanh-dao"],
    titles: [
      "Xây dựng, ban hành Kế hoạch cải cách hành chính năm {y}",
      "Kiểm tra công tác cải cách hành chính tại {u}",
      "Tổ chức tuyên truyền về cải cách hành chính trên {m}",
      "Báo cáo kết quả thực hiện công tác cải cách hành chính {p}",
      "Đánh giá, chấm điểm Chỉ số cải cách hành chính của xã năm {y}",
      "Tổ chức hội nghị sơ kết công tác cải cách hành chính {p}",
      "Khắc phục tồn tại, hạn chế qua kết quả Chỉ số CCHC năm {y0}",
    ],
  },
  "the-che": {
    leads: ["vp-hdnd-ubnd", "p-vhxh"],
    titles: [
      "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành về {t}",
      "Tự kiểm tra văn bản quy phạm pháp luật về {t}",
      "Theo dõi tình hình thi hành pháp luật trong lĩnh vực {t}",
      "Tổ chức phổ biến, giáo dục pháp luật về {t} cho người dân",
      "Xây dựng dự thảo nghị quyết của HĐND xã về {t}",
    ],
  },
  "thu-tuc-hanh-chinh": {
    leads: ["tt-pvhcc", "vp-hdnd-ubnd"],
    titles: [
      "Niêm yết, công khai thủ tục hành chính lĩnh vực {t} tại Trung tâm Phục vụ hành chính công",
      "Rà soát, đề xuất đơn giản hóa thủ tục hành chính lĩnh vực {t}",
      "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực {t}",
      "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về thủ tục hành chính {p}",
      "Đo lường mức độ hài lòng của người dân khi giải quyết thủ tục hành chính {p}",
      "Thực hiện dịch vụ công trực tuyến toàn trình lĩnh vực {t}",
    ],
  },
  "to-chuc-bo-may": {
    leads: ["vp-hdnd-ubnd", "lanh-dao"],
    titles: [
      "Rà soát chức năng, nhiệm vụ của {u}",
      "Xây dựng quy chế làm việc của {u}",
      "Kiện toàn Ban chỉ đạo cải cách hành chính của xã",
      "Rà soát, sắp xếp vị trí việc làm tại {u}",
      "Thực hiện phân cấp, ủy quyền giải quyết công việc cho {u}",
    ],
  },
  "cong-vu": {
    leads: ["vp-hdnd-ubnd"],
    titles: [
      "Đánh giá, xếp loại chất lượng cán bộ, công chức năm {y}",
      "Cử cán bộ, công chức tham gia bồi dưỡng về {t}",
      "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính tại {u}",
      "Thực hiện văn hóa công vụ tại {u}",
      "Xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm {y}",
    ],
  },
  "tai-chinh-cong": {
    leads: ["p-kt"],
    titles: [
      "Công khai dự toán, quyết toán ngân sách xã {p}",
      "Thực hiện cơ chế tự chủ tài chính tại {u}",
      "Quản lý, sử dụng tài sản công tại {u}",
      "Thực hiện thanh toán không dùng tiền mặt trong thu phí, lệ phí về {t}",
      "Xây dựng quy chế chi tiêu nội bộ năm {y}",
    ],
  },
  "chinh-quyen-so": {
    leads: ["vp-hdnd-ubnd", "p-kthtdt", "tt-pvhcc"],
    titles: [
      "Vận hành hệ thống quản lý văn bản và điều hành tại {u}",
      "Sử dụng chữ ký số trong xử lý văn bản điện tử tại {u}",
      "Cập nhật, làm sạch cơ sở dữ liệu về {t}",
      "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến về {t}",
      "Triển khai các nhiệm vụ của Đề án 06 về {t}",
      "Bảo đảm an toàn thông tin mạng tại {u}",
      "Cập nhật thông tin trên Trang thông tin điện tử của xã {p}",
    ],
  },
  "tac-dong": {
    leads: ["p-vhxh", "p-kt", "lanh-dao"],
    titles: [
      "Khảo sát sự hài lòng của người dân đối với {t}",
      "Đánh giá tác động của cải cách hành chính đến {t}",
      "Tổ chức đối thoại với người dân, doanh nghiệp về {t}",
      "Hỗ trợ doanh nghiệp, hộ kinh doanh trong lĩnh vực {t}",
    ],
  },
};
const TOPICS = [
  "đất đai", "hộ tịch", "chứng thực", "xây dựng", "môi trường", "giáo dục", "y tế", "lao động – thương binh và xã hội", "văn hóa", "nông nghiệp",
  "thuế", "đăng ký kinh doanh", "bảo trợ xã hội", "người có công", "quốc phòng", "dân số", "tài nguyên nước", "giao thông",
];
const MEDIA = ["Đài truyền thanh xã", "Trang thông tin điện tử của xã", "nhóm Zalo của các thôn", "bảng tin của các thôn"];
const PERIOD_WORDS = ["quý I", "6 tháng đầu năm", "9 tháng", "năm {y}", "hằng tháng", "hằng quý"];
const PRODUCTS = ["Kế hoạch", "Báo cáo", "Quyết định", "Văn bản chỉ đạo", "Biên bản kiểm tra", "Danh mục", "Kết quả khảo sát", "Tài liệu tuyên truyền"];
const CRITERIA = [
  "Hoàn thành đúng thời hạn, đúng nội dung", "Có văn bản ban hành đúng thẩm quyền", "100% hồ sơ được cập nhật đầy đủ",
  "Có báo cáo kết quả gửi UBND tỉnh", "Được đăng tải công khai trên Trang thông tin điện tử", "Đạt tỷ lệ theo chỉ tiêu của tỉnh",
];
const NOTES_START = [
  "Đã triển khai, phân công công chức phụ trách.",
  "Đã xây dựng dự thảo, đang lấy ý kiến các bộ phận liên quan.",
  "Đã tổ chức họp triển khai, phân công cụ thể cho từng công chức.",
];
const NOTES_PROGRESS = [
  "Đang tổng hợp số liệu từ các thôn.",
  "Đã hoàn thành khoảng một nửa khối lượng công việc.",
  "Đang hoàn thiện hồ sơ, dự kiến trình lãnh đạo ký trong tuần tới.",
  "Đã rà soát xong, đang chỉnh sửa theo ý kiến góp ý.",
  "Đã gửi dự thảo xin ý kiến Văn phòng HĐND và UBND.",
  "Vướng do chờ hướng dẫn của cấp trên; đã có văn bản xin ý kiến.",
  "Đã kiểm tra thực tế tại các thôn, đang lập biên bản.",
];
const NOTES_DONE = [
  "Đã hoàn thành, ban hành văn bản và gửi các bộ phận thực hiện.",
  "Hoàn thành; đính kèm báo cáo kết quả thực hiện.",
  "Đã ban hành quyết định, đăng tải trên Trang thông tin điện tử của xã.",
];
const NOTES_CHECKIN = [
  "Báo cáo kết quả thực hiện trong kỳ: các nội dung triển khai đúng kế hoạch.",
  "Đã thực hiện trong kỳ; không phát sinh vướng mắc.",
  "Đã cập nhật số liệu kỳ báo cáo và gửi Văn phòng tổng hợp.",
  "Thực hiện thường xuyên; kết quả trong kỳ đạt yêu cầu.",
];
const TARGETS: Array<{ text: string; op: string | null; value: number | null; unit: string | null; monitor: string[]; implement: string[] }> = [
  { text: "Phấn đấu Chỉ số cải cách hành chính của xã tăng từ 01–02 bậc so với năm trước.", op: null, value: null, unit: null, monitor: ["lanh-dao"], implement: ["chuyen-mon"] },
  { text: "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình trên tổng số hồ sơ đạt tối thiểu 80%.", op: ">=", value: 80, unit: "%", monitor: ["vp-hdnd-ubnd"], implement: ["tt-pvhcc", "giai-quyet-tthc"] },
  { text: "100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.", op: "=", value: 100, unit: "%", monitor: ["lanh-dao"], implement: ["giai-quyet-tthc"] },
  { text: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt tối thiểu 90%.", op: ">=", value: 90, unit: "%", monitor: ["vp-hdnd-ubnd"], implement: ["tt-pvhcc"] },
  { text: "Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt trên 90%.", op: ">", value: 90, unit: "%", monitor: ["lanh-dao"], implement: ["tt-pvhcc", "p-vhxh"] },
  { text: "100% văn bản trao đổi giữa các cơ quan dưới dạng điện tử, có ký số.", op: "=", value: 100, unit: "%", monitor: ["vp-hdnd-ubnd"], implement: ["chuyen-mon"] },
  { text: "Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt tối thiểu 50%.", op: ">=", value: 50, unit: "%", monitor: ["p-kt"], implement: ["tt-pvhcc"] },
  { text: "Không có cán bộ, công chức bị xử lý kỷ luật do vi phạm kỷ luật, kỷ cương hành chính.", op: null, value: null, unit: null, monitor: ["lanh-dao"], implement: ["can-bo-cong-chuc"] },
];

/** A PDF of `size` bytes or a little more: the sample page padded with comment lines. */
function evidencePdf(title: string, size: number): Buffer {
  const base = samplePdf(title);
  const padding = Math.max(0, size - base.length);
  const line = "% " + "0123456789abcdef".repeat(4) + "\n";
  return Buffer.concat([base, Buffer.from(line.repeat(Math.ceil(padding / line.length)), "latin1")]);
}

/** Version-4-shaped UUIDs from a seeded generator: the same options give the same ids. */
function seededUuids(seed: number): () => string {
  const r = seededRandom(seed ^ 0x5bd1e995);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(r() * 4)]}${hex(3)}-${hex(12)}`;
}

const at = (date: IsoDate, rand: Rand) => new Date(`${date}T${String(int(rand, 7, 16)).padStart(2, "0")}:${String(int(rand, 0, 59)).padStart(2, "0")}:00+07:00`);

/** Writes rows in multi-row INSERTs of at most `maxParams` parameters (and `maxRows` rows) each. */
async function insertBatched(tx: Tx, table: PgTable, rows: Record<string, unknown>[], maxRows = 1000, maxParams = 20_000) {
  if (!rows.length) return 0;
  const perRow = Math.max(1, Object.keys(rows[0]).length);
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParams / perRow)));
  let statements = 0;
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as any);
    statements++;
  }
  return statements;
}

interface Rows {
  tasks: Array<typeof tasks.$inferInsert>;
  taskUnits: Array<typeof taskUnits.$inferInsert>;
  updates: Array<typeof taskUpdates.$inferInsert>;
  evidence: Array<typeof evidenceFiles.$inferInsert>;
  extensions: Array<typeof extensionRequests.$inferInsert>;
  plans: Array<typeof plans.$inferInsert>;
  targets: Array<typeof targets.$inferInsert>;
  targetUnits: Array<typeof targetUnits.$inferInsert>;
  targetValues: Array<typeof targetValues.$inferInsert>;
  evidenceBytes: number;
}

interface CommuneContext {
  rand: Rand;
  newId: () => string;
  orgId: string;
  unitRows: Array<{ id: string; code: string; name: string }>;
  u: (code: string) => string;
  focalPointId: string;
  authorFor: (leadIds: string[]) => string;
  rows: Rows;
}

const SPECIFIC = ["vp-hdnd-ubnd", "p-kt", "p-kthtdt", "p-vhxh", "tt-pvhcc", "tt-dvth", "dai-truyen-thanh", "ubmttq"];
const GENERIC = ["lien-quan", "chuyen-mon", "giai-quyet-tthc", "can-bo-cong-chuc"];

/**
 * One annual plan of `taskCount` tasks with its work up to `today` (for a past
 * year: up to its end, and the plan is closed).
 */
function buildPlan(ctx: CommuneContext, year: number, taskCount: number, today: IsoDate, status: "active" | "closed"): string {
  const { rand, newId, orgId, unitRows, u, focalPointId, authorFor, rows } = ctx;
  const planId = newId();
  const issuedDate = ymd(year, 1, 10);
  const planRow = {
    id: planId, orgId, type: "annual" as const, number: "05/KH-UBND", issuedDate, year,
    title: `Kế hoạch cải cách hành chính năm ${year} (benchmark)`, issuer: "UBND xã Bình An", signerName: "Nguyễn Văn Chủ", signerTitle: "Chủ tịch",
    legalBases: [`Kế hoạch số 25/KH-UBND ngày 05/01/${year} của UBND tỉnh về cải cách hành chính năm ${year}`, "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ"],
    status, createdBy: focalPointId,
    createdAt: new Date(`${issuedDate}T08:00:00+07:00`), updatedAt: new Date(`${status === "closed" ? ymd(year + 1, 1, 5) : issuedDate}T08:00:00+07:00`),
  };
  rows.plans.push(planRow);
  const start = planStart(planRow);
  const yearEnd = ymd(year, 12, 31);
  const clamp = (d: IsoDate) => (d > today ? today : d < start ? start : d);
  const todayMonth = parseIso(today).month;

  const weightSum = AREA_WEIGHTS.reduce((a, b) => a + b, 0);
  const perArea = AREA_WEIGHTS.map((w) => Math.floor((taskCount * w) / weightSum));
  for (let i = 0; perArea.reduce((a, b) => a + b, 0) < taskCount; i++) perArea[i % perArea.length]++;

  const overdueCandidates: Array<{ taskId: string; due: IsoDate; author: string }> = [];
  const fill = (template: string, leadName: string) => template
    .replaceAll("{y0}", String(year - 1)).replace("{t}", pick(rand, TOPICS)).replace("{u}", leadName).replace("{m}", pick(rand, MEDIA))
    .replace("{p}", pick(rand, PERIOD_WORDS)).replaceAll("{y}", String(year));
  const planTasks: Array<typeof tasks.$inferInsert> = [];
  let index = 0;

  for (const [a, area] of AREAS.entries()) {
    const work = AREA_WORK[area.code];
    for (let n = 1; n <= perArea[a]; n++, index++) {
      const taskId = newId();
      const ref = `${ROMAN[a]}.${n}`;
      // Lead: the area's usual unit, sometimes another one or two; support: other units or "các bộ phận liên quan".
      const lead = [u(rand() < 0.75 ? pick(rand, work.leads) : pick(rand, SPECIFIC))];
      if (rand() < 0.15) { const second = u(pick(rand, SPECIFIC)); if (!lead.includes(second)) lead.push(second); }
      const support: string[] = [];
      if (rand() < 0.7) {
        for (let k = int(rand, 1, 3); k > 0; k--) {
          const s = u(rand() < 0.4 ? pick(rand, GENERIC) : pick(rand, SPECIFIC));
          if (!lead.includes(s) && !support.includes(s)) support.push(s);
        }
      }
      const leadName = unitRows.find((r) => r.id === lead[0])!.name;
      rows.taskUnits.push(...lead.map((unitId, position) => ({ orgId, taskId, unitId, role: "lead" as const, position })));
      rows.taskUnits.push(...support.map((unitId, position) => ({ orgId, taskId, unitId, role: "support" as const, position })));
      const author = authorFor(lead);

      // One task in five recurs (monthly or quarterly); the rest have a deadline over the year (a few none).
      const recurrence: Recurrence | null = index % 5 === 2 ? (rand() < 0.45 ? "monthly" : "quarterly") : null;
      let dueDate: IsoDate | null = null;
      let timelineText: string;
      let startMonth = 1;
      if (recurrence) {
        dueDate = rand() < 0.5 ? yearEnd : null;
        timelineText = recurrence === "monthly" ? "Hằng tháng" : "Hằng quý";
      } else if (rand() < 0.05) {
        timelineText = "Thường xuyên";
        startMonth = int(rand, 1, 3);
      } else {
        const dueMonth = int(rand, 2, 12);
        dueDate = ymd(year, dueMonth, rand() < 0.6 ? daysInMonth(year, dueMonth) : 15);
        timelineText = `Trước ngày ${parseIso(dueDate).day}/${dueMonth}/${year}`;
        startMonth = Math.max(1, dueMonth - int(rand, 1, 5));
      }
      const milestones = !recurrence && dueDate && rand() < 0.2
        ? [addDays(dueDate, -int(rand, 30, 60)), addDays(dueDate, -int(rand, 5, 25))].filter((d) => d > start).sort()
        : [];

      // Updates: 1–3 a month from the month work starts until done (or today).
      const updates: Array<typeof taskUpdates.$inferInsert> = [];
      let progress = 0;
      let doneOn: IsoDate | null = null;
      const add = (date: IsoDate, p: number | null, note: string, extra: Partial<typeof taskUpdates.$inferInsert> = {}) => {
        const d = clamp(date);
        updates.push({ id: newId(), orgId, taskId, authorId: rand() < 0.85 ? author : focalPointId, date: d, progress: p, note, createdAt: at(d, rand), ...extra });
        if (p !== null) progress = p;
      };
      if (recurrence) {
        const periods = periodsBetween(checkInKind(recurrence), start, dueDate ?? yearEnd);
        for (const p of periods) {
          if (p.start > today) break;
          const r = rand();
          if (p.end < today) {
            if (r < 0.85) add(addDays(p.end, -int(rand, 0, 9)), null, pick(rand, NOTES_CHECKIN), { period: p.key });
            else if (r < 0.93) add(addDays(p.end, int(rand, 3, 10)), null, pick(rand, NOTES_CHECKIN), { period: p.key });
            // otherwise the period is missed
          } else if (r < 0.4) add(today, null, pick(rand, NOTES_CHECKIN), { period: p.key });
        }
        for (let m = 1; m <= todayMonth; m++) {
          const last = m === todayMonth ? parseIso(today).day : daysInMonth(year, m);
          for (let k = int(rand, 0, 2); k > 0; k--) add(ymd(year, m, int(rand, 1, last)), null, pick(rand, NOTES_PROGRESS));
        }
        const checkIns = updates.filter((x) => x.period).length;
        progress = Math.min(95, Math.round((checkIns / Math.max(1, periods.length)) * 100));
      } else {
        // The outcome: done on time, done late, or not done; decides how far the updates go.
        const r = rand();
        const dueBy = dueDate && dueDate <= today;
        let end: IsoDate = today;
        if (dueDate && dueBy && r < 0.65) doneOn = addDays(dueDate, -int(rand, 0, 20));
        else if (dueDate && dueBy && r < 0.8 && addDays(dueDate, 5) <= today) doneOn = addDays(dueDate, int(rand, 2, 25));
        else if (!dueBy && r < 0.2) doneOn = addDays(today, -int(rand, 1, 20));
        if (doneOn) { doneOn = clamp(doneOn); end = doneOn; }
        const endMonth = parseIso(end).month;
        const months = Math.max(1, endMonth - startMonth + 1);
        for (let m = startMonth; m <= endMonth; m++) {
          const last = m === endMonth ? parseIso(end).day : daysInMonth(year, m);
          const count = Math.min(last, int(rand, 1, 3));
          const days = Array.from({ length: count }, () => int(rand, 1, last)).sort((x, y) => x - y);
          for (const [k, day] of days.entries()) {
            const target = Math.round(((m - startMonth + (k + 1) / count) / months) * (doneOn ? 90 : int(rand, 60, 90)));
            const p = Math.max(progress, Math.min(95, Math.round(target / 10) * 10));
            add(ymd(year, m, day), p, pick(rand, m === startMonth && k === 0 ? NOTES_START : NOTES_PROGRESS));
          }
        }
        if (doneOn) add(doneOn, 100, pick(rand, NOTES_DONE), { statusChange: "done" });
        if (!doneOn && dueDate && dueDate < today) overdueCandidates.push({ taskId, due: dueDate, author });
      }
      updates.sort((x, y) => x.date.localeCompare(y.date) || +x.createdAt! - +y.createdAt!);
      rows.updates.push(...updates);

      // Evidence: a report for most completions and for some check-ins, 2–8 KB each.
      for (const up of updates) {
        if (!((up.statusChange === "done" && rand() < 0.7) || (up.period && rand() < 0.12))) continue;
        const content = evidencePdf(`${ref} ${area.short}`, int(rand, 2, 8) * 1024);
        rows.evidenceBytes += content.length;
        rows.evidence.push({
          id: newId(), orgId, taskId, updateId: up.id, filename: `Bao-cao-nhiem-vu-${ref}${up.period ? `-${up.period}` : ""}.pdf`, mimeType: "application/pdf",
          size: content.length, sha256: createHash("sha256").update(content).digest("hex"), content, uploadedBy: up.authorId, createdAt: up.createdAt,
        });
      }

      const lastUpdate = updates.at(-1);
      planTasks.push({
        id: taskId, orgId, planId, ref, area: area.code, title: fill(pick(rand, work.titles), leadName),
        product: pick(rand, PRODUCTS), timelineText, milestones, dueDate, originalDueDate: dueDate, recurrence,
        criteria: Array.from({ length: int(rand, 1, 2) }, () => pick(rand, CRITERIA)).filter((c, i, all) => all.indexOf(c) === i),
        budgetSource: rand() < 0.3 ? "Ngân sách xã" : null, sortOrder: (index + 1) * 10, progress, doneOn,
        lastUpdateAt: lastUpdate ? lastUpdate.createdAt! : null, createdAt: planRow.createdAt,
      });
    }
  }
  rows.tasks.push(...planTasks);

  // Extension requests: one approved (moves the due date), one refused, one pending.
  const [approved, refused, pending] = overdueCandidates;
  if (approved) {
    const newDue = addDays(approved.due, 45) > today ? addDays(approved.due, 45) : addDays(today, 20);
    rows.extensions.push({ id: newId(), orgId, taskId: approved.taskId, requestedBy: approved.author, requestedAt: at(addDays(approved.due, -5), rand), currentDue: approved.due, proposedDue: newDue, reason: "Chờ văn bản hướng dẫn của cấp trên.", status: "approved", decidedBy: focalPointId, decidedAt: at(addDays(approved.due, -3), rand), decisionNote: "Đồng ý." });
    planTasks.find((t) => t.id === approved.taskId)!.dueDate = newDue;
  }
  if (refused) rows.extensions.push({ id: newId(), orgId, taskId: refused.taskId, requestedBy: refused.author, requestedAt: at(addDays(refused.due, -4), rand), currentDue: refused.due, proposedDue: addDays(refused.due, 45), reason: "Công chức phụ trách đi học tập trung.", status: "refused", decidedBy: focalPointId, decidedAt: at(addDays(refused.due, -2), rand), decisionNote: "Không đồng ý; phân công công chức khác phối hợp." });
  if (pending && status === "active") rows.extensions.push({ id: newId(), orgId, taskId: pending.taskId, requestedBy: pending.author, requestedAt: at(clamp(addDays(pending.due, 2)), rand), currentDue: pending.due, proposedDue: addDays(today, 30), reason: "Khối lượng hồ sơ tăng đột biến trong quý." });

  // Targets with a value for every month before today's.
  for (const [i, t] of TARGETS.entries()) {
    const targetId = newId();
    rows.targets.push({ id: targetId, orgId, planId, text: t.text, op: t.op, value: t.value, unit: t.unit, sortOrder: (i + 1) * 10, createdAt: planRow.createdAt });
    rows.targetUnits.push(...t.monitor.map((c, position) => ({ orgId, targetId, unitId: u(c), role: "monitor" as const, position })));
    rows.targetUnits.push(...t.implement.map((c, position) => ({ orgId, targetId, unitId: u(c), role: "implement" as const, position })));
    if (t.value === null) continue;
    const months = status === "closed" ? 12 : todayMonth - 1;
    for (let m = 1; m <= months; m++) {
      rows.targetValues.push({ id: newId(), orgId, targetId, period: `${year}-${String(m).padStart(2, "0")}`, value: Math.min(100, Math.round((t.value - 8 + m + rand() * 6) * 10) / 10), recordedBy: focalPointId, recordedAt: at(m === 12 ? ymd(year, 12, 31) : clamp(ymd(year, m + 1, 5)), rand) });
    }
  }
  return planId;
}

export async function generateCommune(db: Db, options: GenerateOptions): Promise<GeneratedCommune> {
  const t0 = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const t1 = performance.now();

  const rand = seededRandom(options.seed ?? 20260101);
  const newId = seededUuids(options.seed ?? 20260101);
  const today = options.today;
  const year = parseIso(today).year;
  const code = options.code ?? "xa-bench";
  const short = code.replace(/^xa-/, "").replace(/[^a-z0-9]/g, "");

  // Organisations, units, people.
  const provinceId = newId();
  const orgId = newId();
  const orgRows = [
    { id: provinceId, kind: "province" as const, name: "Tỉnh Minh Hòa (benchmark)", code: `tinh-${short}` },
    { id: orgId, kind: "commune" as const, name: "UBND xã Bình An (benchmark)", code, parentId: provinceId },
  ];
  const unitRows = standardUnits("after-2025").map((x) => ({ ...x, id: newId(), orgId }));
  const unitId = new Map(unitRows.map((x) => [x.code, x.id]));
  const u = (c: string) => unitId.get(c)!;
  const people = [
    { username: `ct.${short}`, fullName: "Nguyễn Văn Chủ", role: "chairman" as const, units: ["lanh-dao"] },
    { username: `dm.${short}`, fullName: "Trần Thị Đầu Mối", role: "focal_point" as const, units: ["vp-hdnd-ubnd"] },
    { username: `vp.${short}`, fullName: "Lê Văn Văn", role: "unit_officer" as const, units: ["vp-hdnd-ubnd"] },
    { username: `kt.${short}`, fullName: "Phạm Thị Kinh", role: "unit_officer" as const, units: ["p-kt"] },
    { username: `ht.${short}`, fullName: "Hoàng Văn Hạ", role: "unit_officer" as const, units: ["p-kthtdt"] },
    { username: `xh.${short}`, fullName: "Đỗ Thị Hội", role: "unit_officer" as const, units: ["p-vhxh"] },
    { username: `hcc.${short}`, fullName: "Võ Văn Công", role: "unit_officer" as const, units: ["tt-pvhcc"] },
  ];
  const userRows = people.map((p) => ({ id: newId(), orgId, username: p.username, fullName: p.fullName, role: p.role, passwordHash }));
  const userUnitRows = people.flatMap((p, i) => p.units.map((c) => ({ orgId, userId: userRows[i].id, unitId: u(c) })));
  const focalPointId = userRows[1].id;
  const authorFor = (leadIds: string[]) => {
    for (const id of leadIds) {
      const i = people.findIndex((p) => p.role === "unit_officer" && u(p.units[0]) === id);
      if (i >= 0) return userRows[i].id;
    }
    return focalPointId;
  };

  const rows: Rows = { tasks: [], taskUnits: [], updates: [], evidence: [], extensions: [], plans: [], targets: [], targetUnits: [], targetValues: [], evidenceBytes: 0 };
  const ctx: CommuneContext = { rand, newId, orgId, unitRows, u, focalPointId, authorFor, rows };
  // Earlier years first (closed), then the plan the benchmark reads.
  for (let k = options.pastPlans ?? 0; k >= 1; k--) buildPlan(ctx, year - k, options.tasks, ymd(year - k, 12, 31), "closed");
  const firstCurrentTask = rows.tasks.length;
  const firstCurrentUpdate = rows.updates.length;
  const planId = buildPlan(ctx, year, options.tasks, today, "active");
  const t2 = performance.now();

  // Write everything in one transaction, many rows per INSERT.
  const statements: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const write = async (name: string, table: PgTable, list: Record<string, unknown>[], maxRows?: number) => { statements[name] = await insertBatched(tx, table, list, maxRows); };
    await write("organisations", organisations, orgRows);
    await write("units", units, unitRows);
    await write("users", users, userRows);
    await write("user_units", userUnits, userUnitRows);
    await write("plans", plans, rows.plans);
    await write("tasks", tasks, rows.tasks);
    await write("task_units", taskUnits, rows.taskUnits);
    await write("task_updates", taskUpdates, rows.updates);
    await write("evidence_files", evidenceFiles, rows.evidence, 50);
    await write("extension_requests", extensionRequests, rows.extensions);
    await write("targets", targets, rows.targets);
    await write("target_units", targetUnits, rows.targetUnits);
    await write("target_values", targetValues, rows.targetValues);
    await write("audit_log", auditLog, [{ orgId, userId: null, action: "seed", entity: "plan", entityId: planId, summary: "Dữ liệu benchmark" }]);
  });
  const t3 = performance.now();

  const current = rows.tasks.slice(firstCurrentTask);
  const currentUpdates = rows.updates.slice(firstCurrentUpdate);
  return {
    orgId, planId,
    chairman: { username: people[0].username, password: BENCH_PASSWORD },
    focalPoint: { username: people[1].username, password: BENCH_PASSWORD },
    rows: {
      plans: rows.plans.length, units: unitRows.length, users: userRows.length,
      tasks: current.length, recurring: current.filter((t) => t.recurrence).length, done: current.filter((t) => t.doneOn).length,
      task_updates: currentUpdates.length, check_ins: currentUpdates.filter((x) => x.period).length,
      all_tasks: rows.tasks.length, all_task_updates: rows.updates.length,
      task_units: rows.taskUnits.length, evidence_files: rows.evidence.length, extension_requests: rows.extensions.length,
      targets: rows.targets.length, target_values: rows.targetValues.length,
      insert_statements: Object.values(statements).reduce((a, b) => a + b, 0),
    },
    evidenceBytes: rows.evidenceBytes,
    timings: { hashMs: t1 - t0, buildMs: t2 - t1, insertMs: t3 - t2, totalMs: t3 - t0 },
  };
}
