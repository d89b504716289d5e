/**
 * The figures a view's targets ask for, asked before the list is drawn (app/prefetch.ts, on a
 * change of the filters): once the view's resolutions of the year are known, a change of quarter
 * asks for that quarter's figures of the targets' indicators at once; before they are known,
 * nothing (the list asks once it has them). Resolutions "giả lập" of the register's communes.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../data';
import { syntheticResolutions } from '../../../data/synthetic';
import { createHandlers } from '../../../mocks/handlers';
import { observationRequests, server, settled } from '../../../mocks/node';
import { queries, resolutionsQuery } from '../../api/queries';
import { communesOf } from '../../api/units';
import { prefetchTargetFigures, targetFigures, targetsAsk } from './target-figures';

const dataset = loadDataset();
const resolutions = syntheticResolutions({ register: dataset.units });

afterEach(() => server.events.removeAllListeners());

describe('prefetchTargetFigures', () => {
  it('asks for the new quarter’s figures of the targets’ indicators as soon as the view’s resolutions are known', async () => {
    server.use(...createHandlers({ ...dataset, resolutions }));
    const client = new QueryClient();
    const register = await client.fetchQuery(queries.units());
    // the province's communes, as the panels compare them
    const view = communesOf(register, 'an-giang', '2026-06-30').map((u) => u.id);
    const asked = observationRequests();

    // the year's resolutions not known yet: nothing is asked
    prefetchTargetFigures(client, view, '2026-Q2');
    await settled(client);
    expect(asked).toHaveLength(0);

    const inForce = await client.fetchQuery(resolutionsQuery(view, 2026));
    prefetchTargetFigures(client, view, '2026-Q2');
    const ask = targetsAsk(inForce, '2026-Q2');
    expect(ask.units.length).toBeGreaterThan(90);
    // the years before, Quý I and Quý II of 2026: the same parts the list's own queries are
    const expected = targetFigures(ask, '2026-Q2').map((o) => o.queryKey);
    expect(expected.length).toBe(3);
    await settled(client);
    for (const queryKey of expected) expect(client.getQueryData(queryKey), JSON.stringify(queryKey[1])).toBeDefined();
    const quarter = asked.find((url) => url.searchParams.get('from') === '2026-Q2');
    expect(quarter?.searchParams.getAll('indicator').sort()).toEqual([...ask.indicators].sort());
  });
});
