/**
 * The rules of a resolution that read the store, beside the contract's own
 * (resolutionShapeProblems: kind and term or year, ranges, growth with its indicator, numbers and
 * ids given once): a known unit whose life meets the resolution's years, a known source of that
 * unit (or of one containing it), and targets whose indicator exists and can measure them: the
 * indicator's unit, a level to reach measured as a level, a total counted over the year, values
 * inside the indicator's bounds and the bounds of any figure. Browser-safe.
 */
import { resolutionYears, type ApiIssue, type Indicator, type NewResolution, type NewResolutionTarget, type ResolutionUpdate } from '../../src/api/contract';
import { COUNT_CEILING, MONEY_CEILING, PERCENT_CEILING, heldInUnitLife, type RuleContext } from '../../src/api/rules';

type ResolutionInput = Omit<NewResolution, 'id'> | Omit<ResolutionUpdate, 'version'>;

const life = (u: { validFrom: string | null; validTo: string | null }) =>
  [u.validFrom ? `from ${u.validFrom}` : '', u.validTo ? `to ${u.validTo}` : ''].filter(Boolean).join(' ');

export function resolutionProblems(r: ResolutionInput, ctx: RuleContext): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const unit = ctx.units.get(r.unitId);
  if (!unit) issues.push({ path: 'unitId', message: `unknown unit "${r.unitId}"` });
  const years = resolutionYears(r);
  if (unit && years) {
    const starts = `${years.firstYear}-01-01`;
    const ends = `${years.lastYear}-12-31`;
    if ((unit.validTo && starts > unit.validTo) || (unit.validFrom && ends < unit.validFrom)) {
      const span = years.firstYear === years.lastYear ? `the year ${years.firstYear} is` : `the years ${years.firstYear}–${years.lastYear} are`;
      issues.push({ path: r.kind === 'term' ? 'term' : 'year', message: `${span} outside the life of unit "${unit.id}" (${life(unit)})` });
    }
  }
  if (unit && r.adoptedOn && !heldInUnitLife(r.adoptedOn, unit)) {
    issues.push({ path: 'adoptedOn', message: `${r.adoptedOn} is outside the life of unit "${unit.id}" (${life(unit)})` });
  }
  if (r.sourceId !== undefined) {
    const source = ctx.sources.get(r.sourceId);
    if (!source) issues.push({ path: 'sourceId', message: `unknown source "${r.sourceId}"` });
    else if (unit && source.unitId !== undefined && source.unitId !== r.unitId && !(ctx.containersOf?.(r.unitId) ?? []).includes(source.unitId)) {
      issues.push({
        path: 'sourceId',
        message: `source "${source.id}" is a report of unit "${source.unitId}", not of "${r.unitId}" or a unit that contains it`,
      });
    }
  }
  r.targets.forEach((t, i) => issues.push(...targetProblems(t, `targets.${i}`, ctx)));
  return issues;
}

/** The most a value of this unit can be (the bounds of any figure, src/api/rules.ts). */
function ceilingOf(unit: NewResolutionTarget['unit']): number {
  return unit === 'vnd' ? MONEY_CEILING : unit === 'percent' ? PERCENT_CEILING : COUNT_CEILING;
}

/** Types whose value is a level or an amount of the indicator itself (not a rate a year). */
const VALUE_IS_A_FIGURE = new Set<NewResolutionTarget['type']>(['level_by_end', 'yearly_min', 'ceiling', 'plan']);

function targetProblems(t: NewResolutionTarget, prefix: string, ctx: RuleContext): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const at = (field: string) => `${prefix}.${field}`;
  const ceiling = ceilingOf(t.unit);
  if (t.value > ceiling) issues.push({ path: at('value'), message: `must be at most ${ceiling} (${t.unit})` });
  if (t.valueMax !== undefined && t.valueMax > ceiling) issues.push({ path: at('valueMax'), message: `must be at most ${ceiling} (${t.unit})` });
  if (t.indicatorId === undefined) return issues;
  const indicator = ctx.indicators.get(t.indicatorId);
  if (!indicator) return [...issues, { path: at('indicatorId'), message: `unknown indicator "${t.indicatorId}"` }];
  if (t.type !== 'yearly_growth' && t.unit !== indicator.unit) {
    issues.push({ path: at('unit'), message: `must be "${indicator.unit}", the unit of indicator "${indicator.id}"` });
  }
  if (t.type === 'level_by_end' && indicator.aggregation !== 'level') {
    issues.push({
      path: at('indicatorId'),
      message: `indicator "${indicator.id}" is counted from 1 January, not a level: a level to reach needs a level (for a yearly amount, yearly_min or yearly_growth)`,
    });
  }
  if (t.type === 'term_total' && indicator.aggregation !== 'ytd') {
    issues.push({
      path: at('indicatorId'),
      message: `indicator "${indicator.id}" is a level, which does not add up over the years: a total over the term needs a figure counted over the year`,
    });
  }
  if (VALUE_IS_A_FIGURE.has(t.type)) issues.push(...boundsProblems(t, indicator, at));
  return issues;
}

function boundsProblems(t: NewResolutionTarget, indicator: Indicator, at: (field: string) => string): ApiIssue[] {
  const issues: ApiIssue[] = [];
  for (const field of ['value', 'valueMax'] as const) {
    const v = t[field];
    if (v === undefined) continue;
    if (indicator.min !== undefined && v < indicator.min) issues.push({ path: at(field), message: `must be at least ${indicator.min}, as figures of "${indicator.id}"` });
    if (indicator.max !== undefined && v > indicator.max) issues.push({ path: at(field), message: `must be at most ${indicator.max}, as figures of "${indicator.id}"` });
  }
  return issues;
}
