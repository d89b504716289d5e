/**
 * File names that say what is in them, without diacritics or spaces:
 * `thu-ngan-sach_my-thoi_2024-ca-nam_2x.png` (slug _ units _ period, and the variant where there are several).
 */
import { foldText } from '../../lib/fold-text';
import { periodSlug } from '../../lib/period-names';

export type ExportFormat = 'png' | 'svg' | 'csv';

/** "Phường Mỹ Thới" → "phuong-my-thoi"; only a-z, 0-9 and single hyphens remain. */
export function asciiSlug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Longest units part kept as it is; beyond it the name says how many units instead. */
const MAX_UNITS_PART = 80;

export function unitsPart(unitIds: readonly string[]): string {
  const slugs = unitIds.map(asciiSlug).filter(Boolean);
  if (slugs.length === 0) return 'tat-ca';
  const joined = slugs.join('-');
  return joined.length <= MAX_UNITS_PART ? joined : `${slugs.length}-don-vi`;
}

/**
 * `variant` tells apart files of the same panel and format: an image's resolution ("2x", "3x"),
 * a slide image's size ("trinh-chieu-1920x1080"), so that one does not overwrite the other.
 */
export function exportFileName(
  panel: { slug: string; unitIds: readonly string[]; period: string },
  format: ExportFormat,
  variant?: string,
): string {
  const parts = [asciiSlug(panel.slug) || 'bieu-do', unitsPart(panel.unitIds), asciiSlug(periodSlug(panel.period)) || 'ky'];
  const extra = variant ? asciiSlug(variant) : '';
  if (extra) parts.push(extra);
  return `${parts.join('_')}.${format}`;
}
