import type { CommendationData, InspectionNoticeData } from "../../src/documents/inspection-emulation-data.js";
import { communeIssuer } from "../../src/documents/issuer.js";

/**
 * A conclusion notice and a commendation proposal of xã Tỉnh Khê, tỉnh Minh
 * Hòa, in 2026, shaped like what the routes pass to the document builders.
 */
const issuer = communeIssuer("UBND xã Tỉnh Khê", "Tỉnh Minh Hòa");

export const NOTICE: InspectionNoticeData = {
  issuer,
  number: "15/TB-UBND",
  date: "2026-06-20",
  year: 2026,
  unitInspected: "Công chức Tư pháp – Hộ tịch",
  plannedFrom: "2026-06-08",
  plannedTo: "2026-06-12",
  conductedOn: "2026-06-10",
  team: [
    "Ông Võ Minh Chính, Chủ tịch UBND xã – Tổ trưởng",
    "Bà Nguyễn Thị Lan, công chức Văn phòng – Thống kê – Thành viên",
    "Ông Trần Quốc Huy, công chức đầu mối cải cách hành chính – Thư ký",
  ],
  content: "Việc thực hiện nhiệm vụ cải cách hành chính được giao trong Kế hoạch năm 2026;\nViệc niêm yết, công khai thủ tục hành chính và giải quyết hồ sơ tại Bộ phận Một cửa.",
  conclusion: "Công chức Tư pháp – Hộ tịch đã chủ động triển khai các nhiệm vụ được giao; 100% hồ sơ hộ tịch được giải quyết đúng hạn.\n\nTuy nhiên, việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm; một số thủ tục chưa được niêm yết bản cập nhật.",
  findings: [
    { description: "Chưa số hóa kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch từ tháng 3/2026", areaName: "Cải cách thủ tục hành chính", severity: "moderate", responsibleUnit: "Công chức Tư pháp – Hộ tịch", fixDue: "2026-07-31" },
    { description: "Niêm yết 02 thủ tục hành chính đã hết hiệu lực tại Bộ phận Một cửa", areaName: null, severity: "serious", responsibleUnit: "Văn phòng – Thống kê", fixDue: "2026-07-05" },
    { description: "Sổ theo dõi hồ sơ ghi chưa đầy đủ ngày trả kết quả", areaName: "Cải cách thủ tục hành chính", severity: "minor", responsibleUnit: "Công chức Tư pháp – Hộ tịch", fixDue: "2026-08-15" },
  ],
  signer: { title: "Chủ tịch", name: "Võ Minh Chính" },
  recipients: ["Sở Nội vụ tỉnh Minh Hòa", "TT Đảng ủy, HĐND xã", "CT, các PCT UBND xã", "Công chức Tư pháp – Hộ tịch"],
};

export const NOTICE_WITHOUT_FINDINGS: InspectionNoticeData = {
  ...NOTICE,
  number: null,
  unitInspected: "Công chức Địa chính – Xây dựng",
  conclusion: "Công chức Địa chính – Xây dựng thực hiện tốt các nhiệm vụ cải cách hành chính được giao.",
  findings: [],
  signer: { title: "Chủ tịch", name: null },
};

