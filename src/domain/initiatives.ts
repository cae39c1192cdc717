import { daysBetween, formatViDate, type IsoDate } from "./dates.js";

/** An author of an initiative: a name as printed, and the account when the author has one. */
export interface InitiativeAuthor { name: string; userId: string | null }

/** Evidence pieces (files and links) one initiative may hold. */
export const MAX_INITIATIVE_EVIDENCE = 10;

export const INITIATIVE_STATUS_LABELS = { submitted: "Đã nộp", recognised: "Được công nhận", applied: "Đã áp dụng" } as const;
export type InitiativeStatus = keyof typeof INITIATIVE_STATUS_LABELS;

/** The status of an initiative and the dates it rests on. */
export interface InitiativeState {
  year: number;
  status: InitiativeStatus;
  submittedOn: IsoDate;
  recognisedOn: IsoDate | null;
  appliedOn: IsoDate | null;
}

export type InitiativeChange = Partial<Omit<InitiativeState, "year">>;
export type StateCheck = { ok: true; state: InitiativeState } | { ok: false; field: keyof InitiativeState; message: string };

/** The dates each status may carry: recognition from "recognised" on, application only once applied. */
const KEEPS: Record<InitiativeStatus, { recognisedOn: boolean; appliedOn: boolean }> = {
  submitted: { recognisedOn: false, appliedOn: false },
  recognised: { recognisedOn: true, appliedOn: false },
  applied: { recognisedOn: true, appliedOn: true },
};

/**
 * The state after a change, or what is wrong with it. Moving the status back
 * drops the dates the new status does not carry unless the change sets them
 * (then they are refused, so nothing the user typed is silently lost).
 */
export function changeInitiativeState(before: InitiativeState, change: InitiativeChange, today: IsoDate): StateCheck {
  const state: InitiativeState = { ...before };
  for (const [k, v] of Object.entries(change) as Array<[keyof InitiativeChange, never]>) if (v !== undefined) state[k] = v;
  if (change.status !== undefined && change.status !== before.status) {
    if (change.recognisedOn === undefined && !KEEPS[state.status].recognisedOn) state.recognisedOn = null;
    if (change.appliedOn === undefined && !KEEPS[state.status].appliedOn) state.appliedOn = null;
  }
  return checkInitiativeState(state, today);
}

export function checkInitiativeState(s: InitiativeState, today: IsoDate): StateCheck {
  const fail = (field: keyof InitiativeState, message: string): StateCheck => ({ ok: false, field, message });
  const d = formatViDate;
  if (Number(s.submittedOn.slice(0, 4)) !== s.year) return fail("submittedOn", `Ngày nộp (${d(s.submittedOn)}) không thuộc năm ${s.year}.`);
  if (s.submittedOn > today) return fail("submittedOn", `Ngày nộp (${d(s.submittedOn)}) không được sau ngày hôm nay (${d(today)}).`);
  if (s.status === "recognised" && !s.recognisedOn) return fail("recognisedOn", "Sáng kiến được công nhận cần có ngày công nhận.");
  if (s.status === "applied" && !s.appliedOn) return fail("appliedOn", "Sáng kiến đã áp dụng cần có ngày áp dụng.");
  if (s.recognisedOn && !KEEPS[s.status].recognisedOn) return fail("recognisedOn", "Sáng kiến chưa được công nhận nên chưa ghi ngày công nhận.");
  if (s.appliedOn && !KEEPS[s.status].appliedOn) return fail("appliedOn", "Sáng kiến chưa được áp dụng nên chưa ghi ngày áp dụng.");
  if (s.recognisedOn) {
    if (s.recognisedOn > today) return fail("recognisedOn", `Ngày công nhận (${d(s.recognisedOn)}) không được sau ngày hôm nay (${d(today)}).`);
    if (s.recognisedOn < s.submittedOn) return fail("recognisedOn", `Ngày công nhận (${d(s.recognisedOn)}) không được trước ngày nộp (${d(s.submittedOn)}).`);
  }
  if (s.appliedOn) {
    if (s.appliedOn > today) return fail("appliedOn", `Ngày áp dụng (${d(s.appliedOn)}) không được sau ngày hôm nay (${d(today)}).`);
    if (s.recognisedOn && s.appliedOn < s.recognisedOn) return fail("appliedOn", `Ngày áp dụng (${d(s.appliedOn)}) không được trước ngày công nhận (${d(s.recognisedOn)}).`);
  }
  return { ok: true, state: s };
}

/** A commune's call for initiatives of a year: by when, and how many each unit is asked for. */
export interface InitiativeCall { dueDate: IsoDate; perUnit: number }

export interface UnitRef { id: string; name: string }
export interface TalliedInitiative { unit: UnitRef; status: InitiativeStatus; submittedOn: IsoDate }

export interface UnitTally {
  unit: UnitRef;
  count: number;
  /** Recognised or applied: an applied initiative was recognised first. */
  recognised: number;
  applied: number;
  /** Submitted on or before the call's due date (all of them when there is no call). */
  countByDue: number;
  /** Still short of the call's number by its due date. */
  due: boolean;
  /** Days from today to the due date, negative once it has passed; null without a call. */
  daysLeft: number | null;
}

const isRecognised = (s: InitiativeStatus) => s === "recognised" || s === "applied";

/**
 * Initiatives of a year per unit: every unit the call addresses, in the order
 * given, then any other unit that registered initiatives (by name).
 */
export function tallyByUnit(units: UnitRef[], initiatives: TalliedInitiative[], call: InitiativeCall | null, today: IsoDate): UnitTally[] {
  const extra = new Map<string, UnitRef>();
  const listed = new Set(units.map((u) => u.id));
  for (const i of initiatives) if (!listed.has(i.unit.id)) extra.set(i.unit.id, i.unit);
  const all = [...units, ...[...extra.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"))];
  const daysLeft = call ? daysBetween(today, call.dueDate) : null;
  return all.map((unit) => {
    const own = initiatives.filter((i) => i.unit.id === unit.id);
    const countByDue = call ? own.filter((i) => i.submittedOn <= call.dueDate).length : own.length;
    return {
      unit,
      count: own.length,
      recognised: own.filter((i) => isRecognised(i.status)).length,
      applied: own.filter((i) => i.status === "applied").length,
      countByDue,
      due: call ? countByDue < call.perUnit : false,
      daysLeft,
    };
  });
}

export function initiativeTotals(initiatives: Array<{ status: InitiativeStatus }>) {
  return {
    count: initiatives.length,
    recognised: initiatives.filter((i) => isRecognised(i.status)).length,
    applied: initiatives.filter((i) => i.status === "applied").length,
  };
}
