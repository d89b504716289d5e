import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const { status, body } = await getJson(`${s.url}/api/openapi.json`);
    expect(status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(body as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // and the validator does refuse a broken document
    const broken = await new Validator().validate({ openapi: '3.1.0', info: { title: 'x' }, paths: { 'no-slash': {} } });
    expect(broken.valid).toBe(false);
  });

  it('describes every endpoint of the contract, with the schemas of the zod contract', async () => {
    const doc = (await getJson(`${s.url}/api/openapi.json`)).body as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'get /api/health',
        'get /api/units',
        'get /api/indicators',
        'get /api/observations',
        'post /api/observations',
        'put /api/observations/{id}',
        'delete /api/observations/{id}',
        'get /api/sources',
        'post /api/sources',
        'get /api/sources/{id}',
        'get /api/session',
      ]),
    );
    expect(doc.components.schemas.SessionResponse?.required).toEqual(['role']);
    // the list's items say whether a text exists without carrying it; one source keeps its text
    const summary = doc.components.schemas.SourceSummary!;
    expect(summary.required).toEqual(expect.arrayContaining(['id', 'title', 'hasText']));
    expect(Object.keys(summary.properties ?? {})).not.toContain('text');
    expect(JSON.stringify(doc.components.schemas.SourcesResponse)).toContain('#/components/schemas/SourceSummary');
    expect(Object.keys(doc.components.schemas.Source!.properties ?? {})).toContain('text');
    expect(JSON.stringify(doc.components.schemas.SourceResponse)).toContain('#/components/schemas/Source"');
    const observation = doc.components.schemas.Observation!;
    expect(observation.required).toEqual(expect.arrayContaining(['id', 'unitId', 'indicatorId', 'period', 'value', 'version']));
    expect(Object.keys(observation.properties ?? {})).toContain('qualifier');
    // the observations come in pages: limit, cursor, and next in the answer
    const list = (doc.paths['/api/observations']!.get as { parameters: { name: string; schema: Record<string, unknown> }[] });
    const param = (name: string) => list.parameters.find((p) => p.name === name)?.schema;
    expect(param('limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 5000 });
    expect(param('cursor')).toMatchObject({ type: 'string' });
    expect(param('unit')).toMatchObject({ maxItems: 500 });
    expect(param('from')?.pattern).toBe('^(20\\d{2}|2100)-Q([1-4])$');
    const page = doc.components.schemas.ObservationsResponse!;
    expect(page.required).toEqual(['observations']);
    expect(Object.keys(page.properties ?? {})).toEqual(['observations', 'next']);
    // every $ref points at a component that exists
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });
});
