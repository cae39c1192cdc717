/**
 * The common block model every reader produces and the parser reads: a
 * document is a list of paragraphs and tables; a table is rows of cells; a
 * cell holds one or more items (the `<p>` paragraphs inside it, one per
 * activity when the cell lists several).
 *
 * Pure helpers for the readers live here too: Markdown and inline HTML
 * clean-up, cell splitting.
 */

export interface ParagraphBlock {
  kind: "para";
  text: string;
  /** Markdown heading level (1–6) when the line was a `#` heading */
  heading?: number;
}

export interface TableBlock {
  kind: "table";
  /** rows → cells → items */
  rows: string[][][];
}

export type Block = ParagraphBlock | TableBlock;

/**
 * The document as lines of text, for showing it beside its draft: one line per
 * non-empty paragraph, one per table row (its cells joined by tabs). `starts`
 * gives, per block, the index of its first line (a table's row r is line
 * starts[i] + r).
 */
export function sourceLinesOf(blocks: Block[]): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  for (const b of blocks) {
    starts.push(lines.length);
    if (b.kind === "para") {
      if (b.text.trim()) lines.push(b.text);
    } else {
      for (const row of b.rows) lines.push(row.map((cell) => cell.join(" ")).join("\t"));
    }
  }
  return { lines, starts };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Inline HTML tags (`<i>`, `<b>`, `<em>`, `<br>`, …) out, entities decoded. */
export function stripInlineHtml(s: string): string {
  return decodeEntities(s.replace(/<br\s*\/?>/gi, " ").replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, ""));
}

/** The items of a cell written with `<p>…</p>` (or one item: the cell itself). */
export function cellItems(cell: string): string[] {
  const items: string[] = [];
  const re = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/gi;
  let m: RegExpExecArray | null;
  let rest = cell;
  while ((m = re.exec(cell))) items.push(m[1]);
  if (items.length > 0) rest = cell.replace(re, " ");
  const out = (items.length > 0 ? [...items, rest] : [cell]).map((s) => cleanInline(stripInlineHtml(s))).filter((s) => s.length > 0);
  return out;
}

/** Markdown emphasis and escapes out of one line; whitespace collapsed. */
export function cleanInline(s: string): string {
  return s
    .replace(/\u00a0/g, " ")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1")
    .replace(/(\*{1,3}|_{2,3})(?=\S)([\s\S]*?\S)\1(?!\*)/g, "$2")
    .replace(/\*\*|__/g, "")
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** One line of running text: a Markdown heading level when it has one, its text cleaned. */
export function readLine(line: string): ParagraphBlock {
  let s = line.replace(/\u00a0/g, " ").trim();
  let heading: number | undefined;
  const h = /^(#{1,6})\s+(.*)$/.exec(s);
  if (h) {
    heading = h[1].length;
    s = h[2].replace(/\s+#+\s*$/, "");
  }
  s = stripInlineHtml(s);
  // "* Rà soát…" is a bullet, "*text*" is emphasis.
  const bullet = /^[*+]\s+/.test(s) && !/^\*\S/.test(s);
  const text = bullet ? `${s[0]} ${cleanInline(s.replace(/^[*+]\s+/, ""))}` : cleanInline(s);
  return heading ? { kind: "para", text, heading } : { kind: "para", text };
}
