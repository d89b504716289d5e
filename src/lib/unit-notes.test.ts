import { describe, expect, it } from 'vitest';
import { groupUnitNotes } from './unit-notes';

describe('notes about units', () => {
  it('take the longest name a note starts with, never a shorter one inside it', () => {
    const notes = ['Phường Mỹ Thới chưa có số liệu Quý I 2026.', 'Phường Mỹ chưa có số liệu Quý I 2026.'];
    expect(groupUnitNotes(notes, ['Phường Mỹ', 'Phường Mỹ Thới'])).toEqual(notes);
  });

  it('say the same note of more than three units once, with how many; fewer are named', () => {
    const names = ['Phường Mỹ Thới', 'Phường Long Xuyên', 'Phường Bình Đức', 'Xã Mỹ Hòa Hưng'];
    const tail = ' được thành lập từ 01/07/2025.';
    expect(groupUnitNotes(names.map((n) => `${n}${tail}`), names)).toEqual([`4 phường, xã${tail}`]);
    expect(groupUnitNotes(names.slice(0, 2).map((n) => `${n}${tail}`), names)).toEqual(names.slice(0, 2).map((n) => `${n}${tail}`));
  });

  it('keep a note that names none of the units as it is, in the order the notes came', () => {
    expect(groupUnitNotes(['Số liệu giả lập.', 'Phường Mỹ Thới: báo cáo 9 tháng.'], ['Phường Mỹ Thới'])).toEqual(['Số liệu giả lập.', 'Phường Mỹ Thới: báo cáo 9 tháng.']);
  });
});
