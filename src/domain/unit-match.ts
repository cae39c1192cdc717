/**
 * Matching unit names as a plan writes them to the reference units
 * (shared/reference/units.json, passed in as data) and to the generic phrases
 * plans use for "the units concerned".
 *
 * Pure: no I/O. Written names vary in every way: abbreviations ("VP-TK",
 * "CC VP-TK", "ĐC-XD"), mixed forms ("Văn phòng – TK"), prefixes ("Bộ phận",
 * "Công chức", "CC", "Phòng", "Ban"), dashes and spacing ("Văn phòng- Thống
 * kê", "Văn phòng – thống kê xã"), partial names ("Bộ phận Tư pháp"), older
 * names ("Văn hóa – Thông tin") and OCR damage ("B¢ phdn Van phdng"). Text is
 * folded (diacritics off, lowercase) and cut into word tokens; a token of four
 * letters or more that is one edit away from a word of the reference
 * vocabulary is read as that word.
 *
 * A text that names no known unit is kept as `{ unit: null, text }`: a unit is
 * never guessed.
 */
import { fold } from "./text.js";

export interface ReferenceUnit {
  id: string;
  name: string;
  abbreviations?: readonly string[];
  era?: string;
  kind?: string;
}

export interface GenericPhrase {
  id: string;
  name: string;
  examples?: readonly string[];
}

export interface UnitReference {
  units: readonly ReferenceUnit[];
  generic?: readonly GenericPhrase[];
}

/** A unit as the draft holds it: the reference id (or null) and the words as written. */
export interface MatchedUnit {
  unit: string | null;
  text: string;
}

export interface UnitRoles {
  lead: MatchedUnit[];
  support: MatchedUnit[];
}

export interface UnitMatcher {
  /** The one unit a text names (the first known one), or `{ unit: null, text }`. */
  match(text: string): MatchedUnit;
  /** Every unit a text names, in order: "VP-TK, TP-HT, ĐC-XD", "Tư pháp – hộ tịch và các bộ phận liên quan". */
  split(text: string): MatchedUnit[];
  /** Lead and support units of one sentence: "Văn phòng – thống kê xã chủ trì, phối hợp với các bộ phận chuyên môn". */
  roles(text: string): UnitRoles;
}

// ---------------------------------------------------------------------------
// Edit distance

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

// ---------------------------------------------------------------------------
// Tokens

interface Token {
  /** folded, then read against the vocabulary */
  word: string;
  start: number;
  end: number;
  /** a comma, semicolon, full stop, slash, plus or bracket stands right before this token */
  hardBefore: boolean;
}

const FOLD_CACHE = new Map<string, string>();

function foldChar(c: string): string {
  let f = FOLD_CACHE.get(c);
  if (f === undefined) {
    // "¢" and "©" are how OCR often reads "ộ"/"ơ" and "c".
    f = c === "&" ? "&" : c === "¢" ? "o" : c === "©" ? "c" : fold(c).replace(/[^a-z0-9]/g, "");
    FOLD_CACHE.set(c, f);
  }
  return f;
}

/** Word tokens with their places in the original text; "&" is read as "và". */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = "";
  let start = -1;
  let end = -1;
  let hard = false;
  const flush = () => {
    if (word) tokens.push({ word, start, end, hardBefore: hard });
    word = "";
    hard = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/\p{M}/u.test(c)) {
      if (word) end = i + 1;
      continue;
    }
    const f = foldChar(c);
    if (f === "&") {
      flush();
      tokens.push({ word: "va", start: i, end: i + 1, hardBefore: false });
      continue;
    }
    if (f && /^[a-z0-9]+$/.test(f)) {
      if (!word) start = i;
      word += f;
      end = i + 1;
      continue;
    }
    if (word) flush();
    if (/[,;.:/+()[\]\n]/.test(c)) hard = true;
  }
  flush();
  return tokens;
}

// ---------------------------------------------------------------------------
// Reference patterns

