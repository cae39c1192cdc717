import type { IsoDate } from "../../../src/domain/dates.js";
import type { Channel, Dossier, DossierStatus, Procedure, Rating, TimeUnit } from "../../../src/domain/indicators/types.js";
import { type CatalogueEntry, type Field, FIELDS, UNITS, UNKNOWN_PROCEDURES } from "./catalogue.js";
import { DayPicker, addDays, daysBetween, dueFrom, maxDate, plusWorkingDays, weekday } from "./calendar.js";
import { Rng } from "./prng.js";

/**
 * Dossiers of one commune as its one-stop system would export them on `asOf`:
 * each dossier lives through a simulated life (acceptance, due date,
 * supplementation rounds, apology, end, hand-over) and is then cut at `asOf`
 * (statuses and dates as at that day; nothing later has happened).
 */
export interface DossierGenOptions {
  seed: number;
  /** The commune's electronic identifier, the first part of every MaHoSo (e.g. "H40.12.07"). */
  unitCode: string;
  count: number;
  /** Acceptance (or submission) dates are drawn from [from, to]. */
  from: IsoDate;
  to: IsoDate;
  /** Export date, ≥ to. */
  asOf: IsoDate;
  catalogue: readonly CatalogueEntry[];
}

interface Pick { code: string; name: string; field: Field; procedure: Procedure | null }

const OWN_LIMITS: [number, TimeUnit][] = [
  [4, "gio"], [8, "gio"], [12, "gio"], [40, "gio"], [3, "ngay-lam-viec"], [5, "ngay-lam-viec"], [10, "ngay-lam-viec"],
  [7, "ngay"], [15, "ngay"], [30, "ngay"], [1, "thang"], [2, "thang"],
];
const FEES = [5000, 10000, 20000, 30000, 50000, 100000, 150000, 250000, 1250000];

const CHANNELS: Record<Procedure["onlineLevel"], [Channel, number][]> = {
  "toan-trinh": [[2, 65], [1, 32], [3, 3]],
  "mot-phan": [[2, 35], [1, 61], [3, 4]],
  khong: [[2, 3], [1, 94], [3, 3]],
};
/** MucDo of an online dossier by the TTHC's level; direct dossiers mostly carry none. */
const LEVELS: Record<Procedure["onlineLevel"] | "offline", [number | null, number][]> = {
  "toan-trinh": [[4, 88], [3, 8], [null, 4]],
  "mot-phan": [[3, 80], [4, 8], [null, 12]],
  khong: [[2, 50], [null, 50]],
  offline: [[null, 90], [2, 5], [4, 3], [3, 2]],
};

/** End relative to the due date: boundaries (due, due ± 1) are frequent on purpose. */
function dueOffset(rng: Rng): number {
  switch (rng.weighted([["early", 40], ["d-1", 8], ["due", 22], ["d+1", 8], ["late", 12], ["very", 10]] as const)) {
    case "early": return -rng.int(2, 10);
    case "d-1": return -1;
    case "due": return 0;
    case "d+1": return 1;
    case "late": return rng.int(2, 6);
    case "very": return rng.int(7, 45);
  }
}

class CommuneDossiers {
  private readonly days: DayPicker;
  private readonly recent: DayPicker;
  private readonly procs: [Pick, number][];
  private readonly seq = new Map<string, number>();

  constructor(private readonly o: DossierGenOptions) {
    this.days = new DayPicker(o.from, o.to);
    this.recent = new DayPicker(addDays(o.asOf, -20) > o.from ? addDays(o.asOf, -20) : o.from, o.asOf);
    this.procs = o.catalogue.map((e) => [{ code: e.procedure.code, name: e.procedure.name ?? "", field: e.field, procedure: e.procedure }, e.weight]);
    for (const u of UNKNOWN_PROCEDURES) this.procs.push([{ code: u.code, name: u.name, field: FIELDS[u.field]!, procedure: null }, 0.3]);
  }

  /** MaHoSo: {identifier}-{YYMMDD}-{daily sequence}; a few inter-connected codes carry a 6-digit sequence with a ministry prefix. */
  private code(rng: Rng, day: IsoDate): string {
    const linked = rng.chance(0.03);
    const key = `${day}${linked ? "L" : ""}`;
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    const yymmdd = day.slice(2).replaceAll("-", "");
    return `${this.o.unitCode}-${yymmdd}-${linked ? `07${String(n).padStart(4, "0")}` : String(n).padStart(4, "0")}`;
  }

