/** The command line of `npm run import`: flags and files, or a Vietnamese message saying what is wrong. */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const USAGE = `Cách dùng: npm run import -- [--json] [--save --server URL] TỆP…

Đọc báo cáo (.docx, .pdf có lớp chữ, .txt) và in ra những gì trang Nhập số liệu sẽ đề xuất:
đơn vị, kỳ báo cáo, ngày họp, bảng mã, ghi chú và các số liệu kèm câu gốc.

  --json             in đúng một tài liệu JSON ra stdout (thông báo ra stderr)
  --save             lưu số liệu của các tệp đọc được đơn vị, kỳ và ngày họp, qua API của máy chủ
                     (mã truy cập của biên tập viên trong biến môi trường KPI_TOKEN); mỗi tệp lưu
                     trọn vẹn hoặc không lưu gì. Không có --save thì không ghi gì cả.
  --server URL       địa chỉ máy chủ, ví dụ http://127.0.0.1:8080 (cần cho --save)
  -h, --help         in hướng dẫn này

Mã thoát: 0 xong; 1 có tệp không đọc được hoặc không lưu được; 2 lệnh sai (tùy chọn, tệp, mã truy cập).`;

export interface ImportArgs {
  json: boolean;
  files: string[];
  save?: { server: string; token: string };
}

/** `usage`: the command itself is wrong (print how to use it), not one of its files or settings. */
export type ParsedArgs = { ok: true; args: ImportArgs } | { ok: false; message: string; usage?: true } | { ok: 'help' };

export function parseImportArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  let values: { json?: boolean; save?: boolean; server?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, save: { type: 'boolean' }, server: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { ok: false, usage: true, message: `Tùy chọn ${option ?? ''} cần một giá trị, ví dụ --server http://127.0.0.1:8080.` };
    return { ok: false, usage: true, message: `Không có tùy chọn ${option ?? 'này'}. Các tùy chọn: --json, --save, --server URL, --help.` };
  }
  if (values.help) return { ok: 'help' };
  if (positionals.length === 0) return { ok: false, usage: true, message: 'Chưa có tệp nào: hãy ghi đường dẫn của các tệp báo cáo sau lệnh.' };

  for (const file of positionals) {
    let isFile: boolean;
    try {
      isFile = statSync(file).isFile();
    } catch {
      return { ok: false, message: `Không tìm thấy tệp ${file}: hãy kiểm tra đường dẫn. Chưa đọc tệp nào.` };
    }
    if (!isFile) return { ok: false, message: `${file} không phải một tệp (có thể là thư mục): hãy ghi từng tệp. Chưa đọc tệp nào.` };
  }

  const args: ImportArgs = { json: Boolean(values.json), files: positionals };
  if (values.server !== undefined && !values.save) return { ok: false, usage: true, message: '--server chỉ dùng cùng --save.' };
  if (values.save) {
    if (!values.server) return { ok: false, usage: true, message: '--save cần địa chỉ máy chủ: --server URL (ví dụ http://127.0.0.1:8080).' };
    let server: URL;
    try {
      server = new URL(values.server);
    } catch {
      return { ok: false, message: `Địa chỉ máy chủ không hợp lệ: ${values.server} (ví dụ http://127.0.0.1:8080).` };
    }
    if (server.protocol !== 'http:' && server.protocol !== 'https:') return { ok: false, message: `Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://: ${values.server}.` };
    const token = env.KPI_TOKEN?.trim();
    if (!token) return { ok: false, message: '--save cần mã truy cập của biên tập viên trong biến môi trường KPI_TOKEN (tạo bằng npm run token -- editor).' };
    args.save = { server: server.origin + server.pathname.replace(/\/+$/, ''), token };
  }
  return { ok: true, args };
}
