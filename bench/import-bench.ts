/**
 * Import benchmark: reads each seed plan of shared/seeds (.txt, .docx, .pdf)
 * N times through the importer (bytes in memory → plan draft, as the CLI and
 * the API do after reading the file) and prints documents per second per
 * format. It asserts nothing.
 *
 *   npm run bench:import -- [--runs N] [--warmup N] [--seeds DIR]
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importPlanBuffer, referenceUnits } from "../src/import/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FORMATS = ["txt", "docx", "pdf"] as const;

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

export async function runImportBench(args: string[]): Promise<void> {
  const runs = Math.max(1, Number(arg(args, "--runs", "20")) || 20);
  const warmup = Math.max(0, Number(arg(args, "--warmup", "2")) || 0);
  const dir = resolve(ROOT, arg(args, "--seeds", "../shared/seeds"));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new Error(`Không thấy thư mục kế hoạch mẫu ${dir} (dùng --seeds DIR).`);
  }
  const units = referenceUnits();
  console.log(`Đo tốc độ nhập kế hoạch: ${runs} lần mỗi tệp (khởi động ${warmup} lần), thư mục ${dir}`);
  console.log(`${"định dạng".padEnd(10)} ${"tệp".padStart(4)} ${"lần".padStart(5)} ${"giây".padStart(8)} ${"văn bản/giây".padStart(13)} ${"ms/văn bản".padStart(11)}`);
  for (const ext of FORMATS) {
    const files = names.filter((n) => n.endsWith(`.${ext}`)).sort().map((n) => join(dir, n));
    if (files.length === 0) continue;
    const buffers = files.map((f) => ({ name: basename(f), bytes: readFileSync(f) }));
    for (let w = 0; w < warmup; w++) for (const b of buffers) await importPlanBuffer(b.bytes, b.name, units);
    let tasks = 0;
    const start = process.hrtime.bigint();
    for (let r = 0; r < runs; r++) {
      for (const b of buffers) tasks += (await importPlanBuffer(b.bytes, b.name, units)).tasks.length;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const docs = runs * buffers.length;
    console.log(
      `${ext.padEnd(10)} ${String(buffers.length).padStart(4)} ${String(docs).padStart(5)} ${seconds.toFixed(2).padStart(8)} ${(docs / seconds).toFixed(1).padStart(13)} ${((seconds * 1000) / docs).toFixed(1).padStart(11)}   (${tasks / runs} nhiệm vụ mỗi lượt)`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runImportBench(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
