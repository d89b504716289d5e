import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import type { ObservationFields } from './contract';
import { heldInUnitLife, isJsonContentType, observationProblems, parseDeleteQuery, ruleContext, sourceProblems } from './rules';

const data = loadDataset();
const ctx = ruleContext(data.units, data.indicators, data.sources);

function figure(extra: Partial<ObservationFields>): ObservationFields {
  return {
    unitId: 'my-thoi',
    indicatorId: 'budget_revenue',
    period: '2024-Q4',
    value: 12e9,
    qualifier: 'exact',
    sourceId: 'my-thoi-2024-year',
    ...extra,
  };
}

const paths = (o: ObservationFields, c = ctx) => observationProblems(o, c).map((i) => i.path);

describe('the value of a figure', () => {
  it('is a whole number when the indicator counts households, houses, people or members', () => {
    for (const indicatorId of ['poor_households_reduced', 'houses_built_or_repaired', 'jobs_referred', 'new_party_members']) {
      expect(paths(figure({ indicatorId, value: 1.5 })), indicatorId).toEqual(['value']);
      expect(paths(figure({ indicatorId, value: 2 })), indicatorId).toEqual([]);
    }
    expect(observationProblems(figure({ indicatorId: 'poor_households_reduced', value: 1.5 }), ctx)[0]!.message).toMatch(
      /whole number.*household/,
    );
  });

  it('counts the total of targets in whole numbers too', () => {
    const met = figure({ indicatorId: 'resolution_targets_met', value: 10, outOf: 11.5 });
    expect(paths(met)).toEqual(['outOf']);
  });

  it('keeps money under 10^15 VND and counts under 10^9 (1e308 is a whole number)', () => {
    expect(paths(figure({ value: 1e308 }))).toEqual(['value']);
    expect(paths(figure({ value: 1e15 }))).toEqual([]);
    expect(paths(figure({ indicatorId: 'poor_households_reduced', value: 1e308 }))).toEqual(['value']);
  });

  it('keeps a percentage inside its indicator bounds, and under 10 000 where it has no maximum', () => {
    expect(paths(figure({ indicatorId: 'health_insurance_coverage', value: 100.5 }))).toEqual(['value']);
    expect(paths(figure({ indicatorId: 'budget_revenue_pct', value: 126 }))).toEqual([]);
    expect(paths(figure({ indicatorId: 'budget_revenue_pct', value: 1e6 }))).toEqual(['value']);
  });
});

describe('the source of a figure', () => {
  it('is a report of the figure’s unit', () => {
    const issues = observationProblems(figure({ unitId: 'my-binh', period: '2023-Q2' }), ctx);
    expect(issues).toEqual([{ path: 'sourceId', message: expect.stringMatching(/"my-thoi".*"my-binh"/) }]);
    expect(paths(figure({ unitId: 'my-binh', period: '2023-Q2', sourceId: 'my-binh-2023-midterm' }))).toEqual([]);
  });

  it('may be a report of a unit that contains the figure’s unit, as the register says', () => {
    const withProvince = ruleContext(data.units, data.indicators, [...data.sources, { id: 'province-2023', unitId: 'an-giang' }], (id) =>
      id === 'my-binh' ? ['an-giang'] : [],
    );
    const o = figure({ unitId: 'my-binh', period: '2023-Q2', sourceId: 'province-2023' });
    expect(paths(o, withProvince)).toEqual([]);
    expect(paths({ ...o, unitId: 'my-quy' }, withProvince)).toEqual(['sourceId']);
  });

  it('is only known by id when its unit is not given (a report not stored yet)', () => {
    const pending = ruleContext(data.units, data.indicators, [{ id: 'pending' }]);
    expect(paths(figure({ sourceId: 'pending' }), pending)).toEqual([]);
  });
});

describe('a new source', () => {
  const source = { unitId: 'long-xuyen', heldOn: '2025-10-05' };

  it('is dated inside its unit’s life: never before the unit began', () => {
    expect(sourceProblems(source, ctx)).toEqual([]);
    expect(sourceProblems({ ...source, heldOn: '1990-01-01' }, ctx)).toEqual([
      { path: 'heldOn', message: expect.stringMatching(/1990-01-01.*long-xuyen.*from 2025-07-01/) },
    ]);
  });

  it('may be held up to a quarter after its unit ended, not later', () => {
    expect(sourceProblems({ unitId: 'my-binh', heldOn: '2025-07-20' }, ctx)).toEqual([]);
    expect(sourceProblems({ unitId: 'my-binh', heldOn: '2025-09-30' }, ctx)).toEqual([]);
    expect(sourceProblems({ unitId: 'my-binh', heldOn: '2025-10-01' }, ctx).map((i) => i.path)).toEqual(['heldOn']);
    expect(heldInUnitLife('2030-01-01', { validFrom: null, validTo: null })).toBe(true);
  });

  it('names a known unit', () => {
    expect(sourceProblems({ unitId: 'atlantis', heldOn: '2024-01-01' }, ctx)).toEqual([
      { path: 'unitId', message: 'unknown unit "atlantis"' },
    ]);
  });
});

describe('what a write request may look like', () => {
  it('has a body of exactly application/json, with at most charset=utf-8', () => {
    for (const ok of ['application/json', 'APPLICATION/JSON ', 'application/json; charset=UTF-8', 'application/json;charset="utf-8";']) {
      expect(isJsonContentType(ok), ok).toBe(true);
    }
    for (const bad of [undefined, null, '', 'application/json-patch+json', 'application/ld+json', 'application/json; charset=utf-16', 'application/json; v=1', 'text/json']) {
      expect(isJsonContentType(bad), String(bad)).toBe(false);
    }
  });

  it('deletes with a version in plain digits, given at most once', () => {
    const q = (s: string) => parseDeleteQuery(new URLSearchParams(s));
    expect(q('version=12')).toEqual({ version: 12, issues: [] });
    expect(q('')).toEqual({ version: undefined, issues: [] });
    for (const bad of ['version=0x1', 'version=%201', 'version=1e0', 'version=01', 'version=1.0', 'version=', 'version=0']) {
      expect(q(bad), bad).toEqual({ version: undefined, issues: [expect.objectContaining({ path: 'version' })] });
    }
    expect(q('version=1&version=1').issues).toEqual([{ path: 'version', message: 'must be given at most once' }]);
    expect(q('version=1&force=1').issues).toEqual([{ path: 'force', message: 'unknown query parameter' }]);
  });
});
