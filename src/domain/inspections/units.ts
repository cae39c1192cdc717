/**
 * The kinds of unit that count as a commune's bộ phận for inspection coverage,
 * initiative calls and emulation: the units proper and, in a commune organised
 * before July 2025, the công chức titles (Văn phòng – Thống kê, Tư pháp – Hộ
 * tịch, …). Mass organisations, the leadership and generic "units concerned" do not.
 */
export const COUNTED_UNIT_KINDS = ["unit", "officer-title"] as const;
