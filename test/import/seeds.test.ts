/**
 * The real CLI on the seed plans of shared/seeds (.txt, .docx, .pdf), scored
 * by shared/seeds/score.py against their gold answers.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHARED = resolve(ROOT, "../shared");
const SEEDS = join(SHARED, "seeds");
const STEMS = ["000_4f22acc3fcb5c023", "002_be7d98821bed4f13", "004_060e3244ce13f715"];
const MIN_SCORE: Record<string, number> = { txt: 0.95, docx: 0.95, pdf: 0.85 };
const tmp = mkdtempSync(join(tmpdir(), "cchc-import-"));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function requireShared(): void {
  const missing = [SEEDS, join(SEEDS, "score.py"), join(SEEDS, "gold")].filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`The seed plans are missing: ${missing.join(", ")} (expected shared/ beside the project root at ${SHARED}). These tests need them and do not skip.`);
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/cchc.js", ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

/** score.py's figures: "recall: 1.0" … "import-score: 0.97". */
function figures(out: string): Record<string, number> {
  const r: Record<string, number> = {};
  for (const line of out.split("\n")) {
    const m = /^([\w-]+):\s*([\d.]+)\s*$/.exec(line.trim());
    if (m) r[m[1]] = Number(m[2]);
  }
  return r;
}

describe("the shared seed plans are there", () => {
  it("finds shared/seeds beside the project root", () => {
    requireShared();
    for (const stem of STEMS) for (const ext of ["txt", "docx", "pdf"]) expect(existsSync(join(SEEDS, `${stem}.${ext}`)), `${stem}.${ext}`).toBe(true);
  });
});

describe("cchc import --json on the seed plans, scored against gold", () => {
  const runs = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
  // Two CLI runs at a time: the machines have two cores.
  const lanes: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve()];
  function scheduled(file: string) {
    let p = runs.get(file);
    if (!p) {
      const l = runs.size % lanes.length;
      p = lanes[l].then(() => cli("import", "--json", file));
      lanes[l] = p;
      runs.set(file, p);
    }
    return p;
  }
  beforeAll(() => {
    if (!existsSync(SEEDS)) return;
    for (const stem of STEMS) for (const ext of ["txt", "docx", "pdf"]) void scheduled(join(SEEDS, `${stem}.${ext}`));
  });
  afterAll(async () => {
    await Promise.all(lanes);
  });
  for (const stem of STEMS) {
    for (const ext of ["txt", "docx", "pdf"]) {
      it(`${stem}.${ext} scores at least ${MIN_SCORE[ext]}`, async () => {
        requireShared();
        const res = await scheduled(join(SEEDS, `${stem}.${ext}`));
        expect(res.stderr).toBe("");
        expect(res.code).toBe(0);
        const draft = JSON.parse(res.stdout) as { tasks: unknown[] };
        expect(Array.isArray(draft.tasks)).toBe(true);
        const pred = join(tmp, `${stem}.${ext}.json`);
        writeFileSync(pred, res.stdout);
        const { stdout } = await run("python3", [join(SEEDS, "score.py"), join(SEEDS, "gold", `${stem}.json`), pred]);
        const score = figures(stdout);
        expect(score["import-score"], stdout).toBeGreaterThanOrEqual(MIN_SCORE[ext]);
      });
    }
  }
});

describe("cchc import on files it cannot read", () => {
  it("prints one line on stderr, nothing on stdout, and exits non-zero", async () => {
    const bad = join(tmp, "hong.pdf");
    writeFileSync(bad, "đây không phải là PDF");
    for (const file of [bad, join(tmp, "khong-co.docx")]) {
      const res = await cli("import", "--json", file);
      expect(res.code, file).not.toBe(0);
      expect(res.stdout, file).toBe("");
      expect(res.stderr.trim().split("\n"), file).toHaveLength(1);
    }
  });

  it("asks for a file when none is given", async () => {
    const res = await cli("import", "--json");
    expect(res.code).not.toBe(0);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/Thiếu tên tệp/);
  });
});
