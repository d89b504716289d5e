import { describe, expect, it } from 'vitest';
import { pagesToText, piecesToLines, type Line, type TextPiece } from './pdf-paragraphs';

/** A page laid out as a word processor does: 12 pt text from x = 72 to 523, 16 pt apart. */
function page(rows: readonly (string | [string, { x?: number; end?: number; gap?: number }])[]): Line[] {
  let y = 770;
  return rows.map((row) => {
    const [text, at] = typeof row === 'string' ? [row, {}] : row;
    y -= at.gap ?? 16;
    return { text, x: at.x ?? 72, end: at.end ?? 520, y, size: 12 };
  });
}

describe('piecesToLines', () => {
  const piece = (str: string, x: number, y: number, width: number, hasEOL = false): TextPiece => ({
    str,
    transform: [12, 0, 0, 12, x, y],
    width,
    hasEOL,
  });

  it('pieces on one baseline make one line; a new baseline or an end of line starts another', () => {
    const lines = piecesToLines([
      piece('Thu ngân sách đ', 72, 700, 80),
      piece('ạ', 152, 700, 6),
      piece('t 31 tỉ', 158, 700, 30),
      piece('', 188, 700, 0, true),
      piece(' ', 72, 684, 3),
      piece('đồng.', 75, 684, 28),
    ]);
    expect(lines).toEqual([
      { text: 'Thu ngân sách đạt 31 tỉ', x: 72, end: 188, y: 700, size: 12 },
      { text: 'đồng.', x: 75, end: 103, y: 684, size: 12 },
    ]);
  });
});

describe('pagesToText', () => {
  it('joins wrapped lines; a short line, an indent, a list item and a colon end a paragraph', () => {
    const text = pagesToText([
      page([
        ['BÁO CÁO', { x: 260, end: 330 }],
        ['Kết quả 9 tháng đầu năm', { x: 200, end: 390 }],
        ['Thu ngân sách nhà nước trên địa bàn ước đạt', { x: 96 }],
        ['hơn 31 tỉ đồng, bằng 82,4% dự toán được giao.', { end: 400 }],
        ['Về an sinh xã hội:', { end: 200 }],
        '- giảm 11 hộ nghèo, hỗ trợ xây mới nhà đại đoàn kết',
        'cho các hộ khó khăn;',
        ['1. tỷ lệ tham gia bảo hiểm y tế đạt 92,3%.', { end: 300 }],
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      'BÁO CÁO',
      'Kết quả 9 tháng đầu năm',
      'Thu ngân sách nhà nước trên địa bàn ước đạt hơn 31 tỉ đồng, bằng 82,4% dự toán được giao.',
      'Về an sinh xã hội:',
      '- giảm 11 hộ nghèo, hỗ trợ xây mới nhà đại đoàn kết cho các hộ khó khăn;',
      '1. tỷ lệ tham gia bảo hiểm y tế đạt 92,3%.',
    ]);
  });

  it('a wider gap than the usual line spacing ends a paragraph', () => {
    const text = pagesToText([page(['Hội nghị đã thảo luận và thống nhất', ['Các đại biểu dự hội nghị', { gap: 30 }], 'đều tán thành.'])]);
    expect(text.split('\n')).toEqual(['Hội nghị đã thảo luận và thống nhất', 'Các đại biểu dự hội nghị đều tán thành.']);
  });

  it('a paragraph goes on over the page unless the next page starts a new one; page numbers are dropped', () => {
    const text = pagesToText([
      page(['Tổng thu ngân sách nhà nước trên địa bàn', 'ước đạt hơn 31 tỉ đồng, bằng 82,4% dự toán', ['- 1 -', { x: 290, end: 310 }]]),
      page([['2', { x: 296, end: 302 }], 'được giao, tăng so với cùng kỳ.', ['Giảm 11 hộ nghèo.', { x: 96, end: 200 }]]),
      page([['Phương hướng quý IV.', { x: 96, end: 250 }]]),
    ]);
    expect(text.split('\n')).toEqual([
      'Tổng thu ngân sách nhà nước trên địa bàn ước đạt hơn 31 tỉ đồng, bằng 82,4% dự toán được giao, tăng so với cùng kỳ.',
      'Giảm 11 hộ nghèo.',
      'Phương hướng quý IV.',
    ]);
  });

  it('a page without text (a scanned page) breaks the flow', () => {
    const text = pagesToText([page(['Tổng thu ngân sách nhà nước trên địa bàn']), [], page(['ước đạt hơn 31 tỉ đồng.'])]);
    expect(text.split('\n')).toEqual(['Tổng thu ngân sách nhà nước trên địa bàn', 'ước đạt hơn 31 tỉ đồng.']);
  });

  it('no pages with text: no text', () => {
    expect(pagesToText([[], []])).toBe('');
  });
});
