/**
 * PDF to blocks, from the text layer (unpdf's PDF.js).
 *
 * The text is rebuilt from the page's drawing operations rather than from
 * PDF.js's text items: word processors often draw Vietnamese letters with a
 * second font placed into gaps of the first one's runs, and only the glyph
 * positions put "Hoài H o" + "ả" back together as "Hoài Hảo". Ruled tables are
 * found from their border lines; the text inside each cell becomes the cell's
 * text, a cell spanning several grid places sits in its first place and the
 * others are left empty. Text outside tables becomes paragraphs: lines are
 * joined while the line spacing stays that of one paragraph.
 */
import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import { cleanInline, readLine, type Block } from "./blocks.js";
import { unreadable } from "./errors.js";

export const NO_TEXT_LAYER = "Tệp PDF không có lớp chữ (có thể là bản quét); cần nhận dạng chữ (OCR) trước khi nhập.";

/** PDF.js 5 calls ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks. */
function ensureArrayBufferTransfer(): void {
  const proto = ArrayBuffer.prototype as unknown as Record<string, unknown>;
  if (typeof proto.transferToFixedLength === "function") return;
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length?: number): ArrayBuffer {
      const n = length ?? this.byteLength;
      const out = new ArrayBuffer(n);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
      return out;
    },
  });
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(args: unknown[]): Matrix | null {
  const src = args.length >= 6 ? args : (args[0] as ArrayLike<number> | undefined);
  if (!src || (src as ArrayLike<number>).length < 6) return null;
  const a = Array.from({ length: 6 }, (_, i) => Number((src as ArrayLike<number>)[i]));
  return a.every(Number.isFinite) ? (a as Matrix) : null;
}

export interface Glyph {
  ch: string;
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  size: number;
}

export interface Segment {
  /** "h": y fixed, from a to b in x; "v": x fixed, from a to b in y */
  dir: "h" | "v";
  at: number;
  a: number;
  b: number;
}

export interface PageContent {
  glyphs: Glyph[];
  segments: Segment[];
}

export interface PdfGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

export interface OpNames {
  [name: string]: number;
}

