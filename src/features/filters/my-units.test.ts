import { act, renderHook } from '@testing-library/react';
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
});
