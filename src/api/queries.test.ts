import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { queries, queryKeys } from './queries';

describe('the query keys', () => {
  it('invalidating the sources (as after an import) covers the list and every single source', async () => {
    const client = new QueryClient();
    client.setQueryData(queries.sources().queryKey, []);
    client.setQueryData(queries.source('my-thoi-2024-year').queryKey, {
      id: 'my-thoi-2024-year',
      unitId: 'my-thoi',
      title: 'T',
      heldOn: '2024-12-30',
      periodLabel: 'P',
      reference: 'R',
      text: 'x',
    });
    client.setQueryData(queries.units().queryKey, []);
    await client.invalidateQueries({ queryKey: queryKeys.sources });
    const state = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(state(queries.sources().queryKey)).toBe(true);
    expect(state(queries.source('my-thoi-2024-year').queryKey)).toBe(true);
    expect(state(queries.units().queryKey)).toBe(false);
  });

  it('keys one source under the sources, by its id', () => {
    expect(queries.source('a-b').queryKey).toEqual(['sources', 'a-b']);
  });
});

describe('the observations of a filter', () => {
  it('asks only for the indicators given, as the API’s indicator parameter', async () => {
    const asked: URL[] = [];
    const listen = ({ request }: { request: Request }) => void asked.push(new URL(request.url));
    server.events.on('request:start', listen);
    try {
      const client = new QueryClient();
      const rows = await client.fetchQuery(
        queries.observations({ units: ['my-thoi'], family: 'poverty', indicators: ['poor_households_reduced'] }),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((o) => o.indicatorId))).toEqual(new Set(['poor_households_reduced']));
      expect(asked.map((u) => u.searchParams.getAll('indicator'))).toEqual([['poor_households_reduced']]);
      // without indicators: every indicator of the family
      const all = await client.fetchQuery(queries.observations({ units: ['my-thoi'], family: 'poverty' }));
      expect(new Set(all.map((o) => o.indicatorId)).size).toBeGreaterThan(1);
      expect(asked[1]!.searchParams.has('indicator')).toBe(false);
    } finally {
      server.events.removeListener('request:start', listen);
    }
  });

  it('has one key whatever the order of its units and indicators; an empty list of indicators is none given', () => {
    const key = (filter: Parameters<typeof queries.observations>[0]) => JSON.stringify(queries.observations(filter).queryKey);
    const a = key({ units: ['my-thoi', 'my-binh'], family: 'budget', indicators: ['budget_revenue_pct', 'budget_revenue'] });
    expect(key({ units: ['my-binh', 'my-thoi'], family: 'budget', indicators: ['budget_revenue', 'budget_revenue_pct'] })).toBe(a);
    expect(key({ units: ['my-thoi'], family: 'budget', indicators: [] })).toBe(key({ units: ['my-thoi'], family: 'budget' }));
    expect(key({ units: ['my-thoi'], family: 'budget', indicators: ['budget_revenue'] })).not.toBe(key({ units: ['my-thoi'], family: 'budget' }));
  });
});
