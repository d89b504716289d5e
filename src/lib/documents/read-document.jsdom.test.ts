/**
 * The page tests run in jsdom (a window, no Worker): there readDocument takes its Node path, so
 * the editor's page tests can drop real files. Here in that same environment.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from './index';
import { encodeLegacy, makeDocx, makeTextPdf } from './test-files';

const PARAGRAPHS = ['Đảng ủy phường Mỹ Thới sơ kết 6 tháng đầu năm 2025', 'Thu ngân sách ước đạt 14 tỉ đồng, bằng 51% dự toán; giảm 4 hộ nghèo.'];

describe('readDocument in jsdom', () => {
  it('reads a .docx, a PDF and a TCVN3 text file', async () => {
    expect((await readDocument('a.docx', await makeDocx(PARAGRAPHS))).text).toBe(PARAGRAPHS.join('\n'));
    expect((await readDocument('a.pdf', makeTextPdf([PARAGRAPHS]))).text).toBe(PARAGRAPHS.join('\n'));
    const tcvn3 = await readDocument('a.txt', encodeLegacy(PARAGRAPHS.join('\n'), 'tcvn3'));
    expect(tcvn3).toMatchObject({ text: PARAGRAPHS.join('\n'), encoding: 'tcvn3' });
  });
});
