import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connection.js";
import { createPlan } from "../../src/db/plans.js";
import { organisations, plans, units, users } from "../../src/db/schema.js";
import { seedDemo } from "../../src/db/seed/demo.js";
import { createTask } from "../../src/db/task-commands.js";
import { AREAS } from "../../src/domain/areas.js";
import { documentFileName } from "../../src/documents/file-name.js";
import { A4, FONT, HEADER_COLUMNS, MOTTO, NATIONAL_NAME, SIZE } from "../../src/documents/nd30.js";
import { loadPlanDocument } from "../../src/documents/plan-data.js";
import { renderPlanDocx, type PlanDocumentInput } from "../../src/documents/plan-docx.js";
import { authorityLines } from "../../src/documents/signer-block.js";
import { textWidth } from "../../src/documents/text-width.js";
import { longViDate, numberLine, placeDateLine, upperFirst, withoutEndMark } from "../../src/documents/wording.js";
import { createTestDatabase } from "../support/db.js";
import { attr, convertToPdf, fontsOf, openDocx, pageCount, paragraphWith, paragraphs, sections, sofficeOrSkip, textOf, type Docx } from "./docx-support.js";

/**
 * The plan as an official document: the DOCX is opened as a zip and its XML
 * checked against the Nghị định 30/2020/NĐ-CP layout, then converted to PDF by
 * LibreOffice to prove that a real word processor opens it.
 */

const TODAY = "2026-06-15";

