/**
 * The panels' queries started ahead of them: a comparison's in one request across the families,
 * each panel's key holding exactly what its own request answers; a trend's one per family.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { queries } from '../../api/queries';
import { comparedIndicatorsOf, comparedSamePeriod, PANEL_FAMILIES, panelObservations, prefetchPanels } from './panel-query';
import { unitsInView } from './units-in-view';

function observationRequests() {
  const asked: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/observations') asked.push(url);
  });
  return asked;
}

/** Waits until no query is fetching. */
const settled = (client: QueryClient) =>
  new Promise<void>((resolve) => {
    const check = () => (client.isFetching() === 0 ? resolve() : setTimeout(check, 10));
    check();
  });

afterEach(() => server.events.removeAllListeners());

describe('prefetchPanels', () => {
  it('asks for a comparison of the province in one request, and gives each panel what its own request would', async () => {
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    await client.fetchQuery(queries.indicators());
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
      expect(client.getQueryData(options.queryKey), family).toEqual(await new QueryClient().fetchQuery(options));
    }
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
  it('asks for the same spans a year earlier, of every family’s compared indicators, and nothing without a period', async () => {
    const asked = observationRequests();
    const client = new QueryClient();
    const options = comparedSamePeriod(['my-thoi', 'my-hoa-hung'], '2026-Q3');
    await client.fetchQuery(options);
    expect(asked).toHaveLength(1);
    const q = asked[0]!.searchParams;
    expect([q.get('from'), q.get('to'), q.getAll('unit')]).toEqual(['2025-Q1', '2025-Q3', ['my-hoa-hung', 'my-thoi']]);
    expect(q.getAll('family')).toEqual([...PANEL_FAMILIES].sort());
    expect(q.getAll('indicator')).toEqual([...new Set(PANEL_FAMILIES.flatMap(comparedIndicatorsOf))].sort());
    expect(comparedSamePeriod(['my-thoi'], '').enabled).toBe(false);
  });
});
