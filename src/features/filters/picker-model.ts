/**
 * What the unit picker lists for a query, as data: the province first (one choice for all its
 * communes), the person's own units (blank query), the current communes, the former communes
 * grouped under each current unit they went into (a split one under each, "một phần"), then the
 * former districts and provinces (each one choice, for the periods before 2025-07-01). The list
 * is capped: past `limit` options the person is asked to type more.
 */
import type { Unit } from '../../api/contract';
import { communesOf, containersOf, unitLevel } from '../../api/units';
import { formatDate } from '../../lib/format';
import { bareName, searchUnits, type UnitIndex } from './unit-search';

export interface PickerOption {
  /** Unique in the list (a split unit is listed once under each unit it went into). */
  key: string;
  unit: Unit;
  /** What the option says: the unit's name, or "Toàn tỉnh An Giang" for the province. */
  label: string;
  /** What the name alone does not say: "đến 30/06/2025, nay thuộc Phường Long Xuyên". */
  hint?: string;
}

export interface PickerGroup {
  key: string;
  label: string;
  options: PickerOption[];
}

export interface PickerList {
  groups: PickerGroup[];
  /** The options in the order shown (for the combobox's highlight and keys). */
  options: PickerOption[];
  /** How many distinct units match the query. */
  matched: number;
  /** Options left out by the cap. */
  hidden: number;
}

/** The register, read once for the picker: the index, each unit by id, today's date. */
export interface Register {
  units: readonly Unit[];
  index: UnitIndex;
  byId: ReadonlyMap<string, Unit>;
  /** ISO date the current communes are counted on. */
  today: string;
  /** Communes counted per container (counted once: it walks the whole register). */
  counts: Map<string, number>;
  /** The containers of each unit (api/units.ts containersOf), walked once for every count. */
  within: (unitId: string) => readonly string[];
}

export const PICKER_LIMIT = 50;

export const isContainer = (u: Unit) => unitLevel(u.kind) !== 'commune';
const isFormer = (u: Unit) => u.validTo !== null;

/** How many communes a province or district holds: today, or on its last day if it is a former one. */
export function communeCount(register: Register, unit: Unit): number {
  let count = register.counts.get(unit.id);
  if (count === undefined) {
    count = communesOf(register.units, unit.id, unit.validTo ?? register.today, register.within).length;
    register.counts.set(unit.id, count);
  }
  return count;
}

interface Destination {
  /** The current unit reached. */
  unit: Unit;
  /** The whole of the former unit went there (every step whole). */
  whole: boolean;
  /** The first unit it went into, when that one is itself former (the mergers of 2025-01-01). */
  via?: Unit;
}

/** The current units a former unit went into, directly or through another former unit. */
export function destinationsOf(register: Register, unit: Unit, seen = new Set<string>()): Destination[] {
  const links = unit.becamePartOf ?? (unit.successorId ? [{ unitId: unit.successorId, whole: true }] : []);
  const found: Destination[] = [];
  seen.add(unit.id);
  for (const link of links) {
    const target = register.byId.get(link.unitId);
    if (!target || seen.has(target.id)) continue;
    const reached = isFormer(target)
      ? destinationsOf(register, target, seen).map((d) => ({ unit: d.unit, whole: link.whole && d.whole, via: d.via ?? target }))
      : [{ unit: target, whole: link.whole }];
    for (const d of reached) if (!found.some((f) => f.unit.id === d.unit.id)) found.push(d);
  }
  return found;
}

/** "đến 30/06/2025, nay thuộc Phường Long Xuyên"; "một phần nay thuộc" for a split unit. */
export function formerHint(unit: Unit, to: Destination): string {
  const until = `đến ${formatDate(unit.validTo ?? '')}`;
  const part = to.whole ? '' : 'một phần ';
  if (to.via) return `${until}, nhập vào ${to.via.name}; ${part}nay thuộc ${to.unit.name}`;
  return `${until}, ${part}nay thuộc ${to.unit.name}`;
}

