/**
 * Word (.docx) to blocks: mammoth converts the document to HTML, and a small
 * walk over that HTML keeps paragraphs as paragraphs and tables as tables
 * (merged cells laid out on the grid as empty cells, the paragraphs inside a
 * cell as its items).
 */
import mammoth from "mammoth";
import { cleanInline, decodeEntities, readLine, type Block } from "./blocks.js";

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Array<Node | string>;
}

const VOID = new Set(["br", "img", "hr", "input", "meta", "link", "col"]);

/** A forgiving HTML parser, enough for mammoth's output. */
export function parseHtml(html: string): Node {
  const root: Node = { tag: "#root", attrs: {}, children: [] };
  const stack: Node[] = [root];
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+|<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.children.push(decodeEntities(m[5]));
      continue;
    }
    if (m[2] === undefined) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((n) => n.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    const ar = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
    let a: RegExpExecArray | null;
    while ((a = ar.exec(m[3] ?? ""))) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
    const node: Node = { tag, attrs, children: [] };
    top.children.push(node);
    if (!m[4] && !VOID.has(tag)) stack.push(node);
  }
  return root;
}

function textOf(n: Node | string): string {
  if (typeof n === "string") return n;
  if (n.tag === "br") return " ";
  return n.children.map(textOf).join("");
}

/** The paragraphs inside a cell, each an item. */
function cellItemsOf(cell: Node): string[] {
  const items: string[] = [];
  let loose = "";
  const flushLoose = () => {
    const t = cleanInline(loose);
    if (t) items.push(t);
    loose = "";
  };
  const walk = (n: Node) => {
    for (const c of n.children) {
      if (typeof c === "string") {
        loose += c;
        continue;
      }
      if (/^(p|h[1-6]|li)$/.test(c.tag)) {
        flushLoose();
        const t = cleanInline(textOf(c));
        if (t) items.push(t);
      } else if (c.tag === "table" || /^(ul|ol|div|tbody|thead|tr|td|th)$/.test(c.tag)) {
        flushLoose();
        walk(c);
      } else {
        loose += textOf(c);
      }
    }
  };
  walk(cell);
  flushLoose();
  return items;
}

function rowsOf(table: Node): Node[] {
  const rows: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.children) {
      if (typeof c === "string") continue;
      if (c.tag === "tr") rows.push(c);
      else if (/^(thead|tbody|tfoot)$/.test(c.tag)) walk(c);
    }
  };
  walk(table);
  return rows;
}

function span(v: string | undefined): number {
  const n = Number(v ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : 1;
}

/** A table laid on its grid: a merged cell's text in its first place, its other places empty. */
function tableBlock(table: Node): Block {
  const grid: string[][][] = [];
  const taken: boolean[][] = [];
  rowsOf(table).forEach((tr, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let col = 0;
    for (const c of tr.children) {
      if (typeof c === "string" || (c.tag !== "td" && c.tag !== "th")) continue;
      while (taken[r][col]) {
        grid[r][col] ??= [];
        col++;
      }
      const cs = span(c.attrs.colspan);
      const rs = span(c.attrs.rowspan);
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) {
          taken[r + dr][col + dc] = true;
          grid[r + dr][col + dc] ??= [];
        }
      }
      grid[r][col] = cellItemsOf(c);
      col += cs;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return { kind: "table", rows: grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? [])) };
}

/**
 * Word's automatic numbering is not in the text: an ordered list item gets
 * "1.", "1.2.", … by its place, a bullet gets "- ", unless it already starts
 * with a marker of its own.
 */
function listBlocks(list: Node, out: Block[], prefix: number[]): void {
  const ordered = list.tag === "ol";
  let n = 0;
  for (const li of list.children) {
    if (typeof li === "string" || li.tag !== "li") continue;
    n++;
    const numbers = [...prefix, n];
    const own = li.children.filter((x) => typeof x === "string" || !/^(ul|ol|table)$/.test(x.tag));
    const text = cleanInline(own.map(textOf).join(" "));
    if (text) {
      const marked = /^(?:[-–+•*]|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVXL]+\.)\s*/i.test(text);
      const marker = marked ? "" : ordered ? `${numbers.join(".")}. ` : "- ";
      const b = readLine(marker + text);
      if (b.text) out.push(b);
    }
    for (const x of li.children) {
      if (typeof x === "string") continue;
      if (x.tag === "ul" || x.tag === "ol") listBlocks(x, out, ordered ? numbers : prefix);
      else if (x.tag === "table") out.push(tableBlock(x));
    }
  }
}

function blocksOf(root: Node, out: Block[]): void {
  for (const c of root.children) {
    if (typeof c === "string") {
      for (const line of c.split(/\n/)) {
        const b = readLine(line);
        if (b.text) out.push(b);
      }
      continue;
    }
    if (c.tag === "table") out.push(tableBlock(c));
    else if (c.tag === "ul" || c.tag === "ol") listBlocks(c, out, []);
    else if (/^(p|h[1-6]|li)$/.test(c.tag)) {
      const nested = c.children.some((x) => typeof x !== "string" && (x.tag === "table" || x.tag === "ul" || x.tag === "ol"));
      if (nested) {
        blocksOf(c, out);
        continue;
      }
      for (const line of textOf(c).split(/\n/)) {
        const b = readLine(line);
        if (!b.text) continue;
        const h = /^h([1-6])$/.exec(c.tag);
        if (h && !b.heading) b.heading = Number(h[1]);
        out.push(b);
      }
    } else blocksOf(c, out);
  }
}

export function blocksFromHtml(html: string): Block[] {
  const out: Block[] = [];
  blocksOf(parseHtml(html), out);
  return out;
}

export async function readDocx(buffer: Buffer): Promise<Block[]> {
  const result = await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: true });
  return blocksFromHtml(result.value);
}
