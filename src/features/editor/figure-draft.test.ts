import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../api/rules';
import { loadDataset } from '../../../data';
import { checkFigureUpdate, checkNewFigure, draftFromObservation, emptyDraft, readTypedNumber, typedNumber } from './figure-draft';

const data = loadDataset();
const ctx = ruleContext(data.units, data.indicators, data.sources);
const names = { unitName: (id: string) => data.units.find((u) => u.id === id)?.name ?? id };
const good = emptyDraft({ unitId: 'my-thoi', indicatorId: 'health_insurance_coverage', year: '2025', quarter: '2', value: '91,5', sourceId: 'my-thoi-2024-year' });

describe('readTypedNumber', () => {
  it.each([
    ['88,44', 88.44],
    ['1.770', 1770],
    ['03', 3],
    ['12 tỷ', 12e9],
    ['7 tỷ 265 triệu', 7.265e9],
    ['528 triệu đồng', 528e6],
    ['95%', 95],
    ['-2', -2],
  ])('%s → %d', (raw, value) => expect(readTypedNumber(raw)).toBe(value));

  it.each(['', 'abc', '12 tỷ và 3', 'trên 12 tỷ', '1,2,3'])('%s is not a number', (raw) => expect(readTypedNumber(raw)).toBeNull());

  it('writes numbers back the way they are typed', () => {
    expect(typedNumber(88.44)).toBe('88,44');
    expect(typedNumber(12e9)).toBe('12000000000');
    expect(readTypedNumber(typedNumber(1770.5))).toBe(1770.5);
  });
});

describe('checkNewFigure', () => {
  it('accepts a good draft as the contract wants it', () => {
    const r = checkNewFigure(good, ctx, names);
    expect(r).toEqual({
      ok: true,
      value: { unitId: 'my-thoi', indicatorId: 'health_insurance_coverage', period: '2025-Q2', value: 91.5, qualifier: 'exact', sourceId: 'my-thoi-2024-year' },
    });
  });

  it('says in Vietnamese what is wrong, field by field', () => {
    const r = checkNewFigure(emptyDraft({ value: 'abc', year: '24', outOf: '0' }), ctx, names);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.value).toEqual(['Không đọc được số “abc”. Viết kiểu 88,44 hoặc 1.770 (hoặc 12 tỷ).']);
    expect(r.errors.period).toEqual(['Năm phải có 4 chữ số, ví dụ 2024.']);
    expect(r.errors.unitId).toEqual(['Hãy chọn phường, xã.']);
    expect(r.errors.indicatorId).toEqual(['Hãy chọn chỉ tiêu.']);
    expect(r.errors.sourceId).toEqual(['Hãy chọn nguồn số liệu.']);
    expect(r.errors.outOf).toEqual(['Tổng số phải lớn hơn 0.']);
  });

  it('applies the indicator rules after the contract', () => {
    const over = checkNewFigure({ ...good, value: '120' }, ctx, names);
    expect(over).toEqual({ ok: false, errors: { value: ['Giá trị không được quá 100.'] } });
    const gone = checkNewFigure({ ...good, unitId: 'my-binh', year: '2026', quarter: '1' }, ctx, names);
    expect(gone.ok ? [] : gone.errors.period).toEqual([
      'Phường Mỹ Bình không tồn tại trong kỳ Quý I 2026 (đơn vị đã sáp nhập hoặc chưa thành lập).',
    ]);
    const targets = checkNewFigure({ ...good, indicatorId: 'resolution_targets_met', value: '10' }, ctx, names);
    expect(targets.ok ? [] : targets.errors.outOf).toEqual(['Chỉ tiêu đạt cần có tổng số chỉ tiêu (ví dụ “10/11”: nhập 11).']);
  });
});

describe('checkFigureUpdate', () => {
  it('round-trips a stored observation with its version', () => {
    const o = data.observations.find((x) => x.outOf !== undefined)!;
    const r = checkFigureUpdate(draftFromObservation(o), o.version, ctx);
    const fields: Partial<typeof o> = { ...o };
    delete fields.id;
    expect(r).toEqual({ ok: true, value: fields });
  });
});
