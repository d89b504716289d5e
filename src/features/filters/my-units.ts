/**
 * "Đơn vị của tôi": the units a person marked as theirs (the star in the unit picker), kept in
 * this browser's localStorage under MY_UNITS_KEY as a JSON array of unit ids, e.g.
 * `["my-thoi"]`. A stored value that does not parse (not JSON, not an array of ids, too many)
 * is ignored, as if nothing were marked. Other tabs follow through the storage event.
 *
 *   const mine = useMyUnits();          // string[]: the ids, in the order they were marked
 *   toggleMyUnit('my-thoi');
 */
import { useSyncExternalStore } from 'react';
import { z } from 'zod/mini';
import { Id } from '../../api/contract';

export const MY_UNITS_KEY = 'kpi-dashboard.my-units.v1';
export const MAX_MY_UNITS = 50;

const Stored = z.array(Id).check(z.maxLength(MAX_MY_UNITS));
const NONE: readonly string[] = Object.freeze([]);

let cachedRaw: string | null | undefined;
let cached: readonly string[] = NONE;
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // storage refused (privacy settings): nothing is marked, nothing kept
  }
}

/** The marked units, read from storage (the same array while the stored text is the same). */
export function readMyUnits(): readonly string[] {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(MY_UNITS_KEY) ?? null;
  } catch {
    raw = null;
  }
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  let parsed: unknown;
  try {
    parsed = raw === null ? [] : JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const result = Stored.safeParse(parsed);
  // nothing marked is NONE itself, the snapshot the page was hydrated with (server-side): a new
  // empty array would differ from it, and React would draw the whole page again, at once
  cached = result.success && result.data.length > 0 ? Object.freeze([...new Set(result.data)]) : NONE;
  return cached;
}

function write(ids: readonly string[]): void {
  try {
    storage()?.setItem(MY_UNITS_KEY, JSON.stringify(ids));
  } catch {
    // storage full or refused: the mark is not kept
  }
  for (const l of listeners) l();
}

/** Marks the unit as the person's, or unmarks it. */
export function toggleMyUnit(unitId: string): void {
  const ids = readMyUnits();
  if (ids.includes(unitId)) write(ids.filter((id) => id !== unitId));
  else if (ids.length < MAX_MY_UNITS) write([...ids, unitId]);
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === MY_UNITS_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** The ids of the units the person marked as theirs; re-renders when they change. */
export function useMyUnits(): readonly string[] {
  return useSyncExternalStore(subscribe, readMyUnits, () => NONE);
}
