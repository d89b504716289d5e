import { FamilyPanel, type FamilyPanelProps } from '../../components/panel/family-panel';
import type { FamilyConfig } from '../../lib/panel-model';
import { FAMILY_NAMES } from '../../lib/vocabulary';

export const healthInsuranceConfig: FamilyConfig = {
  family: 'health_insurance',
  slug: 'bao-hiem-y-te',
  title: FAMILY_NAMES.health_insurance,
  headline: ['health_insurance_coverage'],
  chart: ['health_insurance_coverage'],
};

/** Coverage against the province's target for the year. */
export function HealthInsurancePanel(props: FamilyPanelProps) {
  return <FamilyPanel config={healthInsuranceConfig} {...props} />;
}