/** Other names seen in plans for the reference units (ids absent from the reference data are ignored). */
const SYNONYMS: Record<string, string[]> = {
  "vp-tk": ["Văn phòng – Thống kê", "VPTK"],
  "tp-ht": ["Tư pháp – Hộ tịch", "TPHT"],
  "tc-kt": ["Tài chính – Kế toán", "Tài chính – Kế hoạch", "Kế toán ngân sách", "TCKT"],
  "dc-xd": ["Địa chính – Xây dựng", "Địa chính – Nông nghiệp – Xây dựng – Môi trường", "Địa chính – Xây dựng – Đô thị – Môi trường", "Địa chính – Nông nghiệp", "ĐCXD"],
  "vh-xh": ["Văn hóa – Xã hội", "Văn hóa – Thông tin", "Văn hóa – Thông tin – Thể thao", "VH-TT-TT", "VHXH", "VHTT", "Văn hóa – Thể thao"],
  "quan-su": ["Ban Chỉ huy Quân sự", "Chỉ huy trưởng Quân sự", "Quân sự", "BCH QS"],
  "mot-cua": ["Tiếp nhận và Trả kết quả", "Một cửa", "TN&TKQ", "Tiếp nhận và Trả kết quả hồ sơ", "Một cửa liên thông"],
  "vp-hdnd-ubnd": ["Văn phòng HĐND và UBND", "Văn phòng HĐND – UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "VP HĐND và UBND"],
  "p-kt": ["Phòng Kinh tế"],
  "p-kthtdt": ["Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Kinh tế – Hạ tầng – Đô thị", "Phòng KT-HT-ĐT", "Phòng KTHTĐT"],
  "p-vhxh": ["Phòng Văn hóa – Xã hội", "Phòng VHXH", "Phòng Văn hóa – Thông tin"],
  "tt-pvhcc": ["Trung tâm Phục vụ hành chính công", "Trung tâm PVHCC", "TTPVHCC"],
  "tt-dvth": ["Trung tâm Dịch vụ tổng hợp", "Trung tâm DVTH", "TTDVTH"],
  "ubmttq": ["Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ VN", "Ủy ban MTTQ", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "UBMTTQ", "UBMTTQ VN", "MTTQVN", "MTTQ VN"],
  "dai-truyen-thanh": ["Đài truyền thanh", "Đài Truyền thanh – Truyền hình", "Đài phát thanh", "Đài TT"],
  "lanh-dao": ["Lãnh đạo UBND", "Lãnh đạo Ủy ban nhân dân", "Chủ tịch, các Phó Chủ tịch UBND", "Chủ tịch, Phó Chủ tịch UBND", "Chủ tịch, các Phó Chủ tịch", "CT, PCT UBND", "CT, các PCT UBND", "Lãnh đạo UBND xã", "Thường trực UBND"],
};

/** The first part of these officer titles alone ("Bộ phận Tư pháp") still names them. */
const PARTIAL_OK = new Set(["tp-ht", "tc-kt", "dc-xd", "vh-xh"]);

/** Built-in shapes of the generic phrases, on folded tokens (examples from the reference data are added). */
// Each alternative is one way only ("phong ban" is "phong" + "ban"), so that no text makes these patterns backtrack without end.
const ORG = "(?:bo phan|co quan|don vi|nganh|phong|ban|to chuc|doan the|bp|to)";
const GENERIC_SHAPES: Record<string, string[]> = {
  "can-bo-cong-chuc": [
    "(?:toan the |tat ca )?(?:cac )?(?:can bo )?(?:va )?cong chuc(?: vien chuc)?(?: nguoi lao dong)?(?: nguoi hoat dong khong chuyen trach)?(?: (?:co )?lien quan)?(?: (?:thuoc|cua) (?:ubnd|uy ban nhan dan))?",
    "(?:toan the |tat ca )?(?:cac )?can bo(?: lien quan)?",
    "(?:cac )?cb cc(?: lien quan)?",
    "(?:cac )?cbcc(?: lien quan)?",
  ],
  "chuyen-mon": [
    `(?:cac )?${ORG}(?: ${ORG}){0,3} chuyen mon(?: (?:thuoc|cua))?(?: (?:ubnd|uy ban nhan dan))?`,
    "(?:cac )?(?:cong chuc|cc) chuyen mon(?: (?:thuoc|cua))?(?: (?:ubnd|uy ban nhan dan))?",
  ],
  "giai-quyet-tthc": [
    `(?:cac )?(?:${ORG}|cong chuc|cc)(?: ${ORG}){0,3}(?: co lien quan| lien quan)?(?: tiep nhan va)? giai quyet (?:tthc|thu tuc hanh chinh|ho so)`,
  ],
  "lien-quan": [
    `(?:cac )?(?:${ORG}|ca nhan|thanh vien|thon|khu pho|dia phuong|xa|phuong|hoi)(?: (?:va )?(?:${ORG}|ca nhan|thanh vien|thon|khu pho|dia phuong|xa|phuong|hoi)){0,6}(?: co)? lien quan`,
  ],
};

interface Pattern {
  id: string;
  re: RegExp;
  /** a partial name ("Tư pháp" for "Tư pháp – Hộ tịch"): loses to a full one of the same length */
  partial: boolean;
}

/** Tokens of a name, dashes kept as part breaks: "Văn phòng – Thống kê" → [["van","phong"],["thong","ke"]]. */
function nameParts(name: string): string[][] {
  return name
    .split(/\s*[–—-]\s*|\s*-\s*/)
    .map((p) => tokenize(p).map((t) => t.word))
    .filter((p) => p.length > 0);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every spelling of a dash-separated name: each part in full or as its initials, and all initials run together. */
function spellings(name: string): string[] {
  const parts = nameParts(name);
  if (parts.length === 0) return [];
  const whole = parts.flat();
  const out = new Set<string>([whole.join(" ")]);
  const initials = parts.map((p) => (p.length > 1 ? p.map((w) => w[0]).join("") : p[0]));
  if (parts.length > 1 && parts.length <= 5) {
    for (let mask = 0; mask < 1 << parts.length; mask++) {
      const seq: string[] = [];
      parts.forEach((p, i) => {
        if (mask & (1 << i)) seq.push(initials[i]);
        else seq.push(...p);
      });
      out.add(seq.join(" "));
    }
    out.add(initials.join(""));
  }
  return [...out];
}

/** A unit's reference name without what the prefix handling already covers. */
function cleanName(name: string): { main: string; extra: string[] } {
  const extra: string[] = [];
  let main = name.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    extra.push(inner);
    return " ";
  });
  main = main.replace(/^\s*bộ phận\s+/i, "").replace(/\s+(xã|phường|thị trấn)\s*$/i, "").trim();
  return { main, extra };
}

