/**
 * fetch, check the status, parse the body with the contract. Every failure becomes an
 * ApiRequestError whose `userMessage` says in Vietnamese what went wrong and what to do.
 */
import { z } from 'zod/mini';
import { yieldToMain } from './yield-to-main';
import { ApiError } from './contract';

export type FailureKind = 'network' | 'http' | 'contract';

export class ApiRequestError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly userMessage: string,
    message: string,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function httpMessage(status: number): string {
  if (status === 400) return 'Yêu cầu không hợp lệ. Hãy kiểm tra lại bộ lọc.';
  if (status === 401) return 'Cần đăng nhập bằng mã truy cập.';
  if (status === 403) return 'Mã truy cập này không có quyền thực hiện thao tác.';
  if (status === 404) return 'Không tìm thấy dữ liệu được yêu cầu.';
  if (status === 409) return 'Số liệu vừa được người khác sửa.';
  if (status === 413) return 'Dữ liệu gửi lên quá lớn.';
  if (status >= 500) return `Máy chủ gặp lỗi (mã ${status}). Hãy thử lại sau ít phút.`;
  return `Máy chủ trả lời bất thường (mã ${status}).`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
}

/**
 * How long a read waits for the server to begin its answer: a hung server or a dead network is
 * said within 5 s ("Mất kết nối…") rather than a spinner for ever. Writes are never cut short
 * (cut, a write could not say whether it was stored).
 */
export const READ_ANSWER_TIMEOUT_MS = 4500;

/** The caller's signal, and for a read the answer's deadline: whichever comes first aborts. */
function withDeadline(method: string, signal: AbortSignal | undefined): { signal?: AbortSignal; timedOut: () => boolean; done: () => void } {
  if (method !== 'GET') return { signal, timedOut: () => false, done: () => {} };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, READ_ANSWER_TIMEOUT_MS);
  const forward = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    },
  };
}

export async function apiRequest<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  { method = 'GET', body, token, signal }: RequestOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  const deadline = withDeadline(method, signal);
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: deadline.signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiRequestError(
      'network',
      'Mất kết nối tới máy chủ. Hãy kiểm tra mạng; trang sẽ tự tải lại khi máy chủ trả lời, hoặc bấm “Thử lại”.',
      `${method} ${path}: ${deadline.timedOut() ? `no answer within ${READ_ANSWER_TIMEOUT_MS} ms` : `network error: ${String(cause)}`}`,
    );
  } finally {
    deadline.done();
  }
  const json: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiError.safeParse(json);
    throw new ApiRequestError(
      'http',
      httpMessage(response.status),
      `${method} ${path}: ${response.status} ${error.success ? error.data.error.message : ''}`.trim(),
      response.status,
      json,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw contractError(`${method} ${path}`, parsed.error.message, response.status);
  return parsed.data;
}

function contractError(request: string, problem: string, status?: number): ApiRequestError {
  return new ApiRequestError(
    'contract',
    'Máy chủ trả về dữ liệu không đúng định dạng, nên không hiển thị được. Hãy báo cho quản trị viên.',
    `${request}: answer does not match the contract: ${problem}`,
    status,
  );
}

/** How many items of a long list are checked in one task (apiRequestList). */
export const LIST_PART = 100;

/**
 * GETs a list `{ [key]: item[] }` (the register's 400 units) and checks its items against the
 * contract's `item` LIST_PART at a time, each part in a task of its own: checked at once, the
 * register alone was one task of some 50 ms on a slow phone's start, blocking a tap. Fails as
 * apiRequest does, naming the item.
 */
export async function apiRequestList<S extends z.ZodMiniType>(
  path: string,
  key: string,
  item: S,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<z.infer<S>[]> {
  const answer: Record<string, unknown> = await apiRequest(path, z.object({ [key]: z.array(z.unknown()) }), options);
  const items = answer[key] as unknown[];
  const checked: z.infer<S>[] = [];
  for (let start = 0; start < items.length; start += LIST_PART) {
    if (start > 0) await yieldToMain();
    options.signal?.throwIfAborted();
    for (let i = start; i < Math.min(start + LIST_PART, items.length); i++) {
      const parsed = item.safeParse(items[i]);
      if (!parsed.success) throw contractError(`GET ${path}`, `${key}[${i}]: ${parsed.error.message}`);
      checked.push(parsed.data);
    }
  }
  return checked;
}

/** The most pages one paged read follows (with OBSERVATIONS_PAGE_MAX rows each: a million rows). */
const MAX_PAGES = 200;

/**
 * GETs every page of a paged list: follows each answer's `next` (a path of this API, checked
 * by the schema) until an answer has none, and gives the pages in order.
 */
export async function apiRequestPages<S extends z.ZodMiniType<{ next?: string }>>(
  path: string,
  schema: S,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<z.infer<S>[]> {
  const pages: z.infer<S>[] = [];
  const asked = new Set<string>();
  for (let next: string | undefined = path; next !== undefined; ) {
    if (asked.has(next) || asked.size >= MAX_PAGES) {
      throw new ApiRequestError(
        'contract',
        'Máy chủ trả về dữ liệu không đúng định dạng, nên không hiển thị được. Hãy báo cho quản trị viên.',
        `GET ${path}: the pages do not end (${asked.size} followed)`,
      );
    }
    asked.add(next);
    const page: z.infer<S> = await apiRequest(next, schema, options);
    pages.push(page);
    next = page.next;
  }
  return pages;
}

export function userMessageOf(error: unknown): string {
  return error instanceof ApiRequestError ? error.userMessage : 'Đã có lỗi không mong muốn. Hãy thử lại.';
}
