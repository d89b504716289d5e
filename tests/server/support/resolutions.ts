/**
 * Resolutions for the server tests, written for the tests (no real resolution of these wards is
 * in the data): a term resolution of Mỹ Thới with one target of each kind the server judges, and
 * a year's resolution.
 */
import type { NewResolution, NewResolutionTarget } from '../../../src/api/contract';

export function target(number: number, extra: Partial<NewResolutionTarget> = {}): NewResolutionTarget {
  return {
    number,
    group: 'Văn hóa – xã hội',
    name: 'Tỷ lệ dân số tham gia bảo hiểm y tế đạt 96% vào cuối nhiệm kỳ',
    indicatorId: 'health_insurance_coverage',
    type: 'level_by_end',
    value: 96,
    unit: 'percent',
    ...extra,
  };
}

/** Six targets, one of each type but the year's plan, in the four groups of a congress's list. */
export function termTargets(): NewResolutionTarget[] {
  return [
    target(1),
    target(2, {
      group: 'Kinh tế',
      name: 'Thu ngân sách nhà nước trên địa bàn tăng bình quân 8–9% mỗi năm',
      indicatorId: 'budget_revenue',
      type: 'yearly_growth',
      value: 8,
      valueMax: 9,
    }),
    target(3, {
      group: 'Xây dựng Đảng',
      name: 'Mỗi năm kết nạp ít nhất 25 đảng viên mới',
      indicatorId: 'new_party_members',
      type: 'yearly_min',
      value: 25,
      unit: 'party_member',
    }),
    target(4, {
      group: 'Xây dựng Đảng',
      name: 'Kết nạp 130 đảng viên mới trong nhiệm kỳ',
      indicatorId: 'new_party_members',
      type: 'term_total',
      value: 130,
      unit: 'party_member',
    }),
    target(5, {
      group: 'Văn hóa – xã hội',
      name: 'Tỷ lệ hộ nghèo theo chuẩn đa chiều dưới 1%',
      indicatorId: undefined,
      type: 'ceiling',
      value: 1,
      manualStatus: { status: 'on_track', note: 'Theo rà soát hộ nghèo cuối năm của phường' },
    }),
    target(6, {
      group: 'Quốc phòng – an ninh',
      name: 'Hoàn thành 100% chỉ tiêu giao quân hằng năm',
      indicatorId: 'military_recruitment_pct',
      type: 'yearly_min',
      value: 100,
    }),
  ];
}

export function termResolution(extra: Partial<NewResolution> = {}): NewResolution {
  return {
    unitId: 'my-thoi',
    title: 'Nghị quyết Đại hội Đảng bộ phường Mỹ Thới nhiệm kỳ 2025–2030 (bản thử)',
    kind: 'term',
    term: '2025-2030',
    adoptedOn: '2025-08-20',
    targets: termTargets(),
    ...extra,
  };
}

export function yearResolution(extra: Partial<NewResolution> = {}): NewResolution {
  return {
    unitId: 'my-thoi',
    title: 'Nghị quyết về nhiệm vụ năm 2026 (bản thử)',
    kind: 'year',
    year: 2026,
    sourceId: 'my-thoi-2026-q1',
    targets: [
      target(1, {
        group: 'Kinh tế',
        name: 'Thu ngân sách đạt 100% dự toán được giao',
        indicatorId: 'budget_revenue_pct',
        type: 'plan',
        value: 100,
      }),
    ],
    ...extra,
  };
}
