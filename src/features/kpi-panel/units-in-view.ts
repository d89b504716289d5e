/**
 * The one rule of what a panel shows for the chosen ids: a commune is itself; a container (the
 * province, a former district) stands for its commune-level units in force at the end of the
 * chosen period (`communesOf`). The data hook, the start-up prefetch and the model all ask
 * here, so the figures asked for, the ones prefetched and the ones drawn are the same units.
 * Before the register is known, the ids are taken as they are (the common case, a few wards,
 * is then asked for at once).
 */
import type { Unit } from '../../api/contract';
import { periodEnd } from '../../api/periods';
import { communesOf, unitLevel } from '../../api/units';

/** The register by id, built once per units array (the query cache's arrays are immutable). */
const indexCache = new WeakMap<readonly Unit[], Map<string, Unit>>();
export function unitIndex(units: readonly Unit[]): ReadonlyMap<string, Unit> {
  let index = indexCache.get(units);
  if (!index) {
    index = new Map(units.map((u) => [u.id, u]));
    indexCache.set(units, index);
  }
  return index;
}

/** Communes of a container on a day, per units array: a filter change asks again for the same ones. */
const communeCache = new WeakMap<readonly Unit[], Map<string, string[]>>();
function communeIds(units: readonly Unit[], containerId: string, onDate: string): string[] {
  let byKey = communeCache.get(units);
  if (!byKey) {
    byKey = new Map();
    communeCache.set(units, byKey);
  }
  const key = `${containerId}\u0000${onDate}`;
  let ids = byKey.get(key);
  if (!ids) {
    ids = communesOf(units, containerId, onDate).map((u) => u.id);
    byKey.set(key, ids);
  }
  return ids;
}

/** True for the province and the former districts: ids that stand for the communes inside them. */
export function isContainer(unit: Pick<Unit, 'kind'> | undefined): boolean {
  return Boolean(unit) && unitLevel(unit!.kind) !== 'commune';
}

/**
 * The commune-level ids a panel shows for the chosen ids and period, in the order chosen, each
 * once. Unknown ids are kept (the filters drop them, with a notice); with no register yet, the
 * ids are returned as they are.
 */
export function unitsInView(chosen: readonly string[], period: string, units: readonly Unit[] | undefined): string[] {
  if (!units) return [...chosen];
  const index = unitIndex(units);
  const end = periodEnd(period);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of chosen) {
    const unit = index.get(id);
    const expanded = isContainer(unit) ? (end ? communeIds(units, id, end) : []) : [id];
    for (const e of expanded) {
      if (seen.has(e)) continue;
      seen.add(e);
      ids.push(e);
    }
  }
  return ids;
}

/** The chosen containers (the province, a former district), as units. */
export function chosenContainers(chosen: readonly string[], units: readonly Unit[]): Unit[] {
  const index = unitIndex(units);
  return chosen.map((id) => index.get(id)).filter((u): u is Unit => isContainer(u));
}
