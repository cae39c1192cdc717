import { sql } from "drizzle-orm";
import type { Tx } from "../../src/db/connection.js";
import type { Counts, Rates } from "../../src/domain/indicators/compute.js";

/**
 * Every `counts` and `rates` figure of shared/contracts/dossiers.md ("How each
 * number is computed"), and the numerator and denominator of every computed
 * indicator of the 766 index, computed by PostgreSQL straight from the stored
 * tables, written from the contract text and sharing no code with
 * src/domain: as at `to`, working days = Monday–Friday counted with
 * generate_series, classification and PAKN deadlines as CASE expressions.
 * The optional unit / field filter keeps the dossiers whose DonViXuLy /
 * TenLinhVuc (else the catalogue's) equals the value given, as written.
 */

/** Working days after a up to and including b (0 when b ≤ a). */
const wd = (a: string, b: string) =>
  `(select count(*)::int from generate_series((${a} + 1)::timestamp, (${b})::timestamp, interval '1 day') g where extract(isodow from g) < 6)`;

/** PAKN in the window and their outcome as at t (the clock starts at NgayChuyenDen, else NgayGui). */
const FEEDBACK_OUTCOMES = `, fb as (               -- PAKN in the window; the clock starts at NgayChuyenDen, else NgayGui
  select f.*, coalesce(f.forwarded, f.sent) as s0, w.t
  from feedback f cross join w
  where f.org_id = w.org and coalesce(f.received, f.sent) between w.f and w.t
)
, fo as (
  select fb.*,
    (fb.supplement_requested is null or fb.supplement_requested > fb.t or ${wd("fb.s0", "fb.supplement_requested")} <= 5) as request_ok
  from fb
)
, fc as (
  select fo.category, fo.likes, fo.dislikes, fo.complained_again,
    case
      when fo.status in ('tu-choi', 'chuyen-di') and fo.refused <= fo.t then
        case when ${wd("fo.s0", "fo.refused")} <= 2 then 'resolved_on_time' else 'resolved_late' end
      when fo.status in ('cho-cong-khai', 'da-cong-khai') and fo.awaiting_publication <= fo.t then
        case when ${wd("fo.s0", "fo.awaiting_publication")} <= 15 and fo.request_ok
          and ${wd("fo.awaiting_publication", "case when fo.published <= fo.t then fo.published else fo.t end")} <= 2
        then 'resolved_on_time' else 'resolved_late' end
      when ${wd("fo.s0", "fo.t")} <= 15 and fo.request_ok then 'pending_within_time'
      else 'pending_overdue'
    end as outcome
  from fo
)`;

const DOSSIERS = `
, cat as (              -- the catalogue rows of commune level (CapThucHien has xa)
  select p.* from procedures p, w where p.org_id = w.org and p.levels @> '["xa"]'::jsonb
)
, d as (
  select x.*,
    coalesce(c.written_result, true) as written,
    coalesce(c.eligible_fully_online, false) as eligible,
    -- legal time limit: the dossier's, else its TTHC's
    case when x.time_limit is not null then x.time_limit else c.time_limit end as lim,
    case when x.time_limit is not null then x.time_unit else c.time_unit end as lim_unit,
    x.status not in (1, 3) as acc,
    case when x.status in (7, 8, 9, 10)
      then coalesce(x.ended, case when x.status = 10 then x.returned end, case when x.status = 8 then x.refused end) end as end_date
  from dossiers x cross join w left join cat c on c.code = x.procedure_code
  where x.org_id = w.org
    and (w.unit is null or x.unit_name = w.unit)
    and (w.field is null or coalesce(x.field_name, c.field_name) = w.field)
)
, d2 as (
  select d.*,
    case when d.lim_unit = 'gio' then ceil(d.lim / 8) else ceil(d.lim) end::int as lim_n
  from d
)
, e as (                -- as at t: later ends, requests and returns have not happened
  select d2.*,
    case when d2.end_date <= w.t then d2.end_date end as ended_at,
    case when d2.supplement_requested <= w.t then d2.supplement_requested end as req,
    case when d2.supplement_returned <= w.t then d2.supplement_returned end as back,
    case
      when d2.due is not null then d2.due
      when d2.accepted is null or d2.lim is null or d2.lim <= 0 then null
      when d2.lim_unit = 'ngay' then d2.accepted + d2.lim_n
      when d2.lim_unit = 'thang' then (d2.accepted + make_interval(months => d2.lim_n))::date
      when d2.lim_unit in ('gio', 'ngay-lam-viec') then (
        select g::date from generate_series((d2.accepted + 1)::timestamp, (d2.accepted + 2 * d2.lim_n + 7)::timestamp, interval '1 day') g
        where extract(isodow from g) < 6 order by g offset d2.lim_n - 1 limit 1)
    end as due_at
  from d2 cross join w
)
, k as (                -- effective end E
  select e.*,
    case
      when e.req is not null and e.back is null then e.req
      when e.req is not null then coalesce(e.ended_at, w.t) - (e.back - e.req)
      else coalesce(e.ended_at, w.t)
    end as eff
  from e cross join w
)
, cl as (
  select k.*,
    case
      when k.req is not null and k.supplement_count >= 2 then case when k.ended_at is not null then 'late' else 'overdue' end
      when k.due_at is null then case when k.ended_at is not null then 'on_time' else 'within_time' end
      when k.ended_at is not null then case when k.eff < k.due_at then 'early' when k.eff = k.due_at then 'on_time' else 'late' end
      when k.eff <= k.due_at then 'within_time'
      else 'overdue'
    end as cls,
    k.acc and k.accepted between w.f and w.t as rec,
    k.acc and k.accepted < w.f and not coalesce(k.end_date < w.f, false) as carried,
    k.acc and k.ended_at >= w.f as resolved,
    k.acc and k.accepted <= w.t and k.ended_at is null as pending,
    k.fee > 0 as fee_bearing,
    k.paid_online in (1, 2) as paid
  from k cross join w
)`;

