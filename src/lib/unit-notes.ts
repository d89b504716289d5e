import { unitsNoun } from './ranking-window';

/**
 * Notes about units, the same note of many units said once: a note is "<a unit's name><its
 * tail>", and more than three units with the same tail make one line with how many ("102 xã,
 * phường được thành lập từ 01/07/2025."); fewer are named one by one. A note that starts with
 * none of `unitNames` stays as it is. In the order the notes first came.
 */
export function groupUnitNotes(notes: readonly string[], unitNames: readonly string[]): string[] {
  // the longest name first: "Phường Mỹ Thới" is not taken for "Phường Mỹ"
  const names = [...unitNames].sort((a, b) => b.length - a.length);
  const groups = new Map<string, string[]>();
  for (const note of notes) {
    const name = names.find((u) => note.startsWith(`${u} `));
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