/** Glyphs with their page positions, and ruling lines, from one page's operator list. */
export function readOperators(fnArray: ArrayLike<number>, argsArray: unknown[][], OPS: OpNames): PageContent {
  const glyphs: Glyph[] = [];
  const segments: Segment[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Array<{ ctm: Matrix; font: number; cs: number; ws: number; hs: number; lead: number; rise: number }> = [];
  let fontSize = 12;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  let leading = 0;
  let rise = 0;
  let tm: Matrix = IDENTITY;
  let lm: Matrix = IDENTITY;
  let x = 0;
  const addSegment = (x0: number, y0: number, x1: number, y1: number) => {
    const [ax, ay] = apply(ctm, x0, y0);
    const [bx, by] = apply(ctm, x1, y1);
    if (Math.abs(ay - by) < 1 && Math.abs(ax - bx) >= 2) segments.push({ dir: "h", at: (ay + by) / 2, a: Math.min(ax, bx), b: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 1 && Math.abs(ay - by) >= 2) segments.push({ dir: "v", at: (ax + bx) / 2, a: Math.min(ay, by), b: Math.max(ay, by) });
  };
  const addBox = (x0: number, y0: number, x1: number, y1: number) => {
    const w = Math.abs(x1 - x0);
    const h = Math.abs(y1 - y0);
    if (h <= 2.5 && w >= 2) addSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
    else if (w <= 2.5 && h >= 2) addSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
    else {
      addSegment(x0, y0, x1, y0);
      addSegment(x0, y1, x1, y1);
      addSegment(x0, y0, x0, y1);
      addSegment(x1, y0, x1, y1);
    }
  };
  const readPath = (args: unknown[]) => {
    // PDF.js ≥ 5: [paintOp, [Float32Array of DrawOPS], minMax]; older: [ops[], coords[], minMax].
    if (Array.isArray(args[0])) {
      const ops = args[0] as number[];
      const coords = args[1] as ArrayLike<number>;
      let k = 0;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [rx, ry, rw, rh] = [coords[k], coords[k + 1], coords[k + 2], coords[k + 3]];
          k += 4;
          addBox(rx, ry, rx + rw, ry + rh);
        } else if (op === OPS.moveTo) {
          cx = sx = coords[k++];
          cy = sy = coords[k++];
        } else if (op === OPS.lineTo) {
          const nx = coords[k++];
          const ny = coords[k++];
          addSegment(cx, cy, nx, ny);
          cx = nx;
          cy = ny;
        } else if (op === OPS.curveTo) k += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
        else if (op === OPS.closePath) addSegment(cx, cy, sx, sy);
      }
      return;
    }
    const paths = args[1] as ArrayLike<ArrayLike<number> | null> | undefined;
    if (!paths) return;
    for (let p = 0; p < paths.length; p++) {
      const d = paths[p];
      if (!d) continue;
      let k = 0;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      const pts: Array<[number, number]> = [];
      while (k < d.length) {
        const op = d[k++];
        if (op === 0) {
          cx = sx = d[k++];
          cy = sy = d[k++];
          pts.push([cx, cy]);
        } else if (op === 1) {
          const nx = d[k++];
          const ny = d[k++];
          addSegment(cx, cy, nx, ny);
          cx = nx;
          cy = ny;
          pts.push([cx, cy]);
        } else if (op === 2) {
          k += 6;
        } else if (op === 3) {
          k += 4;
        } else if (op === 4) {
          addSegment(cx, cy, sx, sy);
        } else break;
      }
      // A thin filled rectangle is a rule as well.
      if (pts.length >= 4) {
        const xs = pts.map((q) => q[0]);
        const ys = pts.map((q) => q[1]);
        const w = Math.max(...xs) - Math.min(...xs);
        const h = Math.max(...ys) - Math.min(...ys);
        if ((w <= 2.5 && h >= 2) || (h <= 2.5 && w >= 2)) addBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
      }
    }
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, font: fontSize, cs: charSpacing, ws: wordSpacing, hs: hScale, lead: leading, rise });
        break;
      case OPS.restore: {
        const s = stack.pop();
        if (s) ({ ctm, font: fontSize, cs: charSpacing, ws: wordSpacing, hs: hScale, lead: leading, rise } = s);
        break;
      }
      case OPS.transform: {
        const m = asMatrix(args);
        if (m) ctm = mul(m, ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, font: fontSize, cs: charSpacing, ws: wordSpacing, hs: hScale, lead: leading, rise });
        const m = asMatrix((args[0] as unknown[]) ? [args[0]] : []);
        if (m) ctm = mul(m, ctm);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) ({ ctm, font: fontSize, cs: charSpacing, ws: wordSpacing, hs: hScale, lead: leading, rise } = s);
        break;
      }
      case OPS.beginText:
        tm = IDENTITY;
        lm = IDENTITY;
        x = 0;
        break;
      case OPS.setFont:
        fontSize = Number(args[1]) || fontSize;
        break;
      case OPS.setCharSpacing:
        charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setLeading:
        leading = Number(args[0]) || 0;
        break;
      case OPS.setTextRise:
        rise = Number(args[0]) || 0;
        break;
      case OPS.setTextMatrix: {
        const m = asMatrix(args);
        if (m) {
          tm = m;
          lm = m;
          x = 0;
        }
        break;
      }
      case OPS.moveText:
      case OPS.setLeadingMoveText: {
        const tx = Number(args[0]) || 0;
        const ty = Number(args[1]) || 0;
        if (fn === OPS.setLeadingMoveText) leading = -ty;
        lm = mul([1, 0, 0, 1, tx, ty], lm);
        tm = lm;
        x = 0;
        break;
      }
      case OPS.nextLine:
        lm = mul([1, 0, 0, 1, 0, -leading], lm);
        tm = lm;
        x = 0;
        break;
      case OPS.showText:
      case OPS.showSpacedText: {
        const items = (args[0] ?? []) as Array<PdfGlyph | number | null>;
        const m = mul(tm, ctm);
        const scale = Math.hypot(m[2], m[3]) || 1;
        for (const g of items) {
          if (typeof g === "number") {
            x -= (g / 1000) * fontSize * hScale;
            continue;
          }
          if (!g) continue;
          const w = ((g.width ?? 0) / 1000) * fontSize;
          const advance = (w + charSpacing + (g.isSpace ? wordSpacing : 0)) * hScale;
          const ch = g.unicode ?? "";
          if (ch && ch.trim()) {
            const [ax, ay] = apply(m, x, rise);
            const [bx] = apply(m, x + w * hScale, rise);
            glyphs.push({ ch, x0: Math.min(ax, bx), x1: Math.max(ax, bx), y: ay, size: fontSize * scale });
          }
          x += advance;
        }
        break;
      }
      case OPS.constructPath:
        readPath(args);
        break;
      case OPS.rectangle: {
        const [rx, ry, rw, rh] = args.map(Number);
        addBox(rx, ry, rx + rw, ry + rh);
        break;
      }
      default:
        break;
    }
  }
  return { glyphs, segments };
}

