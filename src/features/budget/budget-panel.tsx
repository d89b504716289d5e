import { FamilyPanel, type FamilyPanelProps } from '../../components/panel/family-panel';
import type { FamilyConfig } from '../../lib/panel-model';
import { FAMILY_NAMES } from '../../lib/vocabulary';

export const budgetConfig: FamilyConfig = {
  family: 'budget',
  slug: 'thu-ngan-sach',
  title: FAMILY_NAMES.budget,
  headline: ['budget_revenue', 'budget_revenue_pct'],
  chart: ['budget_revenue_pct'],
};

/** Amount collected so far this year, and its percent of the annual basis against the even pace. */
export function BudgetPanel(props: FamilyPanelProps) {
  return <FamilyPanel config={budgetConfig} {...props} />;
}
