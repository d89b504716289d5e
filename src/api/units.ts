/**
 * Reading the unit register (the contract's Unit): a unit's level, whether it is in force on a
 * day, the units that contain it, and the communes inside a province or district on a day.
 */
import type { Unit, UnitKind } from './contract';

export type UnitLevel = 'province' | 'district' | 'commune';

const LEVEL: Record<UnitKind, UnitLevel> = {
  tinh: 'province',
  thanh_pho: 'district',
  thi_xa: 'district',
  huyen: 'district',
  phuong: 'commune',
  xa: 'commune',
  thi_tran: 'commune',
  dac_khu: 'commune',
};

export function unitLevel(kind: UnitKind): UnitLevel {
  return LEVEL[kind];
}

/** True when the unit is in force on `onDate` (an ISO date): from validFrom to validTo, both included. */
export function isCurrent(unit: Pick<Unit, 'validFrom' | 'validTo'>, onDate: string): boolean {
  return (!unit.validFrom || unit.validFrom <= onDate) && (!unit.validTo || onDate <= unit.validTo);
}

/**
 * The units that contain or contained a unit, at any level (the transitive closure of
 * parentIds: a former ward's district, that district's province...), nearest first.
 * An unknown id has none.
 */
export function containersOf(units: readonly Pick<Unit, 'id' | 'parentIds'>[]): (unitId: string) => readonly string[] {
  const parents = new Map(units.map((u) => [u.id, u.parentIds ?? []]));
  const memo = new Map<string, readonly string[]>();
  const of = (unitId: string): readonly string[] => {
    const known = memo.get(unitId);
    if (known) return known;
    memo.set(unitId, []); // a cycle in the data stops here instead of looping
    const found: string[] = [];
    for (const parent of parents.get(unitId) ?? []) {
      for (const id of [parent, ...of(parent)]) if (id !== unitId && !found.includes(id)) found.push(id);
    }
    memo.set(unitId, found);
    return found;
  };
  return of;
}

/**
 * The commune-level units in force on `onDate` inside a province or district that is itself in
 * force then (the province's 102 communes on 2026-01-01; a former city's wards on 2024-12-31),
 * in the register's order. A unit not in force on that day contains none. `within`: the
 * register's containersOf, when the caller asks for many containers of the same register.
 */
export function communesOf(units: readonly Unit[], containerId: string, onDate: string, within = containersOf(units)): Unit[] {
  const container = units.find((u) => u.id === containerId);
  if (!container || !isCurrent(container, onDate)) return [];
  return units.filter(
    (u) => unitLevel(u.kind) === 'commune' && isCurrent(u, onDate) && within(u.id).includes(containerId),
  );
}
