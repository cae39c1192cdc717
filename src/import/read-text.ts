/**
 * Plain text and Markdown to blocks. Tab-separated lines are table rows (a
 * run of them is one table; a blank line ends it), Markdown pipe rows too;
 * every other non-blank line is a paragraph.
 */
import { cellItems, readLine, type Block, type TableBlock } from "./blocks.js";

const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function pipeCells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/);
}

export function readText(text: string): Block[] {
  const blocks: Block[] = [];
  let table: TableBlock | null = null;
  const lines = text.replace(/\r\n?/g, "\n").replace(/\f/g, "\n").split("\n");
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, "");
    const isTab = raw.includes("\t") && line.replace(/\t/g, "").trim().length > 0;
    const isPipe = /^\s*\|.*\|\s*$/.test(line) && line.split("|").length >= 3;
    if (isTab || isPipe) {
      if (isPipe && PIPE_SEPARATOR.test(line.trim())) continue;
      const cells = isTab ? raw.replace(/\r$/, "").split("\t") : pipeCells(line);
      if (!table) {
        table = { kind: "table", rows: [] };
        blocks.push(table);
      }
      table.rows.push(cells.map((c) => cellItems(c)));
      continue;
    }
    if (line.trim() === "") {
      table = null;
      continue;
    }
    table = null;
    const block = readLine(line);
    if (block.text) blocks.push(block);
  }
  return blocks;
}
