/**
 * How a number of commune-level units is said: "102 xã, phường" for the province (more xã
 * than phường), "5 phường, xã" among the wards of a former city; "1/5 phường có số liệu" where
 * every one of them is a phường.
 */
import type { Unit } from '../api/contract';

/** The pair of nouns, the more numerous kind first (đặc khu and thị trấn are counted with the xã). */
export function communesNoun(units: readonly Pick<Unit, 'kind'>[]): string {
  const wards = units.filter((u) => u.kind === 'phuong').length;
  return wards * 2 >= units.length ? 'phường, xã' : 'xã, phường';
}

/** The one noun that fits all of them ("phường", "xã"), or the pair. */
export function exactNoun(units: readonly Pick<Unit, 'kind'>[]): string {
  if (units.length > 0 && units.every((u) => u.kind === 'phuong')) return 'phường';
  if (units.length > 0 && units.every((u) => u.kind === 'xa')) return 'xã';
  return communesNoun(units);
}

/** "102 xã, phường". */
export function countCommunes(units: readonly Pick<Unit, 'kind'>[]): string {
  return `${units.length} ${communesNoun(units)}`;
}
