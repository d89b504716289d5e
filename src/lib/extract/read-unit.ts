/**
 * Which ward a report is about: the unit whose name the text mentions most
 * ("phường Mỹ Thới", "MỸ THỚI", "Đảng bộ phường Mỹ Thới"), preferring units valid in the period.
 */
import { foldForMatch } from './normalize-text';

export interface UnitName {
  id: string;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
}

const KIND_PREFIX = /^(?:phường|xã|thị\s+trấn)\s+/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mentions of each unit in a folded text (see foldForMatch), by unit id. */
export function countUnitMentions(match: string, units: readonly UnitName[]): Map<string, { count: number; first: number }> {
  const out = new Map<string, { count: number; first: number }>();
  for (const u of units) {
    const bare = foldForMatch(u.name.normalize('NFC')).replace(KIND_PREFIX, '').trim();
    if (!bare) continue;
    const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(bare).replace(/\s+/g, '\\s+')}(?![\\p{L}])`, 'gu');
    const hits = [...match.matchAll(re)];
    if (hits.length > 0) out.set(u.id, { count: hits.length, first: hits[0]!.index });
  }
  return out;
}

/**
 * The unit a report is about, or undefined. `range` ([first day, last day] as ISO dates),
 * when known, drops units that did not exist then.
 */
export function findUnit(match: string, units: readonly UnitName[], range?: [string, string]): string | undefined {
  const mentions = countUnitMentions(match, units);
  const valid = (u: UnitName) =>
    !range || ((!u.validFrom || u.validFrom <= range[1]) && (!u.validTo || u.validTo >= range[0]));
  const ranked = units
    .filter((u) => mentions.has(u.id))
    .map((u) => ({ u, ...mentions.get(u.id)!, ok: valid(u) }))
    .sort((a, b) => Number(b.ok) - Number(a.ok) || b.count - a.count || a.first - b.first);
  return ranked[0]?.u.id;
}

/** "phường Mỹ Thới" → "my-thoi", given the units; the text is normalised first. */
export function readUnit(text: string, units: readonly UnitName[]): string | undefined {
  return findUnit(foldForMatch(text.normalize('NFC')), units);
}
