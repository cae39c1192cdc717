import { describe, expect, it } from "vitest";
import { suggestIndicator } from "./catalogue.js";

describe("suggestIndicator", () => {
  it("links the targets commune plans write to the indicator they name", () => {
    const cases: Array<[string, string | null, number | null, string | null]> = [
      ["tỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt tối thiểu 90% trên tổng số hồ sơ", "%", 90, "fully_online"],
      ["Phấn đấu tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC", "%", 90, "online_submission"],
      ["Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia", "%", 90, "online_payment"],
      ["Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC", "%", 90, "digitised_dossiers"],
      ["Khai thác, sử dụng lại thông tin, dữ liệu số hóa", "%", 50, "reuse"],
      ["Tỷ lệ cấp kết quả giải quyết điện tử đối với hồ sơ giải quyết TTHC.", "%", 100, "e_results"],
      ["Tỷ lệ giải quyết hồ sơ đúng hạn", "%", 98, "on_time"],
      ["Tỷ lệ hài lòng của người dân", "%", 95, "satisfaction"],
      ["Điểm Bộ chỉ số 766", "điểm", 80, "index766"],
      ["100% vấn đề phát hiện qua kiểm tra được xử lý", "%", 100, "findings_handled"],
      ["100% vấn đề phát hiện qua kiểm tra cải cách hành chính phải được xử lý hoặc kiến nghị cấp có thẩm quyền xử lý", "%", 100, "findings_handled"],
      ["Kiểm tra tối thiểu 50% đơn vị", "%", 50, "inspection_coverage"],
      ["Tự kiểm tra công tác CCHC tại ít nhất 30% bộ phận chuyên môn", "%", 30, "inspection_coverage"],
      ["Tỷ lệ bộ phận được kiểm tra CCHC trong năm", "%", 50, "inspection_coverage"],
      ["03 sáng kiến", null, 3, "initiatives"],
      ["Có ít nhất 01 sáng kiến gửi về Phòng Kinh tế trước ngày 20/11 hàng năm", "sáng kiến", 1, "initiatives"],
    ];
    for (const [text, unit, value, key] of cases) expect(suggestIndicator(text, unit, value), text).toBe(key);
  });
  it("leaves alone targets without a number, in another unit, or about something else", () => {
    expect(suggestIndicator("Chỉ số hài lòng của người dân, tổ chức (SIPAS)", null, null)).toBeNull();
    expect(suggestIndicator("Tỷ lệ lập hồ sơ công việc trên môi trường mạng", "%", 70)).toBeNull();
    expect(suggestIndicator("Thủ tục hành chính nội bộ được công khai", "%", 100)).toBeNull();
    expect(suggestIndicator("Giải quyết đúng hạn 500 hồ sơ", "hồ sơ", 500)).toBeNull();
    // Documents checked under the legal-framework area are not units inspected; a share of initiatives is not their count.
    expect(suggestIndicator("Tỷ lệ văn bản quy phạm pháp luật được kiểm tra, rà soát", "%", 100)).toBeNull();
    expect(suggestIndicator("100% sáng kiến được áp dụng", "%", 100)).toBeNull();
  });
});
