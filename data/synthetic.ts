/**
 * SYNTHETIC figures for tests and benchmarks only (KPI_SEED=synthetic, npm run bench*), from a
 * seeded generator: on the real register's current communes (no invented unit), in each unit's
 * life (a unit formed on 2025-07-01 gets figures from 2025-Q3 on), never where a real figure
 * exists. Every source it makes says "giả lập" in its title, and every figure in its note; so does
 * every resolution it makes (syntheticResolutions), in its title.
 */
import type { Dataset } from './index';
import type { Indicator, Observation, Resolution, ResolutionTarget, Source, Unit } from '../src/api/contract';
import { formatPeriodId } from '../src/api/periods';
import { periodInUnitLife } from '../src/api/rules';
import { unitLevel } from '../src/api/units';

/** mulberry32: a small seeded PRNG, so the same seed gives the same dataset. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTHETIC_FIRST_YEAR = 2019;
export const SYNTHETIC_YEARS = 8;

export interface SyntheticOptions {
  seed?: number;
  /** The register: its current communes get the figures, and the dataset carries all of it. */
  register: Unit[];
  /** At most this many of the current communes, in the register's order (all by default). */
  units?: number;
  firstYear?: number;
  years?: number;
  indicators: Indicator[];
  /** Real figures: none is made for a unit, indicator and period that has one. */
  real?: readonly Pick<Observation, 'unitId' | 'indicatorId' | 'period'>[];
}

/** The units that get synthetic figures: the communes in force now (validTo null). */
export function syntheticUnits(register: readonly Unit[]): Unit[] {
  return register.filter((u) => unitLevel(u.kind) === 'commune' && u.validTo === null);
}

/** The periods a unit has synthetic figures for: each quarter of the years that ends in its life. */
export function syntheticPeriods(unit: Pick<Unit, 'validFrom' | 'validTo'>, firstYear = SYNTHETIC_FIRST_YEAR, years = SYNTHETIC_YEARS): string[] {
  const periods: string[] = [];
  for (let y = firstYear; y < firstYear + years; y++) {
    for (const q of [1, 2, 3, 4] as const) {
      const period = formatPeriodId(y, q);
      if (periodInUnitLife(period, unit)) periods.push(period);
    }
  }
  return periods;
}

/** The synthetic report of a unit for a period (ids apart from every real source's). */
export function syntheticSourceId(unitId: string, period: string): string {
  return `gia-lap-${unitId}-${period.toLowerCase()}`;
}

/** Values that fit each indicator's range and aggregation. */
function valueFor(ind: Indicator, quarter: number, rand: () => number): { value: number; outOf?: number } {
  if (ind.id === 'resolution_targets_met') {
    const outOf = 10 + Math.floor(rand() * 11);
    return { value: Math.floor(rand() * (outOf + 1)), outOf };
  }
  if (ind.unit === 'vnd') return { value: Math.round((1 + rand() * 40) * quarter * 250) * 1_000_000 };
  if (ind.unit === 'percent') {
    const base = ind.aggregation === 'ytd' ? quarter * 25 : 70;
    const v = base * (0.7 + rand() * 0.5);
    return { value: Math.round(Math.min(v, ind.max ?? Infinity) * 100) / 100 };
  }
  return { value: Math.floor(rand() * 50 * (ind.aggregation === 'ytd' ? quarter : 4)) };
}

