import { figuresOf, type Figures } from "../../src/db/indicator-figures.js";
import { loadRecords } from "../../src/db/records.js";
import { ymd, daysInMonth } from "../../src/domain/dates.js";
import { YEAR } from "./province-files.js";
import type { Throwaway } from "../throwaway.js";

/**
 * Time to compute every count, rate and the 766 index for one commune and for
 * the whole province, for the year and for each of its 12 months. Each run is
 * computeFigures' two steps, timed apart: loadRecords (the query and the rows
 * into Node) and figuresOf (the domain).
 */
export interface Timing { totalMs: number; loadMs: number; rows: number }
export interface FigureTimes {
  communeYear: Timing;
  provinceYear: Timing;
  communeMonths: Timing;
  provinceMonths: Timing;
  /** Largest resident set size seen after a province-wide computation, MB. */
  rssMb: number;
  commune: Figures;
  province: Figures;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const year = Number(YEAR.from.slice(0, 4));
  return { from: ymd(year, i + 1, 1), to: ymd(year, i + 1, daysInMonth(year, i + 1)) };
});

/** computeFigures(db, orgIds, window), in its two timed steps. */
async function measure(t: Throwaway, orgIds: string[], window: { from: string; to: string }): Promise<[Figures, Timing]> {
  const t0 = performance.now();
  const records = await loadRecords(t.database.db, orgIds, window);
  const t1 = performance.now();
  const figures = figuresOf(records, window);
  return [figures, { totalMs: performance.now() - t0, loadMs: t1 - t0, rows: records.dossiers.length }];
}

const sum = (xs: Timing[]): Timing => xs.reduce((a, b) => ({ totalMs: a.totalMs + b.totalMs, loadMs: a.loadMs + b.loadMs, rows: a.rows + b.rows }), { totalMs: 0, loadMs: 0, rows: 0 });
const show = (x: Timing) => `${x.totalMs.toFixed(0)} ms (nạp ${x.loadMs.toFixed(0)} ms, ${x.rows.toLocaleString("vi-VN")} hồ sơ)`;

export async function timeFigures(t: Throwaway, orgIds: string[], log: (s: string) => void): Promise<FigureTimes> {
  const one = [orgIds[0]!];
  let rssMb = process.memoryUsage().rss / 2 ** 20;
  const rss = () => { rssMb = Math.max(rssMb, process.memoryUsage().rss / 2 ** 20); };

  await measure(t, one, YEAR); // warm-up (plans, JIT), not counted
  const runs: [Figures, Timing][] = [];
  for (let i = 0; i < 3; i++) runs.push(await measure(t, one, YEAR));
  const [commune, communeYear] = runs.sort((a, b) => a[1].totalMs - b[1].totalMs)[1]!;
  log(`  1 xã, cả năm: ${show(communeYear)}, trung vị của 3 lần`);

  const [province, provinceYear] = await measure(t, orgIds, YEAR);
  rss();
  log(`  cả tỉnh (${orgIds.length} xã), cả năm: ${show(provinceYear)}`);

  const cm: Timing[] = [], pm: Timing[] = [];
  for (const m of MONTHS) cm.push((await measure(t, one, m))[1]);
  const communeMonths = sum(cm);
  log(`  1 xã, 12 tháng: ${show(communeMonths)}`);
  for (const m of MONTHS) { pm.push((await measure(t, orgIds, m))[1]); rss(); }
  const provinceMonths = sum(pm);
  log(`  cả tỉnh, 12 tháng: ${show(provinceMonths)}`);
  return { communeYear, provinceYear, communeMonths, provinceMonths, rssMb, commune, province };
}
