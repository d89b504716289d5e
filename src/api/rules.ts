/**
 * The rules a write must follow beyond its shape. An observation names a known unit, indicator
 * and source, its value fits the indicator (whole counts, bounded money and percentages), its
 * period lies inside the unit's life and its source belongs to its unit; a source names a known
 * unit and is dated inside that unit's life. A write's body is JSON, a delete's version plain
 * digits. The dataset test, the server's writes, the msw handlers and the editor's forms all
 * check them here.
 */
import type { ApiIssue, Indicator, MeasureUnit, NewSource, ObservationFields, Source, Unit } from './contract';
import { periodEnd } from './periods';

/** A known source; where its unit is given, a figure citing it must be of that unit (or inside it). */
export type RuleSource = Pick<Source, 'id'> & Partial<Pick<Source, 'unitId'>>;

export interface RuleContext {
  units: ReadonlyMap<string, Unit>;
  indicators: ReadonlyMap<string, Indicator>;
  sources: ReadonlyMap<string, RuleSource>;
  /**
   * Every unit that contains the unit (its former district, its province...), at any level, as
   * the register tells. The register has no containing units yet, so by default none.
   */
  containersOf?: (unitId: string) => readonly string[];
}

/** What an indicator's numbers are: each MeasureUnit must be classed here (the typecheck says so). */
const KIND: Record<MeasureUnit, 'money' | 'percent' | 'count'> = {
  vnd: 'money',
  percent: 'percent',
  household: 'count',
  house: 'count',
  person: 'count',
  gift: 'count',
  target: 'count',
  project: 'count',
  organization: 'count',
  enterprise: 'count',
  party_cell: 'count',
  party_member: 'count',
  collective: 'count',
  registration: 'count',
};

/**
 * 10^15 VND (one million tỷ đồng): about fifty times An Giang's yearly budget revenue and half the
 * whole country's, so no ward, commune or province figure comes near it; and it stays below
 * 2^53, so every amount accepted is an exact whole number of đồng in a double.
 */
export const MONEY_CEILING = 1e15;

/** A percentage with no upper bound of its own (e.g. revenue against plan) stays within 100× its basis. */
export const PERCENT_CEILING = 10_000;

/** Ten times the country's population: no count of a ward's households, people or members comes near. */
export const COUNT_CEILING = 1e9;

/**
 * A report on a unit's last period is often written and held in the weeks after the unit ends
 * (the six-month reports of the wards merged on 1 July 2025 were held in July), and it is still
 * that unit's report; so a source may be dated up to one quarter after its unit's end. Never
 * before the unit began: no unit reports on itself before it exists.
 */
export const REPORT_GRACE_DAYS = 92;

/** True when the span that ends with `period` ends while the unit existed. */
export function periodInUnitLife(period: string, unit: Pick<Unit, 'validFrom' | 'validTo'>): boolean {
  const end = periodEnd(period);
  if (!end) return false;
  if (unit.validFrom && end < unit.validFrom) return false;
  if (unit.validTo && end > unit.validTo) return false;
  return true;
}

/** An ISO date plus some days, as an ISO date. */
function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** True when a report held on `heldOn` can be the unit's: from its start to REPORT_GRACE_DAYS after its end. */
export function heldInUnitLife(heldOn: string, unit: Pick<Unit, 'validFrom' | 'validTo'>): boolean {
  if (unit.validFrom && heldOn < unit.validFrom) return false;
  if (unit.validTo && heldOn > addDays(unit.validTo, REPORT_GRACE_DAYS)) return false;
  return true;
}

/** The problems of a number of this measure unit, as messages (empty when it fits). */
function numberProblems(value: number, unit: MeasureUnit): string[] {
  switch (KIND[unit]) {
    case 'money':
      return value > MONEY_CEILING ? [`must be at most ${MONEY_CEILING} (VND)`] : [];
    case 'percent':
      return value > PERCENT_CEILING ? [`must be at most ${PERCENT_CEILING} (percent)`] : [];
    case 'count':
      if (!Number.isInteger(value)) return [`must be a whole number (a count of ${unit})`];
      return value > COUNT_CEILING ? [`must be at most ${COUNT_CEILING} (a count of ${unit})`] : [];
  }
}

