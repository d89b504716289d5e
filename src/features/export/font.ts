/**
 * The shipped font, ready to embed in an exported SVG: @font-face rules with base64 data: URLs
 * (woff2, vietnamese + latin subsets, weights 400 and 700). Reading and encoding the files costs
 * tens of milliseconds, so it happens once per page: the promise is cached (and dropped on failure).
 */
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import latin700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2?url';
import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import vietnamese700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2?url';
import { WEB_FONT_FAMILY } from '../../api/web-font';

export const FONT_FAMILY = WEB_FONT_FAMILY;
/**
 * The family the export's text is measured in (canvas measureText): the shipped files again, as
 * faces of the script's own (measuringFontsReady). The page's faces are `optional`
 * (app/fonts.css): on a page where they came too late they are not used, and a canvas, or the
 * charts drawn for paper inside the page, would fall back to the system font.
 */
export const MEASURE_FAMILY = 'Be Vietnam Pro export';
/** After the shipped font (then its measuring faces, in the page), where the embedded font is not honoured (some vector editors): fonts with Vietnamese glyphs first. */
export const FONT_STACK = `'${FONT_FAMILY}', '${MEASURE_FAMILY}', 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif`;

/** The unicode ranges of @fontsource's subsets: each file is used only for its characters. */
const VIETNAMESE_RANGE =
  'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

const FACES = [
  { url: vietnamese400, weight: 400, range: VIETNAMESE_RANGE },
  { url: latin400, weight: 400, range: LATIN_RANGE },
  { url: vietnamese700, weight: 700, range: VIETNAMESE_RANGE },
  { url: latin700, weight: 700, range: LATIN_RANGE },
];

async function dataUrlOf(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  const blob = new Blob([await response.arrayBuffer()], { type: 'font/woff2' });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });
}

async function buildFontCss(): Promise<string> {
  const urls = await Promise.all(FACES.map((f) => dataUrlOf(f.url)));
  return FACES.map(
    (f, i) =>
      `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${f.weight};` +
      `src:url(${urls[i]}) format('woff2');unicode-range:${f.range};}`,
  ).join('\n');
}

/**
 * Chromium draws the first SVG image of a page that uses an embedded font before the font is
 * decoded: its text comes out invisible. Later images share the decoded font. So draw a probe
 * image with each face (both subsets, both weights) until every line has ink, once per page.
 */
async function primeImageFonts(css: string): Promise<void> {
  const probes = ['ĐạỹờĐạỹờ', 'AaBbAaBb'];
  const lines = [400, 700].flatMap((weight) => probes.map((text) => ({ weight, text })));
  const w = 200;
  const h = lines.length * 30;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="'${FONT_FAMILY}'"><style>${css}</style>` +
    lines.map((l, i) => `<text x="4" y="${i * 30 + 22}" font-size="20" font-weight="${l.weight}">${l.text}</text>`).join('') +
    '</svg>';
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const inked = () => {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(img, 0, 0);
      return lines.every((_, i) => {
        const data = ctx.getImageData(0, i * 30 + 4, w, 24).data;
        for (let j = 0; j < data.length; j += 4) if (data[j]! < 128) return true;
        return false;
      });
    };
    for (let tries = 0; tries < 60 && !inked(); tries++) await new Promise((r) => setTimeout(r, 25));
  } finally {
    URL.revokeObjectURL(url);
  }
}

let cached: Promise<string> | undefined;

/**
 * The @font-face CSS with the font inlined, ready for SVG images: the first call fetches and
 * primes it, later calls share the result.
 */
export function embeddedFontCss(): Promise<string> {
  if (!cached) {
    const pending = buildFontCss().then(async (css) => {
      await primeImageFonts(css);
      return css;
    });
    cached = pending;
    pending.catch(() => {
      if (cached === pending) cached = undefined;
    });
  }
  return cached;
}

let measuring: Promise<void> | undefined;

/** Loads MEASURE_FAMILY's weights (once per page; again after a failure). */
export function measuringFontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts || typeof FontFace === 'undefined') return Promise.resolve();
  if (!measuring) {
    const pending = Promise.all(
      FACES.map((f) => {
        const face = new FontFace(MEASURE_FAMILY, `url(${f.url}) format('woff2')`, { weight: String(f.weight), unicodeRange: f.range });
        document.fonts.add(face);
        return face.load();
      }),
    ).then(() => undefined);
    measuring = pending;
    pending.catch(() => {
      if (measuring === pending) measuring = undefined;
    });
  }
  return measuring;
}