const BODY = `${DOSSIERS}
, ds as (
  select
    count(*) filter (where rec) as received_total,
    count(*) filter (where rec and channel = 2) as received_online,
    count(*) filter (where rec and channel = 1) as received_direct,
    count(*) filter (where rec and channel = 3) as received_post,
    count(*) filter (where carried) as carried_over,
    count(*) filter (where resolved) as resolved_total,
    count(*) filter (where resolved and cls = 'early') as resolved_early,
    count(*) filter (where resolved and cls = 'on_time') as resolved_on_time,
    count(*) filter (where resolved and cls = 'late') as resolved_late,
    count(*) filter (where pending) as pending_total,
    count(*) filter (where pending and cls = 'within_time') as pending_within_time,
    count(*) filter (where pending and cls = 'overdue') as pending_overdue,
    count(*) filter (where pending and req is not null and back is null) as waiting_supplement,
    count(*) filter (where resolved and status = 7) as withdrawn,
    count(*) filter (where resolved and status = 8) as stopped,
    count(*) filter (where status = 3 and coalesce(refused, submitted) between w.f and w.t) as refused_at_intake,
    count(*) filter (where status = 1 and submitted between w.f and w.t) as not_yet_accepted,
    count(*) filter (where apology between w.f and w.t) as apology_letters,
    count(*) filter (where rec and channel = 2 and level = 4) as fully_online,
    count(*) filter (where rec and eligible) as eligible_received,
    count(*) filter (where rec and eligible and channel = 2 and level = 4) as eligible_fully_online,
    count(*) filter (where rec and fee_bearing) as fee_received,
    count(*) filter (where rec and fee_bearing and paid) as fee_paid_online,
    count(*) filter (where rec and digitised) as digitised,
    count(*) filter (where resolved and status in (9, 10) and written) as results,
    count(*) filter (where resolved and status in (9, 10) and written and coalesce(result_digitised, e_result)) as results_digitised,
    count(*) filter (where resolved and status in (9, 10) and written and e_result) as results_e,
    count(*) filter (where rec and reused) as reused,
    count(*) filter (where rec and rating is not null) as rated,
    count(*) filter (where rec and rating in ('rat-hai-long', 'hai-long')) as satisfied
  from cl cross join w
)
${FEEDBACK_OUTCOMES}
, fs as (
  select
    count(*) as fb_received,
    count(*) filter (where outcome = 'resolved_on_time') as fb_resolved_on_time,
    count(*) filter (where outcome = 'resolved_late') as fb_resolved_late,
    count(*) filter (where outcome = 'pending_within_time') as fb_pending_within_time,
    count(*) filter (where outcome = 'pending_overdue') as fb_pending_overdue,
    count(*) filter (where category = 'quy-dinh') as fb_about_procedures,
    count(*) filter (where category = 'hanh-vi') as fb_about_staff
  from fc
)
select row_to_json(x) as figures from (select * from ds cross join fs) x`;

