import { describe, expect, it } from 'vitest';
import type { Unit } from '../src/api/contract';
import { communesOf, containersOf, isCurrent, unitLevel } from '../src/api/units';
import anGiang from './admin-units/an-giang-2025.json';
import { registerUnits } from './index';
import { buildRegister, slugOf } from './register';

const units = registerUnits();
const byId = new Map(units.map((u) => [u.id, u]));
const unit = (id: string): Unit => {
  const found = byId.get(id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
};
const byCode = (code: string, onDate: string) => units.filter((u) => u.code === code && isCurrent(u, onDate));
const current = units.filter((u) => unitLevel(u.kind) === 'commune' && isCurrent(u, '2025-07-01'));
const codeOf = (id: string) => unit(id).code;

describe('the register: the units of An Giang from 2025-07-01', () => {
  it('has the 102 communes of the file, with their codes and names, in its order: 14 phường, 85 xã, 3 đặc khu', () => {
    expect(current.map((u) => [u.code, u.name])).toEqual(anGiang.units.map((u) => [u.code, u.name]));
    const count = (kind: string) => current.filter((u) => u.kind === kind).length;
    expect([count('phuong'), count('xa'), count('dac_khu')]).toEqual([14, 85, 3]);
    expect(current.every((u) => u.validTo === null && u.province === 'An Giang' && u.parentIds?.includes('an-giang'))).toBe(true);
    expect(communesOf(units, 'an-giang', '2026-01-01')).toEqual(current);
  });

  it('names a current unit by its name without its kind word, each id once', () => {
    expect(unit('long-xuyen')).toMatchObject({ code: '30307', name: 'Phường Long Xuyên', validFrom: '2025-07-01' });
    expect(unit('phu-quoc')).toMatchObject({ code: '31078', kind: 'dac_khu', name: 'Đặc khu Phú Quốc' });
    expect(current.every((u) => u.id === slugOf(u.name.replace(/^(Phường|Xã|Đặc khu) /, '')))).toBe(true);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  it('has the province (code 91 from 2025-07-01) formed from old An Giang (89) and Kiên Giang (91)', () => {
    expect(unit('an-giang')).toMatchObject({
      code: '91',
      kind: 'tinh',
      validFrom: '2025-07-01',
      validTo: null,
      formedFrom: [
        { unitId: 'an-giang-89', whole: true },
        { unitId: 'kien-giang', whole: true },
      ],
    });
    expect(unit('an-giang-89')).toMatchObject({ code: '89', validTo: '2025-06-30', successorId: 'an-giang' });
    expect(unit('kien-giang')).toMatchObject({ code: '91', name: 'Tỉnh Kiên Giang', validTo: '2025-06-30', successorId: 'an-giang' });
  });

  it('has the 26 former districts, cities and towns, each in its former province', () => {
    const districts = units.filter((u) => unitLevel(u.kind) === 'district');
    expect(districts).toHaveLength(26);
    expect(districts.every((u) => u.validTo === '2025-06-30' && /^\d{3}$/.test(u.code))).toBe(true);
    expect(unit('thanh-pho-long-xuyen')).toMatchObject({ code: '883', kind: 'thanh_pho', parentIds: ['an-giang-89'] });
    expect(unit('thi-xa-tan-chau')).toMatchObject({ code: '887', kind: 'thi_xa' });
    expect(unit('huyen-tri-ton')).toMatchObject({ code: '891', kind: 'huyen' });
    // two districts were called Châu Thành: the code tells them apart
    expect(unit('huyen-chau-thanh-892')).toMatchObject({ province: 'An Giang', parentIds: ['an-giang-89'] });
    expect(unit('huyen-chau-thanh-905')).toMatchObject({ province: 'Kiên Giang', parentIds: ['kien-giang'] });
    expect(byId.has('huyen-chau-thanh')).toBe(false);
  });

  it('has every one of the 298 former communes of the file, as itself or as the unit that continued it', () => {
    for (const old of anGiang.oldUnitIndex) {
      const found = byCode(old.code, '2025-06-30');
      expect(found.map((u) => u.name), old.code).toEqual([old.name]);
    }
    const formerOnly = units.filter((u) => unitLevel(u.kind) === 'commune' && u.validTo === '2025-06-30');
    const continuing = current.filter((u) => u.validFrom === null);
    expect(continuing).toHaveLength(41);
    expect(formerOnly).toHaveLength(298 - 41);
  });
});

describe('the lineage', () => {
  it("Phường Long Xuyên was formed from the six former wards (Mỹ Hòa's code 30307 is now Long Xuyên's)", () => {
    const members = unit('long-xuyen').formedFrom!;
    expect(members.map((m) => [codeOf(m.unitId), unit(m.unitId).name, m.whole])).toEqual([
      ['30280', 'Phường Mỹ Bình', true],
      ['30283', 'Phường Mỹ Long', true],
      ['30286', 'Phường Mỹ Xuyên', true],
      ['30295', 'Phường Mỹ Phước', true],
      ['30298', 'Phường Mỹ Quý', true],
      ['30307', 'Phường Mỹ Hòa', true],
    ]);
    for (const m of members) expect(unit(m.unitId)).toMatchObject({ validTo: '2025-06-30', successorId: 'long-xuyen' });
    expect(units.filter((u) => u.code === '30307').map((u) => u.id).sort()).toEqual(['long-xuyen', 'my-hoa']);
  });

  it('Phường Bình Đức 30292 was formed from Bình Khánh 30292, the old Bình Đức 30289 and Mỹ Khánh 30310', () => {
    const formed = unit('binh-duc');
    expect(formed.code).toBe('30292');
    expect(formed.formedFrom!.map((m) => [codeOf(m.unitId), unit(m.unitId).name, m.whole])).toEqual([
      ['30292', 'Phường Bình Khánh', true],
      ['30289', 'Phường Bình Đức', true],
      ['30310', 'Xã Mỹ Khánh', true],
    ]);
    // the old Bình Đức is another unit, with an id of its own
    expect(unit('binh-duc-30289')).toMatchObject({ name: 'Phường Bình Đức', validTo: '2025-06-30', successorId: 'binh-duc' });
  });

  it('a ward that kept its code and name is the same unit: Mỹ Thới took in Mỹ Thạnh', () => {
    expect(unit('my-thoi')).toMatchObject({
      code: '30301',
      validFrom: null,
      validTo: null,
      parentIds: ['thanh-pho-long-xuyen', 'an-giang'],
      formedFrom: [{ unitId: 'my-thanh', whole: true }],
      changes: [{ date: '2025-07-01', absorbed: [{ unitId: 'my-thanh', name: 'Phường Mỹ Thạnh' }] }],
    });
    expect(unit('my-thanh')).toMatchObject({ code: '30304', validTo: '2025-06-30', successorId: 'my-thoi' });
  });

  it('the six communes that were not rearranged continue with no change', () => {
    const unchanged = anGiang.units.filter((u) => 'unchanged' in u && u.unchanged);
    expect(unchanged).toHaveLength(6);
    for (const u of unchanged) {
      const [same] = byCode(u.code, '2025-07-01');
      expect(same, u.name).toMatchObject({ name: u.name, validFrom: null, validTo: null });
      expect(same!.changes).toBeUndefined();
      expect(same!.formedFrom).toBeUndefined();
      expect(byCode(u.code, '2025-06-30')).toEqual([same]);
    }
    expect(unit('my-hoa-hung')).toMatchObject({ code: '30313', parentIds: ['thanh-pho-long-xuyen', 'an-giang'] });
  });

  it.each([
    ['Xã Vĩnh Châu', '30334', ['chau-doc', 'vinh-te']],
    ['Xã Phú Hội', '30355', ['an-phu', 'nhon-hoi']],
    ['Xã Phước Hưng', '30358', ['an-phu', 'nhon-hoi', 'phu-huu']],
  ])('the split commune %s (%s) went in part into several units, with no successor', (name, code, into) => {
    const [split] = byCode(code, '2025-06-30');
    expect(split).toMatchObject({ name, validTo: '2025-06-30' });
    expect(split!.successorId).toBeUndefined();
    expect(split!.becamePartOf).toEqual(into.map((unitId) => ({ unitId, whole: false })));
    for (const unitId of into) expect(unit(unitId).formedFrom).toContainEqual({ unitId: split!.id, whole: false });
  });

  it('the merger of 2025-01-01 in Long Xuyên: Mỹ Xuyên 30286 took in Đông Xuyên 30285 and continued', () => {
    expect(unit('dong-xuyen')).toMatchObject({
      code: '30285',
      validTo: '2024-12-31',
      successorId: 'my-xuyen',
      becamePartOf: [{ unitId: 'my-xuyen', whole: true }],
      parentIds: ['thanh-pho-long-xuyen'],
    });
    expect(unit('my-xuyen')).toMatchObject({
      code: '30286',
      validFrom: null,
      validTo: '2025-06-30',
      changes: [{ date: '2025-01-01', absorbed: [{ unitId: 'dong-xuyen', name: 'Phường Đông Xuyên' }] }],
      successorId: 'long-xuyen',
    });
    expect(unit('my-xuyen').legalBasis).toContain('1654/NQ-UBTVQH15');
    expect(unit('my-xuyen').changes![0]!.legalBasis).toContain('1285/NQ-UBTVQH15');
    // Long Xuyên city: 13 wards and communes in 2024, 12 after the merger (README cross-check 12)
    expect(communesOf(units, 'thanh-pho-long-xuyen', '2024-12-31')).toHaveLength(13);
    expect(communesOf(units, 'thanh-pho-long-xuyen', '2025-03-01')).toHaveLength(12);
    expect(communesOf(units, 'thanh-pho-long-xuyen', '2025-07-01')).toEqual([]);
  });

  it('the merger of 2025-01-01 in Rạch Giá: Vĩnh Bảo 30742 and the old Vĩnh Thanh Vân 30730 formed Vĩnh Thanh Vân 30742', () => {
    for (const id of ['vinh-bao', 'vinh-thanh-van-30730']) {
      expect(unit(id)).toMatchObject({ validTo: '2024-12-31', successorId: 'vinh-thanh-van-30742', parentIds: ['thanh-pho-rach-gia'] });
    }
    expect(unit('vinh-bao').code).toBe('30742');
    expect(unit('vinh-thanh-van-30742')).toMatchObject({
      code: '30742',
      name: 'Phường Vĩnh Thanh Vân',
      validFrom: '2025-01-01',
      validTo: '2025-06-30',
      formedFrom: [
        { unitId: 'vinh-thanh-van-30730', whole: true },
        { unitId: 'vinh-bao', whole: true },
      ],
      successorId: 'rach-gia',
    });
    // 30742: Vĩnh Bảo until 2024, Vĩnh Thanh Vân in 2025, Phường Rạch Giá since 2025-07-01
    expect(['2024-12-31', '2025-03-01', '2025-07-01'].map((d) => byCode('30742', d).map((u) => u.id))).toEqual([
      ['vinh-bao'],
      ['vinh-thanh-van-30742'],
      ['rach-gia'],
    ]);
  });

  it('every link names a unit of the register, and each link is told from both ends', () => {
    const known = (id: string | undefined) => id === undefined || byId.has(id);
    for (const u of units) {
      const links = [
        ...(u.parentIds ?? []),
        u.successorId,
        ...(u.becamePartOf ?? []).map((l) => l.unitId),
        ...(u.formedFrom ?? []).map((l) => l.unitId),
        ...(u.changes ?? []).flatMap((c) => c.absorbed.map((a) => a.unitId)),
      ];
      expect(links.filter((id) => !known(id)), u.id).toEqual([]);
      // where a former unit went, that unit says it was formed from it or took it in
      for (const link of u.becamePartOf ?? []) {
        const into = unit(link.unitId);
        const took = into.formedFrom?.some((f) => f.unitId === u.id && f.whole === link.whole);
        expect(took, `${u.id} → ${into.id}`).toBe(true);
        expect(u.validTo, u.id).not.toBeNull();
      }
      for (const link of u.formedFrom ?? []) {
        expect(unit(link.unitId).becamePartOf, `${u.id} ← ${link.unitId}`).toContainEqual({ unitId: u.id, whole: link.whole });
      }
      // a successor is the one unit it went into whole
      if (u.successorId) expect(u.becamePartOf).toEqual([{ unitId: u.successorId, whole: true }]);
      if (u.parentIds) expect(u.parentIds.every((p) => unitLevel(unit(p).kind) !== 'commune')).toBe(true);
    }
  });

  it('a former unit ends the day before the unit it went into begins or takes it in', () => {
    for (const u of units.filter((x) => x.becamePartOf)) {
      for (const link of u.becamePartOf!) {
        const into = unit(link.unitId);
        const took = into.changes?.find((c) => c.absorbed.some((a) => a.unitId === u.id))?.date;
        const next = new Date(`${u.validTo}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(took ?? into.validFrom, `${u.id} → ${into.id}`).toBe(next.toISOString().slice(0, 10));
      }
    }
  });

  it('a ward sits in its former district and province, and the new province', () => {
    const of = containersOf(units);
    expect(of('my-thoi')).toEqual(['thanh-pho-long-xuyen', 'an-giang-89', 'an-giang']);
    expect(of('my-binh')).toEqual(['thanh-pho-long-xuyen', 'an-giang-89']);
    expect(of('long-xuyen')).toEqual(['an-giang']);
    expect(of(unit('phu-quoc').formedFrom![0]!.unitId)).toEqual(['thanh-pho-phu-quoc', 'kien-giang']);
  });
});

describe('the names', () => {
  it('keeps the other spellings of a name (GSO, the resolution, later data)', () => {
    const named = (name: string, code: string) => units.find((u) => u.name === name && u.code === code)!;
    expect(named('Phường Vĩnh Ngươn', '30328').otherNames).toContain('Phường Vĩnh Nguơn');
    expect(named('Xã Ô Long Vỹ', '30475').otherNames).toContain('Xã Ô Long Vĩ');
    expect(unit('my-hoa-hung').otherNames).toContain('Xã Mỹ Hoà Hưng');
    expect(units.every((u) => !u.otherNames?.includes(u.name))).toBe(true);
  });

  it('states every legal basis in Vietnamese', () => {
    expect(current.every((u) => u.legalBasis?.startsWith('Nghị quyết 1654/NQ-UBTVQH15, Điều 1, khoản '))).toBe(true);
    expect(unit('my-hoa-hung').legalBasis).toBe('Nghị quyết 1654/NQ-UBTVQH15, Điều 1, khoản 97 (giữ nguyên)');
    const english = /\b(not|the|resolution|merger|verified|round|effective)\b/i;
    expect(units.filter((u) => english.test(u.legalBasis ?? '')).map((u) => u.id)).toEqual([]);
  });
});

describe('the ids in use before the register', () => {
  // data/units.json of commit ff8ef64: what links, sources and figures name
  it.each([
    ['my-thoi', '30301', 'Phường Mỹ Thới', null, null, undefined],
    ['my-thanh', '30304', 'Phường Mỹ Thạnh', null, '2025-06-30', 'my-thoi'],
    ['my-binh', '30280', 'Phường Mỹ Bình', null, '2025-06-30', 'long-xuyen'],
    ['my-quy', '30298', 'Phường Mỹ Quý', null, '2025-06-30', 'long-xuyen'],
    ['my-hoa', '30307', 'Phường Mỹ Hòa', null, '2025-06-30', 'long-xuyen'],
    ['long-xuyen', '30307', 'Phường Long Xuyên', '2025-07-01', null, undefined],
  ])('%s keeps its meaning', (id, code, name, validFrom, validTo, successorId) => {
    expect(unit(id)).toMatchObject({ code, name, kind: 'phuong', province: 'An Giang', validFrom, validTo });
    expect(unit(id).successorId).toBe(successorId);
  });
});

describe('building the register', () => {
  it('stops on a file whose two views of the lineage disagree', () => {
    const broken = structuredClone(anGiang);
    broken.oldUnitIndex.find((o) => o.code === '30304')!.becamePartOf[0]!.code = '30307';
    expect(() => buildRegister(broken)).toThrow(/30304: members say 30301:whole, oldUnitIndex says 30307:whole/);
  });

  it('stops on a legal basis it cannot say in Vietnamese', () => {
    const changed = structuredClone(anGiang);
    changed.units[0]!.legalBasis = 'Resolution 9999 (draft)';
    expect(() => buildRegister(changed)).toThrow(/no Vietnamese form for the legal basis "Resolution 9999 \(draft\)"/);
  });

  it('is the same for the same file', () => {
    expect(buildRegister(anGiang)).toEqual(buildRegister(structuredClone(anGiang)));
  });
});
