import { describe, expect, it } from 'vitest';
import { registerUnits } from '../../../data';
import type { Unit } from '../../api/contract';
import { bareName, buildUnitIndex, MatchRank, normalizeQuery, normalizeText, searchUnits } from './unit-search';

const index = buildUnitIndex(registerUnits());
const ids = (query: string) => searchUnits(index, query).map((m) => m.unit.id);
const first = (query: string) => searchUnits(index, query)[0];

const unit = (id: string, name: string, code: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  code,
  name,
  kind: 'phuong',
  province: 'An Giang',
  validFrom: null,
  validTo: null,
  ...extra,
});

describe('normalising names and queries', () => {
  it('drops diacritics, case and punctuation, and đ becomes d', () => {
    expect(normalizeText('  Phường  MỸ THỚI ')).toBe('phuong my thoi');
    expect(normalizeText('Đặc khu Phú Quốc')).toBe('dac khu phu quoc');
    expect(normalizeText('Hoà')).toBe(normalizeText('Hòa'));
    expect(normalizeText('P.Mỹ-Thới')).toBe('p my thoi');
  });

  it('takes the kind word off a name as written', () => {
    expect(bareName('Phường Mỹ Thới')).toBe('Mỹ Thới');
    expect(bareName('Thành phố Long Xuyên')).toBe('Long Xuyên');
    expect(bareName('Đặc khu Phú Quốc')).toBe('Phú Quốc');
    expect(bareName('Tỉnh An Giang')).toBe('An Giang');
    expect(bareName('Mỹ Thới')).toBe('Mỹ Thới');
  });

  it('writes out a kind abbreviation before a name, and nothing else', () => {
    expect(normalizeQuery('p. Mỹ Thới')).toBe('phuong my thoi');
    expect(normalizeQuery('TP Long Xuyên')).toBe('thanh pho long xuyen');
    expect(normalizeQuery('x my hoa hung')).toBe('xa my hoa hung');
    // a lone letter is the start of a name being typed
    expect(normalizeQuery('p')).toBe('p');
    expect(normalizeQuery('phu quoc')).toBe('phu quoc');
  });
});

describe('searching the register', () => {
  it('finds Phường Mỹ Thới first however it is typed', () => {
    for (const q of ['my thoi', 'MỸ THỚI', 'Mỹ Thới', '30301', 'p. my thoi', 'phuong my thoi', 'Phường Mỹ Thới', 'P.Mỹ Thới']) {
      expect(first(q)?.unit.id, q).toBe('my-thoi');
    }
  });

  it('reads Hoà as Hòa, and counts other spellings', () => {
    expect(ids('Mỹ Hoà Hưng')[0]).toBe('my-hoa-hung');
    expect(ids('Mỹ Hòa Hưng')[0]).toBe('my-hoa-hung');
    // Ô Long Vỹ is also written Ô Long Vĩ (otherNames): either finds it
    const vy = registerUnits().find((u) => u.otherNames?.some((n) => n.includes('Ô Long Vĩ')));
    expect(vy).toBeDefined();
    expect(ids('o long vi')).toContain(vy!.id);
    expect(ids('o long vy')).toContain(vy!.id);
  });

  it('finds every unit that has a code, current and former, by that code', () => {
    // 30307 was Phường Mỹ Hòa's and is now Phường Long Xuyên's
    const found = searchUnits(index, '30307');
    expect(found.slice(0, 2).map((m) => m.unit.id).sort()).toEqual(['long-xuyen', 'my-hoa']);
    expect(found.slice(0, 2).every((m) => m.rank === MatchRank.exactCode)).toBe(true);
  });

  it('ranks exact code, then name start, then word start, then contains', () => {
    const small = buildUnitIndex([
      unit('a', 'Phường Bình Hòa', '00004'),
      unit('b', 'Xã Hòa Bình', '00003'),
      unit('c', 'Xã Tân Hòa', '00002'),
      unit('d', 'Xã Phú Thọ Hòa', '00001', { otherNames: ['Xã Phú Thọ Hoà'] }),
      unit('e', 'Xã Chòa', '00005'),
      unit('f', 'Xã Khác', '00006'),
    ]);
    const got = searchUnits(small, 'hoa');
    expect(got.map((m) => [m.unit.id, m.rank])).toEqual([
      ['b', MatchRank.nameStart],
      ['a', MatchRank.wordStart],
      ['d', MatchRank.wordStart],
      ['c', MatchRank.wordStart],
      ['e', MatchRank.contains],
    ]);
    expect(searchUnits(small, '00003')[0]).toMatchObject({ unit: { id: 'b' }, rank: MatchRank.exactCode });
    // a code typed in part comes after the names
    expect(searchUnits(small, '0000').map((m) => m.rank)).toEqual(Array(6).fill(MatchRank.contains));
  });

  it('orders ties alphabetically in Vietnamese, by the name without its kind', () => {
    const small = buildUnitIndex([unit('c', 'Xã Ân Thạnh', '1'), unit('a', 'Phường Bình Đức', '2'), unit('b', 'Xã An Biên', '3')]);
    expect(searchUnits(small, '').map((m) => m.unit.id)).toEqual(['b', 'c', 'a']);
  });

  it('matches every unit of the register for a blank query, and none for nonsense', () => {
    expect(ids('  ')).toHaveLength(registerUnits().length);
    expect(ids('zzzz')).toEqual([]);
  });

  it('costs little per keystroke with the whole register (normalised once)', () => {
    const typed = 'phuong my thoi';
    const started = performance.now();
    for (let i = 1; i <= typed.length; i++) searchUnits(index, typed.slice(0, i));
    // far under the 16 ms a keystroke may cost in the page; generous for a loaded machine
    expect((performance.now() - started) / typed.length).toBeLessThan(8);
  });
});