  make(rng: Rng): Dossier {
    const { asOf } = this.o;
    const pick = rng.weighted(this.procs);
    const p = pick.procedure;
    const xa = p !== null && p.levels.includes("xa");
    const onlineLevel = p?.onlineLevel ?? "khong";
    const kind = rng.weighted([["accepted", 94], ["registered", 3.5], ["refused", 2.5]] as const);
    let channel: Channel = kind === "accepted" ? rng.weighted(CHANNELS[onlineLevel]) : rng.chance(0.85) ? 2 : 1;
    if (p === null && channel === 2 && rng.chance(0.5)) channel = 1;
    const day = kind === "registered" && rng.chance(0.6) ? this.recent.pick(rng) : this.days.pick(rng);
    const withField = rng.weighted([["both", 75], ["name", 5], ["none", 20]] as const);
    const subjects = p?.subjects ?? ["cong-dan"];
    const organisation = subjects.some((s) => s === "to-chuc" || s === "doanh-nghiep") && !subjects.includes("cong-dan");

    const d: Dossier = {
      code: this.code(rng, day), procedureCode: pick.code, procedureName: rng.chance(0.92) ? pick.name : null,
      fieldCode: withField === "both" ? pick.field.code : null, fieldName: withField === "none" ? null : pick.field.name,
      unit: rng.weighted([[pick.field.unit, 80], [UNITS.centre, 12], [null, 8]]),
      channel, level: rng.weighted(LEVELS[channel === 2 ? onlineLevel : "offline"]),
      applicantType: organisation && rng.chance(0.8) ? rng.pick([2, 4]) : rng.weighted([[1, 92], [3, 2], [4, 3], [null, 3]]),
      status: 4, submitted: null, accepted: null, due: null, timeLimit: null, timeUnit: null, ended: null, returned: null, refused: null,
      supplementCount: 0, supplementRequested: null, supplementReturned: null, apology: null, newDue: null, fee: 0, paidOnline: 0,
      digitised: false, reused: false, fromStore: false, citizenData: false, eResult: false, resultDigitised: null, resultInStore: false,
      synced: false, vneid: false, rating: null, hasFeedback: false,
    };
    if (kind === "registered") {
      d.status = 1;
      d.submitted = day;
    } else if (kind === "refused") {
      d.status = 3;
      d.submitted = day;
      const refused = addDays(day, rng.int(0, 2));
      d.refused = rng.chance(0.8) ? (refused > asOf ? maxDate(day, asOf) : refused) : null;
    } else {
      this.live(rng, d, p, xa, day);
    }
    this.money(rng, d, p);
    this.flags(rng, d, p, xa);
    return d;
  }

  /** The life of an accepted dossier, cut at asOf. */
  private live(rng: Rng, d: Dossier, p: Procedure | null, xa: boolean, accepted: IsoDate) {
    const { asOf } = this.o;
    d.accepted = accepted;
    d.submitted = d.channel === 1 ? (rng.chance(0.35) ? accepted : null) : rng.chance(0.8) ? addDays(accepted, -rng.int(0, 3)) : null;

    // Due date: printed on Mẫu 01, or only derivable from the dossier's or the TTHC's time limit, or none at all.
    if (rng.chance(0.25)) {
      const [limit, unit] = p?.timeLimit != null && rng.chance(0.4) ? [p.timeLimit, p.timeUnit!] : rng.pick(OWN_LIMITS);
      d.timeLimit = limit;
      d.timeUnit = unit;
    }
    const limit = d.timeLimit !== null ? { limit: d.timeLimit, unit: d.timeUnit! } : xa && p!.timeLimit !== null ? { limit: p!.timeLimit, unit: p!.timeUnit! } : null;
    const computed = limit ? dueFrom(accepted, limit.limit, limit.unit) : null;
    if (computed) d.due = rng.chance(0.7) ? computed : null;
    else d.due = rng.chance(0.35) ? plusWorkingDays(accepted, rng.int(0, 10)) : null;
    if (d.due && rng.chance(0.1)) d.due = maxDate(accepted, addDays(d.due, rng.pick([-1, 1, 2])));
    const due = d.due ?? computed;

    // Supplementation rounds (Mẫu 02): the file carries the first request and its return.
    let rounds = rng.weighted([[0, 85], [1, 10], [2, 3.5], [3, 1.5]]);
    let request: IsoDate | null = null, back: IsoDate | null = null;
    if (rounds > 0) {
      const span = due ? Math.max(1, daysBetween(accepted, due)) : 7;
      // Mostly before the due date; some officers ask only once it has passed.
      request = addDays(accepted, rng.chance(0.12) ? span + rng.int(1, 5) : rng.int(0, span - 1));
      // Later rounds imply a first return; a few exports still lack its date.
      back = rng.chance(rounds >= 2 ? 0.9 : 0.75) ? addDays(request, rng.int(0, 12)) : null;
    }

    // End of processing, as planned by the simulation (it may lie after asOf).
    const abandoned = rounds > 0 && back === null;
    const fate = rng.chance(0.025) ? "never"
      : abandoned ? rng.weighted([["withdrawn", 35], ["stopped", 35], ["never", 30]] as const)
      : rng.weighted([["result", 95], ["withdrawn", 2], ["stopped", 3]] as const);
    let end: IsoDate | null = null;
    let offset = 0;
    if (fate !== "never") {
      if (abandoned) end = addDays(request!, rng.int(3, 40));
      else if (rounds >= 2) end = addDays(back!, rng.int(1, 15));
      else {
        offset = due ? dueOffset(rng) : rng.int(0, 20);
        let effective = maxDate(accepted, addDays(due ?? accepted, offset));
        if (request && back) { effective = maxDate(effective, request); end = addDays(effective, daysBetween(request, back)); }
        else end = effective;
      }
      if (weekday(end) === 0 && rng.chance(0.6)) end = addDays(end, 1);
    }

    // Apology letter (Mẫu 04) with a new date, mostly for dossiers heading to be late, at most once.
    if (due && rng.chance(offset > 0 || rounds >= 2 || fate === "never" ? 0.45 : 0.04)) {
      const apology = maxDate(accepted, rng.chance(0.85) ? addDays(due, -rng.int(1, 3)) : addDays(due, rng.int(0, 3)));
      if (apology <= asOf) {
        d.apology = apology;
        d.newDue = addDays(due, rng.int(1, 10));
      }
    }

    // Hand-over of the result, then the state as at asOf.
    const handOver = fate === "result" && end ? rng.weighted([[0, 45], [1, 20], [2, 10], [5, 10], [15, 10], [-1, 5]]) : -1;
    const returned = handOver < 0 ? null : addDays(end!, handOver === 5 ? rng.int(3, 7) : handOver === 15 ? rng.int(8, 30) : handOver);
    if (end !== null && end <= asOf) {
      if (fate === "result") {
        if (returned !== null && returned <= asOf) {
          d.status = 10;
          d.returned = returned;
          d.ended = rng.chance(0.06) ? null : end;
        } else {
          d.status = 9;
          d.ended = end;
        }
      } else if (fate === "withdrawn") {
        d.status = 7;
        d.ended = end;
      } else {
        d.status = 8;
        const v = rng.weighted([["ended", 25], ["refused", 45], ["both", 30]] as const);
        d.ended = v === "refused" ? null : end;
        d.refused = v === "ended" ? null : v === "both" && rng.chance(0.5) && end < asOf ? addDays(end, 1) : end;
        // The papers of a stopped dossier are sometimes handed back (NgayTra), which does not end it.
        const papers = addDays(end, rng.int(1, 5));
        if (v === "refused" && papers <= asOf && rng.chance(0.25)) d.returned = papers;
      }
    } else {
      if (request !== null && request > asOf) { request = null; back = null; rounds = 0; }
      if (back !== null && back > asOf) back = null;
      d.status = request !== null && (back === null || (rounds >= 2 && rng.chance(0.5))) ? 5
        : rng.chance(0.08) ? 6
        : daysBetween(accepted, asOf) <= 2 || rng.chance(0.08) ? 2
        : rng.chance(0.06) ? 0
        : 4;
    }
    d.supplementCount = rounds;
    d.supplementRequested = request;
    d.supplementReturned = back;
  }

