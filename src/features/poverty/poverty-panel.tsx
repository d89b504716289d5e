import { FamilyPanel, type FamilyPanelProps } from '../../components/panel/family-panel';
import type { FamilyConfig } from '../../lib/panel-model';
import { FAMILY_NAMES } from '../../lib/vocabulary';

export const povertyConfig: FamilyConfig = {
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
};

/** Poor and near-poor households reduced, houses built or repaired, the fund raised, gifts. */
export function PovertyPanel(props: FamilyPanelProps) {
  return <FamilyPanel config={povertyConfig} {...props} />;
}
