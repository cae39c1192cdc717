import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { expect } from "vitest";

/**
 * Reading generated DOCX files in tests (the XML of the body, styles and page
 * headers, paragraphs with their text, sections) and converting them to PDF
 * with LibreOffice, shared by the document tests.
 */

const run = promisify(execFile);

export interface Docx {
  document: string;
  styles: string;
  /** Header part XML by relationship id. */
  headers: Map<string, string>;
}

export async function openDocx(bytes: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the DOCX`);
    return file.async("string");
  };
  const rels = await read("word/_rels/document.xml.rels");
  const headers = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship Id="(\w+)" Type="[^"]*\/header" Target="([^"]+)"\/>/g)) headers.set(m[1], await read(`word/${m[2]}`));
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml"), headers };
}

export const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Each paragraph of a part: its XML and its text. */
export function paragraphs(xml: string): Array<{ xml: string; text: string }> {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>|<w:p\/>/gs)].map((m) => ({
    xml: m[0],
    text: unescapeXml([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  }));
}
export const textOf = (xml: string) => paragraphs(xml).map((p) => p.text).join("\n");
export const paragraphWith = (xml: string, text: string) => {
  const found = paragraphs(xml).find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
};

/** The sections' properties in order, and the body split at the end of each. */
export function sections(document: string): Array<{ props: string; body: string }> {
  const out: Array<{ props: string; body: string }> = [];
  let start = 0;
  for (const m of document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)) {
    out.push({ props: m[0], body: document.slice(start, m.index) });
    start = m.index! + m[0].length;
  }
  return out;
}
export const attr = (xml: string, element: string, name: string) => new RegExp(`<w:${element}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];

/** The rows of the tables in a part, in order (nested tables are not used in the documents). */
export const tableRows = (xml: string) => [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);

/** Every font named in the body, styles and page headers. */
export function fontsOf(docx: Docx): string[] {
  return [...new Set([...`${docx.document}${docx.styles}${[...docx.headers.values()].join("")}`.matchAll(/<w:rFonts\b[^>]*>/g)]
    .flatMap((m) => [...m[0].matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((f) => f[1])))];
}

/** LibreOffice on PATH, or null. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "soffice");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch { /* not here */ }
  }
  return null;
}

/**
 * LibreOffice for a conversion test: its path, or null after skipping the
 * test with a warning; in CI a missing LibreOffice fails the test instead.
 */
export function sofficeOrSkip(ctx: { skip: () => void }): string | null {
  const soffice = findSoffice();
  if (soffice) return soffice;
  const message = "LibreOffice (soffice) is not on PATH; the DOCX conversion test needs it: apt-get install -y libreoffice-writer-nogui";
  if (process.env.CI) throw new Error(message);
  console.warn(`${message} (skipped outside CI)`);
  ctx.skip();
  return null;
}

/** Converts a DOCX to PDF with LibreOffice in a profile of its own; returns the PDF's bytes. */
export async function convertToPdf(soffice: string, docx: Buffer, name: string, workDir: string): Promise<Buffer> {
  const source = join(workDir, `${name}.docx`);
  writeFileSync(source, docx);
  const profile = mkdtempSync(join(tmpdir(), "cchc-lo-profile-"));
  try {
    await run(soffice, ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", workDir, source], { timeout: 120_000, killSignal: "SIGKILL" });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(workDir, `${name}.pdf`);
  expect(readdirSync(workDir), `LibreOffice wrote ${name}.pdf`).toContain(`${name}.pdf`);
  expect(statSync(pdf).size).toBeGreaterThan(1000);
  return readFileSync(pdf);
}

export const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
