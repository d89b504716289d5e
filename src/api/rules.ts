/**
 * The rules an observation must follow beyond its shape: it names a known unit, indicator and
 * source, its value fits the indicator, and its period lies inside the unit's life.
 * The dataset test and the server's writes both check them here.
 */
import type { ApiIssue, Indicator, ObservationFields, Source, Unit } from './contract';
import { periodEnd } from '../lib/periods';

export interface RuleContext {
  units: ReadonlyMap<string, Unit>;
  indicators: ReadonlyMap<string, Indicator>;
  sources: ReadonlyMap<string, Pick<Source, 'id'>>;
}

/** True when the span that ends with `period` ends while the unit existed. */
export function periodInUnitLife(period: string, unit: Pick<Unit, 'validFrom' | 'validTo'>): boolean {
  const end = periodEnd(period);
  if (!end) return false;
  if (unit.validFrom && end < unit.validFrom) return false;
  if (unit.validTo && end > unit.validTo) return false;
  return true;
}

export function observationProblems(o: ObservationFields, ctx: RuleContext, prefix = ''): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const unit = ctx.units.get(o.unitId);
  const indicator = ctx.indicators.get(o.indicatorId);
  if (!unit) issues.push({ path: at('unitId'), message: `unknown unit "${o.unitId}"` });
  if (!indicator) issues.push({ path: at('indicatorId'), message: `unknown indicator "${o.indicatorId}"` });
  if (!ctx.sources.has(o.sourceId)) issues.push({ path: at('sourceId'), message: `unknown source "${o.sourceId}"` });
  if (unit && !periodInUnitLife(o.period, unit)) {
    issues.push({ path: at('period'), message: `${o.period} is outside the life of unit "${unit.id}"` });
  }
  if (indicator) {
    if (indicator.min !== undefined && o.value < indicator.min) {
      issues.push({ path: at('value'), message: `must be at least ${indicator.min}` });
    }
    if (indicator.max !== undefined && o.value > indicator.max) {
      issues.push({ path: at('value'), message: `must be at most ${indicator.max}` });
    }
  }
  if (o.outOf !== undefined && o.value > o.outOf) {
    issues.push({ path: at('value'), message: 'must not be more than outOf' });
  }
  if (indicator?.id === 'resolution_targets_met' && o.outOf === undefined) {
    issues.push({ path: at('outOf'), message: 'targets met need the total (outOf)' });
  }
  return issues;
}

export function ruleContext(units: Unit[], indicators: Indicator[], sources: Pick<Source, 'id'>[]): RuleContext {
  return {
    units: new Map(units.map((u) => [u.id, u])),
    indicators: new Map(indicators.map((i) => [i.id, i])),
    sources: new Map(sources.map((s) => [s.id, s])),
  };
}
