import JSZip from "jszip";

/**
 * A ZIP of files (the reports of all communes of a period): names kept in
 * UTF-8 (NFC, the language-encoding flag set, so Windows and macOS show
 * "Báo cáo …" as written), "/" and "\" in a name replaced so that every file
 * stays at the top level, and a repeated name numbered "(2)", "(3)" … before
 * its extension instead of overwriting the first.
 */
export async function zipFiles(files: Array<{ name: string; content: Buffer }>): Promise<Buffer> {
  const zip = new JSZip();
  const used = new Set<string>();
  for (const file of files) {
    const clean = file.name.normalize("NFC").replace(/[\\/]+/g, "-").replace(/[\u0000-\u001f]/g, "").trim() || "tep";
    let name = clean;
    for (let n = 2; used.has(name.toLocaleLowerCase("vi")); n++) {
      const dot = clean.lastIndexOf(".");
      name = dot > 0 ? `${clean.slice(0, dot)} (${n})${clean.slice(dot)}` : `${clean} (${n})`;
    }
    used.add(name.toLocaleLowerCase("vi"));
    zip.file(name, file.content, { binary: true });
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}
