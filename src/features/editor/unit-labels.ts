/**
 * How the editor names a unit of the register in its pickers, and how it groups them: current
 * communes first, then former ones ("Phường Mỹ Quý (đến 30/06/2025)"), then the former districts
 * and the provinces, each named as what it is ("Thành phố Long Xuyên (cấp huyện, đến 30/06/2025)").
 * Namesakes of the same time ("Xã Vĩnh Phú", three of them until 2025) say their district.
 */
import type { Unit } from '../../api/contract';
import { unitLevel } from '../../api/units';
import { formatDate } from '../../lib/format';

export interface UnitGroup {
  label: string;
  choices: (readonly [id: string, label: string])[];
}

/** What a namesake's container is: a commune's district, a district's province. */
const ABOVE = { commune: 'district', district: 'province', province: undefined } as const;

/** Current or former: namesakes are told apart only within the same time. */
const era = (u: Unit) => (u.validTo ? 'former' : 'current');

/** Every unit's label, by id (made once per register). */
export function unitLabels(units: readonly Unit[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const named = new Map<string, number>();
  for (const u of units) named.set(`${era(u)}|${u.name}`, (named.get(`${era(u)}|${u.name}`) ?? 0) + 1);
  const labels = new Map<string, string>();
  for (const u of units) {
    const level = unitLevel(u.kind);
    const parts: string[] = [];
    // "Thành phố Long Xuyên" the district, not "Phường Long Xuyên"
    if (level === 'district') parts.push('cấp huyện');
    if ((named.get(`${era(u)}|${u.name}`) ?? 0) > 1) {
      const within = (u.parentIds ?? []).map((id) => byId.get(id)).find((p) => p && unitLevel(p.kind) === ABOVE[level]);
      parts.push(within ? within.name : `mã ${u.code}`);
    }
    if (u.validTo) parts.push(`đến ${formatDate(u.validTo)}`);
    else if (level === 'province' && u.validFrom) parts.push(`từ ${formatDate(u.validFrom)}`);
    labels.set(u.id, parts.length ? `${u.name} (${parts.join(', ')})` : u.name);
  }
  return labels;
}

const GROUPS = [
  { label: 'Xã, phường, đặc khu hiện nay', fits: (u: Unit) => unitLevel(u.kind) === 'commune' && !u.validTo },
  { label: 'Xã, phường, thị trấn cũ (đã sáp nhập)', fits: (u: Unit) => unitLevel(u.kind) === 'commune' && Boolean(u.validTo) },
  { label: 'Huyện, thị xã, thành phố cũ (cấp huyện)', fits: (u: Unit) => unitLevel(u.kind) === 'district' },
  { label: 'Tỉnh', fits: (u: Unit) => unitLevel(u.kind) === 'province' },
] as const;

/** The units in the pickers' groups, each in the register's order; empty groups left out. */
export function unitGroups(units: readonly Unit[], labels: ReadonlyMap<string, string>): UnitGroup[] {
  return GROUPS.map((g) => ({
    label: g.label,
    choices: units.filter(g.fits).map((u) => [u.id, labels.get(u.id) ?? u.name] as const),
  })).filter((g) => g.choices.length > 0);
}