type Raw = Record<string, number>;

export interface SqlFilter { unit?: string; fieldName?: string }

const params = (orgId: string, window: { from: string; to: string }, filter: SqlFilter) =>
  sql`with w as (select ${window.from}::date as f, ${window.to}::date as t, ${orgId}::uuid as org, ${filter.unit ?? null}::text as unit, ${filter.fieldName ?? null}::text as field)`;
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** 100 × n / d rounded half away from zero to 2 decimals by PostgreSQL numeric, null when d = 0. */
async function rateOf(tx: Tx, numerator: number, denominator: number) {
  const res = await tx.execute(sql`select round(100 * ${numerator}::numeric / nullif(${denominator}::numeric, 0), 2)::text as r`);
  const r = rowsOf<{ r: string | null }>(res)[0]!.r;
  return { numerator, denominator, rate: r === null ? null : Number(r) };
}

/** The contract's `counts` and `rates` for one commune and window, by SQL only. */
export async function contractFiguresBySql(tx: Tx, orgId: string, window: { from: string; to: string }, filter: SqlFilter = {}): Promise<{ counts: Counts; rates: Rates }> {
  const res = await tx.execute(sql`${params(orgId, window, filter)} ${sql.raw(BODY)}`);
  const raw = rowsOf<{ figures: Raw | string }>(res)[0]!.figures;
  const n: Raw = typeof raw === "string" ? JSON.parse(raw) : raw;
  const counts: Counts = {
    received: { total: n.received_total!, online: n.received_online!, direct: n.received_direct!, post: n.received_post! },
    carried_over: n.carried_over!,
    handled: n.received_total! + n.carried_over!,
    resolved: { total: n.resolved_total!, early: n.resolved_early!, on_time: n.resolved_on_time!, late: n.resolved_late! },
    pending: { total: n.pending_total!, within_time: n.pending_within_time!, overdue: n.pending_overdue! },
    waiting_supplement: n.waiting_supplement!,
    withdrawn: n.withdrawn!,
    stopped: n.stopped!,
    refused_at_intake: n.refused_at_intake!,
    not_yet_accepted: n.not_yet_accepted!,
    apology_letters: n.apology_letters!,
    feedback: {
      received: n.fb_received!, resolved_on_time: n.fb_resolved_on_time!, resolved_late: n.fb_resolved_late!,
      pending_within_time: n.fb_pending_within_time!, pending_overdue: n.fb_pending_overdue!,
      about_procedures: n.fb_about_procedures!, about_staff: n.fb_about_staff!,
    },
  };
  const r = (a: number, b: number) => rateOf(tx, a, b);
  const rates: Rates = {
    on_time: await r(n.resolved_early! + n.resolved_on_time!, n.resolved_total!),
    online_submission: await r(n.received_online!, n.received_total!),
    fully_online: await r(n.fully_online!, n.received_total!),
    fully_online_eligible: await r(n.eligible_fully_online!, n.eligible_received!),
    online_payment: await r(n.fee_paid_online!, n.fee_received!),
    digitised_dossiers: await r(n.digitised!, n.received_total!),
    digitised_results: await r(n.results_digitised!, n.results!),
    e_results: await r(n.results_e!, n.results!),
    reuse: await r(n.reused!, n.received_total!),
    feedback_on_time: await r(n.fb_resolved_on_time! + n.fb_pending_within_time!, n.fb_received!),
    satisfaction: await r(n.satisfied!, n.rated!),
  };
  return { counts, rates };
}

export interface SqlDossierRow { code: string; cls: string; due_at: string | null; eff: string | null; rec: boolean; carried: boolean; resolved: boolean; pending: boolean }

/** Per-dossier readings of the same SQL (to explain a disagreement). */
export async function dossierReadingsBySql(tx: Tx, orgId: string, window: { from: string; to: string }, filter: SqlFilter = {}): Promise<SqlDossierRow[]> {
  const res = await tx.execute(sql`${params(orgId, window, filter)} ${sql.raw(DOSSIERS)}
    select code, cls, due_at::text as due_at, eff::text as eff, coalesce(rec, false) as rec, coalesce(carried, false) as carried,
      coalesce(resolved, false) as resolved, coalesce(pending, false) as pending from cl order by code`);
  return rowsOf<SqlDossierRow>(res);
}

