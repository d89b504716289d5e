import { describe, expect, it } from 'vitest';
import { registerUnits } from '../../../data';
import { chipLabel, pickerList, readRegister } from './picker-model';
import { buildUnitIndex } from './unit-search';

const units = registerUnits();
const register = readRegister(units, buildUnitIndex(units), '2026-01-01');
const byId = (id: string) => units.find((u) => u.id === id)!;
const group = (list: ReturnType<typeof pickerList>, label: string) => list.groups.find((g) => g.label === label);

describe('what the picker lists', () => {
  it('starts with the whole province, then the current communes, capped, saying how many are left', () => {
    const list = pickerList(register, '');
    expect(list.groups.map((g) => g.label).slice(0, 2)).toEqual(['Toàn tỉnh', 'Xã, phường, đặc khu hiện nay']);
    expect(list.groups[0]!.options).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: 'an-giang' }), hint: '102 xã, phường' })]);
    expect(list.options).toHaveLength(50);
    expect(list.matched).toBe(units.length);
    expect(list.hidden).toBeGreaterThan(units.length - 50);
    // nothing former is shown before every current commune has been
    expect(list.options.every((o) => o.unit.validTo === null)).toBe(true);
  });

  it('lists the person’s own units first when nothing is typed, and not twice while searching', () => {
    const mine = pickerList(register, '', { myUnits: ['my-quy', 'khong-co'] });
    expect(mine.groups[1]).toMatchObject({ label: 'Đơn vị của tôi', options: [{ unit: { id: 'my-quy' }, hint: 'Phường Mỹ Quý (đến 30/06/2025)' }] });
    expect(group(pickerList(register, 'my quy', { myUnits: ['my-quy'] }), 'Đơn vị của tôi')).toBeUndefined();
  });

  it('groups a former ward under the unit it went into, saying until when', () => {
    const list = pickerList(register, 'my binh');
    const former = group(list, 'Đơn vị cũ, nay thuộc Phường Long Xuyên');
    expect(former?.options).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: 'my-binh' }), hint: 'đến 30/06/2025, nay thuộc Phường Long Xuyên' }),
    ]);
    expect(list.groups.map((g) => g.label)).toEqual([former!.label]);
    // with a current match too, the current communes come first
    const labels = pickerList(register, '30307').groups.map((g) => g.label);
    expect(labels).toEqual(['Xã, phường, đặc khu hiện nay', 'Đơn vị cũ, nay thuộc Phường Long Xuyên']);
  });

  it('lists a split commune under each unit it went into, as a part', () => {
    const list = pickerList(register, 'Phước Hưng');
    const under = list.options.filter((o) => o.unit.id === 'phuoc-hung');
    expect(under.map((o) => o.hint)).toEqual([
      'đến 30/06/2025, một phần nay thuộc Xã An Phú',
      'đến 30/06/2025, một phần nay thuộc Xã Nhơn Hội',
      'đến 30/06/2025, một phần nay thuộc Xã Phú Hữu',
    ]);
    expect(new Set(under.map((o) => o.key)).size).toBe(3);
  });

  it('follows a merger of 2025-01-01 to the unit of today', () => {
    const hint = pickerList(register, 'Đông Xuyên').options.find((o) => o.unit.id === 'dong-xuyen')?.hint;
    expect(hint).toBe('đến 31/12/2024, nhập vào Phường Mỹ Xuyên; nay thuộc Phường Long Xuyên');
  });

  it('offers a former district as one choice, with its communes counted on its last day', () => {
    const list = pickerList(register, 'tp long xuyen');
    const district = list.options.find((o) => o.unit.id === 'thanh-pho-long-xuyen');
    expect(district?.hint).toMatch(/^đến 30\/06\/2025 · \d+ xã, phường$/);
    expect(group(list, 'Tỉnh, huyện, thị xã, thành phố trước 01/07/2025')?.options.map((o) => o.unit.id)).toContain('thanh-pho-long-xuyen');
  });

  it('names chips as a person reads them', () => {
    expect(chipLabel(register, byId('an-giang'))).toBe('Toàn tỉnh An Giang (102 xã, phường)');
    expect(chipLabel(register, byId('my-thoi'))).toBe('Phường Mỹ Thới');
    expect(chipLabel(register, byId('my-binh'))).toBe('Phường Mỹ Bình (đến 30/06/2025)');
    expect(chipLabel(register, byId('thanh-pho-long-xuyen'))).toMatch(/^Thành phố Long Xuyên \(đến 30\/06\/2025, \d+ xã, phường\)$/);
  });
});
