import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, parseFilters, serializeFilters } from './url-state';

const now = new Date('2026-11-23T00:00:00');

describe('filters in the URL', () => {
  it('reads a shared link exactly', () => {
    expect(parseFilters('?unit=my-thoi&unit=my-binh&period=2024-Q3', now)).toEqual({
      filters: { units: ['my-thoi', 'my-binh'], period: '2024-Q3', latest: false },
      notices: [],
    });
  });

  it('round-trips through serialize, with a period and without one', () => {
    const filters = { units: ['my-quy', 'my-thoi'], period: '2026-Q1', latest: false };
    expect(parseFilters(serializeFilters(filters), now).filters).toEqual(filters);
    const latest = { units: ['my-quy'], period: '', latest: true };
    expect(serializeFilters(latest)).toBe('?unit=my-quy');
    expect(parseFilters(serializeFilters(latest), now).filters).toEqual(latest);
  });

  it('opens the default with no parameters: Mỹ Thới and the latest period with figures, and says nothing', () => {
    expect(parseFilters('', now)).toEqual({ filters: DEFAULT_FILTERS, notices: [] });
    expect(DEFAULT_FILTERS).toEqual({ units: ['my-thoi'], period: '', latest: true });
  });

  it('reads a link without a period as the latest period with figures, never writing the one found into it', () => {
    expect(parseFilters('?unit=an-giang', now)).toEqual({ filters: { units: ['an-giang'], period: '', latest: true }, notices: [] });
    // the period found is shown, but the link still names none: a reload asks again
    expect(serializeFilters({ units: ['an-giang'], period: '2025-Q3', latest: true })).toBe('?unit=an-giang');
  });

  it('falls back with a notice for garbage, field by field', () => {
    const r = parseFilters('?unit=%3Cscript%3E&period=2024-Q9&foo=1', now);
    expect(r.filters).toEqual(DEFAULT_FILTERS);
    expect(r.notices).toHaveLength(3);
    expect(r.notices[1]).toBe('Kỳ báo cáo “2024-Q9” không hợp lệ; đang hiển thị kỳ gần nhất có số liệu.');
    const keepsUnit = parseFilters('?unit=my-binh&period=abc', now);
    expect(keepsUnit.filters).toEqual({ units: ['my-binh'], period: '', latest: true });
  });

  it('keeps a link with every ward of a province (108 chosen), and refuses an absurd one', () => {
    const units = Array.from({ length: 108 }, (_, i) => `phuong-${i + 1}`);
    expect(parseFilters(serializeFilters({ units, period: '2024-Q4' }), now)).toEqual({
      filters: { units, period: '2024-Q4', latest: false },
      notices: [],
    });
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
    expect(parseFilters(cleared, now)).toEqual({ filters: { units: [], period: '2024-Q4', latest: false }, notices: [] });
    // an empty value beside real ones is ignored
    expect(parseFilters('?unit=&unit=my-thoi', now).filters.units).toEqual(['my-thoi']);
  });

  it('refuses years with no reports', () => {
    const r = parseFilters('?period=2019-Q4', now);
    expect(r.filters).toEqual(DEFAULT_FILTERS);
    expect(r.notices[0]).toBe('Không có kỳ báo cáo năm 2019; đang hiển thị kỳ gần nhất có số liệu.');
    expect(parseFilters('?period=1999-Q4', now).notices[0]).toContain('1999');
    expect(parseFilters('?period=2027-Q1', now).notices[0]).toContain('2027');
  });
});