/**
 * Numerator and denominator of every computed indicator of the 766 index
 * (contract table "Index"), by SQL. The catalogue indicators (3.1, 3.2, 4.a,
 * 5.3, 5.7) count the commune-level TTHC of the procedures file; 6.3 counts a
 * dossier named by any PAKN of the file (the contract puts no date on it).
 */
export async function indexFiguresBySql(tx: Tx, orgId: string, window: { from: string; to: string }, filter: SqlFilter = {}): Promise<Record<string, { numerator: number; denominator: number }>> {
  const res = await tx.execute(sql`${params(orgId, window, filter)} ${sql.raw(DOSSIERS)}
, r as (select cl.*, cl.ended_at is not null and cl.written as ended_written from cl where cl.rec)
, placed as (           -- 3.2, 4.a: status ≠ 3, NgayTiepNhan (else NgayNopHoSo) in W
  select cl.* from cl cross join w where cl.status <> 3 and coalesce(cl.accepted, cl.submitted) between w.f and w.t
)
, services as (select * from cat where online_level in ('toan-trinh', 'mot-phan'))
, fee_tthc as (select * from cat where has_fee)
, citizen_tthc as (select * from cat where subjects ?| array['cong-dan', 'nguoi-vn-o-nuoc-ngoai', 'nguoi-nuoc-ngoai'])
, fb_all as (select * from feedback f, w where f.org_id = w.org)
${sql.raw(FEEDBACK_OUTCOMES)}
, unsatisfied_fb as (
  select count(*) as n from fc where fc.dislikes > fc.likes or fc.outcome in ('resolved_late', 'pending_overdue') or fc.complained_again
)
select json_build_object(
  '1.4', json_build_array((select count(*) from r where synced), (select count(*) from r)),
  '2.1', json_build_array((select count(*) from r where cls in ('early', 'on_time', 'within_time')), (select count(*) from r)),
  '3.1', json_build_array((select count(*) from services), (select count(*) from cat)),
  '3.2', json_build_array((select count(*) from services s where exists (select 1 from placed p where p.procedure_code = s.code and p.channel = 2)), (select count(*) from services)),
  '3.3', json_build_array((select count(*) from r where channel = 2 and (not ended_written or e_result)), (select count(*) from r)),
  '4.a', json_build_array((select count(*) from fee_tthc t where exists (select 1 from placed p where p.procedure_code = t.code and p.fee > 0 and p.synced)), (select count(*) from fee_tthc)),
  '4.b', json_build_array((select count(distinct procedure_code) from r where fee_bearing and paid), (select count(distinct procedure_code) from r where fee_bearing)),
  '4.c', json_build_array((select count(*) from r where fee_bearing and paid), (select count(*) from r where fee_bearing)),
  '5.1', json_build_array((select count(*) from r where ended_written and e_result), (select count(*) from r where ended_written)),
  '5.2', json_build_array((select count(*) from r where digitised and (not ended_written or e_result)), (select count(*) from r)),
  '5.3', json_build_array((select case when exists (select 1 from cat where e_certified_copy) then 1 else 0 end), 1),
  '5.4', json_build_array((select count(*) from r where reused), (select count(*) from r)),
  '5.5', json_build_array((select count(*) from r where from_store or (e_result and result_in_store)), (select count(*) from r)),
  '5.6', json_build_array((select count(*) from r where vneid or from_store or citizen_data), (select count(*) from r)),
  '5.7', json_build_array((select count(*) from citizen_tthc t where t.population_data
      or exists (select 1 from r where r.procedure_code = t.code and (r.vneid or r.from_store or r.citizen_data))), (select count(*) from citizen_tthc)),
  '6.1', json_build_array((select count(*) from fc where outcome in ('resolved_on_time', 'pending_within_time')), (select count(*) from fc)),
  '6.2', json_build_array((select count(*) from fc) - (select n from unsatisfied_fb), (select count(*) from fc)),
  '6.3', json_build_array((select count(*) from r) - (select count(*) from r where cls in ('late', 'overdue') or rating = 'khong-hai-long' or has_feedback
      or exists (select 1 from fb_all f where f.dossier_code = r.code)), (select count(*) from r))
) as figures`);
  const raw = rowsOf<{ figures: Record<string, [number, number]> | string }>(res)[0]!.figures;
  const pairs: Record<string, [number, number]> = typeof raw === "string" ? JSON.parse(raw) : raw;
  return Object.fromEntries(Object.entries(pairs).map(([id, [numerator, denominator]]) => [id, { numerator, denominator }]));
}
