/**
 * The latest period of a view, found from one request across the panels, and the figures it
 * leaves under each panel's key: exactly what that panel's own request answers (msw over the
 * reports, and over the synthetic province, labelled giả lập).
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../data';
import { syntheticDataset } from '../../../data/synthetic';
import { createHandlers } from '../../../mocks/handlers';
import { observationRequests, server } from '../../../mocks/node';
import { queries } from '../../api/queries';
import { comparesUnits } from './compare';
import { findLatestPeriod } from './latest-period';
import { PANEL_FAMILIES, panelObservations } from './panel-query';
import { unitsInView } from './units-in-view';

const YEARS = { first: 2020, last: 2026 };

/** Each panel's key holds what a fresh request for it answers. */
async function expectSeededLikeFetched(client: QueryClient, view: string[], period: string) {
  for (const family of PANEL_FAMILIES) {
    const options = panelObservations(family, view, period, comparesUnits(view.length));
    const seeded = client.getQueryData(options.queryKey);
    expect(seeded, family).toBeDefined();
    expect(seeded, family).toEqual(await new QueryClient().fetchQuery(options));
  }
}

afterEach(() => server.events.removeAllListeners());

describe('findLatestPeriod', () => {
  it('finds a ward’s latest period in one request, and gives each panel its figures', async () => {
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    const asked = observationRequests();
    expect(await findLatestPeriod(client, ['my-thoi'], register, YEARS)).toBe('2026-Q1');
    expect(asked).toHaveLength(1);
    await expectSeededLikeFetched(client, ['my-thoi'], '2026-Q1');
    // several units: the latest of any; a former ward's figures stop in 2024
    expect(await findLatestPeriod(client, ['my-quy', 'my-binh'], register, YEARS)).toBe('2024-Q2');
    await expectSeededLikeFetched(client, ['my-quy', 'my-binh'], '2024-Q2');
  });

  it('walks back year by year for the province, whose communes are compared, and never asks for a year twice', async () => {
    const real = loadDataset();
    // synthetic figures (giả lập) of 2025 only: the province exists from 1 July 2025
    const data = syntheticDataset({ register: real.units, indicators: real.indicators, firstYear: 2025, years: 1 });
    server.use(...createHandlers({ ...real, ...data, units: real.units, indicators: real.indicators }));
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    const asked = observationRequests();
    expect(await findLatestPeriod(client, ['an-giang'], register, YEARS)).toBe('2025-Q4');
    // 2026 (nothing), then 2025
    expect(asked.map((u) => u.searchParams.get('from'))).toEqual(['2026-Q1', '2025-Q1']);
    const view = unitsInView(['an-giang'], '2025-Q4', register);
    expect(view).toHaveLength(102);
    await expectSeededLikeFetched(client, view, '2025-Q4');
  });

  it('says there is none for a unit without figures, and for unknown ids', async () => {
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    expect(await findLatestPeriod(client, ['vinh-hau'], register, YEARS)).toBeNull();
    expect(await findLatestPeriod(client, ['khong-co'], register, YEARS)).toBeNull();
  });
});
