/** What the readers tell the person, in Vietnamese: notes on what was done, problems and what to do. */
import type { LegacyEncoding } from '../extract';
import type { DocumentProblem } from './types';

const LEGACY_NAMES: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
};

const THEN_AGAIN = 'rồi nhập lại';
const SAVE_AS_DOCX = `hãy mở bằng Word và lưu thành .docx (Tệp → Lưu thành → Tài liệu Word), ${THEN_AGAIN}`;
const USE_ANOTHER = 'hãy dùng tệp Word (.docx), PDF có lớp chữ hoặc văn bản (.txt) của báo cáo';

export const notes = {
  converted: (encoding: LegacyEncoding, where: 'text' | 'docx' | 'pdf') =>
    `${where === 'text' ? 'Tệp văn bản' : where === 'docx' ? 'Văn bản trong tệp Word' : 'Văn bản trong tệp PDF'} gõ bằng bảng mã ${LEGACY_NAMES[encoding]}: đã chuyển sang Unicode. Hãy đối chiếu số liệu với bản gốc.`,
  windows1258:
    'Tệp văn bản không phải Unicode: đã đọc theo bảng mã Windows-1258 (tiếng Việt). Hãy kiểm tra các chữ có dấu.',
  blankPdfPages: (pages: readonly number[]) => `${pageList(pages)} của tệp PDF để trống.`,
};

function pageList(pages: readonly number[]): string {
  return `Trang ${pages.length > 1 ? `${pages.slice(0, -1).join(', ')} và ${pages.at(-1)}` : pages[0]}`;
}

const problem = (kind: DocumentProblem['kind'], message: string): DocumentProblem => ({ kind, message });

export const problems = {
  empty: () => problem('damaged', 'Tệp rỗng (0 byte): hãy chọn đúng tệp báo cáo.'),
  binaryDoc: () => problem('binary-doc', `Tệp .doc cũ (Word 97–2003) không đọc được trực tiếp: ${SAVE_AS_DOCX}.`),
  lockedDocx: () =>
    problem(
      'binary-doc',
      `Tệp Word này có mật khẩu hoặc là tệp .doc cũ đã đổi tên: hãy mở bằng Word, bỏ mật khẩu nếu có và lưu thành .docx, ${THEN_AGAIN}.`,
    ),
  oldOffice: (what: 'Excel' | 'PowerPoint') =>
    problem('unsupported', `Tệp ${what} cũ không phải văn bản báo cáo: ${USE_ANOTHER}.`),
  office: (what: 'Excel' | 'PowerPoint') => problem('unsupported', `Tệp ${what} không phải văn bản báo cáo: ${USE_ANOTHER}.`),
  odt: () => problem('unsupported', `Tệp OpenDocument (.odt): hãy mở bằng LibreOffice hoặc Word và lưu thành .docx, ${THEN_AGAIN}.`),
  rtf: () => problem('unsupported', `Tệp RTF: ${SAVE_AS_DOCX}.`),
  image: () => problem('unsupported', `Tệp ảnh không có chữ để đọc: ${USE_ANOTHER}.`),
  binary: () => problem('unsupported', `Tệp không phải văn bản (có dữ liệu nhị phân): ${USE_ANOTHER}.`),
  notAsNamed: (ext: string, what: string) =>
    problem('damaged', `Tệp có đuôi .${ext} nhưng không phải tệp ${what}: tệp bị hỏng hoặc bị đổi tên. Hãy mở bằng chương trình đã tạo ra tệp và lưu lại, ${THEN_AGAIN}.`),
  damagedDocx: () => problem('damaged', `Tệp Word (.docx) bị hỏng, không đọc được: hãy mở bằng Word và lưu lại thành .docx, ${THEN_AGAIN}.`),
  emptyDocx: () =>
    problem('unsupported', `Tệp Word không có chữ nào (có thể chỉ chứa ảnh chụp văn bản): ${USE_ANOTHER}.`),
  emptyText: () => problem('damaged', 'Tệp văn bản không có chữ nào: hãy chọn đúng tệp báo cáo.'),
  damagedPdf: () =>
    problem('damaged', `Tệp PDF bị hỏng, không đọc được: hãy mở thử bằng trình xem PDF và lưu lại thành tệp mới, hoặc dùng tệp Word gốc, ${THEN_AGAIN}.`),
  lockedPdf: () =>
    problem('unsupported', `Tệp PDF có mật khẩu: hãy mở bằng mật khẩu và lưu (hoặc in) thành tệp PDF không mật khẩu, ${THEN_AGAIN}.`),
  scanPdf: () =>
    problem(
      'scan-pdf',
      `Tệp PDF này là ảnh quét, không có lớp chữ nên không đọc được số liệu: hãy dùng tệp Word (.docx) gốc của báo cáo, hoặc nhận dạng chữ (OCR) cho tệp PDF, ${THEN_AGAIN}.`,
    ),
  scanPages: (pages: readonly number[]) =>
    problem(
      'scan-pdf',
      `${pageList(pages)} của tệp PDF là ảnh quét, không có lớp chữ: số liệu ở ${pages.length > 1 ? 'các trang này' : 'trang này'} chưa được đọc. Hãy dùng tệp Word (.docx) gốc, hoặc nhận dạng chữ (OCR) cho tệp PDF, ${THEN_AGAIN}.`,
    ),
};
