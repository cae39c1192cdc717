import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { renderCommendationDocx } from "../../src/documents/commendation-docx.js";
import { CRITERIA_SHEET, PROPOSAL_SHEET, renderCommendationXlsx } from "../../src/documents/commendation-xlsx.js";
import { renderInspectionNotice } from "../../src/documents/inspection-notice-docx.js";
import { A4, FONT, MOTTO, NATIONAL_NAME } from "../../src/documents/nd30.js";
import { attr, convertToPdf, fontsOf, openDocx, pageCount, paragraphWith, paragraphs, sections, sofficeOrSkip, tableRows, textOf, type Docx } from "./docx-support.js";
import { COMMENDATION, NOTICE, NOTICE_WITHOUT_FINDINGS } from "./inspection-emulation-fixture.js";

/**
 * The documents of inspections and emulation campaigns: the conclusion
 * notice of an inspection (A4 portrait, "Số: …/TB-UBND") and the
 * commendation proposal of a campaign (A4 landscape DOCX and an XLSX table of
 * every participant × criterion), checked in their XML and converted to PDF
 * by LibreOffice.
 */

const tables = (xml: string) => [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
const cellTexts = (row: string) => [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => paragraphs(c[0]).map((p) => p.text).join("\n"));
const tableWith = (xml: string, header: string) => {
  const found = tables(xml).find((t) => cellTexts(tableRows(t)[0]).includes(header));
  if (!found) throw new Error(`no table with a "${header}" column`);
  return found;
};
const lines = (docx: Docx) => textOf(docx.document).split("\n");

describe("the conclusion notice of an inspection (thông báo kết luận kiểm tra)", () => {
  let bytes: Buffer;
  let notice: Docx;
  let empty: Docx;

  beforeAll(async () => {
    bytes = await renderInspectionNotice(NOTICE);
    notice = await openDocx(bytes);
    empty = await openDocx(await renderInspectionNotice(NOTICE_WITHOUT_FINDINGS));
  });

  it("is one A4 portrait section with the decree's margins, numbered from page 2, all in Times New Roman", () => {
    const [only, ...rest] = sections(notice.document);
    expect(rest).toEqual([]);
    expect([attr(only.props, "pgSz", "w"), attr(only.props, "pgSz", "h"), attr(only.props, "pgSz", "orient")]).toEqual([String(A4.width), String(A4.height), "portrait"]);
    expect(["top", "bottom", "left", "right"].map((side) => Number(attr(only.props, "pgMar", side)))).toEqual([1134, 1134, 1701, 850]);
    expect(only.props).toMatch(/<w:titlePg\/>/);
    const first = notice.headers.get(/<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(only.props)![1])!;
    const other = notice.headers.get(/<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(only.props)![1])!;
    expect(first).not.toMatch(/PAGE/);
    expect(other).toMatch(/PAGE/);
    expect(fontsOf(notice)).toEqual([FONT]);
    expect(fontsOf(empty)).toEqual([FONT]);
    const text = textOf(notice.document);
    expect(text).toBe(text.normalize("NFC"));
  });

  it("heads it with the committee, Số: …/TB-UBND, the place and date, THÔNG BÁO and the trích yếu naming the unit", () => {
    const all = lines(notice);
    for (const line of ["ỦY BAN NHÂN DÂN", "XÃ TỈNH KHÊ", NATIONAL_NAME, MOTTO, "Số: 15/TB-UBND"]) expect(all).toContain(line);
    expect(paragraphWith(notice.document, "Tỉnh Khê, ngày 20 tháng 6 năm 2026").xml).toMatch(/<w:i\/>/);
    const title = all.indexOf("THÔNG BÁO");
    expect(title).toBeGreaterThan(all.indexOf("Số: 15/TB-UBND"));
    expect(all[title + 1]).toBe("Kết luận kiểm tra công tác cải cách hành chính năm 2026 tại Công chức Tư pháp – Hộ tịch");
    expect(paragraphWith(notice.document, "THÔNG BÁO").xml).toMatch(/<w:b\/>/);
    // Not numbered yet: dots for the văn thư, as on the other documents.
    expect(lines(empty)).toContain("Số: ……/TB-UBND");
    expect(lines(empty)).not.toContain("Số: 15/TB-UBND");
  });

  it("opens with the plan, the period and the day of the inspection, then the four parts in order with the team and the conclusion", () => {
    const all = lines(notice);
    expect(all).toContain(
      "Thực hiện Kế hoạch kiểm tra công tác cải cách hành chính năm 2026 của Ủy ban nhân dân xã Tỉnh Khê, từ ngày 08/06/2026 đến ngày 12/06/2026, "
      + "Tổ kiểm tra đã kiểm tra công tác cải cách hành chính tại Công chức Tư pháp – Hộ tịch; ngày kiểm tra: 10/06/2026. "
      + "Ủy ban nhân dân xã Tỉnh Khê thông báo kết luận kiểm tra như sau:",
    );
    const headings = paragraphs(notice.document).filter((p) => p.xml.includes('w:val="ND30Heading"')).map((p) => p.text);
    expect(headings).toEqual(["I. THÀNH PHẦN TỔ KIỂM TRA", "II. NỘI DUNG KIỂM TRA", "III. KẾT LUẬN", "IV. TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC"]);
    const at = (line: string) => {
      const i = all.indexOf(line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    const team = at("I. THÀNH PHẦN TỔ KIỂM TRA");
    expect(all.slice(team + 1, team + 4)).toEqual([
      "- Ông Võ Minh Chính, Chủ tịch UBND xã – Tổ trưởng;",
      "- Bà Nguyễn Thị Lan, công chức Văn phòng – Thống kê – Thành viên;",
      "- Ông Trần Quốc Huy, công chức đầu mối cải cách hành chính – Thư ký.",
    ]);
    const content = at("II. NỘI DUNG KIỂM TRA");
    expect(all.slice(content + 1, content + 3)).toEqual(NOTICE.content.split("\n"));
    // The conclusion one paragraph per line, the blank line dropped.
    const conclusion = at("III. KẾT LUẬN");
    expect(all.slice(conclusion + 1, conclusion + 3)).toEqual(NOTICE.conclusion.split("\n").filter(Boolean));
    expect(at("IV. TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC")).toBeGreaterThan(conclusion + 2);
  });

  it("lists the findings under a repeated header with Vietnamese severities and dd/mm/yyyy deadlines, then asks the units to fix and report", () => {
    const rows = tableRows(tableWith(notice.document, "Nội dung tồn tại, hạn chế"));
    expect(cellTexts(rows[0])).toEqual(["TT", "Nội dung tồn tại, hạn chế", "Lĩnh vực", "Mức độ", "Bộ phận chịu trách nhiệm", "Hạn khắc phục"]);
    expect(rows.map((r) => r.includes("<w:tblHeader/>"))).toEqual([true, false, false, false]);
    expect(rows.slice(1).map(cellTexts)).toEqual([
      ["1", "Chưa số hóa kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch từ tháng 3/2026", "Cải cách thủ tục hành chính", "Trung bình", "Công chức Tư pháp – Hộ tịch", "31/07/2026"],
      ["2", "Niêm yết 02 thủ tục hành chính đã hết hiệu lực tại Bộ phận Một cửa", "", "Nghiêm trọng", "Văn phòng – Thống kê", "05/07/2026"],
      ["3", "Sổ theo dõi hồ sơ ghi chưa đầy đủ ngày trả kết quả", "Cải cách thủ tục hành chính", "Nhẹ", "Công chức Tư pháp – Hộ tịch", "15/08/2026"],
    ]);
    expect(lines(notice)).not.toContain("Không phát hiện tồn tại, hạn chế.");
    const closing = lines(notice).find((l) => l.includes("nghiêm túc khắc phục"));
    expect(closing).toBe("Ủy ban nhân dân xã Tỉnh Khê yêu cầu Công chức Tư pháp – Hộ tịch, Văn phòng – Thống kê nghiêm túc khắc phục các tồn tại, hạn chế nêu trên; "
      + "báo cáo kết quả khắc phục về Ủy ban nhân dân xã (qua công chức đầu mối cải cách hành chính) trước hạn khắc phục của từng nội dung./.");
  });

  it("says Không phát hiện tồn tại, hạn chế. with no table when the inspection found nothing", () => {
    const all = lines(empty);
    const part = all.indexOf("IV. TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC");
    expect(all[part + 1]).toBe("Không phát hiện tồn tại, hạn chế.");
    expect(() => tableWith(empty.document, "Nội dung tồn tại, hạn chế")).toThrow();
    expect(all[part + 2]).toMatch(/^Đề nghị Công chức Địa chính – Xây dựng tiếp tục phát huy .*\.\/\.$/);
  });

  it("closes with the chairman's signature for the committee and Nơi nhận ending in Lưu: VT.; no name leaves the space", () => {
    const all = lines(notice);
    const tm = all.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(all.slice(tm, tm + 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(paragraphWith(notice.document, "Võ Minh Chính").xml).toMatch(/<w:b\/>/);
    const label = all.indexOf("Nơi nhận:");
    expect(label).toBeGreaterThan(all.indexOf("IV. TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC"));
    expect(all.slice(label, label + 6)).toEqual([
      "Nơi nhận:", "- Sở Nội vụ tỉnh Minh Hòa;", "- TT Đảng ủy, HĐND xã;", "- CT, các PCT UBND xã;", "- Công chức Tư pháp – Hộ tịch;", "- Lưu: VT.",
    ]);
    // Without a name: the authority lines, then empty lines to the end.
    const unsigned = lines(empty);
    const at = unsigned.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(unsigned.slice(at, at + 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(unsigned.slice(at + 2).every((l) => l === "")).toBe(true);
  });
});

describe("the commendation proposal of a campaign as a DOCX (danh sách đề nghị khen thưởng)", () => {
  let bytes: Buffer;
  let docx: Docx;

  beforeAll(async () => {
    bytes = await renderCommendationDocx(COMMENDATION);
    docx = await openDocx(bytes);
  });

  it("is one A4 landscape section with the decree's margins, in Times New Roman", () => {
    const [only, ...rest] = sections(docx.document);
    expect(rest).toEqual([]);
    expect([attr(only.props, "pgSz", "w"), attr(only.props, "pgSz", "h"), attr(only.props, "pgSz", "orient")]).toEqual([String(A4.height), String(A4.width), "landscape"]);
    expect(["top", "bottom", "left", "right"].map((side) => Number(attr(only.props, "pgMar", side)))).toEqual([1134, 1134, 1701, 850]);
    expect(attr(only.props, "type", "val")).toBeUndefined();
    expect(fontsOf(docx)).toEqual([FONT]);
  });

  it("heads it with the committee and the date, DANH SÁCH, the campaign and the Tờ trình it is attached to, and the period", () => {
    const all = lines(docx);
    for (const line of ["ỦY BAN NHÂN DÂN", "XÃ TỈNH KHÊ", NATIONAL_NAME, MOTTO, "Tỉnh Khê, ngày 22 tháng 12 năm 2026"]) expect(all).toContain(line);
    expect(all.some((l) => l.startsWith("Số:")), "a list attached to a Tờ trình has no number of its own").toBe(false);
    const title = all.indexOf("DANH SÁCH");
    expect(all.slice(title + 1, title + 3)).toEqual([
      "Tập thể, cá nhân đề nghị khen thưởng trong phong trào thi đua thực hiện thắng lợi nhiệm vụ cải cách hành chính năm 2026",
      "(Kèm theo Tờ trình số ……/TTr-UBND ngày …… tháng …… năm …… của Ủy ban nhân dân xã Tỉnh Khê)",
    ]);
    expect(paragraphWith(docx.document, all[title + 2]).xml).toMatch(/<w:i\/>/);
    expect(all).toContain("Thời gian thi đua: từ ngày 01/01/2026 đến ngày 31/12/2026. Đề nghị khen thưởng 2 tập thể, 2 cá nhân.");
  });

  it("lists only the participants proposed, units under I. TẬP THỂ and persons under II. CÁ NHÂN, with the criteria met and the reason of a decision against the proposal", () => {
    const all = lines(docx);
    expect(all.indexOf("I. TẬP THỂ")).toBeLessThan(all.indexOf("II. CÁ NHÂN"));
    const units = tableRows(tableWith(docx.document, "Tên tập thể"));
    expect(cellTexts(units[0])).toEqual(["TT", "Tên tập thể", "Thành tích đạt được", "Ghi chú"]);
    expect(units[0]).toMatch(/<w:tblHeader\/>/);
    expect(units.slice(1).map(cellTexts)).toEqual([
      ["1", "Công chức Tư pháp – Hộ tịch",
        "- Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC\n- Hoàn thành nhiệm vụ đúng thời gian quy định\n- Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)", ""],
      ["2", "Công chức Địa chính – Xây dựng",
        "- Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC\n- 100% vấn đề phát hiện qua kiểm tra được xử lý\n- Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)",
        "Nhiệm vụ chậm do chờ hướng dẫn của Sở Nông nghiệp và Môi trường, không do lỗi của bộ phận"],
    ]);
    const persons = tableRows(tableWith(docx.document, "Họ và tên"));
    expect(cellTexts(persons[0])).toEqual(["TT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích đạt được", "Ghi chú"]);
    expect(persons.slice(1).map(cellTexts)).toEqual([
      ["1", "Phạm Thị Hồng Nhung", "Công chức Tư pháp – Hộ tịch",
        "- Hoàn thành nhiệm vụ đúng thời gian quy định\n- Có sáng kiến hoặc giải pháp CCHC được triển khai\n- Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)", ""],
      ["2", "Đỗ Thị Mai", "Văn thư, Văn phòng – Thống kê", "", "Trực tiếp triển khai số hóa toàn bộ hồ sơ lưu trữ của xã năm 2026"],
    ]);
    const text = textOf(docx.document);
    expect(text).not.toContain("Văn phòng – Thống kê\n- ");
    expect(text).not.toContain("Lê Văn Toàn");
    expect(text).not.toContain("Đã được đề nghị khen thưởng theo chuyên đề khác");
  });

  it("says Không có. for a group with no one proposed, and ends with the signature", async () => {
    const onlyUnits = await openDocx(await renderCommendationDocx({ ...COMMENDATION, rows: COMMENDATION.rows.map((r) => ({ ...r, included: r.kind === "unit" && r.included })) }));
    const all = lines(onlyUnits);
    expect(all[all.indexOf("II. CÁ NHÂN") + 1]).toBe("Không có.");
    expect(all[all.indexOf("I. TẬP THỂ") + 1]).not.toBe("Không có.");
    expect(() => tableWith(onlyUnits.document, "Họ và tên")).toThrow();
    const signed = lines(docx);
    const tm = signed.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(tm).toBeGreaterThan(signed.indexOf("II. CÁ NHÂN"));
    expect(signed.slice(tm, tm + 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(signed.filter(Boolean).at(-1)).toBe("Võ Minh Chính");
    expect(signed).not.toContain("Nơi nhận:");
  });
});

async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const noteText = (note: ExcelJS.Cell["note"]) => (typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("") ?? null);

describe("the commendation proposal as XLSX", () => {
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    wb = await loadXlsx(await renderCommendationXlsx(COMMENDATION));
  });

  it("has the proposal sheet with a bold, frozen, filtered header: the participant, one column per criterion, the decision", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([PROPOSAL_SHEET, CRITERIA_SHEET]);
    expect([PROPOSAL_SHEET, CRITERIA_SHEET]).toEqual(["Danh sách đề nghị", "Tiêu chí"]);
    const ws = wb.getWorksheet(PROPOSAL_SHEET)!;
    expect(ws.getCell("A1").value).toBe("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG TRONG PHONG TRÀO THI ĐUA THỰC HIỆN THẮNG LỢI NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026");
    expect(ws.getCell("A2").value).toBe("Ủy ban nhân dân xã Tỉnh Khê, thời gian thi đua từ ngày 01/01/2026 đến ngày 31/12/2026");
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual([
      "TT", "Loại", "Tên", "Chức vụ", "Bộ phận",
      ...COMMENDATION.criteria.map((c) => `${c.id}. ${c.label}`),
      "Đề nghị khen thưởng", "Lý do",
    ]);
    expect(ws.getCell("A4").font.bold).toBe(true);
    expect(ws.getCell("J4").font.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4, xSplit: 3 });
    expect(ws.autoFilter).toBe("A4:L4");
    expect(header).toHaveLength(12);
    expect(ws.getColumn(3).width).toBeGreaterThan(ws.getColumn(1).width!);
  });

  it("writes one row per participant with the outcome words, the explanation as the cell's note, Có/Không and the reason", () => {
    const ws = wb.getWorksheet(PROPOSAL_SHEET)!;
    const body = Array.from({ length: ws.rowCount - 4 }, (_, i) => (ws.getRow(5 + i).values as unknown[]).slice(1));
    expect(body).toHaveLength(COMMENDATION.rows.length);
    expect(body.map((r) => r.slice(0, 5))).toEqual([
      [1, "Tập thể", "Công chức Tư pháp – Hộ tịch", "", "Công chức Tư pháp – Hộ tịch"],
      [2, "Tập thể", "Văn phòng – Thống kê", "", "Văn phòng – Thống kê"],
      [3, "Tập thể", "Công chức Địa chính – Xây dựng", "", "Công chức Địa chính – Xây dựng"],
      [4, "Cá nhân", "Phạm Thị Hồng Nhung", "Công chức Tư pháp – Hộ tịch", "Công chức Tư pháp – Hộ tịch"],
      [5, "Cá nhân", "Lê Văn Toàn", "Công chức", "Văn phòng – Thống kê"],
      [6, "Cá nhân", "Đỗ Thị Mai", "Văn thư", "Văn phòng – Thống kê"],
    ]);
    // c1, c2, c4, c5, c6: a criterion of the other kind is "Không áp dụng".
    expect(body.map((r) => r.slice(5, 10))).toEqual([
      ["Đạt", "Đạt", "Không phát sinh", "Không áp dụng", "Đạt"],
      ["Chưa đạt", "Chưa đạt", "Chưa đạt", "Không áp dụng", "Đạt"],
      ["Đạt", "Chưa đạt", "Đạt", "Không áp dụng", "Đạt"],
      ["Không áp dụng", "Đạt", "Không áp dụng", "Đạt", "Đạt"],
      ["Không áp dụng", "Đạt", "Không áp dụng", "Đạt", "Đạt"],
      ["Không áp dụng", "Không phát sinh", "Không áp dụng", "Chưa đạt", "Chưa đánh giá"],
    ]);
    expect(body.map((r) => r.slice(10))).toEqual([
      ["Có", ""], ["Không", ""],
      ["Có", "Nhiệm vụ chậm do chờ hướng dẫn của Sở Nông nghiệp và Môi trường, không do lỗi của bộ phận"],
      ["Có", ""], ["Không", "Đã được đề nghị khen thưởng theo chuyên đề khác trong năm"],
      ["Có", "Trực tiếp triển khai số hóa toàn bộ hồ sơ lưu trữ của xã năm 2026"],
    ]);
    expect(noteText(ws.getCell("G6").note)).toBe("8/10 nhiệm vụ đúng hạn (80 %) — cần ≥ 100 %");
    expect(noteText(ws.getCell("I10").note)).toBe("0 sáng kiến — cần ≥ 1");
    expect(ws.getCell("F8").note).toBeUndefined();
  });

  it("lists the criteria with their code, text and who they apply to", () => {
    const ws = wb.getWorksheet(CRITERIA_SHEET)!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["Mã", "Nội dung", "Áp dụng cho"]);
    const rows = Array.from({ length: COMMENDATION.criteria.length }, (_, i) => (ws.getRow(4 + i).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ["c1", "Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC", "Tập thể"],
      ["c2", "Hoàn thành nhiệm vụ đúng thời gian quy định", "Tập thể và cá nhân"],
      ["c4", "100% vấn đề phát hiện qua kiểm tra được xử lý", "Tập thể"],
      ["c5", "Có sáng kiến hoặc giải pháp CCHC được triển khai", "Cá nhân"],
      ["c6", "Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)", "Tập thể và cá nhân"],
    ]);
    expect(ws.rowCount).toBe(3 + COMMENDATION.criteria.length);
  });
});

describe("the inspection and emulation documents in LibreOffice", () => {
  it("converts the notice, the notice without findings and the proposal to PDFs of at least one page", async (ctx) => {
    const soffice = sofficeOrSkip(ctx);
    if (!soffice) return;
    const workDir = mkdtempSync(join(tmpdir(), "cchc-inspection-"));
    try {
      const files = [
        ["thong-bao-ket-luan", await renderInspectionNotice(NOTICE)],
        ["thong-bao-khong-ton-tai", await renderInspectionNotice(NOTICE_WITHOUT_FINDINGS)],
        ["danh-sach-de-nghi", await renderCommendationDocx(COMMENDATION)],
      ] as const;
      for (const [name, docBytes] of files) {
        const pdf = await convertToPdf(soffice, docBytes, name, workDir);
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pageCount(pdf), `${name}.pdf pages`).toBeGreaterThanOrEqual(1);
      }
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 300_000);
});
