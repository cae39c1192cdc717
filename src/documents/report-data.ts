/**
 * A report as the document sent to the province: its draft laid out with the
 * province's recipients and the commune's signer; and a province's reports of
 * a period as one ZIP (the documents kept at sending, else rendered now).
 */
import type { Tx } from "../db/connection.js";
import { getOrg, type OrgRow } from "../db/orgs.js";
import { provinceReports, settingsOf, signerOf, type ReportRow } from "../db/reports.js";
import type { ReportDraft, ReportKind } from "../domain/reports/types.js";
import { renderReportDocx } from "./report-docx.js";
import { zipFiles } from "./zip.js";

/** The file name of a report: codes only, so plain ASCII. */
export const reportFileBase = (r: Pick<ReportRow, "kind" | "year" | "version">, org: Pick<OrgRow, "code">) =>
  `bao-cao-cchc-${r.kind}-${r.year}-${org.code}${r.version > 1 ? `-v${r.version}` : ""}`;

export async function renderDraftDocx(tx: Tx, org: OrgRow, draft: ReportDraft, r: Pick<ReportRow, "number" | "issuedDate" | "version">): Promise<Buffer> {
  const province = org.parentId ? await getOrg(tx, org.parentId) : null;
  const settings = await settingsOf(tx, org.parentId);
  return renderReportDocx({
    draft, commune: { name: org.name, province: province?.name ?? null }, number: r.number, issuedDate: r.issuedDate,
    recipients: settings.recipients, signer: await signerOf(tx, org.id), version: r.version,
  });
}

export const renderReportFor = (tx: Tx, r: ReportRow, org: OrgRow) => renderDraftDocx(tx, org, r.content, r);

/** Every commune's latest report that reached the province, in one ZIP; `rerender` lays each out again. */
export async function provinceReportsZip(tx: Tx, provinceId: string, kind: ReportKind, year: number, rerender = false): Promise<{ zip: Buffer; files: number }> {
  const files = [];
  for (const row of await provinceReports(tx, provinceId, kind, year)) {
    if (!row.report) continue;
    const r = row.report;
    files.push({ name: `${reportFileBase(r, row.commune)}.docx`, content: (!rerender && r.document) || await renderReportFor(tx, r, row.commune) });
  }
  return { zip: await zipFiles(files), files: files.length };
}