// ---------------------------------------------------------------------------
// Lines of text

interface TextLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** width of the line's first word */
  firstWord: number;
}

/** Glyphs of one baseline, left to right, into lines; a wide gap splits a line (side-by-side blocks). */
function linesOf(glyphs: Glyph[]): TextLine[] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const rows: Glyph[][] = [];
  for (const g of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - g.y) <= Math.max(1, 0.3 * Math.min(row[0].size, g.size))) row.push(g);
    else rows.push([g]);
  }
  const lines: TextLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let cur: Glyph[] = [];
    const flush = () => {
      if (cur.length === 0) return;
      let text = "";
      let prev: Glyph | null = null;
      let firstWordEnd: number | null = null;
      for (const g of cur) {
        if (prev) {
          const gap = g.x0 - prev.x1;
          if (gap > 0.18 * Math.max(prev.size, g.size)) {
            text += " ";
            firstWordEnd ??= prev.x1;
          }
        }
        text += g.ch;
        prev = g;
      }
      lines.push({
        text: text.normalize("NFC").replace(/\s+/g, " ").trim(),
        x0: cur[0].x0,
        x1: cur[cur.length - 1].x1,
        y: cur[0].y,
        size: Math.max(...cur.map((c) => c.size)),
        firstWord: (firstWordEnd ?? cur[cur.length - 1].x1) - cur[0].x0,
      });
      cur = [];
    };
    for (const g of row) {
      const last = cur[cur.length - 1];
      if (last && g.x0 - last.x1 > 3 * Math.max(last.size, g.size)) flush();
      // Overprinted glyphs (bold by double printing) are kept once.
      if (last && Math.abs(last.x0 - g.x0) < 0.05 * g.size && last.ch === g.ch) continue;
      cur.push(g);
    }
    flush();
  }
  return lines.filter((l) => l.text.length > 0);
}

// ---------------------------------------------------------------------------
// Tables

interface Grid {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  xs: number[];
  ys: number[];
  h: Segment[];
  v: Segment[];
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** Connected sets of ruling lines with at least two of each direction. */
function gridsOf(segments: Segment[]): Grid[] {
  const tol = 2;
  const n = segments.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const touches = (s: Segment, t: Segment) => {
    if (s.dir === t.dir) {
      return Math.abs(s.at - t.at) <= tol && s.a <= t.b + tol && t.a <= s.b + tol;
    }
    const [h, v] = s.dir === "h" ? [s, t] : [t, s];
    return v.at >= h.a - tol && v.at <= h.b + tol && h.at >= v.a - tol && h.at <= v.b + tol;
  };
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (touches(segments[i], segments[j])) parent[find(i)] = find(j);
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const h = g.filter((s) => s.dir === "h");
    const v = g.filter((s) => s.dir === "v");
    const xs = cluster(v.map((s) => s.at), tol);
    const ys = cluster(h.map((s) => s.at), tol).reverse();
    if (xs.length < 3 || ys.length < 2) continue;
    grids.push({ x0: xs[0], x1: xs[xs.length - 1], y0: Math.min(...ys), y1: Math.max(...ys), xs, ys, h, v });
  }
  return grids;
}

