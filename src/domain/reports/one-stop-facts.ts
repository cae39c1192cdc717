/**
 * What a report says from the one-stop records of its window: the Biểu 06
 * figures (II.2), the digital-government rates (II.6), the satisfaction rate
 * (I.4), each linked to the dossiers of the window.
 */
import { indicatorInfo } from "../indicators/catalogue.js";
import type { Rate, Rates } from "../indicators/compute.js";
import { bieu06Rates } from "./bieu06.js";
import { viNumber, viPercent } from "./format.js";
import type { ReportFact, ReportInput } from "./types.js";

export type OneStop = NonNullable<ReportInput["oneStop"]>;

export function dossierRef(input: ReportInput): ReportFact["ref"] {
  const w = input.oneStop?.window ?? input.window;
  return { type: "dossiers", from: w.from, to: w.to };
}

const n = viNumber;
/** "; tỷ lệ giải quyết đúng hạn 98,5 %", or "" when the rate is unknown. */
const rateClause = (label: string, rate: number | null) => (rate === null ? "" : `; ${label} ${viPercent(rate)}`);

/**
 * II.2: "Tổng số hồ sơ tiếp nhận: 1.234 (trực tuyến 800; trực tiếp, bưu chính
 * 400; kỳ trước chuyển sang 34); đã giải quyết 1.100 (…); tỷ lệ giải quyết đúng
 * hạn 98,5 %; đang giải quyết 134 (…); tỷ lệ hồ sơ trực tuyến 66,67 %.", then
 * feedback and apology letters when there are any.
 */
export function dossierFacts(oneStop: OneStop, ref: ReportFact["ref"]): ReportFact[] {
  const { received: r, resolved: s, pending: p } = oneStop.total;
  const rates = bieu06Rates(oneStop.total);
  const facts: ReportFact[] = [{
    text: `Tổng số hồ sơ tiếp nhận: ${n(r.total)} (trực tuyến ${n(r.online)}; trực tiếp, bưu chính ${n(r.direct)}; kỳ trước chuyển sang ${n(r.carried)})`
      + `; đã giải quyết ${n(s.total)} (trước hạn ${n(s.early)}, đúng hạn ${n(s.onTime)}, quá hạn ${n(s.late)})${rateClause("tỷ lệ giải quyết đúng hạn", rates.onTime)}`
      + `; đang giải quyết ${n(p.total)} (trong hạn ${n(p.withinTime)}, quá hạn ${n(p.overdue)})${rateClause("tỷ lệ hồ sơ trực tuyến", rates.online)}.`,
    ref,
  }];
  const f = oneStop.counts.feedback;
  if (f.received > 0) {
    const handled = f.resolved_on_time + f.resolved_late;
    facts.push({
      text: `Tiếp nhận ${n(f.received)} phản ánh, kiến nghị; đã xử lý ${n(handled)} (đúng hạn ${n(f.resolved_on_time)}, quá hạn ${n(f.resolved_late)}); đang xử lý ${n(f.pending_within_time + f.pending_overdue)}.`,
      ref,
    });
  }
  if (oneStop.counts.apology_letters > 0) facts.push({ text: `Số thư xin lỗi do giải quyết hồ sơ quá hạn: ${n(oneStop.counts.apology_letters)}.`, ref });
  return facts;
}

/** "Tỷ lệ hồ sơ nộp trực tuyến: 66,67 % (800/1.200 hồ sơ)."; null when the rate is unknown. */
function rateFact(key: keyof Rates, r: Rate, of: string, ref: ReportFact["ref"]): ReportFact | null {
  if (r.rate === null) return null;
  return { text: `${indicatorInfo(key)!.label}: ${viPercent(r.rate)} (${n(r.numerator)}/${n(r.denominator)} ${of}).`, ref };
}

const DIGITAL: Array<keyof Rates> = ["online_submission", "fully_online", "online_payment", "digitised_dossiers"];

/** II.6: online submission, fully online, online payment and digitisation rates, those known. */
export function digitalFacts(oneStop: OneStop, ref: ReportFact["ref"]): ReportFact[] {
  return DIGITAL.map((key) => rateFact(key, oneStop.rates[key], "hồ sơ", ref)).filter((f): f is ReportFact => f !== null);
}

/** I.4: the share of ratings "hài lòng" or "rất hài lòng", when any dossier was rated. */
export function satisfactionFacts(oneStop: OneStop | null, ref: ReportFact["ref"]): ReportFact[] {
  const fact = oneStop ? rateFact("satisfaction", oneStop.rates.satisfaction, "lượt đánh giá", ref) : null;
  return fact ? [fact] : [];
}