export function observationProblems(o: ObservationFields, ctx: RuleContext, prefix = ''): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const unit = ctx.units.get(o.unitId);
  const indicator = ctx.indicators.get(o.indicatorId);
  const source = ctx.sources.get(o.sourceId);
  if (!unit) issues.push({ path: at('unitId'), message: `unknown unit "${o.unitId}"` });
  if (!indicator) issues.push({ path: at('indicatorId'), message: `unknown indicator "${o.indicatorId}"` });
  if (!source) issues.push({ path: at('sourceId'), message: `unknown source "${o.sourceId}"` });
  if (unit && source?.unitId !== undefined && !unitWithin(o.unitId, source.unitId, ctx)) {
    issues.push({
      path: at('sourceId'),
      message: `source "${source.id}" is a report of unit "${source.unitId}", not of "${o.unitId}" or a unit that contains it`,
    });
  }
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
    for (const message of numberProblems(o.value, indicator.unit)) issues.push({ path: at('value'), message });
    if (o.outOf !== undefined) {
      for (const message of numberProblems(o.outOf, indicator.unit)) issues.push({ path: at('outOf'), message });
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

/** True when `inner` is `outer` or lies inside it. */
function unitWithin(inner: string, outer: string, ctx: RuleContext): boolean {
  return inner === outer || (ctx.containersOf?.(inner) ?? []).includes(outer);
}

/** The problems of a new source: it names a known unit and is dated inside that unit's life. */
export function sourceProblems(s: Pick<NewSource, 'unitId' | 'heldOn'>, ctx: Pick<RuleContext, 'units'>): ApiIssue[] {
  const unit = ctx.units.get(s.unitId);
  if (!unit) return [{ path: 'unitId', message: `unknown unit "${s.unitId}"` }];
  if (heldInUnitLife(s.heldOn, unit)) return [];
  const life = `${unit.validFrom ? `from ${unit.validFrom}` : ''}${unit.validFrom && unit.validTo ? ' ' : ''}${
    unit.validTo ? `to ${unit.validTo}` : ''
  }`;
  return [{ path: 'heldOn', message: `${s.heldOn} is outside the life of unit "${unit.id}" (${life})` }];
}

export function ruleContext(
  units: Unit[],
  indicators: Indicator[],
  sources: RuleSource[],
  containersOf?: (unitId: string) => readonly string[],
): RuleContext {
  return {
    units: new Map(units.map((u) => [u.id, u])),
    indicators: new Map(indicators.map((i) => [i.id, i])),
    sources: new Map(sources.map((s) => [s.id, s])),
    containersOf,
  };
}

/**
 * True for exactly `application/json`, with no parameter but `charset=utf-8` (RFC 9110 media
 * type: case-insensitive names, optional white space and quotes). Any other type, including
 * `application/json-patch+json` and other `+json` types whose meaning differs, is not a body
 * the writes understand (415).
 */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (header === undefined || header === null) return false;
  const [type = '', ...params] = header.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return params.every((p) => p.trim() === '' || /^\s*charset\s*=\s*(?:utf-8|"utf-8")\s*$/i.test(p));
}

/** A version in a query: one canonical positive decimal integer ("7"; not "07", "7.0", "7e0", "0x7", " 7"). */
const CANONICAL_VERSION = /^[1-9][0-9]{0,14}$/;

/** The query of DELETE /api/observations/:id: `version=N` (optional, at most once) and nothing else. */
export function parseDeleteQuery(params: URLSearchParams): { version?: number; issues: ApiIssue[] } {
  const issues: ApiIssue[] = [...new Set(params.keys())]
    .filter((k) => k !== 'version')
    .map((k) => ({ path: k, message: 'unknown query parameter' }));
  const given = params.getAll('version');
  if (given.length > 1) issues.push({ path: 'version', message: 'must be given at most once' });
  else if (given.length === 1 && !CANONICAL_VERSION.test(given[0]!)) {
    issues.push({ path: 'version', message: 'must be a whole number from 1, in plain digits' });
  }
  return { version: given.length === 1 && issues.length === 0 ? Number(given[0]) : undefined, issues };
}
