import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { AREA_CODES } from "../../src/domain/areas.js";
import { isIsoDate } from "../../src/domain/dates.js";
import type { UnitReference } from "../../src/domain/unit-match.js";
import { AppError, importPlanBuffer, parseBlocks } from "../../src/import/index.js";
import { blocksFromHtml } from "../../src/import/read-docx.js";
import { layoutPage, NO_TEXT_LAYER, readOperators, type Glyph, type Segment } from "../../src/import/read-pdf.js";
import { readText } from "../../src/import/read-text.js";
import type { PlanDraft } from "../../src/domain/plan-draft.js";

const units = JSON.parse(readFileSync(new URL("../../fixtures/units.json", import.meta.url), "utf8")) as UnitReference;

function parse(text: string): PlanDraft {
  return parseBlocks(readText(text), { units });
}

const ids = (list: Array<{ unit: string | null }>) => list.map((u) => u.unit);

function task(draft: PlanDraft, startsWith: string) {
  const t = draft.tasks.find((x) => x.title.startsWith(startsWith));
  if (!t) throw new Error(`no task "${startsWith}" in ${JSON.stringify(draft.tasks.map((x) => x.title))}`);
  return t;
}

// The contract's draft, as a schema.
const Unit = z.object({ unit: z.string().nullable(), text: z.string() }).strict();
const IsoDay = z.string().refine(isIsoDate, "ISO date");
const DraftSchema = z
  .object({
    document: z
      .object({
        type: z.string().nullable(),
        number: z.string().nullable(),
        issuer: z.string().nullable(),
        place: z.string().nullable(),
        date: IsoDay.nullable(),
        title: z.string().nullable(),
        year: z.number().int().nullable(),
        signer: z.object({ name: z.string().nullable(), title: z.string().nullable() }).strict(),
      })
      .strict(),
    targets: z.array(
      z
        .object({
          text: z.string(),
          op: z.enum([">=", ">", "<=", "<", "="]).nullable(),
          value: z.number().nullable(),
          unit: z.literal("%").nullable(),
          monitor: z.array(Unit),
          implement: z.array(Unit),
        })
        .strict(),
    ),
    tasks: z.array(
      z
        .object({
          ref: z.string().nullable(),
          area: z.enum(AREA_CODES).nullable(),
          title: z.string().min(1),
          product: z.string().nullable(),
          lead: z.array(Unit),
          support: z.array(Unit),
          timeline: z
            .object({
              text: z.string().nullable(),
              milestones: z.array(IsoDay),
              due: IsoDay.nullable(),
              recurrence: z.enum(["continuous", "monthly", "quarterly", "semiannual", "annual", "periodic"]).nullable(),
            })
            .strict(),
          criteria: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();

describe("lettered items under area headings with a shared «Bộ phận thực hiện» block", () => {
  const draft = parse(`ỦY BAN NHÂN DÂN
XÃ AN PHÚ
Số: 12 /KH-UBND
An Phú, ngày 05 tháng 01 năm 2025
KẾ HOẠCH
Cải cách hành chính năm 2025
I. MỤC TIÊU
- Tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%.
II. NHIỆM VỤ
1. Cải cách thể chế
a) Rà soát, hệ thống hóa văn bản quy phạm pháp luật của HĐND, UBND xã.
b) Tuyên truyền, phổ biến pháp luật cho người dân.
Bộ phận thực hiện: Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với các bộ phận chuyên môn.
Thời gian thực hiện: Thường xuyên trong năm.
4. Tác động của cải cách hành chính đến người dân, tổ chức
a) Khảo sát sự hài lòng của người dân.
b) Công khai kết quả khảo sát.
Bộ phận thực hiện: CC VH-XH, Đài truyền thanh
Thời gian thực hiện: Tháng 11/2025
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng - Thống kê theo dõi, tổng hợp, báo cáo.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Bình`);

  it("reads the document fields", () => {
    expect(draft.document).toEqual({
      type: "KH",
      number: "12/KH-UBND",
      issuer: "UBND xã An Phú",
      place: "An Phú",
      date: "2025-01-05",
      title: "Cải cách hành chính năm 2025",
      year: 2025,
      signer: { name: "Nguyễn Văn Bình", title: "Phó Chủ tịch" },
    });
  });

  it("gives every item of an area the area's shared units and time", () => {
    expect(draft.tasks.map((t) => [t.ref, t.area])).toEqual([
      ["a", "the-che"],
      ["b", "the-che"],
      ["a", "tac-dong"],
      ["b", "tac-dong"],
    ]);
    for (const t of draft.tasks.slice(0, 2)) {
      expect(ids(t.lead)).toEqual(["tp-ht"]);
      expect(ids(t.support)).toEqual(["chuyen-mon"]);
      expect(t.timeline).toMatchObject({ due: "2025-12-31", recurrence: "continuous" });
    }
    for (const t of draft.tasks.slice(2)) {
      expect(ids(t.lead)).toEqual(["vh-xh", "dai-truyen-thanh"]);
      expect(t.timeline).toMatchObject({ milestones: ["2025-11-30"], due: "2025-11-30", recurrence: null });
    }
  });

  it("takes no task from «Tổ chức thực hiện» and reads the targets", () => {
    expect(draft.tasks.some((t) => t.title.startsWith("Văn phòng"))).toBe(false);
    expect(draft.targets).toEqual([{ text: "Tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%", op: ">=", value: 98, unit: "%", monitor: [], implement: [] }]);
  });
});

describe("numbered prose with responsibility lines", () => {
  const draft = parse(`KẾ HOẠCH
Cải cách hành chính xã Tân Lập năm 2025
II. NHIỆM VỤ CỤ THỂ
3. Cải cách thủ tục hành chính
3.1. Đẩy mạnh dịch vụ công trực tuyến để tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80% tổng số hồ sơ.
- Bộ phận chủ trì thực hiện: Văn phòng – thống kê xã chủ trì, phối hợp với các bộ phận chuyên môn.
- Bộ phận phối hợp, theo dõi: Bộ phận một cửa.
- Sản phẩm: Báo cáo kết quả thực hiện.
- Thời gian thực hiện: Quý I năm 2025 (sau khi có hướng dẫn).
Quý IV năm 2025 báo cáo kết quả.
3.2. Kiểm tra việc giải quyết thủ tục hành chính.
- Bộ phận chủ trì: Lãnh đạo UBND
- Thời gian thực hiện: Kiểm tra định kỳ hàng quý.
VII. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN SỐ
1. Triển khai chữ ký số cho cán bộ, công chức.
- Bộ phận chủ trì: VP-TK
- Thời gian thực hiện: Khi có hướng dẫn của cấp trên.`);

  it("reads each item's own fields, a field's next line and roles inside one sentence", () => {
    const t = task(draft, "Đẩy mạnh");
    expect(t).toMatchObject({ ref: "3.1", area: "thu-tuc-hanh-chinh", product: "Báo cáo kết quả thực hiện." });
    expect(ids(t.lead)).toEqual(["vp-tk"]);
    expect(ids(t.support)).toEqual(["chuyen-mon", "mot-cua"]);
    expect(t.timeline.milestones).toEqual(["2025-03-31", "2025-12-31"]);
    expect(task(draft, "Kiểm tra").timeline).toMatchObject({ due: "2025-12-31", recurrence: "quarterly" });
  });

  it("takes the area from a roman heading as well, and leaves a conditional time without a date", () => {
    const t = task(draft, "Triển khai chữ ký số");
    expect(t).toMatchObject({ ref: "1", area: "chinh-quyen-so" });
    expect(t.timeline).toMatchObject({ due: null, recurrence: null, milestones: [] });
  });

  it("turns a percentage in a title into a target with its units", () => {
    expect(draft.targets).toEqual([
      {
        text: "tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80% tổng số hồ sơ",
        op: ">",
        value: 80,
        unit: "%",
        monitor: [{ unit: "chuyen-mon", text: "các bộ phận chuyên môn" }, { unit: "mot-cua", text: "Bộ phận một cửa" }],
        implement: [{ unit: "vp-tk", text: "Văn phòng – thống kê xã" }],
      },
    ]);
  });
});

describe("appendix tables", () => {
  const header = "STT\tNhiệm vụ\tHoạt động\tSản phẩm\tChủ trì\tPhối hợp\tThời gian\tKinh phí";
  const draft = parse(
    [
      "KẾ HOẠCH",
      "Cải cách hành chính xã Bình Minh năm 2025",
      "PHỤ LỤC",
      header,
      "1\tCải cách thể chế\t\t\t\t\t\t",
      "1.1\tRà soát văn bản\t<p>Xây dựng kế hoạch rà soát</p><p>Tổ chức rà soát văn bản</p>\t<p>Kế hoạch</p><p>Báo cáo kết quả</p>\tTP-HT\tVP-TK\t<p>Quý I/2025</p><p>Quý III/2025</p>\tNgân sách xã",
      "\tTuyên truyền pháp luật\tTổ chức hội nghị tuyên truyền\tHội nghị\tTP-HT\tCác bộ phận liên quan\tQuý II/2025\t",
      "\tTuyên truyền pháp luật\tTổ chức hội nghị tuyên truyền\tHội nghị\tTP-HT\tCác bộ phận liên quan\tQuý II/2025\t",
      "2\tCải cách thủ tục hành chính\t\t\t\t\t\t",
      "2.1\tNâng cao chất lượng một cửa\tĐánh giá mức độ hài lòng\tBáo cáo\tBộ phận một cửa\tVP-TK\tHằng quý\t",
      "",
      header,
      "\t\tcủa người dân, tổ chức\tnăm 2025\t\t\t\t",
      "2.2\tSố hóa hồ sơ\t\tHồ sơ được số hóa\tVP-TK\tCác bộ phận giải quyết TTHC\tTháng 6/2025\t",
    ].join("\n"),
  );

  it("spreads the items of a cell over one task each, in the same order across columns", () => {
    const [a, b] = draft.tasks;
    expect(a).toMatchObject({ ref: "1.1", area: "the-che", title: "Xây dựng kế hoạch rà soát", product: "Kế hoạch" });
    expect(b).toMatchObject({ ref: "1.1", area: "the-che", title: "Tổ chức rà soát văn bản", product: "Báo cáo kết quả" });
    expect([a.timeline.due, b.timeline.due]).toEqual(["2025-03-31", "2025-09-30"]);
    expect(ids(a.lead)).toEqual(["tp-ht"]);
    expect(ids(b.support)).toEqual(["vp-tk"]);
  });

  it("keeps a row with empty leading cells as a task of its own, once even when printed twice", () => {
    const rows = draft.tasks.filter((t) => t.title === "Tổ chức hội nghị tuyên truyền");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ref: null, area: "the-che", product: "Hội nghị" });
    expect(ids(rows[0].support)).toEqual(["lien-quan"]);
  });

  it("joins a row cut by a page break after the repeated header, and takes the area of the section row", () => {
    const t = task(draft, "Đánh giá mức độ hài lòng");
    expect(t).toMatchObject({ title: "Đánh giá mức độ hài lòng của người dân, tổ chức", product: "Báo cáo năm 2025", area: "thu-tuc-hanh-chinh" });
    expect(t.timeline.recurrence).toBe("quarterly");
    expect(task(draft, "Số hóa hồ sơ")).toMatchObject({ ref: "2.2", area: "thu-tuc-hanh-chinh" });
    expect(draft.tasks).toHaveLength(5);
  });

  it("reads a target table with a two-row header and sub-items that share the units above", () => {
    const d = parse(
      [
        "STT\tChỉ tiêu\tChỉ tiêu phấn đấu năm 2025\tTrách nhiệm\t",
        "\t\t\tĐơn vị theo dõi\tĐơn vị thực hiện",
        "1\tTỷ lệ hồ sơ giải quyết đúng hạn\tTối thiểu 98%\tVP-TK\tBộ phận một cửa",
        "2\tDịch vụ công trực tuyến:\t\tVăn phòng HĐND và UBND\tCác bộ phận giải quyết TTHC",
        "\t- Tỷ lệ hồ sơ trực tuyến toàn trình\tTrên 60%\t\t",
        "\t- Tỷ lệ thanh toán trực tuyến\t50%\t\t",
        "3\tChỉ số hài lòng (SIPAS)\tCao hơn năm 2024\tVP-TK\t",
      ].join("\n"),
    );
    expect(d.targets.map((t) => [t.text, t.op, t.value, t.unit])).toEqual([
      ["Tỷ lệ hồ sơ giải quyết đúng hạn", ">=", 98, "%"],
      ["Dịch vụ công trực tuyến", null, null, null],
      ["Tỷ lệ hồ sơ trực tuyến toàn trình", ">", 60, "%"],
      ["Tỷ lệ thanh toán trực tuyến", ">=", 50, "%"],
      ["Chỉ số hài lòng (SIPAS)", null, null, null],
    ]);
    expect(ids(d.targets[3].monitor)).toEqual(["vp-hdnd-ubnd"]);
    expect(ids(d.targets[3].implement)).toEqual(["giai-quyet-tthc"]);
    expect(d.tasks).toEqual([]);
  });

  it("reads Word tables with merged cells laid out on the grid", () => {
    const html = `<p>KẾ HOẠCH</p><p>Cải cách hành chính năm 2025</p>
      <table><tr><td><p>TT</p></td><td><p>Nội dung</p></td><td><p>Đơn vị chủ trì</p></td><td><p>Thời gian hoàn thành</p></td></tr>
      <tr><td colspan="4"><p>I. CẢI CÁCH TỔ CHỨC BỘ MÁY</p></td></tr>
      <tr><td rowspan="2"><p>1</p></td><td><p>Rà soát chức năng, nhiệm vụ</p></td><td rowspan="2"><p>Văn phòng HĐND và UBND</p></td><td><p>Quý II/2025</p></td></tr>
      <tr><td><p>Kiện toàn tổ chức</p></td><td><p>Quý IV/2025</p></td></tr></table>`;
    const d = parseBlocks(blocksFromHtml(html), { units });
    expect(d.tasks.map((t) => [t.ref, t.area, t.title, ids(t.lead)[0], t.timeline.due])).toEqual([
      ["1", "to-chuc-bo-may", "Rà soát chức năng, nhiệm vụ", "vp-hdnd-ubnd", "2025-06-30"],
      [null, "to-chuc-bo-may", "Kiện toàn tổ chức", "vp-hdnd-ubnd", "2025-12-31"],
    ]);
  });
});

describe("a remediation plan's table", () => {
  it("takes the task from «Giải pháp khắc phục», the area from «Lĩnh vực» and the criterion codes", () => {
    const d = parse(
      [
        "KẾ HOẠCH",
        "Khắc phục tồn tại, hạn chế Chỉ số cải cách hành chính năm 2024 của xã Phú Mỹ",
        "STT\tLĩnh vực\tTiêu chí/Tiêu chí thành phần bị trừ điểm\tĐiểm bị trừ\tNguyên nhân\tGiải pháp khắc phục\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành",
        "1\tCải cách thủ tục hành chính\t3.4.2. Tỷ lệ hồ sơ giải quyết đúng hạn\t0.5\tChậm trễ\tRà soát quy trình giải quyết hồ sơ\tBộ phận một cửa\tVP-TK\tQuý II/2025",
        "2\t\t3.5.1 Công khai TTHC\t0.25\tChưa cập nhật\tCập nhật, niêm yết công khai TTHC\tVP-TK\t\tTháng 4/2025",
        "3\tChính quyền số\t7.1.2 Hồ sơ trực tuyến\t1\tThấp\tTuyên truyền dịch vụ công trực tuyến\tVH-XH\tĐài truyền thanh\tQuý III/2025",
      ].join("\n"),
    );
    expect(d.tasks.map((t) => [t.ref, t.area, t.title, ids(t.lead), ids(t.support), t.timeline.due, t.criteria])).toEqual([
      ["1", "thu-tuc-hanh-chinh", "Rà soát quy trình giải quyết hồ sơ", ["mot-cua"], ["vp-tk"], "2025-06-30", ["3.4.2"]],
      ["2", "thu-tuc-hanh-chinh", "Cập nhật, niêm yết công khai TTHC", ["vp-tk"], [], "2025-04-30", ["3.5.1"]],
      ["3", "chinh-quyen-so", "Tuyên truyền dịch vụ công trực tuyến", ["vh-xh"], ["dai-truyen-thanh"], "2025-09-30", ["7.1.2"]],
    ]);
  });
});

describe("numbered sections without roman numerals", () => {
  const d = parse(`KẾ HOẠCH
Cải cách hành chính thị trấn Phú Hòa năm 2025
1. Mục đích, yêu cầu
- Phấn đấu 100% hồ sơ được giải quyết đúng hạn.
2. Nhiệm vụ cụ thể
2.1. Cải cách thể chế
a) Rà soát văn bản quy phạm pháp luật (tiêu chí thành phần 2.1.1).
- Chủ trì: Công chức Tư pháp - Hộ tịch; phối hợp: Văn phòng - Thống kê
- Thời hạn: 30/6/2025
b) Đánh giá kết quả thi hành pháp luật.
- Chủ trì: Tư pháp - Hộ tịch
- Thời hạn: Quý IV/2025
2.2. Cải cách tài chính công
a) Xây dựng quy chế chi tiêu nội bộ.
- Đơn vị thực hiện: Kế toán ngân sách
3. Tổ chức thực hiện
a) Giao Văn phòng - Thống kê theo dõi.`);

  it("tells purpose, tasks and organisation apart by their sub-headings", () => {
    expect(d.tasks.map((t) => [t.ref, t.area, ids(t.lead), ids(t.support), t.timeline.due, t.criteria])).toEqual([
      ["a", "the-che", ["tp-ht"], ["vp-tk"], "2025-06-30", ["2.1.1"]],
      ["b", "the-che", ["tp-ht"], [], "2025-12-31", []],
      ["a", "tai-chinh-cong", ["tc-kt"], [], null, []],
    ]);
    expect(d.targets.map((t) => [t.text, t.op, t.value])).toEqual([["Phấn đấu 100% hồ sơ được giải quyết đúng hạn", "=", 100]]);
    expect(d.document.issuer).toBe("UBND thị trấn Phú Hòa");
  });

  it("numbers Word's automatic lists so that their items keep their structure", () => {
    const html = `<p>II. NHIỆM VỤ</p><ol><li>Cải cách thể chế<ol><li>Rà soát văn bản<ul><li>Bộ phận chủ trì: TP-HT</li><li>Thời gian thực hiện: Quý I/2025</li></ul></li>
      <li>Tuyên truyền pháp luật<ul><li>Bộ phận chủ trì: TP-HT, VH-XH</li></ul></li></ol></li></ol>`;
    const w = parseBlocks(blocksFromHtml(html), { units });
    expect(w.tasks.map((t) => [t.ref, t.area, t.title, ids(t.lead), t.timeline.due])).toEqual([
      ["1.1", "the-che", "Rà soát văn bản", ["tp-ht"], "2025-03-31"],
      ["1.2", "the-che", "Tuyên truyền pháp luật", ["tp-ht", "vh-xh"], null],
    ]);
  });
});

describe("OCR text", () => {
  const draft = parse(`KE HOACH
Cai cach hanh chinh xa Dong Son nam 2025
II. NHIEM VU CU THE
1. Cai cach thu tuc hanh chinh
1.1. Xay dung ke hoach kiem soat thu tuc hanh chinh nam 2025 va to chuc
thuc hien theo dung quy dinh.
- B¢ phdn thyc hién: Van phdng - thong ke
- B¢ phdn phdi hop: Cac b¢ phan lien quan
- Thoi gian thuc hién: Quy I/2025
- Tiéu chi thanh phan: 3.1.2; 3.2.1
2 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.

Trang 2

1.2. Cong khai thu tuc hanh chinh tren Cong dich vu cong²
- Bo phan chu tri: Bo phan mot cua
- Thdi gian thuc hién: Thuong xuyen`);

  it("reads damaged labels, joins a line broken mid-sentence, drops the page footer and the footnotes", () => {
    expect(draft.tasks).toHaveLength(2);
    const [a, b] = draft.tasks;
    expect(a).toMatchObject({ ref: "1.1", area: "thu-tuc-hanh-chinh", title: "Xay dung ke hoach kiem soat thu tuc hanh chinh nam 2025 va to chuc thuc hien theo dung quy dinh.", criteria: ["3.1.2", "3.2.1"] });
    expect(ids(a.lead)).toEqual(["vp-tk"]);
    expect(ids(a.support)).toEqual(["lien-quan"]);
    expect(a.timeline.due).toBe("2025-03-31");
    expect(a.timeline.milestones).toEqual(["2025-03-31"]);
    expect(b.title).toBe("Cong khai thu tuc hanh chinh tren Cong dich vu cong");
    expect(ids(b.lead)).toEqual(["mot-cua"]);
    expect(b.timeline).toMatchObject({ due: "2025-12-31", recurrence: "continuous" });
    expect(draft.document).toMatchObject({ type: "KH", issuer: "UBND xã Dong Son", year: 2025 });
  });
});

describe("Markdown from Word", () => {
  const draft = parse(`# **KẾ HOẠCH**
## Cải cách hành chính phường Tân An năm 2025

*Tân An, ngày 10 tháng 02 năm 2025*

### **II. NHIỆM VỤ TRỌNG TÂM**

#### **1. Cải cách tổ chức bộ máy**

**1.1.** Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn.

- **Bộ phận chủ trì:** Văn phòng HĐND và UBND
- **Bộ phận phối hợp:** Phòng Văn hóa – Xã hội; Phòng Kinh tế
- **Sản phẩm:** Báo cáo rà soát
- **Thời gian thực hiện:** Trước ngày 30/6/2025

| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Kiện toàn Trung tâm Phục vụ hành chính công | Văn phòng HĐND và UBND | Các phòng ban chuyên môn | Quý III/2025 |`);

  it("strips bold and headings and reads pipe tables", () => {
    expect(draft.document).toMatchObject({ title: "Cải cách hành chính phường Tân An năm 2025", date: "2025-02-10", place: "Tân An", issuer: "UBND phường Tân An" });
    const [a, b] = draft.tasks;
    expect(a).toMatchObject({ ref: "1.1", area: "to-chuc-bo-may", title: "Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn.", product: "Báo cáo rà soát" });
    expect(ids(a.lead)).toEqual(["vp-hdnd-ubnd"]);
    expect(ids(a.support)).toEqual(["p-vhxh", "p-kt"]);
    expect(a.timeline.due).toBe("2025-06-30");
    expect(b).toMatchObject({ ref: "1", title: "Kiện toàn Trung tâm Phục vụ hành chính công", area: "to-chuc-bo-may" });
    expect(ids(b.support)).toEqual(["chuyen-mon"]);
  });
});

describe("a plan period stated once for the whole plan", () => {
  it("gives each task without a time of its own that period", () => {
    const d = parse(`KẾ HOẠCH
Phát động thi đua cải cách hành chính năm 2024
III. NỘI DUNG THI ĐUA
a) Cải cách thể chế
- Rà soát văn bản quy phạm pháp luật.
- Tuyên truyền pháp luật.
Bộ phận thực hiện: Công chức TP-HT
IV. THỜI GIAN TỔ CHỨC PHONG TRÀO
Thời gian thực hiện ngay từ đầu năm 2024 đến ngày 15/11/2024.`);
    expect(d.tasks.map((t) => [t.area, t.timeline.due, t.timeline.recurrence, ids(t.lead)])).toEqual([
      ["the-che", "2024-11-15", null, ["tp-ht"]],
      ["the-che", "2024-11-15", null, ["tp-ht"]],
    ]);
    expect(d.tasks[0].timeline.text).toBe("từ đầu năm 2024 đến ngày 15/11/2024");
  });
});

describe("the PDF text layer", () => {
  const OPS = { save: 10, restore: 11, transform: 12, beginText: 31, endText: 32, setFont: 37, moveText: 40, setTextMatrix: 42, showText: 44, constructPath: 91 };
  const g = (unicode: string, width: number) => ({ unicode, width, isSpace: unicode === " " });

  it("puts letters drawn with a second font back into the gaps of the first", () => {
    // "Hoài H" + gap + "o" in one font, "ả" drawn into the gap with another: as a word processor writes Vietnamese.
    const gapAt = 72 + ((722 + 500 + 443 + 277 + 250 + 722) / 1000) * 13;
    const fn = [OPS.beginText, OPS.setFont, OPS.moveText, OPS.showText, OPS.setTextMatrix, OPS.setFont, OPS.showText, OPS.endText];
    const args = [[], ["f1", 13], [72, 461.5], [[g("H", 722), g("o", 500), g("à", 443), g("i", 277), g(" ", 250), g("H", 722), -596, g("o", 500)]], [[1, 0, 0, 1, gapAt, 461.5]], ["f2", 13], [[g("ả", 596)]], []];
    const page = readOperators(fn, args, OPS);
    expect(page.glyphs.map((x) => x.ch).join("")).toBe("HoàiHoả");
    expect(layoutPage(page)).toEqual([{ kind: "para", text: "Hoài Hảo" }]);
  });

  /** A word or sentence as glyphs of half the font size each, from x on baseline y. */
  function glyphs(text: string, x: number, y: number, size = 10): Glyph[] {
    const out: Glyph[] = [];
    let at = x;
    for (const ch of text) {
      if (ch !== " ") out.push({ ch, x0: at, x1: at + size / 2, y, size });
      at += size / 2;
    }
    return out;
  }
  const h = (at: number, a: number, b: number): Segment => ({ dir: "h", at, a, b });
  const v = (at: number, a: number, b: number): Segment => ({ dir: "v", at, a, b });

  it("reads a ruled table and the paragraphs of a cell", () => {
    // Columns at x 50 | 90 | 300 | 400; rows at y 700 | 680 | 600 | 560.
    const segments = [h(700, 50, 400), h(680, 50, 400), h(600, 50, 400), h(560, 50, 400), v(50, 560, 700), v(90, 560, 700), v(300, 560, 700), v(400, 560, 700)];
    const page = {
      segments,
      glyphs: [
        ...glyphs("STT", 54, 686),
        ...glyphs("Hoạt động", 94, 686),
        ...glyphs("Thời gian", 304, 686),
        ...glyphs("1", 54, 666),
        // two paragraphs: "Rà soát văn bản" ends short, "Tuyên" would have fitted after it
        ...glyphs("Rà soát văn bản", 94, 666),
        ...glyphs("Tuyên truyền pháp luật cho người dân tại", 94, 654),
        ...glyphs("các thôn", 94, 642),
        ...glyphs("Quý I/2025", 304, 666),
        ...glyphs("Quý II/2025", 304, 654),
        ...glyphs("2", 54, 586),
        ...glyphs("Báo cáo kết quả", 94, 586),
        ...glyphs("Tháng 12/2025", 304, 586),
        ...glyphs("Ghi chú ngoài bảng", 50, 540),
      ],
    };
    expect(layoutPage(page)).toEqual([
      {
        kind: "table",
        rows: [
          [["STT"], ["Hoạt động"], ["Thời gian"]],
          [["1"], ["Rà soát văn bản", "Tuyên truyền pháp luật cho người dân tại các thôn"], ["Quý I/2025", "Quý II/2025"]],
          [["2"], ["Báo cáo kết quả"], ["Tháng 12/2025"]],
        ],
      },
      { kind: "para", text: "Ghi chú ngoài bảng" },
    ]);
  });

  it("lays a merged cell on its first place and leaves the places it covers empty", () => {
    // "1" spans both rows (no rule under it); the section title spans the two right columns (no rule between them).
    const page = {
      segments: [h(700, 50, 400), h(680, 90, 400), h(660, 50, 400), v(50, 660, 700), v(90, 660, 700), v(300, 660, 680), v(400, 660, 700)],
      glyphs: [...glyphs("1", 54, 676), ...glyphs("CẢI CÁCH THỂ CHẾ", 94, 686), ...glyphs("Rà soát văn bản", 94, 666), ...glyphs("Quý I/2025", 304, 666)],
    };
    expect(layoutPage(page)).toEqual([{ kind: "table", rows: [[["1"], ["CẢI CÁCH THỂ CHẾ"], []], [[], ["Rà soát văn bản"], ["Quý I/2025"]]] }]);
  });
});

describe("unreadable input", () => {
  it("refuses what is not a plan document, with a one-line Vietnamese message", async () => {
    const cases: Array<[Uint8Array, string, RegExp]> = [
      [new Uint8Array(), "a.txt", /rỗng/],
      [Buffer.from("không phải PDF"), "a.pdf", /không phải PDF/],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "a.docx", /không phải văn bản Word/],
      [Buffer.from([0, 1, 2, 3, 0, 0, 7, 8]), "a.bin", /không phải văn bản đọc được/],
      [Buffer.from([0xc3, 0x28, 0x41]), "a.txt", /UTF-8/],
      [Buffer.from("%PDF-1.4\nhỏng hoàn toàn"), "a.pdf", /PDF/],
    ];
    for (const [bytes, name, message] of cases) {
      const err = await importPlanBuffer(bytes, name).then(() => null, (e: unknown) => e);
      expect(err, name).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(message);
      expect((err as AppError).message).not.toContain("\n");
    }
  });

  it("says a PDF without a text layer needs OCR", async () => {
    const err = await importPlanBuffer(pdfWithoutText(), "scan.pdf").then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe(NO_TEXT_LAYER);
    expect(NO_TEXT_LAYER).toBe("Tệp PDF không có lớp chữ (có thể là bản quét); cần nhận dạng chữ (OCR) trước khi nhập.");
  });
});

/** A valid one-page PDF that draws only a rectangle: no text at all, like a scan. */
function pdfWithoutText(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
  ];
  const stream = "0 0 1 rg 100 100 200 300 re f";
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

describe("no input crashes the parser or breaks the JSON", () => {
  const line = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 80 }),
    fc.constantFrom(
      "I. NHIỆM VỤ",
      "1. Cải cách thể chế",
      "a) Rà soát văn bản",
      "- Bộ phận chủ trì: VP-TK phối hợp TP-HT",
      "- Thời gian thực hiện: Quý I/2025",
      "Bộ phận thực hiện: CC TC-KT",
      "STT\tNhiệm vụ\tChủ trì\tThời gian",
      "\tcủa người dân\t\t",
      "1\t<p>A</p><p>B</p>\tVP-TK\tTháng 13/2025",
      "IV. THỜI GIAN",
      "từ đầu năm đến ngày 31/02/2025",
      "KẾ HOẠCH",
      "Số: 01/KH-UBND",
      "| STT | Nội dung | Chủ trì |",
      "**TM. ỦY BAN NHÂN DÂN**",
      "CHỦ TỊCH",
      "100% ≥ tối thiểu %",
      "",
    ),
  );
  it("parses any text into a draft of the contract's shape that survives a JSON round trip", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const draft = parse(lines.join("\n"));
        const json = JSON.parse(JSON.stringify(draft)) as unknown;
        expect(json).toEqual(draft);
        const checked = DraftSchema.safeParse(json);
        if (!checked.success) throw new Error(JSON.stringify(checked.error.issues.slice(0, 3)));
      }),
      { numRuns: 400 },
    );
  });

  it("parses any blocks, tables of any shape included", () => {
    const cell = fc.array(fc.string({ unit: "grapheme", maxLength: 30 }), { maxLength: 3 });
    const block = fc.oneof(
      fc.record({ kind: fc.constant("para" as const), text: fc.string({ unit: "grapheme", maxLength: 60 }) }),
      fc.record({ kind: fc.constant("table" as const), rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 20 }), (blocks) => {
        const draft = parseBlocks(blocks, { units });
        expect(DraftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