function inGrid(grid: Grid, x: number, y: number): boolean {
  return x >= grid.x0 - 1 && x <= grid.x1 + 1 && y >= grid.y0 - 1 && y <= grid.y1 + 1;
}

interface CellCuts {
  lines: TextLine[];
  /** line indexes that surely start a new item */
  sure: number[];
  /** line indexes that may start one, best first */
  maybe: number[];
}

const OPEN_END = /(?:[,;:–-]|(?:^|[\s(])(?:và|của|các|với|theo|về|cho|trong|tại|để|được|là|những|từ|đến|trên|ngày|tháng|năm|quý|số|trước|sau|đợt|lần|mức|độ))$/iu;

/**
 * Where the paragraphs of a cell begin. Surely after a wider gap, at a bullet,
 * or where the next line's first word would still have fitted on the line
 * before (so that line ended its paragraph); maybe where a line starting with
 * a capital follows a line that does not stop mid-phrase.
 */
function cellCuts(lines: TextLine[], pitch: number, width: number): CellCuts {
  const sure: number[] = [];
  const maybe: Array<{ at: number; score: number }> = [];
  for (let k = 1; k < lines.length; k++) {
    const prev = lines[k - 1];
    const l = lines[k];
    const gap = prev.y - l.y;
    const bullet = /^[-–+•]\s/.test(l.text);
    const wouldFit = prev.x1 - prev.x0 + 0.3 * l.size + l.firstWord < width - 1;
    if (gap > 1.7 * pitch || bullet || wouldFit) sure.push(k);
    else if (/^[\p{Lu}\d]/u.test(l.text) && !OPEN_END.test(prev.text)) maybe.push({ at: k, score: (width - (prev.x1 - prev.x0)) / l.size + (/[.)]$/.test(prev.text) ? 2 : 0) });
  }
  return { lines, sure, maybe: maybe.sort((a, b) => b.score - a.score).map((m) => m.at) };
}

/** A place inside a cell item where another item may begin (kept for the parser, which sees the whole row). */
export const SOFT_BREAK = "\u2028";

function itemsOf(lines: TextLine[], cuts: number[], soft: number[]): string[] {
  const starts = [0, ...[...new Set(cuts)].sort((a, b) => a - b), lines.length];
  const maybe = new Set(soft);
  const items: string[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    let text = "";
    for (let i = starts[k]; i < starts[k + 1]; i++) {
      const t = cleanInline(lines[i].text);
      if (!t) continue;
      text = !text ? t : /[\p{L}\d]-$/u.test(text) ? text + t : `${text}${maybe.has(i) ? SOFT_BREAK : " "}${t}`;
    }
    if (text) items.push(text);
  }
  return items;
}

/**
 * The items of each cell of a row. The items of a row go in the same order
 * across its columns, so a cell whose paragraph breaks cannot be seen (every
 * line full) is cut into as many items as the row's clearest cell shows, at
 * its likeliest places, when it has enough of them.
 */
function rowItems(cells: Array<CellCuts | null>): string[][] {
  const count = Math.max(1, ...cells.map((c) => (c ? c.sure.length + 1 : 0)));
  return cells.map((c) => {
    if (!c) return [];
    const need = count - (c.sure.length + 1);
    const cuts = need > 0 && c.maybe.length >= need ? [...c.sure, ...c.maybe.slice(0, need)] : c.sure;
    return itemsOf(c.lines, cuts, c.maybe.filter((m) => !cuts.includes(m)));
  });
}

