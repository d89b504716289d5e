/** Sentences and clauses of a report, as offset ranges into its (NFC) text. */

export interface Span {
  start: number;
  end: number;
}

/** Sentences end at a line break or at . ! ? followed by a space; "3.7" and "./." stay inside. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n+|(?<=[.!?…])\s+/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    push(out, text, start, m.index);
    start = m.index + m[0].length;
  }
  push(out, text, start, text.length);
  return out;
}

/** Clauses of a sentence: the reports list their figures separated by semicolons (not those inside brackets). */
export function splitClauses(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  let depth = 0;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === ';' && depth === 0) {
      push(out, text, start, i);
      start = i + 1;
    }
  }
  push(out, text, start, sentence.end);
  return out;
}

function push(out: Span[], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
