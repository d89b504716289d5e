import { unitsNoun } from './ranking-window';

/**
 * Notes about units, the same note of many units said once: a note is "<a unit's name><its
 * tail>", and more than three units with the same tail make one line with how many ("102 xã,
 * phường được thành lập từ 01/07/2025."); fewer are named one by one. A note that starts with
 * none of `unitNames` stays as it is. In the order the notes first came.
 */
export function groupUnitNotes(notes: readonly string[], unitNames: readonly string[]): string[] {
  const names = new Set(unitNames);
  const groups = new Map<string, string[]>();
  for (const note of notes) {
    const name = nameOf(note, names);
    const tail = name ? note.slice(name.length) : note;
    const of = groups.get(tail) ?? [];
    if (name) of.push(name);
    groups.set(tail, of);
  }
  return [...groups].flatMap(([tail, of]) => {
    if (of.length === 0) return [tail];
    return of.length > 3 ? [`${of.length} ${unitsNoun(of)}${tail}`] : of.map((u) => `${u}${tail}`);
  });
}

/**
 * The longest of `names` that the note starts with, followed by a space ("Phường Mỹ Thới" is not
 * taken for "Phường Mỹ"): the note's beginnings up to each space, the longest first (a few per
 * note, where trying every name was 102 × 102 comparisons with the province).
 */
function nameOf(note: string, names: ReadonlySet<string>): string | undefined {
  for (let space = note.lastIndexOf(' '); space > 0; space = note.lastIndexOf(' ', space - 1)) {
    const head = note.slice(0, space);
    if (names.has(head)) return head;
  }
  return undefined;
}
