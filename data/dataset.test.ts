import { describe, expect, it } from 'vitest';
import { observationProblems, ruleContext, sourceProblems } from '../src/api/rules';
import { containersOf } from '../src/api/units';
import { loadDataset } from './index';
import { syntheticDataset } from './synthetic';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const data = loadDataset();
// The project's own copies of the five reports (the importer's evaluation reads them too).
const reports = join(import.meta.dirname, '../eval/reports');

describe('the dataset of the reports', () => {
  it('parses through the contract and has the units, indicators and reports we expect', () => {
    expect(data.units.map((u) => u.id)).toEqual(
      expect.arrayContaining(['my-thoi', 'my-binh', 'my-quy', 'my-thanh', 'long-xuyen']),
    );
    for (const id of ['budget_revenue', 'budget_revenue_pct', 'poor_households_reduced',
      'near_poor_households_reduced', 'health_insurance_coverage', 'resolution_targets_met']) {
      expect(data.indicators.find((i) => i.id === id), id).toBeDefined();
    }
    expect(data.sources).toHaveLength(5);
  });

  it('every observation refers to a known unit, indicator and source and fits its indicator', () => {
    const ctx = ruleContext(data.units, data.indicators, data.sources);
    const problems = data.observations.flatMap((o) => observationProblems(o, ctx, o.id));
    expect(problems).toEqual([]);
  });

  it('dates every source inside the life of its unit', () => {
    const ctx = ruleContext(data.units, data.indicators, data.sources);
    expect(data.sources.flatMap((s) => sourceProblems(s, ctx).map((i) => ({ ...i, source: s.id })))).toEqual([]);
  });

  it('has unique ids, and every source belongs to the unit of its observations', () => {
    expect(new Set(data.observations.map((o) => o.id)).size).toBe(data.observations.length);
    const sourceUnit = new Map(data.sources.map((s) => [s.id, s.unitId]));
    for (const o of data.observations) expect(sourceUnit.get(o.sourceId), o.id).toBe(o.unitId);
  });

  it('names a report file in each source, and each quoted phrase is in that report', () => {
    const files = readdirSync(reports);
    for (const s of data.sources) {
      const file = files.find((f) => s.reference.includes(f));
      expect(file, s.id).toBeDefined();
      const text = readFileSync(join(reports, file!), 'utf8').normalize('NFC').replace(/\s+/g, ' ');
      for (const o of data.observations.filter((x) => x.sourceId === s.id)) {
        const quote = /“(.+?)”(?:\.|$)/.exec(o.note ?? '')?.[1];
        expect(quote, o.id).toBeDefined();
        expect(text, o.id).toContain(quote!.normalize('NFC').replace(/\s+/g, ' '));
      }
    }
  });

  it('keeps the reports’ key figures as written', () => {
    const find = (id: string) => data.observations.find((o) => o.id === id);
    expect(find('my-thoi-2024-q4-budget-revenue')).toMatchObject({ value: 12e9, qualifier: 'over' });
    expect(find('my-thoi-2024-q3-health-insurance-coverage')).toMatchObject({ value: 88.44 });
    expect(find('my-thoi-2024-q4-resolution-targets-met')).toMatchObject({ value: 10, outOf: 11, scope: 'year' });
    expect(find('my-binh-2023-q2-resolution-targets-met')).toMatchObject({ value: 10, outOf: 12, scope: 'term' });
    expect(find('my-quy-2024-q2-health-insurance-coverage')).toMatchObject({ asOf: '2024-05-31', qualifier: 'over' });
  });

  it('records the 2025 mergers: the old wards say where they went', () => {
    const unit = (id: string) => data.units.find((u) => u.id === id)!;
    expect(unit('my-binh')).toMatchObject({ validTo: '2025-06-30', successorId: 'long-xuyen' });
    expect(unit('my-quy')).toMatchObject({ validTo: '2025-06-30', successorId: 'long-xuyen' });
    expect(unit('my-thanh')).toMatchObject({ successorId: 'my-thoi' });
    expect(unit('my-thoi').changes?.[0]?.absorbed.map((a) => a.unitId)).toContain('my-thanh');
    // the code 30307 was reused: a unit is its id and dates, not its code
    expect(data.units.filter((u) => u.code === '30307').map((u) => u.id).sort()).toEqual(['long-xuyen', 'my-hoa']);
  });
});

