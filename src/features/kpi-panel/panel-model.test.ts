import { describe, expect, it } from 'vitest';
import { summarizeSource, type SourceSummary } from '../../api/contract';
import { TEST_INDICATORS, TEST_OBSERVATIONS, TEST_SOURCES, TEST_UNITS } from '../../lib/test-data';
import { FAMILIES } from './families';
import { buildPanelModel } from './panel-model';

const data = { units: TEST_UNITS, indicators: TEST_INDICATORS, sources: TEST_SOURCES, observations: TEST_OBSERVATIONS };
/** The sources as GET /api/sources lists them. */
const listed = data.sources.map(summarizeSource);
const budget = FAMILIES.find((f) => f.family === 'budget')!;

function model(sources: readonly SourceSummary[], unitIds = ['my-thoi'], period = '2024-Q4') {
  return buildPanelModel({
    config: budget,
    unitIds,
    period,
    observations: data.observations.filter((o) => unitIds.includes(o.unitId)),
    units: data.units,
    indicators: data.indicators,
    sources,
  });
}

describe('buildPanelModel: sources', () => {
  it('lists the reports behind the shown figures, newest first, with title, date and reference', () => {
    const m = model(listed);
    expect(m.sources.map((s) => s.id)).toEqual(['my-thoi-2026-q1', 'my-thoi-2024-year', 'my-thoi-2024-9m']);
    expect(m.sources[1]).toEqual({
      id: 'my-thoi-2024-year',
      title: 'Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024',
      date: '30/12/2024',
      reference: expect.stringContaining('seeds/000_5e51efec5228260f.txt') as string,
    });
  });

  it('says which reports have a stored text, without carrying any text', () => {
    const text = 'Thu ngân sách đạt trên 12 tỉ đồng.\n<img src=x onerror=alert(1)> & <b>đậm</b>';
    const sources = data.sources.map((s) => summarizeSource(s.id === 'my-thoi-2024-year' ? { ...s, text } : s));
    const m = model(sources);
    expect(m.sources.find((s) => s.id === 'my-thoi-2024-year')).toMatchObject({ hasText: true });
    expect(m.sources.find((s) => s.id === 'my-thoi-2024-9m')).not.toHaveProperty('hasText');
    expect(JSON.stringify(m)).not.toContain('12 tỉ');
  });

  it('leaves out the sources of wards that are not chosen', () => {
    const m = model(listed, ['my-quy'], '2024-Q2');
    expect(m.sources.map((s) => s.id)).toEqual(['my-quy-2024-6m']);
  });
});