/** The register with synthetic sources and figures (seed it alone, or beside the real ones). */
export function syntheticDataset(opts: SyntheticOptions): Dataset {
  const { seed = 2026, register, firstYear = SYNTHETIC_FIRST_YEAR, years = SYNTHETIC_YEARS, indicators } = opts;
  const rand = seededRandom(seed);
  const taken = new Set((opts.real ?? []).map((o) => `${o.unitId}\0${o.indicatorId}\0${o.period}`));
  const units = syntheticUnits(register).slice(0, opts.units);
  const sources: Source[] = [];
  const observations: Observation[] = [];
  for (const unit of units) {
    for (const period of syntheticPeriods(unit, firstYear, years)) {
      const quarter = Number(period.slice(-1));
      const sourceId = syntheticSourceId(unit.id, period);
      sources.push({
        id: sourceId,
        unitId: unit.id,
        title: `Báo cáo giả lập ${period}, ${unit.name}`,
        heldOn: `${period.slice(0, 4)}-${String(quarter * 3).padStart(2, '0')}-28`,
        periodLabel: period,
        reference: 'Dữ liệu giả lập từ bộ sinh có hạt giống (synthetic, not a real report)',
      });
      for (const ind of indicators) {
        // the draw happens either way, so a real figure changes no other synthetic one
        const value = valueFor(ind, quarter, rand);
        if (taken.has(`${unit.id}\0${ind.id}\0${period}`)) continue;
        observations.push({
          id: `${sourceId}-${ind.id.replace(/_/g, '-')}`,
          unitId: unit.id,
          indicatorId: ind.id,
          period,
          ...value,
          qualifier: 'exact',
          status: 'reported',
          sourceId,
          note: 'Dữ liệu giả lập',
          version: 1,
        });
      }
    }
  }
  return { units: register, indicators, sources, observations };
}

/** The term of the SYNTHETIC resolutions: the one the new communes started in 2025. */
export const SYNTHETIC_TERM = '2025-2030';

type TargetDraft = Omit<ResolutionTarget, 'id' | 'number'>;

