import { describe, expect, it } from 'vitest';
import { splitHighlight } from './highlight';

describe('splitHighlight', () => {
  it('cuts the sentence around the phrase, in the offsets of the whole text', () => {
    const text = 'Mở đầu. Thu ngân sách đạt trên 12 tỉ đồng, tốt.';
    const sentenceRange = { start: 8, end: text.length };
    const phrase = 'thu ngân sách đạt trên 12 tỉ đồng';
    const start = text.toLowerCase().indexOf(phrase);
    const parts = splitHighlight(text.slice(8), sentenceRange, { start, end: start + phrase.length });
    expect(parts).toEqual({ before: '', mark: 'Thu ngân sách đạt trên 12 tỉ đồng', after: ', tốt.' });
  });

  it('clips a phrase that runs past the sentence', () => {
    expect(splitHighlight('abc', { start: 10, end: 13 }, { start: 11, end: 40 })).toEqual({ before: 'a', mark: 'bc', after: '' });
    expect(splitHighlight('abc', { start: 10, end: 13 }, { start: 0, end: 5 })).toEqual({ before: '', mark: '', after: 'abc' });
  });
});
