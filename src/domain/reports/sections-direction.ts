/**
 * The opening of a report (its basis) and section I, CÔNG TÁC CHỈ ĐẠO, ĐIỀU
 * HÀNH CẢI CÁCH HÀNH CHÍNH (reporting.md A3).
 */
import { percent } from "../indicators/ratio.js";
import { fold } from "../text.js";
import { satisfactionFacts } from "./one-stop-facts.js";
import { localityOf, lowerFirst, viDate, viNumber as n, viPercent } from "./format.js";
import { groupHeading, section, type DraftContext } from "./section.js";
import { activeInWindow, noteLines, sectionArea, shortfallFact, targetFact, taskFact } from "./task-facts.js";
import type { ReportFact, ReportInput, ReportSection } from "./types.js";

type Plan = ReportInput["plans"][number];

/** "12/KH-UBND" as stored, "12" → "12/KH-UBND", "9" → "09/KH-UBND"; dots when the plan has no number yet. */
function planNumber(number: string | null): string {
  const stored = number?.trim().replace(/^Số\s*:?\s*/iu, "") ?? "";
  if (!stored) return "…/KH-UBND";
  const [serial, symbol = "KH-UBND"] = stored.split("/", 2).map((s) => s.trim());
  return `${/^\d$/.test(serial) ? `0${serial}` : serial}/${symbol}`;
}

/** What a plan is about: "cải cách hành chính năm 2026" for the annual plan, else its title without "Kế hoạch". */
function planSubject(plan: Plan, year: number): string {
  if (plan.type === "annual") return `cải cách hành chính năm ${year}`;
  const title = plan.title.trim();
  const rest = fold(title).startsWith("ke hoach ") ? title.slice("Kế hoạch ".length).trim() : title;
  return lowerFirst(rest.replace(/^về\s+/iu, ""));
}

/** The basis lines ("Căn cứ Kế hoạch số …"), annual plans first, and the province's instruction for the commune to complete. */
export function openingSection(input: ReportInput): ReportSection {
  const commune = localityOf(input.commune.name);
  const plans = [...input.plans.filter((p) => p.type === "annual"), ...input.plans.filter((p) => p.type !== "annual")];
  const facts: ReportFact[] = plans.map((p) => ({
    text: `Căn cứ Kế hoạch số ${planNumber(p.number)} ngày ${viDate(p.issuedDate)} của UBND ${commune} về ${planSubject(p, input.window.year)};`,
    ref: { type: "plan", id: p.id },
  }));
  const province = input.commune.province ? localityOf(input.commune.province) : "tỉnh …";
  const text = `Thực hiện Văn bản số …/… ngày … của Sở Nội vụ ${province} về việc báo cáo kết quả thực hiện công tác cải cách hành chính ${input.window.label}, `
    + `Ủy ban nhân dân ${commune} báo cáo kết quả như sau:`;
  return section("opening", "", "", 1, { facts, text });
}

/** "Kế hoạch CCHC năm 2026 có 12 nhiệm vụ: đã hoàn thành 5 (đúng hạn 4, quá hạn 1); …" */
function planSummaryFact({ input, tally }: DraftContext): ReportFact {
  const year = input.window.year;
  if (!input.plans.length) return { text: `Chưa có kế hoạch CCHC năm ${year} được ban hành.` };
  const subject = input.plans.length === 1 ? `Kế hoạch CCHC năm ${year}` : `Các kế hoạch CCHC năm ${year}`;
  const fact: ReportFact = {
    text: `${subject} có ${n(tally.total)} nhiệm vụ: đã hoàn thành ${n(tally.doneOnTime + tally.doneLate)} (đúng hạn ${n(tally.doneOnTime)}, quá hạn ${n(tally.doneLate)})`
      + `; quá hạn chưa hoàn thành ${n(tally.overdue)}; đang thực hiện ${n(tally.inProgress)}; chưa thực hiện ${n(tally.notStarted)}.`,
  };
  return input.plans.length === 1 ? { ...fact, ref: { type: "plan", id: input.plans[0].id } } : fact;
}

