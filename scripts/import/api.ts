/**
 * The API as the import command uses it: the contract's schemas over fetch, against a server
 * given by its address, with an editor's token. Failures become an ApiFailure whose message says
 * in Vietnamese what happened (and the server's issues, as it gave them).
 */
import type { z } from 'zod/mini';
import {
  ApiError,
  IndicatorsResponse,
  ObservationsResponse,
  SessionResponse,
  SourceResponse,
  SourcesResponse,
  UnitsResponse,
  type ApiIssue,
  type NewObservation,
  type NewSource,
  type Observation,
} from '../../src/api/contract';

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

function statusMessage(status: number, serverMessage: string | undefined): string {
  const said = serverMessage ? ` (${serverMessage})` : '';
  if (status === 400) return `máy chủ từ chối dữ liệu${said}`;
  if (status === 401) return 'mã truy cập KPI_TOKEN không hợp lệ hoặc đã bị thu hồi';
  if (status === 403) return `mã truy cập không có quyền ghi${said}`;
  if (status === 409) return `trùng với dữ liệu đã có${said}`;
  if (status === 413) return 'dữ liệu gửi lên quá lớn';
  if (status === 507) return 'ổ đĩa của máy chủ đã đầy';
  if (status >= 500) return `máy chủ gặp lỗi (mã ${status})${said}`;
  return `máy chủ trả lời bất thường (mã ${status})${said}`;
}

export function api(server: string, token: string) {
  async function request<S extends z.ZodMiniType>(path: string, schema: S, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<z.infer<S>> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(server + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      throw new ApiFailure(`không kết nối được máy chủ ${server} (${String((cause as Error).cause ?? cause)})`);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = ApiError.safeParse(json);
      throw new ApiFailure(statusMessage(response.status, error.data?.error.message), response.status, error.data?.error.issues ?? []);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiFailure(`máy chủ ${server} trả lời không đúng định dạng của API (${method} ${path})`);
    return parsed.data;
  }

  return {
    session: () => request('/api/session', SessionResponse),
    units: async () => (await request('/api/units', UnitsResponse)).units,
    indicators: async () => (await request('/api/indicators', IndicatorsResponse)).indicators,
    sources: async () => (await request('/api/sources', SourcesResponse)).sources,
    source: async (id: string) => (await request(`/api/sources/${encodeURIComponent(id)}`, SourceResponse)).source,
    /** Every stored figure of these units, following the pages. */
    async observations(unitIds: readonly string[]): Promise<Observation[]> {
      const out: Observation[] = [];
      let next: string | undefined = `/api/observations?${unitIds.map((u) => `unit=${encodeURIComponent(u)}`).join('&')}`;
      for (let pages = 0; next !== undefined && pages < 200; pages++) {
        const page: z.infer<typeof ObservationsResponse> = await request(next, ObservationsResponse);
        out.push(...page.observations);
        next = page.next;
      }
      return out;
    },
    addSource: async (source: NewSource) => (await request('/api/sources', SourceResponse, 'POST', source)).source,
    /** Stored all or none (the API's batch write). */
    addObservations: async (batch: NewObservation[]) => (await request('/api/observations', ObservationsResponse, 'POST', batch)).observations,
  };
}

export type Api = ReturnType<typeof api>;