export const COMMENDATION: CommendationData = {
  issuer,
  campaignTitle: "Phong trào thi đua thực hiện thắng lợi nhiệm vụ cải cách hành chính năm 2026",
  year: 2026,
  periodFrom: "2026-01-01",
  periodTo: "2026-12-31",
  date: "2026-12-22",
  criteria: [
    { id: "c1", label: "Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC", appliesTo: "unit" },
    { id: "c2", label: "Hoàn thành nhiệm vụ đúng thời gian quy định", appliesTo: "both" },
    { id: "c4", label: "100% vấn đề phát hiện qua kiểm tra được xử lý", appliesTo: "unit" },
    { id: "c5", label: "Có sáng kiến hoặc giải pháp CCHC được triển khai", appliesTo: "person" },
    { id: "c6", label: "Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)", appliesTo: "both" },
  ],
  rows: [
    {
      kind: "unit", name: "Công chức Tư pháp – Hộ tịch", title: null, unitName: "Công chức Tư pháp – Hộ tịch", included: true, reason: null,
      results: [
        { criterionId: "c1", outcome: "met", text: "10/10 nhiệm vụ hoàn thành (100 %) — cần ≥ 100 %" },
        { criterionId: "c2", outcome: "met", text: "10/10 nhiệm vụ đúng hạn (100 %) — cần ≥ 100 %" },
        { criterionId: "c4", outcome: "na", text: "Không có vấn đề phát hiện qua kiểm tra" },
        { criterionId: "c6", outcome: "met", text: "Chủ tịch xác nhận: không bị xử lý kỷ luật" },
      ],
    },
    {
      kind: "unit", name: "Văn phòng – Thống kê", title: null, unitName: "Văn phòng – Thống kê", included: false, reason: null,
      results: [
        { criterionId: "c1", outcome: "missed", text: "9/10 nhiệm vụ hoàn thành (90 %) — cần ≥ 100 %" },
        { criterionId: "c2", outcome: "missed", text: "8/10 nhiệm vụ đúng hạn (80 %) — cần ≥ 100 %" },
        { criterionId: "c4", outcome: "missed", text: "1/2 vấn đề đã xử lý (50 %) — cần ≥ 100 %" },
        { criterionId: "c6", outcome: "met", text: "Chủ tịch xác nhận: không bị xử lý kỷ luật" },
      ],
    },
    {
      kind: "unit", name: "Công chức Địa chính – Xây dựng", title: null, unitName: "Công chức Địa chính – Xây dựng", included: true,
      reason: "Nhiệm vụ chậm do chờ hướng dẫn của Sở Nông nghiệp và Môi trường, không do lỗi của bộ phận",
      results: [
        { criterionId: "c1", outcome: "met", text: "6/6 nhiệm vụ hoàn thành (100 %) — cần ≥ 100 %" },
        { criterionId: "c2", outcome: "missed", text: "5/6 nhiệm vụ đúng hạn (83,33 %) — cần ≥ 100 %" },
        { criterionId: "c4", outcome: "met", text: "2/2 vấn đề đã xử lý (100 %) — cần ≥ 100 %" },
        { criterionId: "c6", outcome: "met", text: "Chủ tịch xác nhận: không bị xử lý kỷ luật" },
      ],
    },
    {
      kind: "person", name: "Phạm Thị Hồng Nhung", title: "Công chức Tư pháp – Hộ tịch", unitName: "Công chức Tư pháp – Hộ tịch", included: true, reason: null,
      results: [
        { criterionId: "c2", outcome: "met", text: "4/4 nhiệm vụ đúng hạn (100 %) — cần ≥ 100 %" },
        { criterionId: "c5", outcome: "met", text: "1 sáng kiến — cần ≥ 1" },
        { criterionId: "c6", outcome: "met", text: "Chủ tịch xác nhận: không bị xử lý kỷ luật" },
      ],
    },
    {
      kind: "person", name: "Lê Văn Toàn", title: "Công chức", unitName: "Văn phòng – Thống kê", included: false,
      reason: "Đã được đề nghị khen thưởng theo chuyên đề khác trong năm",
      results: [
        { criterionId: "c2", outcome: "met", text: "3/3 nhiệm vụ đúng hạn (100 %) — cần ≥ 100 %" },
        { criterionId: "c5", outcome: "met", text: "2 sáng kiến — cần ≥ 1" },
        { criterionId: "c6", outcome: "met", text: "Chủ tịch xác nhận: không bị xử lý kỷ luật" },
      ],
    },
    {
      kind: "person", name: "Đỗ Thị Mai", title: "Văn thư", unitName: "Văn phòng – Thống kê", included: true,
      reason: "Trực tiếp triển khai số hóa toàn bộ hồ sơ lưu trữ của xã năm 2026",
      results: [
        { criterionId: "c2", outcome: "na", text: "Không được giao nhiệm vụ trong kế hoạch" },
        { criterionId: "c5", outcome: "missed", text: "0 sáng kiến — cần ≥ 1" },
        { criterionId: "c6", outcome: "pending", text: "Chưa đánh giá" },
      ],
    },
  ],
  signer: { title: "Chủ tịch", name: "Võ Minh Chính" },
};