function buildPatterns(ref: UnitReference): { patterns: Pattern[]; vocabulary: Set<string> } {
  const patterns: Pattern[] = [];
  const vocabulary = new Set<string>();
  const addSeq = (id: string, seq: string, partial: boolean) => {
    if (!seq) return;
    for (const w of seq.split(" ")) vocabulary.add(w);
    patterns.push({ id, partial, re: new RegExp(`${seq.split(" ").map(escapeRe).join(" ")}(?= |$)`, "y") });
  };
  for (const u of ref.units ?? []) {
    const { main, extra } = cleanName(u.name);
    const names = [main, ...extra, ...(SYNONYMS[u.id] ?? [])];
    for (const n of names) for (const s of spellings(n)) addSeq(u.id, s, false);
    for (const a of u.abbreviations ?? []) {
      const cleaned = cleanName(a).main;
      for (const s of spellings(cleaned)) addSeq(u.id, s, false);
      const toks = tokenize(cleaned).map((t) => t.word);
      if (toks.length > 1) addSeq(u.id, toks.join(""), false);
    }
    if (PARTIAL_OK.has(u.id)) {
      const parts = nameParts(main);
      if (parts.length > 1) addSeq(u.id, parts[0].join(" "), true);
    }
  }
  for (const g of ref.generic ?? []) {
    for (const shape of GENERIC_SHAPES[g.id] ?? []) {
      for (const w of shape.replace(/\(\?:|\(\?=|[()?*|]/g, " ").split(/\s+/)) if (/^[a-z0-9]+$/.test(w)) vocabulary.add(w);
      patterns.push({ id: g.id, partial: false, re: new RegExp(`${shape}(?= |$)`, "y") });
    }
    for (const ex of [g.name, ...(g.examples ?? [])]) addSeq(g.id, tokenize(ex).map((t) => t.word).join(" "), false);
  }
  for (const w of ["bo", "phan", "cong", "chuc", "phoi", "hop", "chu", "tri", "voi", "cung", "thuoc", "ubnd", "xa", "phuong", "thi", "tran", "cua", "cac"]) vocabulary.add(w);
  return { patterns, vocabulary };
}

// ---------------------------------------------------------------------------
// Scanning

/** Words that may stand before a unit name without changing it. */
const PREFIXES = ["bo phan", "cong chuc", "cc", "can bo", "cac", "ban", "phong", "bp", "giao", "do", "la"];
/** What may follow a unit name and still belong to it: "xã", "của UBND xã", "UBND phường". */
const SUFFIX = /(?: cua)?(?: (?:ubnd|uy ban nhan dan)(?: (?:xa|phuong|thi tran))?| (?:xa|phuong|thi tran))(?= |$)/y;
/** Words that open the name of a unit the reference does not know. */
const ORG_WORDS = /^(?:bo phan|bp|phong|ban|cong chuc|cc|can bo|co quan|don vi|ubnd|uy ban|trung tam|hoi|doan|to|dai|van phong|nganh|truong|tram|cong an|quan su|mat tran|hdnd|hoi dong|dang uy|chi bo|thon|khu pho|ap|chu tich|pho chu tich|lanh dao|so|chi cuc|kho bac|buu dien|buu chinh|hop tac xa|thanh tra|bch|chi hoi|cac thon|nguoi dung dau|thu truong|truong thon|canh sat|tram y te)(?: |$)/;
const SOFT_SEPARATORS = new Set(["va", "cung", "voi", "hoac"]);
const LEVEL_WORDS = /^(?:xa|phuong|thi tran|thon|huyen|tinh)$/;

/** Longer texts are read up to here: a unit cell is never that long, and the scan stays quick on any input. */
const MAX_TEXT = 600;

interface Span {
  id: string | null;
  /** token range [from, to) */
  from: number;
  to: number;
}

class Matcher implements UnitMatcher {
  private readonly patterns: Pattern[];
  private readonly vocabulary: Set<string>;
  private readonly vocabList: string[];
  private readonly canon = new Map<string, string>();

  constructor(ref: UnitReference) {
    const built = buildPatterns(ref);
    this.patterns = built.patterns;
    this.vocabulary = built.vocabulary;
    this.vocabList = [...built.vocabulary].filter((w) => w.length >= 3);
  }

  /** The vocabulary word a damaged token stands for, or the token itself. */
  private canonical(word: string): string {
    if (word.length < 4 || this.vocabulary.has(word) || /\d/.test(word)) return word;
    const cached = this.canon.get(word);
    if (cached !== undefined) return cached;
    let best = word;
    let count = 0;
    for (const v of this.vocabList) {
      if (Math.abs(v.length - word.length) > 1) continue;
      if (editDistance(word, v, 1) <= 1) {
        if (count === 0) best = v;
        count++;
        if (count > 1) break;
      }
    }
    const out = count === 1 ? best : word;
    if (this.canon.size > 5000) this.canon.clear();
    this.canon.set(word, out);
    return out;
  }

  private prepare(text: string): { tokens: Token[]; joined: string; offsets: number[] } {
    const tokens = tokenize(text).map((t) => ({ ...t, word: this.canonical(t.word) }));
    const offsets: number[] = [];
    let joined = "";
    for (const t of tokens) {
      if (joined) joined += " ";
      offsets.push(joined.length);
      joined += t.word;
    }
    return { tokens, joined, offsets };
  }

  /** Token index at a character offset of the joined text (the offset is a token end or the text end). */
  private tokenAt(offsets: number[], joined: string, charEnd: number): number {
    let k = 0;
    while (k < offsets.length && offsets[k] < charEnd) k++;
    return charEnd >= joined.length ? offsets.length : k;
  }

  /** Does a hard separator stand between tokens `from` and `to` (exclusive)? */
  private static broken(tokens: Token[], from: number, to: number): boolean {
    for (let k = from + 1; k < to; k++) if (tokens[k].hardBefore) return true;
    return false;
  }

  /** The longest pattern match starting at token i: [end token, pattern]. */
  private longestAt(tokens: Token[], joined: string, offsets: number[], i: number): { end: number; p: Pattern } | null {
    let best: { end: number; p: Pattern } | null = null;
    for (const p of this.patterns) {
      p.re.lastIndex = offsets[i];
      const m = p.re.exec(joined);
      if (!m || m[0].length === 0) continue;
      const end = this.tokenAt(offsets, joined, offsets[i] + m[0].length);
      // A name does not run over a comma unless the pattern itself is a list ("Cơ quan, đơn vị liên quan").
      if (p.partial && Matcher.broken(tokens, i, end)) continue;
      if (!best || end > best.end || (end === best.end && best.p.partial && !p.partial)) best = { end, p };
    }
    return best;
  }

  private scan(text: string): { tokens: Token[]; spans: Span[] } {
    const { tokens, joined, offsets } = this.prepare(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
    const spans: Span[] = [];
    let i = 0;
    while (i < tokens.length) {
      let found: { from: number; end: number; p: Pattern } | null = null;
      const direct = this.longestAt(tokens, joined, offsets, i);
      if (direct) found = { from: i, ...direct };
      // Skip prefix words ("Bộ phận", "Công chức", "CC", "Phòng") and try again.
      let j = i;
      for (let hops = 0; hops < 3 && j < tokens.length; hops++) {
        const rest = joined.slice(offsets[j]);
        const pre = PREFIXES.find((p) => rest === p || rest.startsWith(p + " "));
        if (!pre) break;
        j = this.tokenAt(offsets, joined, offsets[j] + pre.length);
        if (j >= tokens.length || tokens[j].hardBefore) break;
        const m = this.longestAt(tokens, joined, offsets, j);
        if (m && (!found || m.end > found.end || (m.end === found.end && found.p.partial && !m.p.partial))) found = { from: i, ...m };
      }
      if (!found) {
        i++;
        continue;
      }
      let end = found.end;
      if (end < tokens.length && !tokens[end].hardBefore) {
        SUFFIX.lastIndex = offsets[end] - 1;
        const m = SUFFIX.exec(joined);
        if (m) {
          const e = this.tokenAt(offsets, joined, offsets[end] - 1 + m[0].length);
          if (!Matcher.broken(tokens, end - 1, e)) end = e;
        }
      }
      spans.push({ id: found.p.id, from: found.from, to: end });
      i = end;
    }
    return { tokens, spans: this.withUnknown(tokens, spans) };
  }

  /** Adds spans for the names of units the reference does not know ("UBND các xã, phường", "Công an xã"). */
  private withUnknown(tokens: Token[], spans: Span[]): Span[] {
    const out: Span[] = [];
    const gaps: Array<[number, number]> = [];
    let at = 0;
    for (const s of spans) {
      if (s.from > at) gaps.push([at, s.from]);
      at = s.to;
    }
    if (at < tokens.length) gaps.push([at, tokens.length]);
    const unknown: Span[] = [];
    for (const [from, to] of gaps) {
      // Cut the gap at separators.
      const pieces: Array<[number, number]> = [];
      let start = from;
      for (let k = from; k <= to; k++) {
        const cut = k === to || (k > start && tokens[k].hardBefore) || SOFT_SEPARATORS.has(tokens[k].word);
        if (!cut) continue;
        if (k > start) pieces.push([start, k]);
        start = SOFT_SEPARATORS.has(tokens[k]?.word ?? "") ? k + 1 : k;
      }
      // "UBND các xã, phường": a lone level word goes back to the piece before it.
      const merged: Array<[number, number]> = [];
      for (const p of pieces) {
        const last = merged[merged.length - 1];
        if (last && last[1] === p[0] && p[1] - p[0] <= 2 && tokens.slice(p[0], p[1]).every((t) => LEVEL_WORDS.test(t.word) || t.word === "thi" || t.word === "tran")) last[1] = p[1];
        else merged.push([p[0], p[1]]);
      }
      for (const [a, b] of merged) {
        let s = a;
        while (s < b && (tokens[s].word === "cac" || SOFT_SEPARATORS.has(tokens[s].word))) s++;
        if (s >= b) continue;
        const words = tokens.slice(s, b).map((t) => t.word).join(" ");
        if (ORG_WORDS.test(words)) unknown.push({ id: null, from: a, to: b });
      }
    }
    if (spans.length === 0 && unknown.length === 0 && tokens.length > 0) {
      return [{ id: null, from: 0, to: tokens.length }];
    }
    let u = 0;
    for (const s of spans) {
      while (u < unknown.length && unknown[u].from < s.from) out.push(unknown[u++]);
      out.push(s);
    }
    while (u < unknown.length) out.push(unknown[u++]);
    return out;
  }

  private static textOf(text: string, tokens: Token[], span: Span): string {
    const raw = text.slice(tokens[span.from].start, tokens[span.to - 1].end);
    return raw.replace(/\s+/g, " ").trim();
  }

  private static toUnits(text: string, tokens: Token[], spans: Span[]): MatchedUnit[] {
    const out: MatchedUnit[] = [];
    for (const s of spans) {
      const u = { unit: s.id, text: Matcher.textOf(text, tokens, s) };
      if (!u.text) continue;
      if (out.some((o) => (u.unit !== null ? o.unit === u.unit : o.unit === null && fold(o.text) === fold(u.text)))) continue;
      out.push(u);
    }
    return out;
  }

  match(text: string): MatchedUnit {
    const clean = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
    const { spans } = this.scan(clean);
    const known = spans.find((s) => s.id !== null);
    return { unit: known ? known.id : null, text: clean.replace(/[\s.,;:]+$/, "") };
  }

  split(text: string): MatchedUnit[] {
    const clean = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
    if (!clean) return [];
    const { tokens, spans } = this.scan(clean);
    return Matcher.toUnits(clean, tokens, spans);
  }

  roles(text: string): UnitRoles {
    const clean = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
    if (!clean) return { lead: [], support: [] };
    const { tokens, spans } = this.scan(clean);
    const at = (words: string) => {
      const w = words.split(" ");
      for (let k = 0; k + w.length <= tokens.length; k++) if (w.every((x, d) => tokens[k + d].word === x)) return k;
      return -1;
    };
    const p = at("phoi hop");
    const units = (from: number, to: number) =>
      Matcher.toUnits(clean, tokens, spans.filter((s) => s.from >= from && s.to <= to && !(s.from <= p && p < s.to)));
    if (p < 0) return { lead: units(0, tokens.length), support: [] };
    const after = units(p + 2, tokens.length);
    if (after.length > 0) return { lead: units(0, p), support: after };
    // "A chủ trì, B phối hợp"
    const c = at("chu tri");
    if (c >= 0 && c < p) {
      const between = units(c + 2, p);
      if (between.length > 0) return { lead: units(0, c), support: between };
    }
    return { lead: [], support: units(0, p) };
  }
}

/** A matcher over the given reference units (units.json's `units` and `generic`). */
export function createUnitMatcher(ref: UnitReference): UnitMatcher {
  return new Matcher(ref);
}
