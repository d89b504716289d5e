/**
 * Report files in the editor's import, against the msw write handlers: several files chosen at
 * once (a Word .docx, a PDF with a text layer, a TCVN3 text file, all made here), each read into
 * one review of the queue (unit, period, held date, candidates with their sentences), progress
 * while they are read, nothing saved until accepted, saved one at a time or all at once; a scan
 * PDF and an old .doc said to be what they are, with what to do.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NewObservation, NewSource } from '../../src/api/contract';
import { encodeLegacy, encodeUtf16, makeDocx, makeTextPdf, oleDocHeader } from '../../src/lib/documents/test-files';
import { openSignedIn, withEditorApi } from './editor-session';

// reports written for these tests, in the manner of the wards' own
const QUY = [
  'Đảng ủy phường Mỹ Quý sơ kết công tác 9 tháng đầu năm 2024',
  'Sáng ngày 08/10/2024, Đảng ủy phường Mỹ Quý tổ chức hội nghị sơ kết 9 tháng.',
  'Thu ngân sách nhà nước trên địa bàn đạt 6,3 tỷ đồng, đạt 74% dự toán năm.',
  'Tỷ lệ dân số tham gia bảo hiểm y tế đạt 88,5%.',
];
const THOI = [
  'Đảng ủy phường Mỹ Thới sơ kết quý I năm 2025',
  'Ngày 05/4/2025, Đảng ủy phường Mỹ Thới họp đánh giá quý I.',
  'Thu ngân sách ước đạt 3,4 tỷ đồng, bằng 26% dự toán; giảm 2 hộ nghèo.',
];
const BINH = [
  'Đảng ủy phường Mỹ Bình tổng kết năm 2023',
  'Ngày 27/12/2023, Đảng ủy phường Mỹ Bình họp tổng kết.',
  'Thu ngân sách đạt 15 tỷ đồng, đạt 105% dự toán. Kết nạp 12 đảng viên mới.',
];

const DOCX = 'so-ket-9-thang-my-quy.docx';
const PDF = 'so-ket-quy-1-my-thoi.pdf';
const TXT = 'tong-ket-2023-my-binh.txt';

const api = withEditorApi();

const file = (bytes: Uint8Array, name: string, type = '') => new File([bytes.slice()], name, { type });

async function threeFiles(): Promise<File[]> {
  return [
    file(await makeDocx(QUY), DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    file(makeTextPdf([THOI]), PDF, 'application/pdf'),
    file(encodeLegacy(BINH.join('\n'), 'tcvn3'), TXT, 'text/plain'),
  ];
}

async function openImport() {
  const r = openSignedIn();
  await r.user.click(await screen.findByRole('tab', { name: 'Nhập từ báo cáo' }, { timeout: 10_000 }));
  return r;
}

const picker = () => screen.getByLabelText('Chọn tệp báo cáo (có thể chọn nhiều tệp)');
const review = (name: string) => within(screen.getByRole('region', { name }));
const queueLine = (name: string) => within(screen.getByRole('list', { name: 'Tệp đã chọn' })).getByText(name).closest('li')!;
const sources = () => api().writes.filter((w) => w.path === '/api/sources').map((w) => w.body as NewSource);

describe('a queue of report files', () => {
  it('reads three files chosen at once into three reviews, saves nothing until accepted, then one report alone and every report left at once', async () => {
    const { user } = await openImport();
    await user.upload(picker(), await threeFiles());

    // one review per file, each with what was read from it
    const quy = await screen.findByRole('region', { name: DOCX }, { timeout: 10_000 });
    await screen.findByRole('region', { name: TXT }, { timeout: 10_000 });
    for (const name of [DOCX, PDF, TXT]) expect(queueLine(name)).toHaveTextContent(`${name}: đã đọc, xem bên dưới`);
    const facts = (name: string) => within(review(name).getByRole('group', { name: 'Báo cáo (nguồn của các số liệu)' }));
    expect(facts(DOCX).getByLabelText('Phường, xã của báo cáo')).toHaveDisplayValue('Phường Mỹ Quý (đến 30/06/2025)');
    expect(facts(DOCX).getByLabelText('Kỳ của báo cáo')).toHaveDisplayValue('9 tháng');
    expect(facts(DOCX).getByLabelText('Ngày họp / ngày báo cáo')).toHaveValue('2024-10-08');
    expect(facts(DOCX).getByLabelText('Tên báo cáo')).toHaveValue(QUY[0]);
    expect(facts(PDF).getByLabelText('Phường, xã của báo cáo')).toHaveDisplayValue('Phường Mỹ Thới');
    expect(facts(PDF).getByLabelText('Năm của báo cáo')).toHaveValue('2025');
    expect(facts(PDF).getByLabelText('Kỳ của báo cáo')).toHaveDisplayValue('Quý I');
    expect(facts(TXT).getByLabelText('Phường, xã của báo cáo')).toHaveDisplayValue('Phường Mỹ Bình (đến 30/06/2025)');
    expect(facts(TXT).getByLabelText('Ngày họp / ngày báo cáo')).toHaveValue('2023-12-27');
    // the TCVN3 file was converted, and says so
    expect(review(TXT).getByRole('list', { name: `Khi đọc ${TXT}` })).toHaveTextContent('bảng mã TCVN3');
    expect(review(TXT).getByRole('list', { name: `Khi đọc ${TXT}` })).toHaveTextContent('đã chuyển sang Unicode');
    expect(review(DOCX).queryByRole('list', { name: `Khi đọc ${DOCX}` })).not.toBeInTheDocument();

    // candidates with their sentences, from the files' text
    const candidatesOf = (name: string) => within(review(name).getByRole('list', { name: 'Số liệu đọc được' }));
    const budgetOfBinh = candidatesOf(TXT).getByRole('listitem', { name: 'Thu ngân sách nhà nước' });
    expect(budgetOfBinh).toHaveTextContent('15 tỷ đồng');
    expect(within(budgetOfBinh).getByLabelText('Câu trong báo cáo')).toHaveTextContent('Thu ngân sách đạt 15 tỷ đồng, đạt 105% dự toán.');
    expect(candidatesOf(PDF).getByRole('listitem', { name: 'Hộ nghèo giảm' })).toHaveTextContent('2 hộ');
    expect(within(quy).getByRole('heading', { name: '3 số liệu đọc được · 0 đã nhận · 3 chờ duyệt' })).toBeInTheDocument();
    expect(api().writes).toEqual([]);

    // one report saved alone: its source with its text, and its accepted figure
    await user.click(candidatesOf(DOCX).getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    await user.click(review(DOCX).getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    expect(await review(DOCX).findByRole('status')).toHaveTextContent(`Đã lưu 1 số liệu từ báo cáo “${QUY[0]}”.`);
    expect(sources()).toEqual([expect.objectContaining({ unitId: 'my-quy', title: QUY[0], heldOn: '2024-10-08', text: QUY.join('\n') })]);
    expect(queueLine(DOCX)).toHaveTextContent(`${DOCX}: đã lưu 1 số liệu, còn 2 số liệu để duyệt`);

    // the rest at once: every undecided figure of the two other files (and the Mỹ Quý ones left)
    await user.click(screen.getByRole('button', { name: 'Nhận và lưu cả 3 báo cáo' }));
    expect(await screen.findByText('Đã lưu 8 số liệu của 3 báo cáo.')).toBeInTheDocument();
    expect(sources().map((s) => s.unitId)).toEqual(['my-quy', 'my-thoi', 'my-binh']);
    for (const name of [DOCX, PDF, TXT]) expect(queueLine(name)).toHaveTextContent(`${name}: đã lưu 3 số liệu`);
    // Mỹ Quý's report was stored once, its second save reused it
    expect(api().data.sources.filter((s) => s.title === QUY[0])).toHaveLength(1);
    const batches = api().writes.filter((w) => w.path === '/api/observations').map((w) => w.body as NewObservation[]);
    expect(batches.map((b) => b.length)).toEqual([1, 2, 3, 3]);
    const binh = api().data.observations.filter((o) => o.unitId === 'my-binh' && o.period === '2023-Q4');
    expect(binh.map((o) => [o.indicatorId, o.value]).sort()).toEqual([
      ['budget_revenue', 15e9],
      ['budget_revenue_pct', 105],
      ['new_party_members', 12],
    ]);
    expect(api().data.sources.find((s) => s.unitId === 'my-binh' && s.title === BINH[0])?.text).toBe(BINH.join('\n'));
  });

  it('shows its progress while files are read, one after another', async () => {
    const { user } = await openImport();
    const [docx, pdf] = await threeFiles();
    // files whose bytes arrive when the test lets them, as a slow disk gives them
    let release: (() => void)[] = [];
    const held = (f: File) => {
      const bytes = f.arrayBuffer.bind(f);
      return Object.assign(f, { arrayBuffer: () => new Promise<ArrayBuffer>((resolve) => release.push(() => void bytes().then(resolve))) });
    };
    await user.upload(picker(), [held(docx!), held(pdf!)]);

    const progress = await screen.findByRole('progressbar', { name: 'Tiến độ đọc tệp' });
    expect(progress).toHaveAttribute('value', '0');
    expect(progress).toHaveAttribute('max', '2');
    expect(screen.getByText(`Đang đọc tệp 1/2: ${DOCX}`)).toBeInTheDocument();
    expect(queueLine(DOCX)).toHaveTextContent('đang đọc…');
    expect(queueLine(PDF)).toHaveTextContent('chờ đọc');
    expect(picker()).toBeDisabled();

    await waitFor(() => expect(release).toHaveLength(1));
    await act(async () => release.shift()!());
    expect(await screen.findByText(`Đang đọc tệp 2/2: ${PDF}`)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ đọc tệp' })).toHaveAttribute('value', '1');
    await screen.findByRole('region', { name: DOCX });

    await waitFor(() => expect(release).toHaveLength(1));
    await act(async () => release.shift()!());
    await screen.findByRole('region', { name: PDF });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(picker()).toBeEnabled();
    release = [];
  });

  it('says plainly what a scanned PDF and an old .doc are and what to do, and reads the good file dropped with them', async () => {
    const { user } = await openImport();
    const good = file(encodeUtf16(THOI.join('\r\n'), 'le', true), 'quy-1-utf16.txt', 'text/plain');
    const drop = screen.getByLabelText('Chọn tệp báo cáo (có thể chọn nhiều tệp)').closest('.file-drop')!;
    fireEvent.drop(drop, {
      dataTransfer: { files: [file(makeTextPdf([null, null]), 'ban-quet.pdf', 'application/pdf'), file(oleDocHeader(), 'bao-cao-cu.doc'), good] },
    });

    await screen.findByRole('region', { name: 'quy-1-utf16.txt' }, { timeout: 10_000 });
    expect(queueLine('ban-quet.pdf')).toHaveTextContent('ban-quet.pdf: không đọc được. Tệp PDF này là ảnh quét, không có lớp chữ');
    expect(queueLine('ban-quet.pdf')).toHaveTextContent('hãy dùng tệp Word (.docx) gốc của báo cáo');
    expect(queueLine('bao-cao-cu.doc')).toHaveTextContent('bao-cao-cu.doc: không đọc được. Tệp .doc cũ (Word 97–2003) không đọc được trực tiếp');
    expect(queueLine('bao-cao-cu.doc')).toHaveTextContent('lưu thành .docx');
    // no review for what could not be read; the UTF-16 text is read as written
    expect(screen.queryByRole('region', { name: 'ban-quet.pdf' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'bao-cao-cu.doc' })).not.toBeInTheDocument();
    const facts = within(review('quy-1-utf16.txt').getByRole('group', { name: 'Báo cáo (nguồn của các số liệu)' }));
    expect(facts.getByLabelText('Tên báo cáo')).toHaveValue(THOI[0]);
    await user.click(review('quy-1-utf16.txt').getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    expect(api().writes).toEqual([]);
  });
});
