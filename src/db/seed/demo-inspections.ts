import { createHash } from "node:crypto";
import { addDays, parseIso, ymd, type IsoDate } from "../../domain/dates.js";
import { defaultCriteria } from "../../domain/emulation/criteria.js";
import type { Tx } from "../connection.js";
import {
  campaignJudgments, campaignParticipants, emulationCampaigns, findingUpdates, initiativeCalls, initiativeEvidence, initiatives,
  inspectionFindings, inspectionPlans, inspections, plans, taskUnits, tasks,
} from "../schema.js";
import { samplePdf } from "./sample-pdf.js";

export interface DemoReformCommune {
  orgId: string;
  unitIdByCode: Map<string, string>;
  userIds: Record<string, string>;
  focalPointId: string;
  chairmanId: string;
  /** The short name of the commune in user names ("tinhkhe"). */
  short: string;
}

/**
 * Xã Tỉnh Khê's self-inspection of the year (three units, findings fixed,
 * fixed late, open, overdue and escalated), three reform initiatives and the
 * emulation campaign of its emulation plan. Dates are fixed days of the demo
 * year; anything that would happen after `today` is left out, so the demo
 * reads true whatever day it is seeded.
 */
export async function seedDemoReformRecords(tx: Tx, c: DemoReformCommune, today: IsoDate): Promise<void> {
  const year = parseIso(today).year;
  const d = (month: number, day: number) => ymd(year, month, day);
  const past = (date: IsoDate | null | undefined) => (date && date <= today ? date : null);
  const unit = (code: string) => c.unitIdByCode.get(code)!;
  const user = (name: string) => c.userIds[`${name}.${c.short}`] ?? null;
  const stamp = (date: IsoDate) => new Date(`${date}T09:00:00+07:00`);

  const [plan] = await tx.insert(inspectionPlans).values({
    orgId: c.orgId, year, title: `Kế hoạch tự kiểm tra công tác cải cách hành chính năm ${year}`, number: "05/KH-UBND", issuedDate: d(2, 20),
    targetShare: 50, notes: "Kiểm tra tối thiểu 50% bộ phận; chú trọng việc giải quyết thủ tục hành chính và số hóa hồ sơ.", createdBy: c.focalPointId,
  }).returning();

  const team = [
    "Võ Minh Chính – Chủ tịch UBND xã, Trưởng đoàn",
    "Nguyễn Thị Lan – Công chức Văn phòng – Thống kê, thành viên",
    "Phạm Văn Nam – Công chức Tài chính – Kế toán, thành viên",
  ];
  const visits = [
    {
      unit: "tp-ht", from: d(3, 10), to: d(3, 14), on: d(3, 12), notice: { number: "12/TB-UBND", date: d(3, 20) },
      content: "Việc tiếp nhận, giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực; niêm yết công khai thủ tục; số hóa hồ sơ, kết quả.",
      conclusion: "Bộ phận thực hiện cơ bản đầy đủ quy trình tiếp nhận, giải quyết hồ sơ; 100% hồ sơ hộ tịch được giải quyết đúng hạn.\n\nTuy nhiên, việc niêm yết thủ tục hành chính chưa kịp thời, sổ theo dõi hồ sơ ghi chưa đầy đủ và việc số hóa kết quả giải quyết còn chậm.",
      findings: [
        { area: "thu-tuc-hanh-chinh", severity: "moderate" as const, description: "Chưa cập nhật niêm yết 03 thủ tục hành chính mới được công bố.", responsible: "tp-ht", due: d(4, 15), fixed: d(4, 10), resolution: "Đã niêm yết đầy đủ tại Bộ phận Một cửa và trên Trang thông tin điện tử của xã." },
        { area: "thu-tuc-hanh-chinh", severity: "minor" as const, description: "Sổ theo dõi hồ sơ chưa ghi đầy đủ ngày trả kết quả cho công dân.", responsible: "tp-ht", due: d(5, 30), fixed: null, resolution: null },
        { area: "chinh-quyen-so", severity: "serious" as const, description: "Kết quả giải quyết hồ sơ hộ tịch các năm trước chưa được số hóa do thiếu thiết bị quét.", responsible: "tp-ht", due: d(6, 30), escalated: d(5, 5), resolution: "Kiến nghị UBND tỉnh (Sở Tư pháp) hỗ trợ máy quét và phần mềm số hóa sổ hộ tịch." },
      ],
    },
    {
      unit: "mot-cua", from: d(4, 14), to: d(4, 18), on: d(4, 16), notice: { number: "18/TB-UBND", date: d(4, 24) },
      content: "Cơ sở vật chất, niêm yết công khai tại Bộ phận Tiếp nhận và Trả kết quả; hướng dẫn người dân nộp hồ sơ trực tuyến.",
      conclusion: "Bộ phận bố trí đủ trang thiết bị, công chức có mặt đúng giờ, thái độ phục vụ tốt.\n\nTỷ lệ hồ sơ nộp trực tuyến toàn trình còn thấp; chưa niêm yết số điện thoại đường dây nóng.",
      findings: [
        { area: "chinh-quyen-so", severity: "moderate" as const, description: "Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp so với chỉ tiêu của kế hoạch.", responsible: "mot-cua", due: d(9, 30), fixed: null, resolution: null },
        { area: "thu-tuc-hanh-chinh", severity: "minor" as const, description: "Chưa niêm yết số điện thoại đường dây nóng tiếp nhận phản ánh, kiến nghị.", responsible: "mot-cua", due: d(4, 30), fixed: d(5, 6), resolution: "Đã niêm yết số điện thoại đường dây nóng tại Bộ phận Một cửa." },
      ],
    },
    {
      unit: "tc-kt", from: d(9, 15), to: d(9, 19), on: d(9, 17), notice: null,
      content: "Việc thực hiện cơ chế tự chủ về tài chính, quy chế chi tiêu nội bộ và công khai ngân sách.",
      conclusion: "Bộ phận thực hiện đúng quy chế chi tiêu nội bộ; công khai dự toán, quyết toán đúng quy định.",
      findings: [],
    },
  ];
  for (const v of visits) {
    const conductedOn = past(v.on);
    const [row] = await tx.insert(inspections).values({
      orgId: c.orgId, inspectionPlanId: plan.id, unitId: unit(v.unit), plannedFrom: v.from, plannedTo: v.to, team, content: v.content,
      conductedOn, conclusion: conductedOn ? v.conclusion : null,
      noticeNumber: v.notice && past(v.notice.date) ? v.notice.number : null, noticeDate: v.notice ? past(v.notice.date) : null,
    }).returning();
    if (!conductedOn) continue;
    for (const [i, f] of v.findings.entries()) {
      const fixed = past(f.fixed);
      const escalated = past("escalated" in f ? f.escalated : null);
      const [finding] = await tx.insert(inspectionFindings).values({
        orgId: c.orgId, inspectionId: row.id, area: f.area, description: f.description, severity: f.severity, responsibleUnitId: unit(f.responsible),
        fixDue: f.due, status: fixed ? "fixed" : escalated ? "escalated" : "open", closedOn: fixed ?? escalated, resolution: fixed || escalated ? f.resolution : null, sortOrder: i,
      }).returning();
      const officer = user(f.responsible.replace("-", ""));
      const followUp = [
        { date: addDays(conductedOn, 7), note: "Đã tiếp nhận kết luận kiểm tra, phân công công chức khắc phục.", authorId: officer ?? c.focalPointId, statusChange: null },
        fixed ? { date: fixed, note: f.resolution!, authorId: officer ?? c.focalPointId, statusChange: "fixed" as const } : null,
        escalated ? { date: escalated, note: f.resolution!, authorId: c.focalPointId, statusChange: "escalated" as const } : null,
      ].filter((u): u is NonNullable<typeof u> => u !== null && u.date <= today);
      if (followUp.length) {
        await tx.insert(findingUpdates).values(followUp.map((u) => ({ orgId: c.orgId, findingId: finding.id, ...u, createdAt: stamp(u.date) })));
      }
    }
  }

  await tx.insert(initiativeCalls).values({ orgId: c.orgId, year, dueDate: d(11, 20), perUnit: 1, updatedBy: c.focalPointId });
  const ideas = [
    {
      title: "Tra cứu tình trạng hồ sơ bằng mã QR tại Bộ phận Một cửa", unit: "mot-cua", author: "motcua", name: "Huỳnh Văn Tâm", submitted: d(3, 5), recognised: d(5, 20), applied: d(6, 1),
      summary: "In mã QR trên giấy tiếp nhận để người dân tự tra cứu tình trạng hồ sơ bằng điện thoại, giảm số lần phải đến hỏi trực tiếp.",
    },
    {
      title: "Biểu mẫu điện tử dùng chung khi số hóa sổ hộ tịch", unit: "tp-ht", author: "tpht", name: "Lê Thị Hoa", submitted: d(4, 22), recognised: d(6, 10), applied: null,
      summary: "Một biểu mẫu thống nhất để nhập dữ liệu sổ hộ tịch cũ, giúp số hóa nhanh hơn và tránh nhập trùng.",
    },
    {
      title: "Nhóm hỗ trợ người dân nộp hồ sơ trực tuyến theo thôn", unit: "vh-xh", author: "vhxh", name: "Đỗ Thị Mai", submitted: d(6, 2), recognised: null, applied: null,
      summary: "Mỗi thôn một nhóm nhắn tin do đoàn viên thanh niên hỗ trợ, hướng dẫn người dân nộp hồ sơ trực tuyến và thanh toán trực tuyến.",
    },
  ];
  for (const idea of ideas) {
    const submittedOn = past(idea.submitted);
    if (!submittedOn) continue;
    const recognisedOn = past(idea.recognised);
    const appliedOn = recognisedOn ? past(idea.applied) : null;
    const [row] = await tx.insert(initiatives).values({
      orgId: c.orgId, year, title: idea.title, summary: idea.summary, unitId: unit(idea.unit), authors: [{ name: idea.name, userId: user(idea.author) }],
      submittedOn, status: appliedOn ? "applied" : recognisedOn ? "recognised" : "submitted", recognisedOn, appliedOn, createdBy: user(idea.author) ?? c.focalPointId,
    }).returning();
    const pdf = samplePdf(`Thuyet minh sang kien: ${idea.title}`);
    await tx.insert(initiativeEvidence).values({
      orgId: c.orgId, initiativeId: row.id, kind: "file", label: "Bản thuyết minh sáng kiến", filename: "thuyet-minh-sang-kien.pdf",
      mimeType: "application/pdf", size: pdf.length, sha256: createHash("sha256").update(pdf).digest("hex"), content: pdf, addedBy: user(idea.author) ?? c.focalPointId,
    });
  }

  // The emulation plan (Kế hoạch phát động phong trào thi đua), whose contents are the campaign's content groups.
  // It is still a draft awaiting the chairman: once approved, its contents count in the plans' progress like any task.
  const [emulationPlan] = await tx.insert(plans).values({
    orgId: c.orgId, type: "emulation", year, status: "draft", createdBy: c.focalPointId,
    title: `Phát động phong trào thi đua đẩy mạnh cải cách hành chính trên địa bàn xã năm ${year}`,
    issuer: "Ủy ban nhân dân xã Tỉnh Khê", signerName: "Võ Minh Chính", signerTitle: "Chủ tịch",
  }).returning();
  const contents = [
    { ref: "1", area: null, title: "Thi đua thực hiện các nhiệm vụ cải cách hành chính theo kế hoạch cải cách hành chính của xã", lead: "vp-tk" },
    { ref: "2", area: "thu-tuc-hanh-chinh", title: "Thi đua giải quyết thủ tục hành chính nhanh gọn, đúng pháp luật", lead: "mot-cua" },
    { ref: "3", area: null, title: "Thi đua trong công tác tuyên truyền cải cách hành chính, hướng dẫn người dân thực hiện thủ tục hành chính qua mạng", lead: "vh-xh" },
  ];
  for (const [i, t] of contents.entries()) {
    const [task] = await tx.insert(tasks).values({
      orgId: c.orgId, planId: emulationPlan.id, ref: t.ref, area: t.area, title: t.title, timelineText: "Cả năm", sortOrder: (i + 1) * 10,
    }).returning();
    await tx.insert(taskUnits).values({ orgId: c.orgId, taskId: task.id, unitId: unit(t.lead), role: "lead", position: 0 });
  }

  const criteria = defaultCriteria();
  const [campaign] = await tx.insert(emulationCampaigns).values({
    orgId: c.orgId, year, title: `Phong trào thi đua đẩy mạnh cải cách hành chính năm ${year}`, periodFrom: d(1, 1), periodTo: d(11, 15),
    sourcePlanId: emulationPlan.id, criteria, createdBy: c.focalPointId,
  }).returning();
  const participants = [
    ...["vp-tk", "tp-ht", "tc-kt", "vh-xh", "mot-cua"].map((code) => ({ kind: "unit" as const, unitId: unit(code), userId: null, name: null, title: null })),
    { kind: "person" as const, unitId: unit("tp-ht"), userId: user("tpht"), name: "Lê Thị Hoa", title: "Công chức Tư pháp – Hộ tịch" },
    { kind: "person" as const, unitId: unit("mot-cua"), userId: user("motcua"), name: "Huỳnh Văn Tâm", title: "Công chức Bộ phận Một cửa" },
    { kind: "person" as const, unitId: unit("vp-tk"), userId: user("vptk"), name: "Trần Văn Hùng", title: "Công chức Văn phòng – Thống kê" },
  ];
  const rows = await tx.insert(campaignParticipants).values(participants.map((p, i) => ({ orgId: c.orgId, campaignId: campaign.id, ...p, sortOrder: i }))).returning();
  const judged = criteria.find((k) => k.source.kind === "judged");
  if (judged) {
    // Discipline is judged by the chairman for the units; the persons are left for the demo user to judge.
    await tx.insert(campaignJudgments).values(rows.filter((r) => r.kind === "unit").map((r) => ({
      orgId: c.orgId, campaignId: campaign.id, participantId: r.id, criterionId: judged.id, met: true, judgedBy: c.chairmanId,
      note: "Không có cán bộ, công chức bị xử lý kỷ luật trong năm (theo báo cáo của Văn phòng – Thống kê).",
    })));
  }
}
