import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { appendixLabel } from "../../src/documents/appendix.js";
import { REPORT_FIGURE_KEYS, REPORT_FIGURE_LABELS } from "../../src/documents/figure-labels.js";
import { placeHeaderCells } from "../../src/documents/header-grid.js";
import { A4, FONT, MOTTO, NATIONAL_NAME } from "../../src/documents/nd30.js";
import { renderReportDocx, type ReportDocumentInput } from "../../src/documents/report-docx.js";
import { BIEU06_HEADER } from "../../src/documents/report-tables.js";
import { ANNEX_SHEET, BIEU06_SHEET, FIGURES_SHEET, renderProvinceFiguresXlsx, renderReportXlsx } from "../../src/documents/report-xlsx.js";
import { renderTaskListXlsx, renderUnitTaskListDocx, TASK_LIST_HEADERS, TASK_LIST_SHEET, type UnitTaskListInput } from "../../src/documents/task-list.js";
import { summaryOf, viNumberText } from "../../src/documents/wording.js";
import { zipFiles } from "../../src/documents/zip.js";
import { attr, convertToPdf, fontsOf, openDocx, pageCount, paragraphWith, paragraphs, sections, sofficeOrSkip, tableRows, textOf, type Docx } from "./docx-support.js";
import { HOTICH, SAMPLE_DRAFT, SAMPLE_INPUT } from "./report-fixture.js";

/**
 * The periodic PAR report as an official document (reporting reference A6,
 * Part B): the DOCX XML checked for the header, Kính gửi, the sections, the
 * signature and Nơi nhận, and the two landscape appendices (the annex and
 * Biểu số 06/VPCP/KSTT); LibreOffice converts it; the same figures as XLSX; a
 * unit's task list; the ZIP of many files.
 */

