/**
 * What the contract's choices are called in Vietnamese, in every form the app writes them:
 * the one place for these words (the panels, the exports, the filters and the editor read
 * them here). A choice that appears in more than one form has one record per form.
 */
import type { Basis, Family, MeasureUnit, ObservationFields, Qualifier, TargetType } from '../api/contract';

type Scope = NonNullable<ObservationFields['scope']>;
type Status = NonNullable<ObservationFields['status']>;

/** The families' titles: a panel's heading, the editor's groups. */
export const FAMILY_NAMES: Record<Family, string> = {
  budget: 'Thu ngân sách',
  poverty: 'Giảm nghèo',
  health_insurance: 'Bảo hiểm y tế',
  resolution_targets: 'Chỉ tiêu Nghị quyết',
  other: 'Chỉ tiêu khác',
};

/** How the reports name the span that ends with quarter n ("Quý I 2026", "Cả năm 2024"). */
export const QUARTER_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: 'Quý I',
  2: '6 tháng',
  3: '9 tháng',
  4: 'Cả năm',
};

/** The same spans in file names ("2024-ca-nam"). */
export const QUARTER_SLUGS: Record<1 | 2 | 3 | 4, string> = {
  1: 'quy-1',
  2: '6-thang',
  3: '9-thang',
  4: 'ca-nam',
};

/** What a value's unit is called: "12 tỷ đồng", "1.770 phần quà". */
export const MEASURE_NAMES: Record<MeasureUnit, string> = {
  vnd: 'đồng',
  percent: '%',
  household: 'hộ',
  house: 'căn',
  person: 'người',
  gift: 'phần quà',
  target: 'chỉ tiêu',
  project: 'công trình',
  organization: 'tổ chức',
  enterprise: 'doanh nghiệp',
  party_cell: 'chi bộ',
  party_member: 'đảng viên',
  collective: 'tập thể',
  registration: 'lượt đăng ký',
};

/** The qualifier as written before a value ("trên 12 tỷ đồng"); an exact value has none. */
export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  over: 'trên',
  nearly: 'gần',
  about: 'khoảng',
};

/**
 * The qualifier named on its own, as in a table's or the CSV's "Mức độ" column: the same words
 * as the editor's choices below ("đúng bằng", not another word for an exact figure).
 */
export const QUALIFIER_NAMES: Record<Qualifier, string> = {
  exact: 'đúng bằng',
  over: 'trên',
  nearly: 'gần',
  about: 'khoảng',
};

/** The qualifier as an editor chooses it: the names above, capitalised ("trên" also said "hơn"). */
export const QUALIFIER_CHOICES: Record<Qualifier, string> = {
  exact: 'Đúng bằng',
  over: 'Trên (hơn)',
  nearly: 'Gần',
  about: 'Khoảng',
};

/** What a percent is of, as an editor chooses it. */
export const BASIS_CHOICES: Record<Basis, string> = {
  estimate: 'Dự toán',
  plan: 'Kế hoạch',
  resolution: 'Nghị quyết',
};

/** What a percent is of, said beside a headline figure. */
export const BASIS_COMPARISONS: Record<Basis, string> = {
  estimate: 'so với dự toán năm',
  plan: 'so với kế hoạch',
  resolution: 'so với Nghị quyết',
};

/** Whose target a figure counts, as an editor chooses it. */
export const SCOPE_CHOICES: Record<Scope, string> = {
  year: 'Chỉ tiêu của năm',
  term: 'Chỉ tiêu cả nhiệm kỳ',
};

/** Whose target a figure counts, said beside a headline figure. */
export const SCOPE_NOTES: Record<Scope, string> = {
  year: 'chỉ tiêu của năm',
  term: 'tính cả nhiệm kỳ',
};

/** Whether a figure was reported or estimated, as an editor chooses it. */
export const STATUS_CHOICES: Record<Status, string> = {
  reported: 'Số đã báo cáo',
  estimated: 'Số ước tính',
};

/** Said beside a headline figure that is an estimate (a reported one needs no word). */
export const ESTIMATED_NOTE = 'số ước';

/**
 * A figure's status against its benchmark (lib/status.ts decides it), in words, never colour
 * alone: the same words on the tiles, in the table, the CSV, the exports and the summary.
 */
export const STATUS_WORDS = {
  met: 'Đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  behind: 'Chưa đạt',
  no_target: 'Chưa có mục tiêu',
} as const;
export type StatusKind = keyof typeof STATUS_WORDS;

/** The same words after a count ("2 có nguy cơ không đạt"), met and on track said together. */
export const STATUS_COUNT_WORDS = {
  behind: 'chưa đạt',
  at_risk: 'có nguy cơ không đạt',
  ok: 'đạt hoặc đúng tiến độ',
  no_target: 'chưa có mục tiêu',
} as const;

/** The status words as the exports read them (a tile's `status`). */
export const ATTAINMENT_WORDS: Record<StatusKind, string> = STATUS_WORDS;

/** What a benchmark is called on a chart's legend and beside a figure. */
export const BENCHMARK_WORDS = {
  /** The even pace q/4 of an annual amount, said as what it asks for. */
  pace: 'Mức cần đạt theo tiến độ',
  /** The even pace on a trend: one line through every quarter. */
  paceEveryQuarter: 'Mức cần đạt theo tiến độ (25% mỗi quý)',
  /** A yearly target on a trend (the province's BHYT targets). */
  yearTargets: 'Mục tiêu của tỉnh',
} as const;

/** A resolution target's type: its name in a form or a list, and one plain sentence of what it means. */
export const TARGET_TYPE_TEXT: Record<TargetType, { label: string; help: string }> = {
  level_by_end: { label: 'Đạt mức … vào cuối nhiệm kỳ', help: 'Một mức phải đạt vào cuối nhiệm kỳ (hoặc cuối năm), ví dụ tỷ lệ bảo hiểm y tế 96% vào năm 2030; được so với lộ trình đều từ số liệu đầu kỳ.' },
  yearly_min: { label: 'Mỗi năm ít nhất …', help: 'Năm nào cũng phải đạt ít nhất mức này, ví dụ kết nạp ít nhất 25 đảng viên mới mỗi năm; số cộng dồn từ đầu năm được so với tiến độ đều của quý.' },
  yearly_growth: { label: 'Tăng bình quân …%/năm', help: 'Tăng bình quân mỗi năm bao nhiêu phần trăm so với năm gốc, ví dụ thu ngân sách tăng bình quân 8–9%/năm; so với cùng kỳ của năm gốc.' },
  term_total: { label: 'Cả nhiệm kỳ …', help: 'Tổng cộng của cả nhiệm kỳ, ví dụ 600 đảng viên mới trong nhiệm kỳ; số các năm cộng lại được so với phần nhiệm kỳ đã qua.' },
  ceiling: { label: 'Dưới …', help: 'Không được vượt mức này, ví dụ tỷ lệ hộ nghèo dưới 2%.' },
  yearly_reduction: { label: 'Giảm bình quân …/năm', help: 'Mỗi năm giảm bình quân bấy nhiêu so với năm gốc, ví dụ tỷ lệ hộ nghèo giảm bình quân 1,41%/năm (điểm phần trăm).' },
  plan: { label: 'Đạt …% kế hoạch năm', help: 'Đạt bao nhiêu phần trăm dự toán, kế hoạch của năm, ví dụ thu ngân sách đạt 100% dự toán; so với tiến độ đều của quý (25%, 50%, 75%, 100%).' },
};
