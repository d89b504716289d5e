/** Splits a candidate's sentence around its matched phrase, for <mark> (text nodes only, never HTML). */
export interface TextRange {
  start: number;
  end: number;
}

export interface HighlightParts {
  before: string;
  mark: string;
  after: string;
}

/** `range` and `sentenceRange` are offsets in the same text; the phrase is clipped to the sentence. */
export function splitHighlight(sentence: string, sentenceRange: TextRange, range: TextRange): HighlightParts {
  const start = Math.min(Math.max(range.start - sentenceRange.start, 0), sentence.length);
  const end = Math.min(Math.max(range.end - sentenceRange.start, start), sentence.length);
  return { before: sentence.slice(0, start), mark: sentence.slice(start, end), after: sentence.slice(end) };
}
