import { isIsoDate } from "../domain/dates.js";
import { AppError } from "../domain/errors.js";
import { computeCounts, computeRates } from "../domain/indicators/compute.js";
import { DEFAULT_SETTINGS, computeIndex766, makeContext } from "../domain/indicators/qd766.js";
import type { Dossier, Feedback, Procedure } from "../domain/indicators/types.js";
import { type ReadResult, formatIssue, overThreshold, readDossierFile, readFeedbackFile, readProcedureFile } from "../import/dossiers/index.js";

interface Io { out: (s: string) => void; err: (s: string) => void }

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `cchc indicators --json --dossiers F [--procedures F] [--feedback F] --from D --to D` (contract). */
export async function runIndicators(args: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(`${s}\n`) }): Promise<number> {
  const usage = "cách dùng: cchc indicators --json --dossiers TỆP [--procedures TỆP] [--feedback TỆP] --from YYYY-MM-DD --to YYYY-MM-DD";
  const dossiersFile = option(args, "--dossiers"), proceduresFile = option(args, "--procedures"), feedbackFile = option(args, "--feedback");
  const from = option(args, "--from"), to = option(args, "--to");
  if (!dossiersFile || dossiersFile.startsWith("--")) { io.err(`Thiếu --dossiers; ${usage}`); return 1; }
  if (!from || !to) { io.err(`Thiếu --from hoặc --to; ${usage}`); return 1; }
  if (!isIsoDate(from) || !isIsoDate(to)) { io.err(`Ngày không đúng dạng YYYY-MM-DD: ${!isIsoDate(from) ? from : to}`); return 1; }
  if (from > to) { io.err(`--from ${from} sau --to ${to}`); return 1; }
  let d: ReadResult<Dossier>, p: ReadResult<Procedure> | null = null, f: ReadResult<Feedback> | null = null;
  try {
    d = await readDossierFile(dossiersFile);
    if (proceduresFile) p = await readProcedureFile(proceduresFile);
    if (feedbackFile) f = await readFeedbackFile(feedbackFile);
  } catch (err) {
    io.err(err instanceof AppError ? err.message : `Không đọc được tệp: ${String(err instanceof Error ? err.message : err).split("\n")[0]}`);
    return 1;
  }
  const files: [string, ReadResult<unknown>][] = [[dossiersFile, d]];
  if (p && proceduresFile) files.push([proceduresFile, p]);
  if (f && feedbackFile) files.push([feedbackFile, f]);
  const lines: string[] = [];
  for (const [name, r] of files) for (const i of r.issues) lines.push(formatIssue(name, i));
  if (p) {
    const known = new Set(p.records.map((x) => x.code));
    const warned = new Set<string>();
    d.records.forEach((x, i) => {
      if (known.has(x.procedureCode) || warned.has(x.procedureCode)) return;
      warned.add(x.procedureCode);
      lines.push(`${dossiersFile}:${d.rowNumbers[i]}:MaTTHC: cảnh báo: mã TTHC ${x.procedureCode} không có trong tệp thủ tục, dùng giá trị mặc định`);
    });
  }
  if (f && feedbackFile) {
    const codes = new Set(d.records.map((x) => x.code));
    f.records.forEach((x, i) => {
      if (x.dossierCode && !codes.has(x.dossierCode)) lines.push(`${feedbackFile}:${f!.rowNumbers[i]}:MaHoSo: cảnh báo: PAKN ${x.code} nêu mã hồ sơ ${x.dossierCode} không có trong tệp hồ sơ`);
    });
  } else {
    lines.push(`${dossiersFile}:-:-: cảnh báo: không có --feedback, coi như không có PAKN trong kỳ`);
  }
  for (const l of lines) io.err(l);
  const over = files.filter(([, r]) => overThreshold(r));
  if (over.length) {
    for (const [name, r] of over) io.err(`${name}: ${r.rejected}/${r.rows} dòng lỗi (${(Math.round((r.rejected * 10000) / r.rows) / 100).toFixed(2).replace(".", ",")} %), vượt ngưỡng 5 %`);
    return 1;
  }
  const window = { from, to };
  const settings = DEFAULT_SETTINGS;
  const procedures = p ? p.records : null;
  const feedback = f ? f.records : [];
  const ctx = makeContext({ window, procedures, settings });
  const counts = computeCounts(ctx, d.records, feedback);
  const rates = computeRates(ctx, d.records, counts);
  const index766 = computeIndex766({ window, dossiers: d.records, procedures, feedback, settings });
  const stat = (file: string | undefined, r: ReadResult<unknown> | null) => (file && r ? { file, rows: r.rows, accepted: r.accepted, rejected: r.rejected } : null);
  const json = {
    window,
    input: { dossiers: stat(dossiersFile, d), procedures: stat(proceduresFile, p), feedback: stat(feedbackFile, f) },
    settings, counts, rates, index766,
  };
  io.out(`${JSON.stringify(json, null, 2)}\n`);
  return 0;
}
