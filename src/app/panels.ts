/** The dashboard's panels in page order: the page draws them, the start-up prefetch asks for their figures. */
import { budgetConfig, BudgetPanel } from '../features/budget/budget-panel';
import { healthInsuranceConfig, HealthInsurancePanel } from '../features/health-insurance/health-insurance-panel';
import { povertyConfig, PovertyPanel } from '../features/poverty/poverty-panel';
import { resolutionTargetsConfig, ResolutionTargetsPanel } from '../features/resolution-targets/resolution-targets-panel';

export const PANELS = [
  { config: budgetConfig, Panel: BudgetPanel },
  { config: povertyConfig, Panel: PovertyPanel },
  { config: healthInsuranceConfig, Panel: HealthInsurancePanel },
  { config: resolutionTargetsConfig, Panel: ResolutionTargetsPanel },
];
