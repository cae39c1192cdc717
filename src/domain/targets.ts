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