/** Twenty targets of the four groups, in the kinds of real lists (DOMAIN.md), with values drawn for one unit. */
function syntheticTargets(rand: () => number): TargetDraft[] {
  const billions = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo)) * 1e9;
  const count = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo));
  // about half the targets without an indicator get a status by hand
  const byHand = (note: string): Pick<TargetDraft, 'manualStatus'> => {
    const draw = rand();
    if (draw < 0.5) return {};
    const status = draw < 0.65 ? 'at_risk' : draw < 0.8 ? 'on_track' : 'met';
    return { manualStatus: { status, note: `${note} (giả lập)` } };
  };
  const economy = 'Kinh tế';
  const society = 'Văn hóa – xã hội';
  const defence = 'Quốc phòng – an ninh';
  const party = 'Xây dựng Đảng';
  const growth = count(6, 10);
  return [
    { group: economy, name: `Thu ngân sách nhà nước trên địa bàn tăng bình quân ${growth}–${growth + 1}%/năm`, indicatorId: 'budget_revenue', type: 'yearly_growth', value: growth, valueMax: growth + 1, unit: 'percent' },
    { group: economy, name: 'Thu ngân sách hằng năm đạt 100% dự toán trở lên', indicatorId: 'budget_revenue_pct', type: 'plan', value: 100, unit: 'percent' },
    { group: economy, name: 'Thu ngân sách địa phương mỗi năm', indicatorId: 'local_budget_revenue', type: 'yearly_min', value: billions(5, 30), unit: 'vnd' },
    { group: economy, name: 'Tổng thu ngân sách nhà nước trên địa bàn cả nhiệm kỳ', indicatorId: 'budget_revenue', type: 'term_total', value: billions(50, 200), unit: 'vnd' },
    { group: economy, name: 'Thu ngân sách địa phương tăng bình quân 6%/năm', indicatorId: 'local_budget_revenue', type: 'yearly_growth', value: 6, unit: 'percent' },
    { group: society, name: 'Tỷ lệ dân số tham gia bảo hiểm y tế đạt 96% vào năm 2030', indicatorId: 'health_insurance_coverage', type: 'level_by_end', value: 96, unit: 'percent' },
    { group: society, name: 'Mỗi năm giảm ít nhất một số hộ nghèo', indicatorId: 'poor_households_reduced', type: 'yearly_min', value: count(10, 40), unit: 'household' },
    { group: society, name: 'Giảm hộ cận nghèo hằng năm', indicatorId: 'near_poor_households_reduced', type: 'yearly_reduction', value: count(10, 40), unit: 'household' },
    { group: society, name: 'Cất mới, sửa chữa nhà cho hộ khó khăn trong nhiệm kỳ', indicatorId: 'houses_built_or_repaired', type: 'term_total', value: count(40, 120), unit: 'house' },
    { group: society, name: 'Vận động quỹ “Vì người nghèo” mỗi năm', indicatorId: 'poverty_fund_raised', type: 'yearly_min', value: billions(1, 3), unit: 'vnd' },
    { group: society, name: 'Trao quà cho hộ nghèo, gia đình chính sách mỗi năm', indicatorId: 'gifts_given', type: 'yearly_min', value: count(100, 180), unit: 'gift' },
    { group: society, name: 'Chăm lo cho hộ khó khăn theo kế hoạch năm', indicatorId: 'households_supported', type: 'plan', value: count(100, 180), unit: 'household' },
    { group: society, name: 'Tỷ lệ hộ nghèo theo chuẩn đa chiều dưới 1%', type: 'ceiling', value: 1, unit: 'percent', ...byHand('Theo rà soát hộ nghèo cuối năm') },
    { group: society, name: 'Tỷ lệ trường đạt chuẩn quốc gia đạt 100% vào năm 2030', type: 'level_by_end', value: 100, unit: 'percent', ...byHand('Theo báo cáo của ngành giáo dục') },
    { group: defence, name: 'Hoàn thành 100% chỉ tiêu giao quân hằng năm', indicatorId: 'military_recruitment_pct', type: 'yearly_min', value: 100, unit: 'percent', ...byHand('Theo kết quả giao quân') },
    { group: defence, name: 'Trên 90% khu dân cư đạt chuẩn an toàn về an ninh, trật tự', type: 'yearly_min', value: 90, unit: 'percent', ...byHand('Theo đánh giá của Công an') },
    { group: party, name: 'Mỗi năm kết nạp ít nhất 25 đảng viên mới', indicatorId: 'new_party_members', type: 'yearly_min', value: 25, unit: 'party_member' },
    { group: party, name: 'Kết nạp đảng viên mới trong nhiệm kỳ', indicatorId: 'new_party_members', type: 'term_total', value: count(100, 150), unit: 'party_member' },
    { group: party, name: 'Hằng năm trên 90% chi bộ hoàn thành tốt nhiệm vụ trở lên', indicatorId: 'party_cells_completed_well_pct', type: 'yearly_min', value: 90, unit: 'percent' },
    { group: party, name: 'Tỷ lệ hộ nghèo giảm bình quân 0,5%/năm', type: 'yearly_reduction', value: 0.5, unit: 'percent', ...byHand('Theo rà soát hộ nghèo cuối năm') },
  ];
}

/**
 * SYNTHETIC resolutions (KPI_SEED=synthetic, benchmarks only): one term resolution 2025–2030 of
 * twenty targets for each current commune, titled "giả lập", with values drawn from its own seed
 * (the figures' draws are not changed by it). No real resolution of these wards is in the data.
 */
export function syntheticResolutions(opts: { register: Unit[]; seed?: number; units?: number }): Resolution[] {
  const rand = seededRandom((opts.seed ?? 2026) ^ 0x5e501);
  return syntheticUnits(opts.register)
    .slice(0, opts.units)
    .map((unit) => ({
      id: `gia-lap-${unit.id}-nq-${SYNTHETIC_TERM}`,
      unitId: unit.id,
      title: `Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030 (giả lập), ${unit.name}`,
      kind: 'term' as const,
      term: SYNTHETIC_TERM,
      adoptedOn: '2025-09-20',
      targets: syntheticTargets(rand).map((t, i) => ({ ...t, id: `ct-${i + 1}`, number: i + 1 })),
      version: 1,
    }));
}
