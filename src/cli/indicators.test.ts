import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../import/dossiers/csv.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = join(root, "fixtures/indicators");
const bin = join(root, "bin/cchc.js");

function cchc(args: string[], cwd = fixtures): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, "indicators", ...args], { cwd, env: { ...process.env, NODE_NO_WARNINGS: "1" } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
const W = ["--from", "2026-03-01", "--to", "2026-03-31"];

describe("cchc indicators --json", () => {
  it("prints exactly the contract's JSON for the worked example", async () => {
    const r = await cchc(["--json", "--dossiers", "hoso.csv", "--procedures", "thutuc.csv", "--feedback", "pakn.csv", ...W]);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(join(fixtures, "expected.json"), "utf8"));
    expect(JSON.parse(r.stdout)).toEqual(expected);
    expect(JSON.parse(r.stdout).index766.total).toBe(74.41);
  });
  it("without --procedures and --feedback: no_input rows and a warning", async () => {
    const r = await cchc(["--json", "--dossiers", "hoso.csv", ...W]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.input.procedures).toBeNull();
    expect(out.index766.groups[2].indicators[0].status).toBe("no_input");
    expect(out.rates.fully_online_eligible.denominator).toBe(0);
    expect(r.stderr).toContain("cảnh báo: không có --feedback");
  });
  it("usage errors and unreadable files: one line, no JSON, exit 1", async () => {
    for (const args of [["--json", ...W], ["--json", "--dossiers", "hoso.csv", "--from", "2026-03-01"], ["--json", "--dossiers", "hoso.csv", "--from", "2026-04-01", "--to", "2026-03-01"], ["--json", "--dossiers", "hoso.csv", "--from", "01/03/2026", "--to", "2026-03-31"], ["--json", "--dossiers", "nope.csv", ...W], ["--json", "--dossiers", "hoso.txt", ...W]]) {
      const r = await cchc(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n").length).toBe(1);
    }
  });
  it("bad rows go to stderr; more than 5 % rejected stops without JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-ind-"));
    const good = readFileSync(join(fixtures, "hoso.csv"), "utf8").trimEnd().split("\n");
    writeFileSync(join(dir, "hoso.csv"), [...good, good[1]!].join("\n"));
    const r = await cchc(["--json", "--dossiers", "hoso.csv", ...W], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("hoso.csv:12:MaHoSo: mã hồ sơ D01 trùng với một dòng trước");
    expect(r.stderr).toContain("hoso.csv: 1/11 dòng lỗi (9,09 %), vượt ngưỡng 5 %");
    const many = [...good, ...Array.from({ length: 30 }, (_, i) => `X${i},P01,2,,4,,2026-03-02,2026-03-31,,,0,,,,,0,,0,0,0,,0,0,0,`), good[1]!];
    writeFileSync(join(dir, "hoso2.csv"), many.join("\n"));
    const ok = await cchc(["--json", "--dossiers", "hoso2.csv", ...W], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).input.dossiers).toEqual({ file: "hoso2.csv", rows: 41, accepted: 40, rejected: 1 });
  });
  it("the same files as XLSX give the same JSON except the file names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-ind-xlsx-"));
    for (const name of ["hoso", "thutuc", "pakn"]) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Sheet1");
      for (const row of parseCsv(readFileSync(join(fixtures, `${name}.csv`), "utf8"))) if (row.length > 1) ws.addRow(row);
      await wb.xlsx.writeFile(join(dir, `${name}.xlsx`));
    }
    const r = await cchc(["--json", "--dossiers", "hoso.xlsx", "--procedures", "thutuc.xlsx", "--feedback", "pakn.xlsx", ...W], dir);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(join(fixtures, "expected.json"), "utf8"));
    for (const k of ["dossiers", "procedures", "feedback"]) expected.input[k].file = expected.input[k].file.replace(".csv", ".xlsx");
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });
  it("warns about unknown MaTTHC and unknown MaHoSo in feedback, rejecting nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-ind-warn-"));
    writeFileSync(join(dir, "hs.csv"), "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra\nA,P99,4,2026-03-02,2026-03-31\n");
    writeFileSync(join(dir, "tt.csv"), "MaTTHC\nP01\n");
    writeFileSync(join(dir, "pk.csv"), "MaPAKN,MaHoSo,NgayGui,TrangThai\nF1,ZZ,2026-03-02,moi\n");
    const r = await cchc(["--json", "--dossiers", "hs.csv", "--procedures", "tt.csv", "--feedback", "pk.csv", ...W], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("hs.csv:2:MaTTHC: cảnh báo: mã TTHC P99");
    expect(r.stderr).toContain("pk.csv:2:MaHoSo: cảnh báo: PAKN F1");
    const out = JSON.parse(r.stdout);
    expect(out.counts.received.total).toBe(1);
    expect(out.counts.feedback.pending_overdue).toBe(1);
  });
});
