/** Vietnamese names of the contract's choices, for the editor's selects and lists. */
import type { Basis, Family, ObservationFields, Qualifier } from '../../api/contract';

export const FAMILY_LABELS: Record<Family, string> = {
  budget: 'Thu ngân sách',
  poverty: 'Giảm nghèo',
  health_insurance: 'Bảo hiểm y tế',
  resolution_targets: 'Chỉ tiêu Nghị quyết',
  other: 'Chỉ tiêu khác',
};

export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: 'Đúng bằng',
  over: 'Trên (hơn)',
  nearly: 'Gần',
  about: 'Khoảng',
};

export const BASIS_LABELS: Record<Basis, string> = {
  estimate: 'Dự toán',
  plan: 'Kế hoạch',
  resolution: 'Nghị quyết',
};

export const SCOPE_LABELS: Record<NonNullable<ObservationFields['scope']>, string> = {
  year: 'Chỉ tiêu của năm',
  term: 'Chỉ tiêu cả nhiệm kỳ',
};

export const STATUS_LABELS: Record<NonNullable<ObservationFields['status']>, string> = {
  reported: 'Số đã báo cáo',
  estimated: 'Số ước tính',
};

export const QUARTER_OPTIONS = [
  ['1', 'Quý I'],
  ['2', '6 tháng'],
  ['3', '9 tháng'],
  ['4', 'Cả năm'],
] as const;

/** The empty first choice of an optional select. */
export const NOT_STATED = '— Không ghi —';
