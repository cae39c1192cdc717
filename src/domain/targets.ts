export const TARGET_OPS = [">=", ">", "<=", "<", "="] as const;
export type TargetOp = (typeof TARGET_OPS)[number];

/** Whether a measured value meets a target; null when either side is unknown. */
export function targetMet(op: TargetOp | null, target: number | null, value: number | null): boolean | null {
  if (value === null || target === null) return null;
  switch (op ?? ">=") {
    case ">=": return value >= target;
    case ">": return value > target;
    case "<=": return value <= target;
    case "<": return value < target;
    case "=": return value === target;
  }
}

export type TargetLight = "met" | "at_risk" | "missed" | "no_data";
export interface PeriodValue { period: string; value: number }
export interface LightInput { op: TargetOp | null; target: number | null; values: readonly PeriodValue[]; year: number; today: string }
export interface LightResult { light: TargetLight; value: number | null; period: string | null; trend: PeriodValue[] }

/**
 * The traffic light of a yearly target. The figure judged is the year's value
 * when one is recorded (computed targets record it as the year to date), else
 * the latest value recorded. Met: it meets the target and so does the latest
 * completed month, if months are recorded. At risk: the year is not over and the figure or
 * the latest month falls short. Missed: the year is over and the figure falls short.
 */
export function targetLight({ op, target, values, year, today }: LightInput): LightResult {
  const monthKey = new RegExp(`^${year}-\\d{2}$`);
  const trend = values.filter((v) => monthKey.test(v.period)).map(({ period, value }) => ({ period, value })).sort((a, b) => a.period.localeCompare(b.period));
  const yearValue = values.find((v) => v.period === String(year)) ?? null;
  const judged = yearValue ?? values.at(-1) ?? null;
  const met = targetMet(op, target, judged?.value ?? null);
  if (judged === null || met === null) return { light: "no_data", value: judged?.value ?? null, period: judged?.period ?? null, trend };
  const over = today > `${year}-12-31`;
  // The month under way says little on its first days: the latest month judged is the last one completed.
  const thisMonth = today.slice(0, 7);
  const lastMonth = trend.filter((v) => v.period < thisMonth).at(-1) ?? trend.at(-1);
  const monthMet = lastMonth ? targetMet(op, target, lastMonth.value) : true;
  const light: TargetLight = over ? (met ? "met" : "missed") : met && monthMet ? "met" : "at_risk";
  return { light, value: judged.value, period: judged.period, trend };
}