function tableOf(grid: Grid, glyphs: Glyph[]): Block | null {
  const { xs, ys } = grid;
  const rowsN = ys.length - 1;
  const colsN = xs.length - 1;
  const tol = 2;
  const vAt = (k: number, r: number) => {
    const mid = (ys[r] + ys[r + 1]) / 2;
    return grid.v.some((s) => Math.abs(s.at - xs[k]) <= tol && s.a <= mid + tol && s.b >= mid - tol);
  };
  const hAt = (r: number, c: number) => {
    const mid = (xs[c] + xs[c + 1]) / 2;
    return grid.h.some((s) => Math.abs(s.at - ys[r]) <= tol && s.a <= mid + tol && s.b >= mid - tol);
  };
  // Grid places joined into cells where no rule separates them.
  const parent = Array.from({ length: rowsN * colsN }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rowsN; r++) {
    for (let c = 0; c < colsN; c++) {
      if (c + 1 < colsN && !vAt(c + 1, r)) join(r * colsN + c, r * colsN + c + 1);
      if (r + 1 < rowsN && !hAt(r + 1, c)) join(r * colsN + c, (r + 1) * colsN + c);
    }
  }
  const cellGlyphs = new Map<number, Glyph[]>();
  for (const g of glyphs) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = g.y + 0.3 * g.size;
    let c = -1;
    for (let k = 0; k < colsN; k++) if (cx >= xs[k] && cx < xs[k + 1]) c = k;
    let r = -1;
    for (let k = 0; k < rowsN; k++) if (cy <= ys[k] && cy > ys[k + 1]) r = k;
    if (r < 0 || c < 0) continue;
    const root = find(r * colsN + c);
    const list = cellGlyphs.get(root);
    if (list) list.push(g);
    else cellGlyphs.set(root, [g]);
  }
  const pitches: number[] = [];
  const cellLines = new Map<number, TextLine[]>();
  for (const [root, list] of cellGlyphs) {
    const lines = linesOf(list);
    cellLines.set(root, lines);
    for (let k = 1; k < lines.length; k++) pitches.push(lines[k - 1].y - lines[k].y);
  }
  pitches.sort((a, b) => a - b);
  const pitch = pitches.length ? pitches[Math.floor(pitches.length / 2)] : 15;
  // The cell padding, the same in every cell: the least indent of any line from its cell's left rule.
  const lastCol = new Map<number, number>();
  for (let idx = 0; idx < rowsN * colsN; idx++) {
    const root = find(idx);
    lastCol.set(root, Math.max(lastCol.get(root) ?? 0, idx % colsN));
  }
  let padding = Infinity;
  for (const [root, lines] of cellLines) for (const l of lines) padding = Math.min(padding, l.x0 - xs[root % colsN]);
  padding = Number.isFinite(padding) ? Math.min(Math.max(padding, 0), 20) : 5;
  const rows: string[][][] = [];
  for (let r = 0; r < rowsN; r++) {
    const cuts: Array<CellCuts | null> = [];
    for (let c = 0; c < colsN; c++) {
      const idx = r * colsN + c;
      const lines = find(idx) === idx ? cellLines.get(idx) : undefined;
      cuts.push(lines && lines.length ? cellCuts(lines, pitch, xs[(lastCol.get(idx) ?? c) + 1] - xs[c] - 2 * padding) : null);
    }
    const row = rowItems(cuts);
    if (row.some((items) => items.length > 0)) rows.push(row);
  }
  // Drop grid columns that never hold text (rules of merged headers).
  const keep = Array.from({ length: colsN }, (_, c) => rows.some((row) => row[c].length > 0));
  const trimmed = rows.map((row) => row.filter((_, c) => keep[c]));
  return trimmed.length ? { kind: "table", rows: trimmed } : null;
}

// ---------------------------------------------------------------------------
// Paragraphs

interface PageLines {
  lines: TextLine[];
}

