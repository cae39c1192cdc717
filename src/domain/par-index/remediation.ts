/**
 * The remediation plan (kế hoạch khắc phục tồn tại, hạn chế) drafted from a
 * commune's lost points: one task per criterion below its maximum, with the
 * criterion code, a unit proposed from the criterion's area, a deadline in
 * the next year and the level to reach; rate criteria also become targets.
 * The focal point edits and issues the draft like any plan. Pure.
 */
import type { AreaCode } from "../areas.js";
import { ymd } from "../dates.js";
import { viNumber, walk } from "./tree.js";
import { thresholdRate, thresholdText } from "./assessment.js";
import type { CriteriaSet, LostPoint } from "./types.js";

export interface CommuneUnit { id: string; code: string | null; name: string; kind: string }

/** Standard units (shared/reference/units.json) that usually lead the work of each area, best first. */
const AREA_UNITS: Record<AreaCode, string[]> = {
  "chi-dao-dieu-hanh": ["vp-hdnd-ubnd", "vp-tk"],
  "the-che": ["tp-ht", "vp-hdnd-ubnd", "vp-tk"],
  "thu-tuc-hanh-chinh": ["tt-pvhcc", "mot-cua", "vp-hdnd-ubnd", "vp-tk"],
  "to-chuc-bo-may": ["vp-hdnd-ubnd", "vp-tk"],
  "cong-vu": ["vp-hdnd-ubnd", "vp-tk"],
  "tai-chinh-cong": ["tc-kt", "p-kt", "vp-tk"],
  "chinh-quyen-so": ["vh-xh", "p-vhxh", "vp-hdnd-ubnd", "vp-tk"],
  "tac-dong": ["vp-hdnd-ubnd", "vp-tk", "mot-cua"],
};

/** The commune's unit proposed for an area: the first standard one it has, else its first unit. */
export function proposedUnit(area: AreaCode | undefined, units: readonly CommuneUnit[]): CommuneUnit | null {
  const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code!, u]));
  for (const code of area ? AREA_UNITS[area] : []) {
    const u = byCode.get(code);
    if (u) return u;
  }
  return units.find((u) => u.kind === "unit") ?? units[0] ?? null;
}

interface DraftUnit { unit: string | null; text: string; unitId?: string }

export interface RemediationDraft {
  document: {
    type: string; number: null; issuer: string; place: null; date: null; title: string; year: number;
    signer: { name: string | null; title: string | null };
  };
  targets: Array<{ text: string; op: string; value: number; unit: string; monitor: DraftUnit[]; implement: DraftUnit[] }>;
  tasks: Array<{
    ref: string; area: string | null; title: string; product: string; lead: DraftUnit[]; support: DraftUnit[];
    timeline: { text: string; milestones: string[]; due: string; recurrence: null }; criteria: string[];
  }>;
}

export interface RemediationArgs {
  set: CriteriaSet;
  lost: readonly LostPoint[];
  /** Issuer as written on the plan: "UBND xã Tỉnh Khê". */
  communeName: string;
  /** Year of the assessment; the plan is for the next year. */
  year: number;
  units: readonly CommuneUnit[];
  signer?: { name: string | null; title: string | null };
}

/**
 * Deadlines: rates are measured over the whole year, so their tasks run to
 * 15/12; other criteria should be fixed by the end of the second quarter.
 */
export function remediationDraft(a: RemediationArgs): RemediationDraft {
  const planYear = a.year + 1;
  const nodes = new Map(walk(a.set).map((v) => [v.node.code, v.node] as const));
  const asUnit = (u: CommuneUnit | null): DraftUnit[] => (u ? [{ unit: u.code, text: u.name, unitId: u.id }] : []);
  const tasks: RemediationDraft["tasks"] = [];
  const targets: RemediationDraft["targets"] = [];
  for (const lp of a.lost) {
    const node = nodes.get(lp.code);
    if (!node) continue;
    const lead = asUnit(proposedUnit(lp.area, a.units));
    const threshold = thresholdText(node);
    const rate = thresholdRate(node);
    const due = rate !== null ? ymd(planYear, 12, 15) : ymd(planYear, 6, 30);
    tasks.push({
      ref: lp.code, area: lp.area ?? null,
      title: `Khắc phục tiêu chí ${lp.code} “${node.name}”: ${threshold} (năm ${a.year} đạt ${viNumber(lp.points)}/${viNumber(lp.max)} điểm, bị trừ ${viNumber(lp.lost)} điểm — ${lp.explanation})`,
      product: `Tiêu chí ${lp.code} đạt tối đa ${viNumber(lp.max)} điểm trong Chỉ số CCHC năm ${planYear}; tài liệu kiểm chứng: ${node.evidenceHint ?? "văn bản, báo cáo kết quả thực hiện"}`,
      lead, support: [],
      timeline: { text: rate !== null ? `Thường xuyên, hoàn thành trước 15/12/${planYear}` : `Trước 30/6/${planYear}`, milestones: [], due, recurrence: null },
      criteria: [lp.code],
    });
    if (rate !== null) {
      targets.push({ text: `${node.name} (tiêu chí ${lp.code}) đạt tối thiểu ${viNumber(rate)}%`, op: ">=", value: rate, unit: "%", monitor: lead, implement: lead });
    }
  }
  return {
    document: {
      type: "Kế hoạch", number: null, issuer: a.communeName, place: null, date: null,
      title: `Khắc phục tồn tại, hạn chế qua kết quả Chỉ số cải cách hành chính năm ${a.year} của ${a.communeName}`,
      year: planYear, signer: a.signer ?? { name: null, title: null },
    },
    targets, tasks,
  };
}
