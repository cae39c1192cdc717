/**
 * What src/api/routes/reports.ts does around a report, without the HTTP layer
 * (its render() and the ZIP route live inside the route module): the DOCX of a
 * report with the province's recipients and the commune's signer, and the
 * ZIP of a province's reports of a period.
 */
import type { Tx } from "../../src/db/connection.js";
import { getOrg, type OrgRow } from "../../src/db/orgs.js";
import { provinceReports, settingsOf, signerOf, type ReportRow } from "../../src/db/reports.js";
import { renderReportDocx } from "../../src/documents/report-docx.js";
import { zipFiles } from "../../src/documents/zip.js";
import type { ReportDraft, ReportKind } from "../../src/domain/reports/types.js";

/** The route's render(): the draft laid out as the DOCX sent to the province. */
export async function renderDraft(tx: Tx, org: OrgRow, draft: ReportDraft, r: Pick<ReportRow, "number" | "issuedDate" | "version">): Promise<Buffer> {
  const province = org.parentId ? await getOrg(tx, org.parentId) : null;
  const settings = await settingsOf(tx, org.parentId);
  return renderReportDocx({
    draft, commune: { name: org.name, province: province?.name ?? null }, number: r.number, issuedDate: r.issuedDate,
    recipients: settings.recipients, signer: await signerOf(tx, org.id), version: r.version,
  });
}

export const renderReport = (tx: Tx, r: ReportRow, org: OrgRow) => renderDraft(tx, org, r.content, r);

/**
 * GET /api/orgs/:orgId/reports.zip: every commune's latest report that reached
 * the province, its stored document (or, with `rerender` or when it has none,
 * rendered now), in one ZIP.
 */
export async function provinceZip(tx: Tx, provinceId: string, kind: ReportKind, year: number, rerender = false): Promise<{ zip: Buffer; files: number }> {
  await settingsOf(tx, provinceId); // the route's status table reads the deadline
  const files = [];
  for (const row of await provinceReports(tx, provinceId, kind, year)) {
    if (!row.report) continue;
    const org = (await getOrg(tx, row.commune.id))!;
    const r = row.report;
    const name = `bao-cao-cchc-${r.kind}-${r.year}-${org.code}${r.version > 1 ? `-v${r.version}` : ""}.docx`;
    files.push({ name, content: (!rerender && r.document) || await renderReport(tx, r, org) });
  }
  return { zip: await zipFiles(files), files: files.length };
}
