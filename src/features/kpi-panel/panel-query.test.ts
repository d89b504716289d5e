/**
 * The panels' queries started ahead of them: a comparison's quarter by quarter across the
 * families, each panel's key holding exactly what one request of its own would answer; a
 * trend's one per family.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { observationRequests, server, settled } from '../../../mocks/node';
import { queries } from '../../api/queries';
import { comparedIndicatorsOf, comparedQuarter, comparedSamePeriod, PANEL_FAMILIES, panelObservations, prefetchPanels } from './panel-query';
import { unitsInView } from './units-in-view';

afterEach(() => server.events.removeAllListeners());

describe('prefetchPanels', () => {
  /** What one request of the panel's own, for its whole span, answers. */
  const ownRequest = (family: (typeof PANEL_FAMILIES)[number], view: string[], period: string) => {
    const { queryKey } = panelObservations(family, view, period, true);
    const filter = queryKey[1];
    return new QueryClient().fetchQuery(queries.observations({ ...filter, family }));
  };

  it('asks for a comparison of the province once across the families, and gives each panel what its own request would', async () => {
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    const view = unitsInView(['an-giang'], '2026-Q1', register);
    const asked = observationRequests();
    prefetchPanels(client, view, '2026-Q1');
    await settled(client);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.searchParams.getAll('unit')).toHaveLength(102);
    expect(asked[0]!.searchParams.getAll('indicator').sort()).toEqual(PANEL_FAMILIES.flatMap(comparedIndicatorsOf).sort());
    // asked again: nothing new (every panel has its figures)
    prefetchPanels(client, view, '2026-Q1');
    await settled(client);
    expect(asked).toHaveLength(1);
    for (const family of PANEL_FAMILIES) {
      const options = panelObservations(family, view, '2026-Q1', true);
      expect(client.getQueryData(options.queryKey), family).toEqual(await ownRequest(family, view, '2026-Q1'));
    }
  });

  it('on a change of quarter asks for the new quarter alone, and each panel still gets the year so far', async () => {
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    const view = unitsInView(['an-giang'], '2026-Q2', register);
    prefetchPanels(client, view, '2026-Q2');
    await settled(client);
    const asked = observationRequests();
    prefetchPanels(client, view, '2026-Q3');
    await settled(client);
    expect(asked.map((u) => [u.searchParams.get('from'), u.searchParams.get('to')])).toEqual([['2026-Q3', '2026-Q3']]);
    for (const family of PANEL_FAMILIES) {
      const figures = client.getQueryData(panelObservations(family, view, '2026-Q3', true).queryKey);
      expect(figures, family).toEqual(await ownRequest(family, view, '2026-Q3'));
    }
    expect(client.getQueryData(panelObservations('budget', view, '2026-Q3', true).queryKey)).not.toHaveLength(0);
  });

  it('puts a view’s figures together at once when its quarters are all in the cache, as old as the oldest quarter', async () => {
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    const view = unitsInView(['an-giang'], '2026-Q2', register);
    prefetchPanels(client, view, '2026-Q2');
    await settled(client);
    const own = await Promise.all(PANEL_FAMILIES.map((family) => ownRequest(family, view, '2026-Q1')));
    const asked = observationRequests();
    // back to Quý I: its quarter came with the 6 tháng; the panels find their figures as the change is drawn
    prefetchPanels(client, view, '2026-Q1');
    const quarter = client.getQueryState(comparedQuarter(view, '2026-Q1').queryKey)!;
    for (const [i, family] of PANEL_FAMILIES.entries()) {
      const { queryKey } = panelObservations(family, view, '2026-Q1', true);
      expect(client.getQueryData(queryKey), family).toEqual(own[i]);
      expect(client.getQueryState(queryKey)!.dataUpdatedAt, family).toBe(quarter.dataUpdatedAt);
    }
    await settled(client);
    expect(asked).toEqual([]);
    // a quarter not in the cache: nothing is put together, the panels wait for it
    prefetchPanels(client, view, '2026-Q3');
    expect(client.getQueryData(panelObservations('budget', view, '2026-Q3', true).queryKey)).toBeUndefined();
    await settled(client);
  });

  it('keeps the quarters out of the saved copies (the views made of them are kept)', () => {
    expect(comparedQuarter(['my-thoi'], '2026-Q1').meta).toEqual({ saved: false });
    expect('meta' in panelObservations('budget', ['my-thoi'], '2026-Q1', true)).toBe(false);
  });

  it('asks for a trend family by family, and nothing while the period is not known', async () => {
    const client = new QueryClient();
    await client.fetchQuery(queries.indicators());
    const asked = observationRequests();
    prefetchPanels(client, ['my-thoi'], '');
    expect(asked).toHaveLength(0);
    prefetchPanels(client, ['my-thoi'], '2024-Q4');
    await settled(client);
    expect(asked.map((u) => u.searchParams.getAll('family'))).toEqual(PANEL_FAMILIES.map((f) => [f]));
  });
});

describe('comparedSamePeriod', () => {
  it('asks for the same spans a year earlier quarter by quarter, of every family’s compared indicators, and nothing without a period', async () => {
    const asked = observationRequests();
    const client = new QueryClient();
    const units = ['my-thoi', 'my-hoa-hung'];
    const figures = await client.fetchQuery(comparedSamePeriod(units, '2026-Q3'));
    expect(asked.map((u) => [u.searchParams.get('from'), u.searchParams.get('to')])).toEqual([
      ['2025-Q1', '2025-Q1'],
      ['2025-Q2', '2025-Q2'],
      ['2025-Q3', '2025-Q3'],
    ]);
    for (const q of asked.map((u) => u.searchParams)) {
      expect(q.getAll('unit')).toEqual(['my-hoa-hung', 'my-thoi']);
      expect(q.getAll('family')).toEqual([...PANEL_FAMILIES].sort());
      expect(q.getAll('indicator')).toEqual([...new Set(PANEL_FAMILIES.flatMap(comparedIndicatorsOf))].sort());
    }
    // the same rows, in the same order, as one request for the span
    const { queryKey } = comparedSamePeriod(units, '2026-Q3');
    expect(figures).toEqual(await new QueryClient().fetchQuery(queries.observations(queryKey[1])));
    expect(comparedSamePeriod(['my-thoi'], '').enabled).toBe(false);
  });

  it('serves a change to the year before from the quarters it asked for', async () => {
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    const view = unitsInView(['an-giang'], '2026-Q3', register);
    await client.fetchQuery(comparedSamePeriod(view, '2026-Q3'));
    const asked = observationRequests();
    prefetchPanels(client, view, '2025-Q3');
    await settled(client);
    expect(asked).toHaveLength(0);
    for (const family of PANEL_FAMILIES) expect(client.getQueryData(panelObservations(family, view, '2025-Q3', true).queryKey), family).toBeDefined();
  });
});
