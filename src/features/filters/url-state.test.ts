import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, parseFilters, serializeFilters } from './url-state';

const now = new Date('2026-11-23T00:00:00');

describe('filters in the URL', () => {
  it('reads a shared link exactly', () => {
    expect(parseFilters('?unit=my-thoi&unit=my-binh&period=2024-Q3', now)).toEqual({
      filters: { units: ['my-thoi', 'my-binh'], period: '2024-Q3' },
      notices: [],
    });
  });

  it('round-trips through serialize', () => {
    const filters = { units: ['my-quy', 'my-thoi'], period: '2026-Q1' };
    expect(parseFilters(serializeFilters(filters), now).filters).toEqual(filters);
  });

  it('opens the default with no parameters, and says nothing', () => {
    expect(parseFilters('', now)).toEqual({ filters: DEFAULT_FILTERS, notices: [] });
  });

  it('falls back with a notice for garbage, field by field', () => {
    const r = parseFilters('?unit=%3Cscript%3E&period=2024-Q9&foo=1', now);
    expect(r.filters).toEqual(DEFAULT_FILTERS);
    expect(r.notices).toHaveLength(3);
    expect(r.notices[1]).toContain('2024-Q9');
    const keepsUnit = parseFilters('?unit=my-binh&period=abc', now);
    expect(keepsUnit.filters).toEqual({ units: ['my-binh'], period: DEFAULT_FILTERS.period });
  });

  it('keeps a link with every ward of a province (108 chosen), and refuses an absurd one', () => {
    const units = Array.from({ length: 108 }, (_, i) => `phuong-${i + 1}`);
    expect(parseFilters(serializeFilters({ units, period: '2024-Q4' }), now)).toEqual({ filters: { units, period: '2024-Q4' }, notices: [] });
    const absurd = Array.from({ length: 5000 }, (_, i) => `unit=w${i}`).join('&');
    const r = parseFilters(`?${absurd}`, now);
    expect(r.filters.units).toEqual(DEFAULT_FILTERS.units);
    expect(r.notices[0]).toContain('không hợp lệ');
  });

  it('keeps a province or a former district as one unit', () => {
    expect(parseFilters('?unit=an-giang&period=2024-Q4', now).filters.units).toEqual(['an-giang']);
    expect(parseFilters('?unit=thanh-pho-long-xuyen&unit=my-thoi', now).filters.units).toEqual(['thanh-pho-long-xuyen', 'my-thoi']);
  });

  it('writes a cleared choice as “unit=” and reads it back as no unit, not as the default one', () => {
    const cleared = serializeFilters({ units: [], period: '2024-Q4' });
    expect(cleared).toBe('?unit=&period=2024-Q4');
    expect(parseFilters(cleared, now)).toEqual({ filters: { units: [], period: '2024-Q4' }, notices: [] });
    // an empty value beside real ones is ignored
    expect(parseFilters('?unit=&unit=my-thoi', now).filters.units).toEqual(['my-thoi']);
  });

  it('refuses years with no reports', () => {
    const r = parseFilters('?period=1999-Q4', now);
    expect(r.filters.period).toBe(DEFAULT_FILTERS.period);
    expect(r.notices[0]).toContain('1999');
  });
});
