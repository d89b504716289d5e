import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
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
