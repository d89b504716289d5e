/** The OpenAPI document says what the writes refuse: strict bodies and delete versions, full disks, limited tokens, long URLs. */
import { describe, expect, it } from 'vitest';
import { MAX_URL_BYTES } from '../../server/app';
import { openApiDocument } from '../../server/openapi/document';

type Operation = { responses: Record<string, { description: string }>; parameters?: { name: string; schema: unknown; description?: string }[] };
const doc = openApiDocument();
const op = (path: string, method: string) => (doc.paths as unknown as Record<string, Record<string, Operation>>)[path]![method]!;
const writes = [
  op('/api/observations', 'post'),
  op('/api/observations/{id}', 'put'),
  op('/api/observations/{id}', 'delete'),
  op('/api/sources', 'post'),
];

describe('the OpenAPI document of the writes', () => {
  it('a 507 disk_full and a 403 for a token limited to other units on every write', () => {
    for (const w of writes) {
      expect(w.responses[507]?.description).toMatch(/disk_full/);
      expect(w.responses[403]?.description).toMatch(/limited to other units/);
    }
  });

  it('a 415 for a body that is not exactly application/json', () => {
    for (const w of [writes[0]!, writes[1]!, writes[3]!]) {
      expect(w.responses[415]?.description).toBe('The body is not application/json (no parameter but charset=utf-8)');
    }
  });

  it('a delete’s version in plain digits, at most once', () => {
    const version = writes[2]!.parameters!.find((p) => p.name === 'version')!;
    expect(version.schema).toEqual({ type: 'string', pattern: '^[1-9][0-9]{0,14}$' });
    expect(version.description).toMatch(/plain digits, at most once/);
  });

  it('says what a long URL and large headers are answered with, at the server’s limits', () => {
    expect(doc.info.description).toContain(`over ${MAX_URL_BYTES} bytes is a 414`);
    expect(doc.info.description).toContain(`headers over ${2 * MAX_URL_BYTES} bytes a 431, both as ApiError`);
  });
});