/** Prose lines into paragraphs: a new one where the spacing grows or the left edge moves in. */
function paragraphsOf(page: PageLines, out: Block[]): void {
  const lines = page.lines;
  if (lines.length === 0) return;
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const d = lines[k - 1].y - lines[k].y;
    if (d > 0) gaps.push(d / lines[k].size);
  }
  gaps.sort((a, b) => a - b);
  const normal = gaps.length ? gaps[Math.floor(gaps.length * 0.25)] : 1.2;
  const left = Math.min(...lines.map((l) => l.x0));
  const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)];
  let cur: TextLine[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    // A word cut at a hyphen at the end of a line ("KH-" / "UBND") is one word again.
    const text = cur.reduce((acc, l) => (!acc ? l.text : /[\p{L}\d]-$/u.test(acc) ? acc + l.text : `${acc} ${l.text}`), "");
    const b = readLine(text);
    if (b.text) out.push(b);
    cur = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const prev = cur[cur.length - 1];
    if (prev) {
      const d = (prev.y - l.y) / l.size;
      const sameLine = Math.abs(prev.y - l.y) < 0.3 * l.size;
      const indent = l.x0 - left > 1.5 * l.size && prev.x0 - left <= 1.5 * l.size;
      const startsItem = /^(?:[-–+•*]\s?\S|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[IVXL]+[.\s])/.test(l.text);
      const short = prev.x1 < right - 2.5 * l.size;
      if (sameLine || d > normal * 1.35 || d < 0 || indent || short) flush();
      else if (startsItem && /[.;:!?]$/.test(prev.text)) flush();
    }
    cur.push(l);
  }
  flush();
}

// ---------------------------------------------------------------------------

function orderBlocks(items: Array<{ y: number; block: Block }>): Block[] {
  return items.sort((a, b) => b.y - a.y).map((i) => i.block);
}

/** One page's glyphs and rules into blocks: ruled tables, and paragraphs between them, top to bottom. */
export function layoutPage({ glyphs, segments }: PageContent): Block[] {
  const grids = gridsOf(segments);
  const placed: Array<{ y: number; block: Block }> = [];
  const free: Glyph[] = [];
  const byGrid = new Map<Grid, Glyph[]>();
  for (const g of glyphs) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = g.y + 0.3 * g.size;
    const grid = grids.find((gr) => inGrid(gr, cx, cy));
    if (!grid) {
      free.push(g);
      continue;
    }
    const list = byGrid.get(grid);
    if (list) list.push(g);
    else byGrid.set(grid, [g]);
  }
  for (const [grid, list] of byGrid) {
    const t = tableOf(grid, list);
    if (t) placed.push({ y: grid.y1, block: t });
  }
  // Prose between tables keeps its place: the free lines are cut at each table.
  const cuts = [...byGrid.keys()].map((g) => g.y1).sort((a, b) => b - a);
  let group: TextLine[] = [];
  let cutIdx = 0;
  const flushGroup = () => {
    if (group.length === 0) return;
    const paras: Block[] = [];
    paragraphsOf({ lines: group }, paras);
    const y = group[0].y;
    paras.forEach((b, k) => placed.push({ y: y - k * 1e-6, block: b }));
    group = [];
  };
  for (const l of linesOf(free)) {
    while (cutIdx < cuts.length && l.y < cuts[cutIdx]) {
      flushGroup();
      cutIdx++;
    }
    group.push(l);
  }
  flushGroup();
  return orderBlocks(placed);
}

export async function readPdf(data: Uint8Array): Promise<Block[]> {
  ensureArrayBufferTransfer();
  const pdfjs = (await getResolvedPDFJS()) as unknown as { OPS: OpNames };
  const pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  const blocks: Block[] = [];
  let glyphCount = 0;
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const ops = await page.getOperatorList();
      const content = readOperators(ops.fnArray, ops.argsArray as unknown[][], pdfjs.OPS);
      glyphCount += content.glyphs.length;
      blocks.push(...layoutPage(content));
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  if (glyphCount === 0) throw unreadable(NO_TEXT_LAYER);
  return blocks;
}
