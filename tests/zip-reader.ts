/** For tests: the parts of an office file (a zip), by path, as text. */
import JSZip from 'jszip';

export async function readZip(blob: Blob): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const parts = new Map<string, string>();
  for (const [path, entry] of Object.entries(zip.files)) {
    if (!entry.dir) parts.set(path, await entry.async('string'));
  }
  return parts;
}

/** One part's bytes (images). */
export async function zipPartBytes(blob: Blob, path: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  return zip.file(path)!.async('uint8array');
}

/** The parts whose path matches, in name order (slide2 before slide10). */
export function partsLike(parts: Map<string, string>, pattern: RegExp): string[] {
  return [...parts.keys()]
    .filter((p) => pattern.test(p))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((p) => parts.get(p)!);
}

/** The text of every `<a:t>` / `<w:t>` / `<t>` run of an XML part, joined by spaces. */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<(?:a:t|w:t|t)(?:\s[^>]*)?>([^<]*)<\/(?:a:t|w:t|t)>/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
    .join(' ');
}
