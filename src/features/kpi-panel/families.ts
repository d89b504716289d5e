/**
 * The dashboard's four KPI families as data, in page order: what each panel heads with and
 * draws. One panel view (FamilyPanel) draws any of them; the page and the start-up prefetch
 * both read this list.
 */
import type { Family } from '../../api/contract';
import { FAMILY_NAMES } from '../../lib/vocabulary';

export interface FamilyConfig {
  family: Family;
  /** File-name form of the title: "thu-ngan-sach". */
  slug: string;
  title: string;
  /** Headline figures, in this order, for each chosen unit. */
  headline: string[];
  /** Indicators drawn in the chart; the first one's benchmark is drawn too. */
  chart: string[];
  /** Draw the totals (outOf) beside the values. */
  withOutOf?: boolean;
}

export const FAMILIES: readonly FamilyConfig[] = [
  // amount collected so far this year, and its percent of the annual basis against the even pace
  {
    family: 'budget',
    slug: 'thu-ngan-sach',
    title: FAMILY_NAMES.budget,
    headline: ['budget_revenue', 'budget_revenue_pct'],
    chart: ['budget_revenue_pct'],
  },
  // poor and near-poor households reduced, houses built or repaired, the fund raised, gifts
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
    chart: ['poor_households_reduced', 'near_poor_households_reduced', 'houses_built_or_repaired'],
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
  },
];