const tables = (xml: string) => [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
const cellTexts = (row: string) => [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => paragraphs(c[0]).map((p) => p.text).join("\n"));
const styleXml = (styles: string, id: string) => new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`, "s").exec(styles)![0];
const styleOf = (xml: string) => /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1];

const UNIT_LIST: UnitTaskListInput = {
  commune: { name: "UBND xã Tỉnh Khê", province: "Tỉnh Minh Hòa" },
  unitName: "Tư pháp – Hộ tịch",
  planTitle: "Kế hoạch cải cách hành chính xã Tỉnh Khê năm 2026",
  planNumber: "12/KH-UBND",
  tasks: [
    { ref: "3.1", title: "Rà soát, công bố thủ tục hành chính thuộc thẩm quyền", role: "lead", product: "Quyết định công bố", due: "30/06/2026", status: "Đang thực hiện" },
    { ref: "3.2", title: "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", role: "lead", product: null, due: "Thường xuyên", status: "Đang thực hiện" },
    { ref: "1.4", title: "Tuyên truyền cải cách hành chính", role: "support", product: "Tin, bài", due: "Hằng quý", status: "Chưa thực hiện" },
  ],
};

describe("periodic report as a DOCX laid out per Nghị định 30/2020/NĐ-CP", () => {
  let bytes: Buffer;
  let docx: Docx;
  let plainBytes: Buffer;
  let plain: Docx;

  beforeAll(async () => {
    bytes = await renderReportDocx(SAMPLE_INPUT);
    docx = await openDocx(bytes);
    // Not numbered yet, one recipient, a vice-chairman signs, no one-stop data.
    const input: ReportDocumentInput = {
      ...SAMPLE_INPUT, number: null, issuedDate: null, recipients: ["Ủy ban nhân dân tỉnh Minh Hòa"],
      signer: { name: "Nguyễn Thị Lan", title: "Phó Chủ tịch" }, draft: { ...SAMPLE_DRAFT, bieu06: null },
    };
    plainBytes = await renderReportDocx(input);
    plain = await openDocx(plainBytes);
  });

  it("sets the report on A4 portrait and each appendix on A4 landscape, every section numbered from 1 without a number on its first page", () => {
    const [main, annex, bieu, ...rest] = sections(docx.document);
    expect(rest).toEqual([]);
    expect([attr(main.props, "pgSz", "w"), attr(main.props, "pgSz", "h"), attr(main.props, "pgSz", "orient")]).toEqual([String(A4.width), String(A4.height), "portrait"]);
    expect(["top", "bottom", "left", "right"].map((side) => Number(attr(main.props, "pgMar", side)))).toEqual([1134, 1134, 1701, 850]);
    for (const s of [annex, bieu]) {
      expect([attr(s.props, "pgSz", "w"), attr(s.props, "pgSz", "h"), attr(s.props, "pgSz", "orient")]).toEqual([String(A4.height), String(A4.width), "landscape"]);
      expect(attr(s.props, "type", "val")).toBe("nextPage");
    }
    for (const s of [main, annex, bieu]) {
      expect(attr(s.props, "pgNumType", "start")).toBe("1");
      expect(s.props).toMatch(/<w:titlePg\/>/);
      const first = docx.headers.get(/<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(s.props)![1])!;
      const others = docx.headers.get(/<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(s.props)![1])!;
      expect(first).not.toMatch(/PAGE/);
      expect(others).toMatch(/<w:fldChar w:fldCharType="begin"\/>/);
      expect(others).toMatch(/<w:instrText xml:space="preserve">\s*PAGE\s*<\/w:instrText>/);
      expect(others).toMatch(/<w:jc w:val="center"\/>/);
    }
    expect(sections(plain.document)).toHaveLength(2);
  });

  it("writes everything in Times New Roman, in NFC", () => {
    expect(fontsOf(docx)).toEqual([FONT]);
    expect(fontsOf(plain)).toEqual([FONT]);
    const text = textOf(docx.document);
    expect(text).toBe(text.normalize("NFC"));
  });

  it("heads it with the commune's committee, Số: …/BC-UBND, the italic place and date, BÁO CÁO and the trích yếu", () => {
    const lines = textOf(sections(docx.document)[0].body).split("\n");
    for (const line of ["ỦY BAN NHÂN DÂN", "XÃ TỈNH KHÊ", NATIONAL_NAME, MOTTO, "Số: 07/BC-UBND"]) expect(lines).toContain(line);
    expect(paragraphWith(docx.document, "XÃ TỈNH KHÊ").xml).toMatch(/<w:b\/>/);
    expect(paragraphWith(docx.document, "Tỉnh Khê, ngày 16 tháng 3 năm 2026").xml).toMatch(/<w:i\/>/);
    const title = lines.indexOf("BÁO CÁO");
    expect(lines[title + 1]).toBe(SAMPLE_DRAFT.title);
    expect(paragraphWith(docx.document, "BÁO CÁO").xml).toMatch(/<w:b\/>/);
    expect(paragraphWith(docx.document, SAMPLE_DRAFT.title).xml).toMatch(/<w:b\/>/);
    const blank = textOf(plain.document).split("\n");
    expect(blank).toContain("Số: ……/BC-UBND");
    expect(blank).toContain("Tỉnh Khê, ngày …… tháng …… năm ……");
  });

  it("addresses it with Kính gửi: one recipient on the label's line, several as dash lines aligned under the first", () => {
    const all = paragraphs(docx.document);
    const at = all.findIndex((p) => p.text.startsWith("Kính gửi:"));
    expect(all[at].text).toBe("Kính gửi:- Ủy ban nhân dân tỉnh Minh Hòa;");
    expect(all[at].xml, "the label and the first recipient are parted by a tab").toMatch(/<w:tab\/>/);
    expect(all[at + 1].text).toBe("- Sở Nội vụ tỉnh Minh Hòa.");
    // The dashes line up: the first line hangs back by the label's width to where the others start.
    const left = Number(attr(all[at].xml, "ind", "left"));
    expect(Number(attr(all[at].xml, "ind", "hanging"))).toBeGreaterThan(0);
    expect(Number(attr(all[at + 1].xml, "ind", "left"))).toBe(left);
    expect(Number(attr(all[at].xml, "tab", "pos"))).toBe(left);
    expect(at).toBeGreaterThan(all.findIndex((p) => p.text === SAMPLE_DRAFT.title));
    expect(at).toBeLessThan(all.findIndex((p) => p.text.startsWith("I. ")));
    const single = paragraphWith(plain.document, "Kính gửi: Ủy ban nhân dân tỉnh Minh Hòa.");
    expect(single.xml).toMatch(/<w:jc w:val="center"\/>/);
  });

  it("prints the sections in order: I. headings in caps, 1. headings bold, facts and text as justified, indented paragraphs, dash items as - lines", () => {
    const body = paragraphs(sections(docx.document)[0].body);
    const headings = body.filter((p) => ["ND30Heading", "ND30Subheading"].includes(styleOf(p.xml) ?? "")).map((p) => [styleOf(p.xml), p.text]);
    expect(headings).toEqual([
      ["ND30Heading", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"],
      ["ND30Subheading", "1. Ban hành và tổ chức thực hiện kế hoạch cải cách hành chính"],
      ["ND30Subheading", "2. Thông tin, tuyên truyền cải cách hành chính"],
      ["ND30Heading", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"],
      ["ND30Subheading", "2. Cải cách thủ tục hành chính"],
      ["ND30Subheading", "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số"],
    ]);
    for (const id of ["ND30Heading", "ND30Subheading"]) expect(styleXml(docx.styles, id)).toMatch(/<w:b\/>/);
    const bodyStyle = styleXml(docx.styles, "ND30Body");
    expect(bodyStyle).toMatch(/<w:jc w:val="both"\/>/);
    expect(bodyStyle).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(bodyStyle).toMatch(/w:after="120"/);

    const texts = body.filter((p) => styleOf(p.xml) === "ND30Body").map((p) => p.text);
    const order = (line: string) => {
      const i = body.findIndex((p) => p.text === line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    // The opening has no heading: its facts and text come first.
    expect(texts[0]).toBe(SAMPLE_DRAFT.sections[0].facts[0].text);
    expect(texts[1]).toBe(SAMPLE_DRAFT.sections[0].text);
    // Facts, then the text line by line; "•" becomes a dash item, the empty line is dropped.
    const i1 = [
      "1. Ban hành và tổ chức thực hiện kế hoạch cải cách hành chính",
      SAMPLE_DRAFT.sections[2].facts[0].text,
      "Ủy ban nhân dân xã đã ban hành Kế hoạch và phân công cụ thể cho các bộ phận:",
      "- Văn phòng – Thống kê: 14 nhiệm vụ;",
      "- Tư pháp – Hộ tịch: 9 nhiệm vụ;",
      "- Tài chính – Kế toán: 6 nhiệm vụ.",
      "2. Thông tin, tuyên truyền cải cách hành chính",
    ].map(order);
    expect(i1).toEqual(i1.map((_, k) => i1[0] + k));
    expect(texts).toContain("- Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa;");
    expect(texts).toContain("Tỷ lệ văn bản điện tử được ký số đạt 97,5%.");
    // The body ends with ./. on a closing sentence that points to both appendices.
    expect(texts.at(-1)).toBe("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 của Ủy ban nhân dân xã Tỉnh Khê (số liệu chi tiết tại Phụ lục I, Phụ lục II kèm theo)./.");
    expect(textOf(plain.document)).toContain("(số liệu chi tiết tại Phụ lục kèm theo)./.");
  });

  it("closes with the chairman's signature for the committee and Nơi nhận starting with Như trên", () => {
    const lines = textOf(sections(docx.document)[0].body).split("\n");
    const tm = lines.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(lines.slice(tm, tm + 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(paragraphWith(docx.document, "Võ Minh Chính").xml).toMatch(/<w:b\/>/);
    const label = lines.indexOf("Nơi nhận:");
    expect(lines.slice(label, label + 5)).toEqual(["Nơi nhận:", "- Như trên;", "- TT Đảng ủy, HĐND xã;", "- CT, các PCT UBND xã;", "- Lưu: VT, VP."]);
    const nn = paragraphWith(docx.document, "Nơi nhận:").xml;
    expect(nn).toMatch(/<w:b\/>/);
    expect(nn).toMatch(/<w:i\/>/);
    expect(label).toBeLessThan(tm);
    const vice = textOf(plain.document).split("\n");
    const at = vice.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(vice.slice(at, at + 3)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(vice).toContain("Nguyễn Thị Lan");
  });

  it("puts the figures in Phụ lục I: areas as merged rows, computed values in Vietnamese numbers, manual rows empty", () => {
    const annex = sections(docx.document)[1].body;
    expect(textOf(annex).split("\n").slice(0, 3)).toEqual([
      "Phụ lục I",
      "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
      "(Kèm theo Báo cáo số 07/BC-UBND ngày 16 tháng 3 năm 2026 của Ủy ban nhân dân xã Tỉnh Khê)",
    ]);
    expect(paragraphWith(annex, "(Kèm theo Báo cáo số 07/BC-UBND ngày 16 tháng 3 năm 2026 của Ủy ban nhân dân xã Tỉnh Khê)").xml).toMatch(/<w:i\/>/);
    const rows = tableRows(annex);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    expect(cellTexts(rows[0])).toEqual(["STT", "Chỉ tiêu / Nội dung", "Đơn vị tính", "Kết quả", "Ghi chú"]);
    expect(rows.slice(1).some((r) => r.includes("<w:tblHeader"))).toBe(false);
    const groups = rows.filter((r) => r.includes('<w:gridSpan w:val="4"/>')).map(cellTexts);
    expect(groups).toEqual([["I", "Công tác chỉ đạo, điều hành"], ["II", "Cải cách thủ tục hành chính"], ["III", "Cải cách chế độ công vụ"]]);
    expect(rows).toHaveLength(1 + 3 + SAMPLE_DRAFT.annex.length);
    const byLabel = (label: string) => cellTexts(rows.find((r) => cellTexts(r)[1] === label)!);
    expect(byLabel("Số hồ sơ tiếp nhận")).toEqual(["1", "Số hồ sơ tiếp nhận", "Hồ sơ", "1.497", ""]);
    expect(byLabel("Tỷ lệ hoàn thành kế hoạch (trên số nhiệm vụ đến hạn)")).toEqual(["2", "Tỷ lệ hoàn thành kế hoạch (trên số nhiệm vụ đến hạn)", "%", "83,33", "10/12 nhiệm vụ"]);
    expect(byLabel("Số tin, bài, hình thức tuyên truyền")).toEqual(["3", "Số tin, bài, hình thức tuyên truyền", "Tin, bài", "", "Bộ phận cập nhật"]);
    // A report without one-stop data has this one appendix, called just "Phụ lục".
    expect(textOf(sections(plain.document)[1].body).split("\n").slice(0, 3)).toEqual([
      "Phụ lục",
      "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
      "(Kèm theo Báo cáo số ……/BC-UBND ngày …… tháng …… năm …… của Ủy ban nhân dân xã Tỉnh Khê)",
    ]);
  });

  it("sets Biểu số 06/VPCP/KSTT in Phụ lục II: 13 columns under three repeated header rows, one row per field and the bold total", () => {
    const body = sections(docx.document)[2].body;
    const lines = textOf(body).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Phụ lục II",
      "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
      "(Từ ngày 15/12/2025 đến ngày 14/03/2026)",
      "(Kèm theo Báo cáo số 07/BC-UBND ngày 16 tháng 3 năm 2026 của Ủy ban nhân dân xã Tỉnh Khê)",
    ]);
    expect(lines).toContain("Biểu số 06/VPCP/KSTT");
    expect(lines).toContain("Đơn vị tính: Số hồ sơ TTHC");
    const table = tables(body).at(-1)!;
    expect(table.match(/<w:gridCol /g)).toHaveLength(13);
    const rows = tableRows(table);
    expect(rows.map((r) => r.includes("<w:tblHeader/>"))).toEqual([true, true, true, ...rows.slice(3).map(() => false)]);
    // Row 1: STT and the field merged down, the three groups merged across 4, 4 and 3 columns.
    expect(cellTexts(rows[0])).toEqual(["STT", "Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số lượng hồ sơ đang giải quyết"]);
    expect([...rows[0].matchAll(/<w:gridSpan w:val="(\d+)"\/>/g)].map((m) => m[1])).toEqual(["4", "4", "3"]);
    expect(rows[0].match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
    expect(rows[1].match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2);
    expect(cellTexts(rows[1])).toEqual(["", "", "Tổng số", "Trong đó:\nTrực tuyến", "Trong đó:\nTrực tiếp, dịch vụ bưu chính", "Từ kỳ trước",
      "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]);
    expect(cellTexts(rows[2])).toEqual(Array.from({ length: 13 }, (_, i) => `(${i + 1})`));
    expect(rows).toHaveLength(3 + 2 + 1);
    expect(cellTexts(rows[3])).toEqual(["1", "Hộ tịch", "1.267", "812", "430", "25", "1.110", "700", "402", "8", "157", "150", "7"]);
    expect(HOTICH.received.total).toBe(1267);
    const total = rows[5];
    expect(cellTexts(total).slice(0, 3)).toEqual(["", "Tổng cộng", "1.497"]);
    const runs = [...total.matchAll(/<w:r>.*?<\/w:r>/gs)].map((m) => m[0]).filter((r) => r.includes("<w:t"));
    expect(runs.every((r) => r.includes("<w:b/>"))).toBe(true);
    expect(rows[3]).not.toMatch(/<w:b\/>/);
  });

  it("opens in LibreOffice: the report converts to a PDF of at least three pages, the unit's task list to one of at least one", async (ctx) => {
    const soffice = sofficeOrSkip(ctx);
    if (!soffice) return;
    const workDir = mkdtempSync(join(tmpdir(), "cchc-report-"));
    try {
      const list = await renderUnitTaskListDocx(UNIT_LIST);
      for (const [name, docBytes, minPages] of [["bao-cao-quy-1", bytes, 3], ["bao-cao-khong-bieu-06", plainBytes, 2], ["danh-muc-nhiem-vu", list, 1]] as const) {
        const pdf = await convertToPdf(soffice, docBytes, name, workDir);
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pageCount(pdf), `${name}.pdf pages`).toBeGreaterThanOrEqual(minPages);
      }
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe("a unit's task list as a DOCX", () => {
  it("is a landscape document titled for the unit, with the tasks it leads and supports under a repeated header", async () => {
    const docx = await openDocx(await renderUnitTaskListDocx(UNIT_LIST));
    const [only, ...rest] = sections(docx.document);
    expect(rest).toEqual([]);
    expect(attr(only.props, "pgSz", "orient")).toBe("landscape");
    expect(attr(only.props, "type", "val")).toBeUndefined();
    expect(fontsOf(docx)).toEqual([FONT]);
    const lines = textOf(docx.document).split("\n");
    expect(lines).toContain("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA TƯ PHÁP – HỘ TỊCH");
    expect(lines).toContain("(Thực hiện Kế hoạch số 12/KH-UBND cải cách hành chính xã Tỉnh Khê năm 2026 của Ủy ban nhân dân xã Tỉnh Khê)");
    expect(lines).not.toContain("Số: 12/KH-UBND");
    const rows = tableRows(tables(docx.document).at(-1)!);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    expect(cellTexts(rows[0])).toEqual(["STT", "Mã", "Nội dung nhiệm vụ", "Sản phẩm", "Thời hạn hoàn thành", "Tình trạng"]);
    expect(rows.slice(1).map(cellTexts)).toEqual([
      ["A", "Nhiệm vụ chủ trì thực hiện (2)"],
      ["1", "3.1", "Rà soát, công bố thủ tục hành chính thuộc thẩm quyền", "Quyết định công bố", "30/06/2026", "Đang thực hiện"],
      ["2", "3.2", "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", "", "Thường xuyên", "Đang thực hiện"],
      ["B", "Nhiệm vụ phối hợp thực hiện (1)"],
      ["1", "1.4", "Tuyên truyền cải cách hành chính", "Tin, bài", "Hằng quý", "Chưa thực hiện"],
    ]);
    expect(lines).toContain("Tổng số: 3 nhiệm vụ (chủ trì 2, phối hợp 1).");
  });
});

async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("the report's figures as XLSX", () => {
  it("writes the annex and Biểu 06 with merged header rows, a frozen header and numbers as numbers", async () => {
    const wb = await loadXlsx(await renderReportXlsx(SAMPLE_DRAFT, { name: "UBND xã Tỉnh Khê", province: "Tỉnh Minh Hòa" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([ANNEX_SHEET, BIEU06_SHEET]);
    expect(ANNEX_SHEET).toBe("Phụ lục số liệu");
    expect(BIEU06_SHEET).toBe("Biểu 06");

    const annex = wb.getWorksheet(ANNEX_SHEET)!;
    expect(annex.getCell("A1").value).toBe("SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH");
    expect([1, 2, 3, 4, 5].map((c) => annex.getCell(4, c).value)).toEqual(["STT", "Chỉ tiêu / Nội dung", "Đơn vị tính", "Kết quả", "Ghi chú"]);
    expect(annex.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect([annex.getCell("A5").value, annex.getCell("B5").value, annex.getCell("E5").master.address]).toEqual(["I", "Công tác chỉ đạo, điều hành", "B5"]);
    const received = [...Array(annex.rowCount).keys()].map((i) => annex.getRow(i + 1)).find((r) => r.getCell(2).value === "Số hồ sơ tiếp nhận")!;
    expect(received.getCell(4).value).toBe(1497);
    expect(received.getCell(4).numFmt).toBe("#,##0");
    const manual = [...Array(annex.rowCount).keys()].map((i) => annex.getRow(i + 1)).find((r) => r.getCell(2).value === "Số tin, bài, hình thức tuyên truyền")!;
    expect(manual.getCell(4).value).toBeNull();

    const ws = wb.getWorksheet(BIEU06_SHEET)!;
    expect(ws.getCell("A1").value).toBe("Biểu số 06/VPCP/KSTT");
    expect(ws.getCell("A2").value).toBe("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC");
    expect(ws.getCell("A3").value).toBe("(Từ ngày 15/12/2025 đến ngày 14/03/2026)");
    // The merges of the three header rows (5–7), as in the DOCX.
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A5:A6", "B5:B6", "C5:F5", "G5:J5", "K5:M5"]));
    expect(["A6", "B6", "D5", "F5", "H5", "M5"].map((a) => ws.getCell(a).master.address)).toEqual(["A5", "B5", "C5", "C5", "G5", "K5"]);
    expect(["C5", "G5", "K5"].map((a) => ws.getCell(a).value)).toEqual(["Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số lượng hồ sơ đang giải quyết"]);
    expect(ws.getRow(7).values).toEqual([undefined, ...Array.from({ length: 13 }, (_, i) => `(${i + 1})`)]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 7, xSplit: 2 });
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(3).width!);
    expect(ws.getCell("B8").value).toBe("Hộ tịch");
    expect(ws.getCell("C8").value).toBe(1267);
    expect(ws.getCell("C8").type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell("C8").numFmt).toBe("#,##0");
    expect(ws.getCell("B10").value).toBe("Tổng cộng");
    expect(ws.getCell("C10").value).toBe(1497);
    expect(ws.getCell("C10").font.bold).toBe(true);

    const only = await loadXlsx(await renderReportXlsx({ ...SAMPLE_DRAFT, bieu06: null }, { name: "UBND xã Tỉnh Khê" }));
    expect(only.worksheets.map((w) => w.name)).toEqual([ANNEX_SHEET]);
  });

  it("writes the province's figures, one row per commune, one column per figure under its Vietnamese label", async () => {
    const wb = await loadXlsx(await renderProvinceFiguresXlsx([
      { code: "xa-tinh-khe", name: "xã Tỉnh Khê", status: "Đã tiếp nhận", submittedAt: "2026-03-16T02:30:00.000Z", timeliness: "on_time", figures: SAMPLE_DRAFT.figures },
      { code: "phuong-hoai-hao", name: "phường Hoài Hảo", status: "Chưa gửi", submittedAt: null, timeliness: "missing", figures: { tasks_total: 38, extra_figure: 1 } },
    ], "Số liệu báo cáo CCHC quý I năm 2026"));
    const ws = wb.getWorksheet(FIGURES_SHEET)!;
    expect(ws.getCell("A1").value).toBe("Số liệu báo cáo CCHC quý I năm 2026");
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(["STT", "Mã", "Xã, phường", "Trạng thái", "Ngày gửi", "Thời hạn gửi", ...REPORT_FIGURE_KEYS.map((k) => REPORT_FIGURE_LABELS[k]), "extra_figure"]);
    expect(header).toEqual(expect.arrayContaining(["Số nhiệm vụ", "Đến hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Quá hạn chưa hoàn thành", "Tỷ lệ hoàn thành (%)"]));
    const col = (label: string) => header.indexOf(label) + 1;
    expect(ws.getCell(4, col("Số nhiệm vụ")).value).toBe(42);
    expect(ws.getCell(4, col("Tỷ lệ hoàn thành (%)")).value).toBe(83.33);
    expect(ws.getCell(4, col("Hồ sơ tiếp nhận")).numFmt).toBe("#,##0");
    expect(ws.getCell(4, col("Thời hạn gửi")).value).toBe("Đúng hạn");
    // 02:30 UTC is 09:30 in Vietnam.
    expect((ws.getCell(4, col("Ngày gửi")).value as Date).toISOString()).toBe("2026-03-16T09:30:00.000Z");
    expect(ws.getCell(5, col("Số nhiệm vụ")).value).toBe(38);
    expect(ws.getCell(5, col("Đến hạn")).value).toBeNull();
    expect(ws.getCell(5, col("Ngày gửi")).value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("writes any task list with the due date as a date and the plan's words as text", async () => {
    const wb = await loadXlsx(await renderTaskListXlsx({
      title: "Danh mục nhiệm vụ cải cách hành chính năm 2026",
      tasks: [
        { ref: "3.1", title: "Rà soát thủ tục hành chính", area: "Cải cách thủ tục hành chính", lead: ["Tư pháp – Hộ tịch"], support: ["Văn phòng – Thống kê", "Một cửa"], product: "Quyết định", due: "30/06/2026", status: "Đang thực hiện", progress: 40 },
        { ref: null, title: "Báo cáo định kỳ", area: null, lead: "Văn phòng – Thống kê", support: [], product: null, due: "Hằng quý", status: "Chưa thực hiện", progress: null },
      ],
    }));
    const ws = wb.getWorksheet(TASK_LIST_SHEET)!;
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([...TASK_LIST_HEADERS]);
    expect(TASK_LIST_HEADERS).toEqual(["STT", "Mã", "Nhiệm vụ", "Lĩnh vực", "Chủ trì", "Phối hợp", "Sản phẩm", "Hạn", "Trạng thái", "Tiến độ %"]);
    expect(ws.getCell("F5").value).toBe("Văn phòng – Thống kê, Một cửa");
    expect((ws.getCell("H5").value as Date).toISOString()).toBe("2026-06-30T00:00:00.000Z");
    expect(ws.getCell("H5").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("H6").value).toBe("Hằng quý");
    expect(ws.getCell("J5").value).toBe(40);
    expect(ws.getCell("E6").value).toBe("Văn phòng – Thống kê");
  });
});

describe("a ZIP of documents", () => {
  it("keeps Vietnamese file names in UTF-8 and the contents as they were, numbering a repeated name", async () => {
    const name = "BC-07-UBND-2026 xã Tỉnh Khê.docx";
    const docx = await renderReportDocx(SAMPLE_INPUT);
    const bytes = await zipFiles([{ name, content: docx }, { name: name.normalize("NFD"), content: Buffer.from("bản thứ hai") }, { name: "phường/Hoài Hảo.txt", content: Buffer.from("x") }]);
    // The first local header's general-purpose flags carry the UTF-8 (language encoding) bit.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6) & 0x0800).toBe(0x0800);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(["BC-07-UBND-2026 xã Tỉnh Khê (2).docx", name, "phường-Hoài Hảo.txt"].sort());
    expect(Buffer.compare(await zip.file(name)!.async("nodebuffer"), docx)).toBe(0);
    expect(await zip.file("BC-07-UBND-2026 xã Tỉnh Khê (2).docx")!.async("string")).toBe("bản thứ hai");
  });
});

describe("the shared pieces", () => {
  it("prints numbers the Vietnamese way", () => {
    expect(viNumberText(1234)).toBe("1.234");
    expect(viNumberText(1234567.5)).toBe("1.234.567,5");
    expect(viNumberText(98.4712)).toBe("98,47");
    expect(viNumberText(0)).toBe("0");
    expect(viNumberText(-12)).toBe("-12");
  });

  it("labels one appendix Phụ lục and several Phụ lục I, II …", () => {
    expect(appendixLabel(0, 1)).toBe("Phụ lục");
    expect([0, 1, 2].map((i) => appendixLabel(i, 3))).toEqual(["Phụ lục I", "Phụ lục II", "Phụ lục III"]);
  });

  it("drops a leading type name from the trích yếu", () => {
    expect(summaryOf("Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026", "Báo cáo")).toBe("Kết quả thực hiện công tác cải cách hành chính quý I năm 2026");
    expect(summaryOf("Ke hoach cai cach hanh chinh nam 2026", "Kế hoạch")).toBe("Cai cach hanh chinh nam 2026");
    expect(summaryOf("Kết quả thực hiện", "Báo cáo")).toBe("Kết quả thực hiện");
  });

  it("places header cells after the columns merged down from above", () => {
    const placed = placeHeaderCells(BIEU06_HEADER, 13);
    expect(placed.filter((c) => c.row === 1).map((c) => c.column)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(placed.filter((c) => c.row === 2).every((c) => !c.bold)).toBe(true);
    expect(() => placeHeaderCells([[{ text: "x", columnSpan: 3 }]], 2)).toThrow(/runs past/);
  });
});