describe("plan as a DOCX laid out per Nghị định 30/2020/NĐ-CP", () => {
  let database: Database;
  let annualInput: PlanDocumentInput;
  let annual: Docx;
  let annualBytes: Buffer;
  let blank: Docx;
  let blankBytes: Buffer;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await seedDemo(database.db, TODAY);
    const db = database.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.code, "xa-tinh-khe"));
    const [plan] = await db.select().from(plans).where(and(eq(plans.orgId, org.id), eq(plans.type, "annual")));
    annualInput = await loadPlanDocument(db, plan, TODAY);
    annualBytes = await renderPlanDocx(annualInput);
    annual = await openDocx(annualBytes);

    // A remediation plan as a focal point starts it: no number, no date, a vice-chairman to sign.
    const [focal] = await db.select().from(users).where(eq(users.username, "dm.tinhkhe"));
    const [tpht] = await db.select().from(units).where(and(eq(units.orgId, org.id), eq(units.code, "tp-ht")));
    const draft = await createPlan(db, focal, org.id, {
      type: "remediation", year: 2026, title: "Khắc phục tồn tại, hạn chế sau kiểm tra công tác cải cách hành chính năm 2026",
      signerName: "Nguyễn Thị Lan", signerTitle: "Phó Chủ tịch",
    });
    await createTask(db, focal, draft, { title: "Rà soát, công bố thủ tục hành chính còn thiếu", area: "thu-tuc-hanh-chinh", criteria: ["3.1.1", "3.1.2"], leadUnitIds: [tpht.id], dueDate: "2026-09-30" });
    await createTask(db, focal, draft, { title: "Báo cáo kết quả khắc phục", timelineText: "Hằng quý", recurrence: "quarterly", leadUnitIds: [tpht.id] });
    const [draftRow] = await db.select().from(plans).where(eq(plans.id, draft.id));
    blankBytes = await renderPlanDocx(await loadPlanDocument(db, draftRow, TODAY));
    blank = await openDocx(blankBytes);
  }, 120_000);
  afterAll(async () => { await database?.close(); });

  it("sets the main text on A4 portrait with the decree's margins and the appendix on A4 landscape, each numbered from 1", () => {
    const [main, appendix, ...rest] = sections(annual.document);
    expect(rest).toEqual([]);
    expect([attr(main.props, "pgSz", "w"), attr(main.props, "pgSz", "h"), attr(main.props, "pgSz", "orient")]).toEqual([String(A4.width), String(A4.height), "portrait"]);
    // Top 20, bottom 20, left 30, right 15 mm: inside the decree's 20–25 / 20–25 / 30–35 / 15–20 mm.
    expect(["top", "bottom", "left", "right"].map((side) => Number(attr(main.props, "pgMar", side)))).toEqual([1134, 1134, 1701, 850]);
    expect([attr(appendix.props, "pgSz", "w"), attr(appendix.props, "pgSz", "h"), attr(appendix.props, "pgSz", "orient")]).toEqual([String(A4.height), String(A4.width), "landscape"]);
    expect(attr(appendix.props, "type", "val")).toBe("nextPage");
    for (const s of [main, appendix]) expect(attr(s.props, "pgNumType", "start")).toBe("1");
  });

  it("writes everything in Times New Roman, black", () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(annual.styles)![0];
    expect(["ascii", "hAnsi", "cs", "eastAsia"].map((k) => attr(defaults, "rFonts", k))).toEqual([FONT, FONT, FONT, FONT]);
    expect(attr(defaults, "color", "val")).toBe("000000");
    expect(fontsOf(annual)).toEqual([FONT]);
    expect([...annual.document.matchAll(/<w:color w:val="([^"]+)"/g)].map((m) => m[1]).filter((c) => c !== "000000" && c !== "auto")).toEqual([]);
  });

  it("heads the plan with the issuer, the national name and motto, the number and the italic place and date", () => {
    const text = textOf(annual.document);
    expect(text).toBe(text.normalize("NFC"));
    for (const line of ["ỦY BAN NHÂN DÂN", "XÃ TỈNH KHÊ", NATIONAL_NAME, MOTTO, "Số: 12/KH-UBND"]) expect(text.split("\n")).toContain(line);
    expect(NATIONAL_NAME).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(MOTTO).toBe("Độc lập - Tự do - Hạnh phúc");
    const dateLine = paragraphWith(annual.document, "Tỉnh Khê, ngày 15 tháng 01 năm 2026");
    expect(dateLine.xml).toMatch(/<w:i\/>/);
    expect(paragraphWith(annual.document, "XÃ TỈNH KHÊ").xml).toMatch(/<w:b\/>/);
    expect(text.split("\n"), "a commune UBND writes no chủ quản line").not.toContain("TỈNH MINH HÒA");
    // The motto is underlined by a rule as long as its text: the empty bordered paragraph after it.
    const all = paragraphs(annual.document);
    const motto = all.findIndex((p) => p.text === MOTTO);
    const rule = all[motto + 1];
    expect(rule.text).toBe("");
    expect(rule.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    const indent = Number(attr(rule.xml, "ind", "left"));
    expect(HEADER_COLUMNS[1] - 2 * indent).toBe(textWidth(MOTTO, SIZE.motto, true));
  });

  it("titles it KẾ HOẠCH with the stored title, states the legal bases and the four parts, tasks by area in the official order", () => {
    const lines = textOf(annual.document).split("\n");
    const at = (line: string) => {
      const i = lines.indexOf(line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at("KẾ HOẠCH")).toBe(at(annualInput.title) - 1);
    expect(paragraphWith(annual.document, "KẾ HOẠCH").xml).toMatch(/<w:b\/>/);
    // Căn cứ lines (ô 6) in the italic basis style, each ending in ";", the last in ".".
    const bases = paragraphs(annual.document).filter((p) => p.xml.includes('<w:pStyle w:val="ND30Basis"/>')).map((p) => p.text);
    expect(/<w:style w:type="paragraph" w:styleId="ND30Basis">.*?<\/w:style>/s.exec(annual.styles)![0]).toMatch(/<w:i\/>/);
    expect(bases).toEqual([
      "Căn cứ Kế hoạch số 25/KH-UBND ngày 10/01/2026 của UBND tỉnh về cải cách hành chính năm 2026;",
      "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 – 2030.",
    ]);
    const parts = ["I. MỤC ĐÍCH, YÊU CẦU", "II. CHỈ TIÊU", "III. NHIỆM VỤ", "IV. TỔ CHỨC THỰC HIỆN"].map(at);
    expect(parts).toEqual([...parts].sort((a, b) => a - b));
    for (const target of annualInput.targets) expect(lines.some((l) => l.startsWith(`- ${upperFirst(withoutEndMark(target))}`)), target).toBe(true);
    // Areas of the demo plan in the order of src/domain/areas.ts, numbered 1., 2., … under III.
    const used = AREAS.filter((a) => annualInput.tasks.some((t) => t.area === a.code));
    const headings = used.map((a, i) => at(`${i + 1}. ${a.name}`));
    expect(headings).toEqual([...headings].sort((a, b) => a - b));
    expect(headings[0]).toBeGreaterThan(parts[2]);
    const firstTask = annualInput.tasks.find((t) => t.area === used[0].code)!;
    expect(lines).toContain(`1.1. ${firstTask.title.replace(/\.$/, "")}.`);
    expect(lines.filter((l) => l.includes("Tư pháp – Hộ tịch: chủ trì thực hiện nhiệm vụ"))).toHaveLength(1);
    expect(lines.some((l) => l.endsWith("./."))).toBe(true);
  });

  it("closes with the signature of the chairman for the committee and Nơi nhận", () => {
    const lines = textOf(annual.document).split("\n");
    const tm = lines.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(lines.slice(tm, tm + 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(lines).toContain("Võ Minh Chính");
    expect(paragraphWith(annual.document, "Võ Minh Chính").xml).toMatch(/<w:b\/>/);
    const label = paragraphWith(annual.document, "Nơi nhận:");
    expect(label.xml).toMatch(/<w:b\/>/);
    expect(label.xml).toMatch(/<w:i\/>/);
    expect(label.xml).toMatch(/<w:sz w:val="24"\/>/);
    expect(lines).toContain("- Sở Nội vụ tỉnh Minh Hòa;");
    expect(paragraphWith(annual.document, "- Lưu: VT, VP.").xml).toMatch(/<w:sz w:val="22"\/>/);
    // Nơi nhận sits before the signature in the closing table, level with it.
    expect(lines.indexOf("Nơi nhận:")).toBeLessThan(tm);
  });

  it("hides the page number on each section's first page and numbers the others with a PAGE field in the top margin", () => {
    for (const s of sections(annual.document)) {
      expect(s.props).toMatch(/<w:titlePg\/>/);
      const first = annual.headers.get(/<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(s.props)![1])!;
      const others = annual.headers.get(/<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(s.props)![1])!;
      expect(first).not.toMatch(/PAGE/);
      expect(others).toMatch(/<w:fldChar w:fldCharType="begin"\/>/);
      expect(others).toMatch(/<w:instrText xml:space="preserve">\s*PAGE\s*<\/w:instrText>/);
      expect(others).toMatch(/<w:jc w:val="center"\/>/);
    }
  });

  it("puts the tasks in a landscape appendix table whose header row repeats on every page, areas as merged rows", () => {
    const appendix = sections(annual.document)[1].body;
    const lines = textOf(appendix).split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Phụ lục",
      "DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ TỈNH KHÊ NĂM 2026",
      "(Kèm theo Kế hoạch số 12/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân xã Tỉnh Khê)",
    ]);
    const rows = [...appendix.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    expect(rows.slice(1).some((r) => r.includes("<w:tblHeader"))).toBe(false);
    expect(paragraphs(rows[0]).map((p) => p.text)).toEqual(["STT", "Nội dung nhiệm vụ", "Tiêu chí", "Bộ phận chủ trì", "Bộ phận phối hợp", "Sản phẩm", "Thời gian hoàn thành"]);
    const groups = rows.filter((r) => r.includes('<w:gridSpan w:val="6"/>')).map((r) => paragraphs(r).map((p) => p.text));
    const used = AREAS.filter((a) => annualInput.tasks.some((t) => t.area === a.code));
    expect(groups).toEqual(used.map((a, i) => [String(i + 1), a.name]));
    expect(rows.length).toBe(1 + groups.length + annualInput.tasks.length);
    const task = annualInput.tasks.find((t) => t.dueDate && !t.recurrence)!;
    const row = rows.find((r) => paragraphs(r).some((p) => p.text === task.title.trim()))!;
    const [d, m, y] = [task.dueDate!.slice(8), task.dueDate!.slice(5, 7), task.dueDate!.slice(0, 4)];
    expect(paragraphs(row).at(-1)!.text).toBe(`${d}/${m}/${y}`);
  });

  it("leaves dots for the number and date of a plan not yet numbered, and signs for a vice-chairman", () => {
    const lines = textOf(blank.document).split("\n");
    expect(lines).toContain("Số: ……/KH-UBND");
    expect(lines).toContain("Tỉnh Khê, ngày …… tháng …… năm ……");
    expect(lines).toContain("Khắc phục tồn tại, hạn chế sau kiểm tra công tác cải cách hành chính năm 2026");
    expect(lines).not.toContain("II. CHỈ TIÊU");
    expect(lines).toContain("II. NHIỆM VỤ");
    expect(lines).toContain("III. TỔ CHỨC THỰC HIỆN");
    const tm = lines.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(lines.slice(tm, tm + 3)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(lines).toContain("Nguyễn Thị Lan");
    const appendix = textOf(sections(blank.document)[1].body).split("\n");
    expect(appendix).toContain("(Kèm theo Kế hoạch số ……/KH-UBND ngày …… tháng …… năm …… của Ủy ban nhân dân xã Tỉnh Khê)");
    expect(appendix).toContain("3.1.1, 3.1.2");
    expect(appendix).toContain("30/09/2026");
    expect(appendix, "a recurring task keeps its timeline words").toContain("Hằng quý");
    expect(appendix, "a task without an area goes last").toContain("Nhiệm vụ khác");
  });

  it("opens in LibreOffice: each DOCX converts to a PDF of at least two pages", async (ctx) => {
    const soffice = sofficeOrSkip(ctx);
    if (!soffice) return;
    const workDir = mkdtempSync(join(tmpdir(), "cchc-docx-"));
    try {
      for (const [name, bytes, minPages] of [["ke-hoach-nam", annualBytes, 4], ["ke-hoach-khac-phuc", blankBytes, 2]] as const) {
        const pdf = await convertToPdf(soffice, bytes, name, workDir);
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pageCount(pdf), `${name}.pdf pages`).toBeGreaterThanOrEqual(minPages);
      }
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe("the words of Nghị định 30", () => {
  it("writes dates in the long form: day padded below 10, month padded only for January and February", () => {
    expect(longViDate("2026-01-05")).toBe("ngày 05 tháng 01 năm 2026");
    expect(longViDate("2026-06-29")).toBe("ngày 29 tháng 6 năm 2026");
    expect(longViDate("2026-12-01")).toBe("ngày 01 tháng 12 năm 2026");
    expect(placeDateLine("Tỉnh Khê", null)).toBe("Tỉnh Khê, ngày …… tháng …… năm ……");
  });

  it("writes the number line with a padded serial and the KH-UBND symbol", () => {
    expect(numberLine("12/KH-UBND", "KH")).toBe("Số: 12/KH-UBND");
    expect(numberLine("9/KH-UBND", "KH")).toBe("Số: 09/KH-UBND");
    expect(numberLine("7", "KH")).toBe("Số: 07/KH-UBND");
    expect(numberLine(null, "KH")).toBe("Số: ……/KH-UBND");
    expect(numberLine("  ", "BC")).toBe("Số: ……/BC-UBND");
  });

  it("signs for the committee as chairman, or as vice-chairman for the chairman", () => {
    expect(authorityLines("Chủ tịch")).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(authorityLines(null)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(authorityLines("Phó Chủ tịch UBND xã")).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
  });

  it("names the file like the document, with an ASCII twin", () => {
    expect(documentFileName({ number: "12/KH-UBND", year: 2026, typeAbbreviation: "KH", title: "x", extension: "docx" })).toEqual({ utf8: "KH-12-UBND-2026.docx", ascii: "KH-12-UBND-2026.docx" });
    expect(documentFileName({ number: null, year: 2026, typeAbbreviation: "KH", title: "Khắc phục tồn tại năm 2026", extension: "docx" }))
      .toEqual({ utf8: "KH-Khắc-phục-tồn-tại-năm-2026.docx", ascii: "KH-khac-phuc-ton-tai-nam-2026.docx" });
  });

  it("measures Times New Roman so that the Quốc hiệu fits its header column on one line", () => {
    // 8.8 cm at 12 pt bold, as measured with the metric-compatible Liberation Serif.
    expect(textWidth(NATIONAL_NAME, SIZE.nationalName, true)).toBeGreaterThan(4900);
    expect(textWidth(NATIONAL_NAME, SIZE.nationalName, true)).toBeLessThan(HEADER_COLUMNS[1]);
    expect(textWidth("ư", 28, true)).toBeGreaterThan(textWidth("u", 28, true));
  });
});
