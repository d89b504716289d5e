/**
 * A PDF page's text pieces → lines → paragraphs. A PDF has no paragraphs, only pieces of text
 * placed on the page; the extractor reads a line break as the end of a sentence, so the lines a
 * word processor wrapped are joined again. A line ends its paragraph when
 * - it stops well short of the right margin (the last line of a paragraph, a heading),
 * - it ends with a colon,
 * - the next line starts further right than the text's left edge (a first-line indent, a
 *   centred heading), starts a list ("- ", "1. ", "a) ", "II. ") or lies further below than the
 *   usual line spacing.
 * Page numbers standing alone at the top or bottom of a page are dropped. A paragraph that
 * fills its page's last line goes on to the next page unless that page starts a new one.
 */

/** One piece of text, as pdf.js's getTextContent gives it (TextItem). */
export interface TextPiece {
  str: string;
  /** [a, b, c, d, x, y]: position and size on the page. */
  transform: readonly number[];
  width: number;
  hasEOL?: boolean;
}

export interface Line {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

export function piecesToLines(pieces: readonly TextPiece[]): Line[] {
  const lines: (Line & { started: boolean })[] = [];
  let current: (Line & { started: boolean }) | null = null;
  let broken = true;
  for (const piece of pieces) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = piece.transform;
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b)) || 1;
    if (piece.str.length > 0) {
      if (!current || broken || Math.abs(y - current.y) > size / 2) {
        current = { text: '', x, end: x, y, size, started: false };
        lines.push(current);
      }
      current.text += piece.str;
      if (piece.str.trim()) {
        // the line starts where its first visible piece does (not at a space before it)
        if (!current.started) current.x = x;
        current.started = true;
        current.end = Math.max(current.end, x + piece.width);
      }
      current.size = Math.max(current.size, size);
      broken = false;
    }
    if (piece.hasEOL) broken = true;
  }
  return lines
    .filter((l) => l.started)
    .map(({ text, x, end, y, size }) => ({ text: text.replace(/\s+/g, ' ').trim(), x, end, y, size }));
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–—])?$/iu;
const LIST_START = /^(?:[-–—•+*]\s|\(?\d{1,2}[.)]\s|\(?[a-zđ][.)]\s|[IVXLC]+[.)]\s)/u;

/** The lower median: of two line gaps, the usual one is the smaller. */
function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The text's left and right edges and its usual size, over every page (pages share their margins). */
interface Frame {
  left: number;
  right: number;
  size: number;
}

function frameOf(pages: readonly (readonly Line[])[]): Frame {
  const all = pages.flat();
  return {
    left: Math.min(...all.map((l) => l.x)),
    right: Math.max(...all.map((l) => l.end)),
    size: median(all.map((l) => l.size)) ?? 12,
  };
}

interface PageParagraphs {
  paragraphs: string[];
  /** The page's last line reaches the right margin: its paragraph may go on over the page. */
  runsOn: boolean;
  /** The page's first line starts a paragraph of its own (indented, a list, a heading). */
  startsNew: boolean;
}

function pageParagraphs(input: readonly Line[], { left, right, size }: Frame): PageParagraphs {
  const lines = input.filter((l, i) => !((i === 0 || i === input.length - 1) && PAGE_NUMBER.test(l.text)));
  if (lines.length === 0) return { paragraphs: [], runsOn: false, startsNew: true };
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0 && g < size * 3);
  const leading = median(gaps) ?? size * 1.2;

  const ends = (l: Line) => l.end < right - size * 5 || /:$/.test(l.text);
  const starts = (l: Line) => l.x > left + size * 0.8 || LIST_START.test(l.text);

  const paragraphs: string[] = [];
  let text = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - line.y : 0;
    const newParagraph = !prev || ends(prev) || starts(line) || gap > leading * 1.4 || gap < -size;
    if (newParagraph) {
      if (text) paragraphs.push(text);
      text = line.text;
    } else text += ` ${line.text}`;
  });
  if (text) paragraphs.push(text);
  return { paragraphs, runsOn: !ends(lines.at(-1)!), startsNew: starts(lines[0]!) };
}

/**
 * The pages' lines as paragraphs, one a line; a paragraph goes on over a page break when the
 * page's last line is full and the next page's first line starts no paragraph. A page without
 * text (a scanned page) breaks the flow.
 */
export function pagesToText(pages: readonly (readonly Line[])[]): string {
  if (pages.every((p) => p.length === 0)) return '';
  const frame = frameOf(pages.filter((p) => p.length > 0));
  const out: string[] = [];
  let runsOn = false;
  for (const lines of pages) {
    const page = pageParagraphs(lines, frame);
    const [first, ...rest] = page.paragraphs;
    if (first === undefined) {
      runsOn = false;
      continue;
    }
    if (runsOn && !page.startsNew && out.length > 0) out[out.length - 1] += ` ${first}`;
    else out.push(first);
    out.push(...rest);
    runsOn = page.runsOn;
  }
  return out.join('\n');
}
