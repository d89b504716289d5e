import { describe, expect, it } from 'vitest';
import type { Unit } from './contract';
import { communesOf, containersOf, isCurrent, unitLevel } from './units';

const u = (id: string, fields: Partial<Unit> = {}): Unit => ({
  id,
  code: '30000',
  name: id,
  kind: 'phuong',
  province: 'P',
  validFrom: null,
  validTo: null,
  ...fields,
});

// a small register: a province formed in 2025 from an old one, a former city, three wards
const units: Unit[] = [
  u('new-province', { code: '91', kind: 'tinh', validFrom: '2025-07-01' }),
  u('old-province', { code: '89', kind: 'tinh', validTo: '2025-06-30' }),
  u('city', { code: '883', kind: 'thanh_pho', validTo: '2025-06-30', parentIds: ['old-province'] }),
  u('kept', { parentIds: ['city', 'new-province'] }),
  u('ended', { validTo: '2025-06-30', parentIds: ['city'] }),
  u('formed', { kind: 'dac_khu', validFrom: '2025-07-01', parentIds: ['new-province'] }),
];

describe('unit levels', () => {
  it.each([
    ['tinh', 'province'],
    ['thanh_pho', 'district'],
    ['thi_xa', 'district'],
    ['huyen', 'district'],
    ['phuong', 'commune'],
    ['xa', 'commune'],
    ['thi_tran', 'commune'],
    ['dac_khu', 'commune'],
  ] as const)('%s is a %s', (kind, level) => expect(unitLevel(kind)).toBe(level));
});

describe('isCurrent', () => {
  it('holds from validFrom to validTo, both days included', () => {
    const formed = { validFrom: '2025-07-01', validTo: null };
    const ended = { validFrom: null, validTo: '2025-06-30' };
    expect([isCurrent(formed, '2025-06-30'), isCurrent(formed, '2025-07-01')]).toEqual([false, true]);
    expect([isCurrent(ended, '2025-06-30'), isCurrent(ended, '2025-07-01')]).toEqual([true, false]);
    expect(isCurrent({ validFrom: null, validTo: null }, '1990-01-01')).toBe(true);
  });
});

describe('containersOf', () => {
  const of = containersOf(units);
  it('follows parentIds to every level, nearest first, each once', () => {
    expect(of('kept')).toEqual(['city', 'old-province', 'new-province']);
    expect(of('ended')).toEqual(['city', 'old-province']);
    expect(of('new-province')).toEqual([]);
    expect(of('unknown')).toEqual([]);
  });

  it('ends on a cycle in the data instead of looping', () => {
    const loop = containersOf([u('a', { parentIds: ['b'] }), u('b', { parentIds: ['a'] })]);
    expect(loop('a')).toEqual(['b']);
  });
});

describe('communesOf', () => {
  it('gives the communes in force on the day inside a unit in force then', () => {
    expect(communesOf(units, 'new-province', '2026-01-01').map((x) => x.id)).toEqual(['kept', 'formed']);
    expect(communesOf(units, 'city', '2024-12-31').map((x) => x.id)).toEqual(['kept', 'ended']);
    expect(communesOf(units, 'old-province', '2024-12-31').map((x) => x.id)).toEqual(['kept', 'ended']);
    // a city that no longer exists contains nothing, though its ward lives on
    expect(communesOf(units, 'city', '2026-01-01')).toEqual([]);
    expect(communesOf(units, 'new-province', '2024-12-31')).toEqual([]);
    expect(communesOf(units, 'unknown', '2026-01-01')).toEqual([]);
  });
});