  private money(rng: Rng, d: Dossier, p: Procedure | null) {
    // Status 6 = waiting for the fee: always fee-bearing.
    const bearing = (p?.hasFee ? rng.chance(0.85) : rng.chance(0.03)) || d.status === 6;
    d.fee = bearing ? rng.pick(FEES) : 0;
    d.paidOnline = d.fee > 0
      ? d.channel === 2 ? rng.weighted([[1, 55], [2, 25], [0, 20]] as const) : rng.weighted([[2, 8], [1, 4], [0, 88]] as const)
      : rng.chance(0.03) ? 1 : 0;
  }

  private flags(rng: Rng, d: Dossier, p: Procedure | null, xa: boolean) {
    const online = d.channel === 2;
    const written = xa ? p!.writtenResult : true;
    d.digitised = rng.chance(online ? 0.95 : d.channel === 3 ? 0.6 : 0.72);
    d.reused = rng.chance(0.22);
    d.fromStore = rng.chance(online ? 0.3 : 0.05);
    d.citizenData = rng.chance(0.35);
    d.vneid = rng.chance(online ? 0.85 : 0.12);
    d.synced = rng.chance(0.92);
    d.eResult = rng.chance(d.status === 9 || d.status === 10 ? (written ? 0.75 : 0.3) : d.status === 7 || d.status === 8 ? 0.04 : 0.03);
    d.resultDigitised = rng.chance(0.5) ? null : rng.chance(d.eResult ? 0.85 : 0.2);
    d.resultInStore = rng.chance(d.eResult ? 0.45 : 0.02);
    const rated = rng.chance(d.status === 10 ? 0.45 : d.status === 1 || d.status === 3 ? 0.04 : 0.06);
    d.rating = rated ? rng.weighted<Rating>([["rat-hai-long", 45], ["hai-long", 45], ["khong-hai-long", 10]]) : null;
    d.hasFeedback = rng.chance(0.02);
  }
}

/** Streams `count` dossiers (nothing is kept but the daily code counters). */
export function* generateDossiers(o: DossierGenOptions): Generator<Dossier> {
  if (o.asOf < o.to) throw new Error(`asOf ${o.asOf} before to ${o.to}`);
  const gen = new CommuneDossiers(o);
  const rng = new Rng(o.seed);
  for (let i = 0; i < o.count; i++) yield gen.make(rng);
}