describe('the register and the rules', () => {
  it("lets a report of a city or of the province give a ward's figure, as the register's containment says", () => {
    const reports = [
      { id: 'long-xuyen-city-2024', unitId: 'thanh-pho-long-xuyen' },
      { id: 'an-giang-89-2024', unitId: 'an-giang-89' },
      { id: 'an-giang-2026', unitId: 'an-giang' },
    ];
    const ctx = ruleContext(data.units, data.indicators, [...data.sources, ...reports], containersOf(data.units));
    const figure = data.observations.find((o) => o.id === 'my-thoi-2024-q4-budget-revenue')!;
    const citing = (sourceId: string, extra: object = {}) =>
      observationProblems({ ...figure, sourceId, ...extra }, ctx).map((i) => i.path);
    expect(citing('long-xuyen-city-2024')).toEqual([]);
    expect(citing('an-giang-89-2024')).toEqual([]);
    expect(citing('an-giang-2026', { period: '2026-Q1' })).toEqual([]);
    // a ward of another city is not inside Long Xuyên
    expect(citing('long-xuyen-city-2024', { unitId: 'vinh-my' })).toEqual(['sourceId']);
  });
});

describe('the synthetic dataset', () => {
  const indicators = data.indicators.filter((i) => i.family !== 'other');
  const made = syntheticDataset({ register: data.units, indicators, real: data.observations });

  it('is the same for the same seed, labelled "giả lập", and follows the rules', () => {
    const small = () => syntheticDataset({ register: data.units, indicators: indicators.slice(0, 3), units: 3, years: 2 });
    expect(small()).toEqual(small());
    expect(made.sources.every((s) => s.title.includes('giả lập') && s.reference.includes('giả lập'))).toBe(true);
    expect(made.observations.every((o) => o.note === 'Dữ liệu giả lập' && o.sourceId.startsWith('gia-lap-'))).toBe(true);
    const ctx = ruleContext(data.units, indicators, [...data.sources, ...made.sources]);
    expect(made.observations.flatMap((o) => observationProblems(o, ctx, o.id)).slice(0, 5)).toEqual([]);
    expect(made.sources.flatMap((s) => sourceProblems(s, ctx)).slice(0, 5)).toEqual([]);
  });

  it('puts figures on the 102 current communes of the register only, each within its life', () => {
    const current = data.units.filter((u) => u.validTo === null && u.kind !== 'tinh');
    expect(current).toHaveLength(102);
    expect(new Set(made.observations.map((o) => o.unitId))).toEqual(new Set(current.map((u) => u.id)));
    expect(made.units).toBe(data.units);
    // a ward that continued reports from 2019; one formed on 2025-07-01 from 2025-Q3
    const periods = (unitId: string) => [...new Set(made.observations.filter((o) => o.unitId === unitId).map((o) => o.period))];
    expect(periods('my-hoa-hung')).toHaveLength(32);
    expect(periods('long-xuyen')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('never puts a figure where a report gave one', () => {
    const key = (o: { unitId: string; indicatorId: string; period: string }) => `${o.unitId} ${o.indicatorId} ${o.period}`;
    const real = new Set(data.observations.map(key));
    expect(made.observations.filter((o) => real.has(key(o)))).toEqual([]);
    // Mỹ Thới reported these: the synthetic set skips exactly them, and keeps the rest of its quarters
    const mine = data.observations.filter((o) => o.unitId === 'my-thoi' && indicators.some((i) => i.id === o.indicatorId));
    expect(mine.length).toBeGreaterThan(0);
    const synthetic = made.observations.filter((o) => o.unitId === 'my-thoi').length;
    const inRange = mine.filter((o) => o.period >= '2019-Q1' && o.period <= '2026-Q4').length;
    expect(synthetic).toBe(32 * indicators.length - inRange);
    // and no id is taken twice
    const ids = [...data.observations, ...made.observations].map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sourceIds = [...data.sources, ...made.sources].map((s) => s.id);
    expect(new Set(sourceIds).size).toBe(sourceIds.length);
  });
});