/**
 * How a chosen unit is named on its chip: "Toàn tỉnh An Giang (102 xã, phường)", "Thành phố
 * Long Xuyên (đến 30/06/2025, 13 xã, phường)", "Phường Mỹ Bình (đến 30/06/2025)", "Phường Mỹ Thới".
 */
export function chipLabel(register: Register, unit: Unit): string {
  const until = unit.validTo ? `đến ${formatDate(unit.validTo)}` : '';
  if (isContainer(unit)) {
    const count = `${communeCount(register, unit)} xã, phường`;
    if (!until && unitLevel(unit.kind) === 'province') return `Toàn tỉnh ${bareName(unit.name)} (${count})`;
    return `${unit.name} (${[until, count].filter(Boolean).join(', ')})`;
  }
  return until ? `${unit.name} (${until})` : unit.name;
}

function containerHint(register: Register, unit: Unit): string {
  const count = `${communeCount(register, unit)} xã, phường`;
  if (!unit.validTo) return count;
  const to = destinationsOf(register, unit)[0];
  return [`đến ${formatDate(unit.validTo)}`, count, to ? `nay thuộc ${to.unit.name}` : ''].filter(Boolean).join(' · ');
}

export function pickerList(
  register: Register,
  query: string,
  options: { myUnits?: readonly string[]; limit?: number } = {},
): PickerList {
  const limit = options.limit ?? PICKER_LIMIT;
  const matches = searchUnits(register.index, query);
  const province: PickerOption[] = [];
  const current: PickerOption[] = [];
  const formerContainers: PickerOption[] = [];
  const formerByDestination = new Map<string, { label: string; options: PickerOption[] }>();

  for (const { unit } of matches) {
    if (isContainer(unit)) {
      const label = isFormer(unit) ? unit.name : `Toàn tỉnh ${bareName(unit.name)}`;
      const option = { key: unit.id, unit, label, hint: containerHint(register, unit) };
      (isFormer(unit) ? formerContainers : province).push(option);
    } else if (!isFormer(unit)) {
      current.push({ key: unit.id, unit, label: unit.name });
    } else {
      for (const to of destinationsOf(register, unit)) {
        let group = formerByDestination.get(to.unit.id);
        if (!group) formerByDestination.set(to.unit.id, (group = { label: `Đơn vị cũ, nay thuộc ${to.unit.name}`, options: [] }));
        group.options.push({ key: `${to.unit.id}>${unit.id}`, unit, label: unit.name, hint: formerHint(unit, to) });
      }
    }
  }

  const mine =
    query.trim() === ''
      ? (options.myUnits ?? []).flatMap((id) => {
          const unit = register.byId.get(id);
          return unit ? [{ key: `mine:${id}`, unit, label: unit.name, hint: isFormer(unit) || isContainer(unit) ? chipLabel(register, unit) : undefined }] : [];
        })
      : [];

  const all: PickerGroup[] = [
    { key: 'province', label: 'Toàn tỉnh', options: province },
    { key: 'mine', label: 'Đơn vị của tôi', options: mine },
    { key: 'current', label: 'Xã, phường, đặc khu hiện nay', options: current },
    ...[...formerByDestination].map(([id, g]) => ({ key: `former>${id}`, ...g })),
    { key: 'former-containers', label: 'Tỉnh, huyện, thị xã, thành phố trước 01/07/2025', options: formerContainers },
  ].filter((g) => g.options.length > 0);

  const groups: PickerGroup[] = [];
  const shown: PickerOption[] = [];
  let total = 0;
  for (const group of all) {
    total += group.options.length;
    const room = limit - shown.length;
    if (room <= 0) continue;
    const kept = group.options.slice(0, room);
    shown.push(...kept);
    groups.push({ ...group, options: kept });
  }
  return { groups, options: shown, matched: matches.length, hidden: total - shown.length };
}

/** The register as the picker reads it, built once per list of units. */
export function readRegister(units: readonly Unit[], index: UnitIndex, today: string): Register {
  return { units, index, byId: new Map(units.map((u) => [u.id, u])), today, counts: new Map(), within: containersOf(units) };
}
