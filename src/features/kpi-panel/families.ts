/**
 * The dashboard's regions as data, in page order: what each panel heads with and draws. The
 * four KPI families have a region each; the other figures of the reports (family `other`) are
 * shown by theme, in regions of their own, as a leader groups them: Xây dựng Đảng, Kinh tế –
 * việc làm, Văn hóa – xã hội. One panel view (FamilyPanel) draws any of them, with the same
 * tiles, chart, table, sources and exports; the page and the start-up prefetch both read this
 * list. A region is keyed by its slug: the themes share their family's figures (one query).
 */
import type { Family } from '../../api/contract';
import { FAMILY_NAMES } from '../../lib/vocabulary';

export interface FamilyConfig {
  /** The family whose figures the region shows (its query asks for this family). */
  family: Family;
  /** The region's key, and the file-name form of its title: "thu-ngan-sach". */
  slug: string;
  title: string;
  /** Headline figures, in this order, for each chosen unit (the region shows only these indicators). */
  headline: string[];
  /**
   * Indicators drawn, in this order: one chart per unit of measure among them (households and
   * houses are never on one axis). Many units compared: the first one, ranked. The first one's
   * benchmark is drawn too.
   */
  chart: string[];
  /** Draw the totals (outOf) beside the values. */
  withOutOf?: boolean;
  /** Below the figures, the targets of the units' resolutions one by one (FamilyPanel's renderTargets). */
  withTargets?: boolean;
}

export const FAMILIES: readonly FamilyConfig[] = [
  // amount collected so far this year, and its percent of the annual basis against the even pace
  {
    family: 'budget',
    slug: 'thu-ngan-sach',
    title: FAMILY_NAMES.budget,
    // the local budget's revenue (transfers from above included) is another figure: its own tile, never added to the first
    headline: ['budget_revenue', 'budget_revenue_pct', 'local_budget_revenue'],
    chart: ['budget_revenue_pct'],
  },
  // poor and near-poor households reduced, houses built or repaired (a chart each: hộ, căn); the fund raised and the gifts as figures
  {
    family: 'poverty',
    slug: 'giam-ngheo',
    title: FAMILY_NAMES.poverty,
    headline: [
      'poor_households_reduced',
      'near_poor_households_reduced',
      'houses_built_or_repaired',
      'poverty_fund_raised',
      'gifts_given',
      'households_supported',
      'fire_damaged_houses_supported',
    ],
    chart: ['poor_households_reduced', 'near_poor_households_reduced', 'houses_built_or_repaired', 'fire_damaged_houses_supported'],
  },
  // coverage against the province's target for the year
  {
    family: 'health_insurance',
    slug: 'bao-hiem-y-te',
    title: FAMILY_NAMES.health_insurance,
    headline: ['health_insurance_coverage'],
    chart: ['health_insurance_coverage'],
  },
  // targets met out of total, for the year or the term
  {
    family: 'resolution_targets',
    slug: 'chi-tieu-nghi-quyet',
    title: FAMILY_NAMES.resolution_targets,
    headline: ['resolution_targets_met'],
    chart: ['resolution_targets_met'],
    withOutOf: true,
    withTargets: true,
  },
  // the Party's own work: members admitted and counted, cells' ratings, inspection and supervision, mass mobilisation, commendations
  {
    family: 'other',
    slug: 'xay-dung-dang',
    title: 'Xây dựng Đảng',
    headline: [
      'new_party_members',
      'party_members_total',
      'party_organizations',
      'party_cells_completed_well',
      'party_cells_completed_well_pct',
      'party_cells_exemplary',
      'party_cells_inspected',
      'party_members_inspected',
      'party_cells_supervised',
      'party_members_supervised',
      'dan_van_kheo_registrations',
      'commended_collectives',
      'commended_individuals',
    ],
    chart: ['new_party_members'],
  },
  // jobs found, enterprises and business households at work, works built with funds raised from society
  {
    family: 'other',
    slug: 'kinh-te-viec-lam',
    title: 'Kinh tế – việc làm',
    headline: ['jobs_referred', 'jobs_referred_pct', 'enterprises_active', 'business_households_active', 'socialized_projects', 'socialized_funding'],
    chart: ['jobs_referred', 'socialized_funding'],
  },
  // cultural families, children in grade 1, military recruitment, voluntary social insurance: all percents, one chart
  {
    family: 'other',
    slug: 'van-hoa-xa-hoi',
    title: 'Văn hóa – xã hội',
    headline: ['cultural_families_pct', 'grade1_enrolment_pct', 'military_recruitment_pct', 'voluntary_social_insurance_pct'],
    chart: ['cultural_families_pct', 'grade1_enrolment_pct', 'military_recruitment_pct', 'voluntary_social_insurance_pct'],
  },
];
