// What each kind of one-stop file is and which columns it carries (the
// contract: shared/contracts/dossiers.md). Headers are matched without regard
// to case or diacritics; the server also accepts the usual Vietnamese aliases.
import { t, type MessageKey } from '../../i18n';
import type { RecordKind } from './recordTypes';

export interface FormatColumn {
  name: string;
  required: boolean;
  /** What the column holds and the values it takes. */
  note: MessageKey;
}

interface KindInfo {
  label: MessageKey;
  /** One line: which file to bring. */
  expects: MessageKey;
  /** Base of downloaded file names. */
  fileBase: string;
  columns: FormatColumn[];
}

const col = (name: string, required: boolean, note: MessageKey): FormatColumn => ({ name, required, note });

export const KIND_INFO: Record<RecordKind, KindInfo> = {
  dossiers: {
    label: 'records.kind.dossiers',
    expects: 'records.expects.dossiers',
    fileBase: 'ho-so',
    columns: [
      col('MaHoSo', true, 'records.col.MaHoSo'),
      col('MaTTHC', true, 'records.col.MaTTHC'),
      col('TenTTHC', false, 'records.col.TenTTHC'),
      col('TenLinhVuc', false, 'records.col.TenLinhVuc'),
      col('KenhThucHien', false, 'records.col.KenhThucHien'),
      col('MucDo', false, 'records.col.MucDo'),
      col('TrangThaiHoSo', true, 'records.col.TrangThaiHoSo'),
      col('NgayNopHoSo', false, 'records.col.NgayNopHoSo'),
      col('NgayTiepNhan', true, 'records.col.NgayTiepNhan'),
      col('NgayHenTra', false, 'records.col.NgayHenTra'),
      col('NgayKetThucXuLy', false, 'records.col.NgayKetThucXuLy'),
      col('NgayTra', false, 'records.col.NgayTra'),
      col('NgayYeuCauBoSung', false, 'records.col.NgayYeuCauBoSung'),
      col('NgayXinLoi', false, 'records.col.NgayXinLoi'),
      col('NgayHenTraMoi', false, 'records.col.NgayHenTraMoi'),
      col('TongLePhi', false, 'records.col.TongLePhi'),
      col('DuocThanhToanTrucTuyen', false, 'records.col.DuocThanhToanTrucTuyen'),
      col('DuocSoHoa', false, 'records.col.DuocSoHoa'),
      col('DuongDanTepTinKetQua', false, 'records.col.DuongDanTepTinKetQua'),
      col('DanhGiaHaiLong', false, 'records.col.DanhGiaHaiLong'),
    ],
  },
  procedures: {
    label: 'records.kind.procedures',
    expects: 'records.expects.procedures',
    fileBase: 'thu-tuc',
    columns: [
      col('MaTTHC', true, 'records.col.proc.MaTTHC'),
      col('TenTTHC', false, 'records.col.TenTTHC'),
      col('TenLinhVuc', false, 'records.col.TenLinhVuc'),
      col('CapThucHien', false, 'records.col.CapThucHien'),
      col('MucDoDVCTT', false, 'records.col.MucDoDVCTT'),
      col('DuDieuKienToanTrinh', false, 'records.col.DuDieuKienToanTrinh'),
      col('CoPhiLePhi', false, 'records.col.CoPhiLePhi'),
      col('ThoiGianThucHien', false, 'records.col.ThoiGianThucHien'),
      col('LoaiThoiGianThucHien', false, 'records.col.LoaiThoiGianThucHien'),
    ],
  },
  feedback: {
    label: 'records.kind.feedback',
    expects: 'records.expects.feedback',
    fileBase: 'phan-anh-kien-nghi',
    columns: [
      col('MaPAKN', true, 'records.col.MaPAKN'),
      col('MaHoSo', false, 'records.col.fb.MaHoSo'),
      col('TieuDe', false, 'records.col.TieuDe'),
      col('NgayGui', true, 'records.col.NgayGui'),
      col('TrangThai', true, 'records.col.fb.TrangThai'),
      col('NgayChoCongKhai', false, 'records.col.NgayChoCongKhai'),
      col('NgayCongKhai', false, 'records.col.NgayCongKhai'),
      col('PhanLoai', false, 'records.col.PhanLoai'),
    ],
  },
  survey: {
    label: 'records.kind.survey',
    expects: 'records.expects.survey',
    fileBase: 'khao-sat-hai-long',
    columns: [
      col('MaHoSo', true, 'records.col.sv.MaHoSo'),
      col('DanhGiaHaiLong', true, 'records.col.sv.DanhGiaHaiLong'),
      col('NgayDanhGia', false, 'records.col.NgayDanhGia'),
    ],
  },
};

export function kindLabel(kind: RecordKind): string {
  return t(KIND_INFO[kind].label);
}

/** An empty CSV with the kind's header row, to fill in Excel. */
export function templateCsv(kind: RecordKind): string {
  return KIND_INFO[kind].columns.map((column) => column.name).join(',') + '\r\n';
}
