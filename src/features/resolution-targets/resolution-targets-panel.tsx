import { FamilyPanel, type FamilyPanelProps } from '../../components/panel/family-panel';
import type { FamilyConfig } from '../../lib/panel-model';
import { FAMILY_NAMES } from '../../lib/vocabulary';

export const resolutionTargetsConfig: FamilyConfig = {
  family: 'resolution_targets',
  slug: 'chi-tieu-nghi-quyet',
  title: FAMILY_NAMES.resolution_targets,
  headline: ['resolution_targets_met'],
  chart: ['resolution_targets_met'],
  withOutOf: true,
};

/** Targets met out of total, for the year or the term. */
export function ResolutionTargetsPanel(props: FamilyPanelProps) {
  return <FamilyPanel config={resolutionTargetsConfig} {...props} />;
}