/** "Đến ngày 14/03/2026, hoàn thành 4/6 nhiệm vụ đến hạn (66,67 %)." */
function completionFact({ input, tally }: DraftContext): ReportFact {
  const by = `Đến ngày ${viDate(input.window.to)}`;
  if (tally.completionRate === null) return { text: `${by}, chưa có nhiệm vụ nào đến hạn.` };
  return { text: `${by}, hoàn thành ${n(tally.doneOfDue)}/${n(tally.due)} nhiệm vụ đến hạn (${viPercent(tally.completionRate)}).` };
}

/**
 * I.1: the tally of the year's tasks, the completion of those due, each task
 * overdue or done late; then the plan's general tasks and targets (chỉ đạo,
 * điều hành, tác động or no area) of the window, the text from their notes.
 */
function planSection(ctx: DraftContext): ReportSection {
  const { input, shortfalls } = ctx;
  const w = input.window;
  const general = input.tasks.filter((t) => sectionArea(t) === null);
  const named = new Set(shortfalls.map((t) => t.id));
  const facts = [
    planSummaryFact(ctx),
    completionFact(ctx),
    ...shortfalls.map(shortfallFact),
    ...general.filter((t) => activeInWindow(t, w) && !named.has(t.id)).map(taskFact),
    ...input.targets.filter((t) => sectionArea(t) === null).map(targetFact),
  ];
  return section("I.1", "1", "Ban hành và tổ chức thực hiện kế hoạch CCHC", 2, { facts, text: noteLines(general, w) });
}

/** " (48 %)", or "" when there is nothing to count. */
const shareText = (part: number, whole: number) => {
  const share = percent(part, whole);
  return share === null ? "" : ` (${viPercent(share)})`;
};

/**
 * I.2 from the inspection records, the year to the window's end: "Kế hoạch
 * kiểm tra CCHC năm 2026: kiểm tra 3/6 bộ phận (50 %), chỉ tiêu 50 %; phát
 * hiện 5 tồn tại, đã xử lý 3 (60 %), trong đó 1 kiến nghị cấp trên."
 */
function inspectionFacts(input: ReportInput): ReportFact[] {
  const i = input.reform?.inspection;
  if (!i) return [];
  const { units, findings: f } = i;
  const escalated = f.escalated ? `, trong đó ${n(f.escalated)} kiến nghị cấp trên` : "";
  const found = f.total > 0 ? `; phát hiện ${n(f.total)} tồn tại, đã xử lý ${n(f.handled)}${shareText(f.handled, f.total)}${escalated}`
    : units.inspected > 0 ? "; chưa phát hiện tồn tại phải xử lý" : "";
  const inspected = `kiểm tra ${n(units.inspected)}/${n(units.total)} bộ phận${shareText(units.inspected, units.total)}`;
  return [{ text: `Kế hoạch kiểm tra CCHC năm ${input.window.year}: ${inspected}, chỉ tiêu ${viPercent(i.targetShare)}${found}.` }];
}

/** I.4 from the initiative records: "Có 3 sáng kiến được đăng ký trong kỳ, 1 sáng kiến được công nhận." */
function initiativeFacts(input: ReportInput): ReportFact[] {
  const i = input.reform?.initiatives;
  if (!i) return [];
  const registered = i.submitted > 0 ? `Có ${n(i.submitted)} sáng kiến được đăng ký trong kỳ` : "Trong kỳ không có sáng kiến mới được đăng ký";
  const recognised = i.recognised > 0 ? `${n(i.recognised)} sáng kiến được công nhận` : "chưa có sáng kiến nào được công nhận";
  return [{ text: `${registered}, ${recognised}.` }];
}

export function directionSections(ctx: DraftContext): ReportSection[] {
  return [
    groupHeading("I", "I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
    planSection(ctx),
    section("I.2", "2", "Kiểm tra, tự kiểm tra CCHC", 2, { facts: inspectionFacts(ctx.input) }),
    section("I.3", "3", "Thông tin, tuyên truyền CCHC", 2),
    section("I.4", "4", "Sáng kiến, mô hình mới; khảo sát sự hài lòng", 2, { facts: [...initiativeFacts(ctx.input), ...satisfactionFacts(ctx.input.oneStop, ctx.dossiers)] }),
  ];
}
