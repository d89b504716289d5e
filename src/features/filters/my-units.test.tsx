import { act, renderHook } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MY_UNITS, MY_UNITS_KEY, readMyUnits, toggleMyUnit, useMyUnits } from './my-units';

afterEach(() => localStorage.clear());

describe('the person’s own units', () => {
  it('are kept in localStorage as a JSON list of ids, in the order they were marked', () => {
    toggleMyUnit('my-thoi');
    toggleMyUnit('an-giang');
    expect(localStorage.getItem(MY_UNITS_KEY)).toBe('["my-thoi","an-giang"]');
    toggleMyUnit('my-thoi');
    expect(readMyUnits()).toEqual(['an-giang']);
  });

  it('ignore a stored value that is not a list of at most 50 ids', () => {
    for (const bad of ['nope', '{"a":1}', '[1,2]', '["<script>"]', JSON.stringify(Array.from({ length: MAX_MY_UNITS + 1 }, (_, i) => `u${i}`))]) {
      localStorage.setItem(MY_UNITS_KEY, bad);
      expect(readMyUnits(), bad).toEqual([]);
    }
    localStorage.setItem(MY_UNITS_KEY, '["my-quy","my-quy"]');
    expect(readMyUnits()).toEqual(['my-quy']);
  });

  it('re-render the page when they change, here or in another tab', () => {
    const { result } = renderHook(() => useMyUnits());
    expect(result.current).toEqual([]);
    act(() => toggleMyUnit('my-binh'));
    expect(result.current).toEqual(['my-binh']);
    act(() => {
      localStorage.setItem(MY_UNITS_KEY, '["long-xuyen"]');
      window.dispatchEvent(new StorageEvent('storage', { key: MY_UNITS_KEY }));
    });
    expect(result.current).toEqual(['long-xuyen']);
  });

  it('with none marked, do not draw a page hydrated from the server’s HTML a second time', async () => {
    let renders = 0;
    function Marked() {
      renders++;
      return <p>{useMyUnits().length}</p>;
    }
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Marked />);
    renders = 0;
    const root = await act(async () => hydrateRoot(container, <Marked />));
    // a new empty list after hydration would differ from the server's and draw the page again
    expect(renders).toBe(1);
    expect(container.textContent).toBe('0');
    act(() => root.unmount());
  });
});
