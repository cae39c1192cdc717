/** Sections III (ĐÁNH GIÁ CHUNG), IV (PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI) and V (ĐỀ XUẤT, KIẾN NGHỊ). */
import { dashList } from "./format.js";
import { groupHeading, section, type DraftContext } from "./section.js";
import { nextTaskLines, shortfallSentence, targetShortfallSentence, targetsShort } from "./task-facts.js";
import type { ReportSection } from "./types.js";

export function closingSections({ input, shortfalls }: DraftContext): ReportSection[] {
  // III.2 starts from what the records show; the commune adds the causes.
  const shortcomings = dashList([...shortfalls.map(shortfallSentence), ...targetsShort(input.targets).map(targetShortfallSentence)]);
  return [
    groupHeading("III", "III", "ĐÁNH GIÁ CHUNG"),
    section("III.1", "1", "Ưu điểm", 2),
    section("III.2", "2", "Tồn tại, hạn chế và nguyên nhân", 2, { text: shortcomings }),
    section("IV", "IV", "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI", 1, { text: nextTaskLines(input.nextTasks) }),
    section("V", "V", "ĐỀ XUẤT, KIẾN NGHỊ", 1),
  ];
}
