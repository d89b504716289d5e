/** Small helpers for writing SVG markup as text. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A coordinate with at most two decimals. */
export const num = (v: number): string => String(Math.round(v * 100) / 100);
