/**
 * The read conformance suite: the same cases run against the msw handlers and the real server,
 * so the two cannot drift apart. Each case names a request and what its answer must be.
 * The session cases do the same for GET /api/session, with the tokens of each run.
 */
import { expect } from 'vitest';
import {
  ApiError,
  IndicatorsResponse,
  ObservationsResponse,
  ResolutionsResponse,
  SessionResponse,
  SourceResponse,
  SourcesResponse,
  UnitsResponse,
  encodeCursor,
  observationOrder,
  observationsPath,
  summarizeSource,
  type Observation,
  type Source,
} from '../../../src/api/contract';
import { loadDataset } from '../../../data';
import { LIMITED_UNITS } from './in-process';
import { communesOf } from '../../../src/api/units';

export interface Answer {
  status: number;
  body: unknown;
}
export type Fetcher = (path: string) => Promise<Answer>;

export interface ConformanceCase {
  name: string;
  path: string;
  check(answer: Answer): void;
}

const data = loadDataset();

/**
 * An imported report with its text (the seeded reports have none): both sides are given it
 * (the msw handlers in their dataset, the server through its storage) before the cases run.
 */
export const SOURCE_WITH_TEXT: Source = {
  id: 'my-thoi-2025-imported',
  unitId: 'my-thoi',
  title: 'Báo cáo sơ kết 6 tháng đầu năm 2025 (nhập từ văn bản)',
  heldOn: '2025-07-15',
  periodLabel: '6 tháng 2025',
  reference: 'Báo cáo sơ kết 6 tháng đầu năm 2025, Đảng ủy phường Mỹ Thới',
  text: `Thu ngân sách đạt trên 7 tỉ đồng.\n<b>in đậm</b> & "trích dẫn"\n${'Nội dung báo cáo. '.repeat(6000)}`,
};
/** Every observation, as each backend orders them. */
const sorted = [...data.observations].sort(observationOrder);
/** The cursor of a page that starts at row i. */
const cursorAt = (i: number) => encodeCursor(sorted[i]!);

/** Every source the cases expect, as stored. */
const sources = [...data.sources, SOURCE_WITH_TEXT];

function observations(a: Answer): Observation[] {
  expect(a.status).toBe(200);
  const list = ObservationsResponse.parse(a.body).observations;
  expect(list).toEqual([...list].sort(observationOrder));
  return list;
}

function badQuery(...paths: string[]) {
  return (a: Answer) => {
    expect(a.status).toBe(400);
    const body = ApiError.parse(a.body);
    expect(body.error.code).toBe('bad_query');
    expect(body.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(paths));
  };
}

export const conformanceCases: ConformanceCase[] = [
  { name: 'health', path: '/api/health', check: (a) => expect(a).toEqual({ status: 200, body: { status: 'ok' } }) },
  {
    name: 'units: the register, with the 2025 mergers',
    path: '/api/units',
    check: (a) => {
      const { units } = UnitsResponse.parse(a.body);
      expect(units).toEqual(data.units);
      expect(units.find((u) => u.id === 'my-binh')).toMatchObject({ validTo: '2025-06-30', successorId: 'long-xuyen' });
      // the province, its 102 current communes, the former districts and communes
      expect(units).toHaveLength(391);
      expect(communesOf(units, 'an-giang', '2025-07-01')).toHaveLength(102);
      expect(units.find((u) => u.id === 'binh-duc')?.formedFrom?.map((f) => f.unitId)).toEqual(['binh-khanh', 'binh-duc-30289', 'my-khanh']);
    },
  },
  {
    name: 'indicators with the fixed ids',
    path: '/api/indicators',
    check: (a) => {
      const ids = IndicatorsResponse.parse(a.body).indicators.map((i) => i.id);
      expect(ids).toEqual(data.indicators.map((i) => i.id));
      expect(ids).toEqual(expect.arrayContaining(['budget_revenue', 'health_insurance_coverage', 'resolution_targets_met']));
    },
  },
  {
    name: 'every observation, in the contract order',
    path: '/api/observations',
    check: (a) => expect(observations(a)).toEqual([...data.observations].sort(observationOrder)),
  },
  {
    name: "one ward's year: the report's budget figure as written",
    path: '/api/observations?unit=my-thoi&from=2024-Q4&to=2024-Q4',
    check: (a) => {
      const list = observations(a);
      expect(list.every((o) => o.unitId === 'my-thoi' && o.period === '2024-Q4')).toBe(true);
      expect(list.find((o) => o.indicatorId === 'budget_revenue')).toMatchObject({ value: 12e9, qualifier: 'over' });
      expect(list.find((o) => o.indicatorId === 'resolution_targets_met')).toMatchObject({ value: 10, outOf: 11 });
    },
  },
  {
    name: 'a family: BHYT coverage 88.44% at 9 months 2024',
    path: '/api/observations?family=health_insurance&unit=my-thoi',
    check: (a) => {
      const list = observations(a);
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((o) => o.indicatorId.startsWith('health_insurance'))).toBe(true);
      expect(list.find((o) => o.id === 'my-thoi-2024-q3-health-insurance-coverage')).toMatchObject({ value: 88.44 });
    },
  },
  {
    name: 'an indicator: mid-term targets of Mỹ Bình, 10 of 12',
    path: '/api/observations?indicator=resolution_targets_met&unit=my-binh',
    check: (a) => {
      expect(observations(a)).toEqual([expect.objectContaining({ value: 10, outOf: 12, scope: 'term' })]);
    },
  },
  {
    name: 'repeated names, in any order',
    path: '/api/observations?unit=my-binh&unit=my-thoi&unit=my-binh&from=2023-Q1',
    check: (a) => {
      const units = new Set(observations(a).map((o) => o.unitId));
      expect([...units].sort()).toEqual(['my-binh', 'my-thoi']);
    },
  },
  {
    name: 'a range that holds nothing is an empty 200',
    path: '/api/observations?unit=my-thoi&from=2019-Q1&to=2019-Q4',
    check: (a) => expect(observations(a)).toEqual([]),
  },
  {
    name: 'a page of 5: the first five, and next with the same limit and a cursor',
    path: '/api/observations?limit=5',
    check: (a) => {
      expect(observations(a)).toEqual(sorted.slice(0, 5));
      expect(a.body).toHaveProperty('next', observationsPath({}, { limit: 5, cursor: cursorAt(5) }));
    },
  },
  {
    name: 'the next page starts at the cursor',
    path: `/api/observations?limit=5&cursor=${cursorAt(5)}`,
    check: (a) => {
      expect(observations(a)).toEqual(sorted.slice(5, 10));
      expect(a.body).toHaveProperty('next', observationsPath({}, { limit: 5, cursor: cursorAt(10) }));
    },
  },
  {
    name: 'the last page, cut short, has no next',
    path: `/api/observations?limit=5&cursor=${cursorAt(sorted.length - 2)}`,
    check: (a) => {
      expect(observations(a)).toEqual(sorted.slice(-2));
      expect(a.body).not.toHaveProperty('next');
    },
  },
  {
    name: 'a page that ends exactly at the last row has no next',
    path: `/api/observations?limit=${sorted.length}`,
    check: (a) => {
      expect(observations(a)).toEqual(sorted);
      expect(a.body).not.toHaveProperty('next');
    },
  },
  {
    name: 'a filtered page keeps its filters in next, names sorted and given once',
    path: '/api/observations?unit=my-thoi&family=budget&unit=my-binh&unit=my-thoi&limit=2',
    check: (a) => {
      const list = observations(a);
      const all = sorted.filter((o) => ['my-thoi', 'my-binh'].includes(o.unitId) && o.indicatorId.startsWith('budget'));
      expect(all.length).toBeGreaterThan(2);
      expect(list).toEqual(all.slice(0, 2));
      expect(a.body).toHaveProperty(
        'next',
        `/api/observations?unit=my-binh&unit=my-thoi&family=budget&limit=2&cursor=${encodeCursor(all[2]!)}`,
      );
    },
  },
  {
    name: 'a cursor at a place no row holds: the rows after that place',
    path: `/api/observations?cursor=${encodeCursor({ period: '2024-Q4', unitId: 'my-thoi', indicatorId: 'a', id: 'a' })}`,
    check: (a) => {
      const list = observations(a);
      expect(list).toEqual(sorted.filter((o) => o.period > '2024-Q4' || (o.period === '2024-Q4' && o.unitId >= 'my-thoi')));
      expect(list.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'a cursor after every row: an empty last page',
    path: `/api/observations?cursor=${encodeCursor({ period: '2100-Q4', unitId: 'z', indicatorId: 'z', id: 'z' })}`,
    check: (a) => {
      expect(observations(a)).toEqual([]);
      expect(a.body).not.toHaveProperty('next');
    },
  },
  { name: 'a cursor that is not one of ours', path: '/api/observations?cursor=not-a-cursor', check: badQuery('cursor') },
  { name: 'a cursor of bad characters', path: '/api/observations?cursor=%7B%22a%22%7D', check: badQuery('cursor') },
  { name: 'a cursor given twice', path: `/api/observations?cursor=${cursorAt(1)}&cursor=${cursorAt(2)}`, check: badQuery('cursor') },
  { name: 'a limit of 0', path: '/api/observations?limit=0', check: badQuery('limit') },
  { name: 'a limit over the page maximum', path: '/api/observations?limit=5001', check: badQuery('limit') },
  { name: 'a limit that is not a plain number', path: '/api/observations?limit=1e3', check: badQuery('limit') },
  { name: 'a limit given twice', path: '/api/observations?limit=5&limit=6', check: badQuery('limit') },
  { name: 'a period before 2000', path: '/api/observations?from=1999-Q4', check: badQuery('from') },
  { name: 'the period 0000-Q1', path: '/api/observations?from=0000-Q1', check: badQuery('from') },
  { name: 'the period 9999-Q4', path: '/api/observations?to=9999-Q4', check: badQuery('to') },
  {
    name: 'the first and last periods of the range are fine',
    path: '/api/observations?from=2000-Q1&to=2100-Q4',
    check: (a) => expect(observations(a)).toEqual(sorted),
  },
  {
    name: 'a unit named more than 500 times',
    path: `/api/observations?${'unit=my-thoi&'.repeat(501)}`,
    check: badQuery('unit'),
  },
  { name: 'a unit id over 80 characters', path: `/api/observations?unit=${'a'.repeat(81)}`, check: badQuery('unit.0') },
  {
    name: 'a long bad query gets at most 20 issues',
    path: `/api/observations?${Array.from({ length: 60 }, (_, i) => `x${i}=1`).join('&')}`,
    check: (a) => {
      badQuery('x0')(a);
      expect(ApiError.parse(a.body).error.issues).toHaveLength(20);
    },
  },
  { name: 'a malformed period', path: '/api/observations?from=2024-Q5', check: badQuery('from') },
  { name: 'from after to', path: '/api/observations?from=2025-Q1&to=2024-Q4', check: badQuery('from') },
  { name: 'an unknown parameter', path: '/api/observations?ward=my-thoi', check: badQuery('ward') },
  { name: 'an unknown unit', path: '/api/observations?unit=nowhere', check: badQuery('unit') },
  { name: 'an unknown indicator', path: '/api/observations?indicator=happiness', check: badQuery('indicator') },
  { name: 'an unknown family', path: '/api/observations?family=weather', check: badQuery('family.0') },
  { name: 'a malformed unit id', path: '/api/observations?unit=My%20Thoi', check: badQuery('unit.0') },
  { name: 'from given twice', path: '/api/observations?from=2024-Q1&from=2024-Q2', check: badQuery('from') },
  {
    name: 'the source reports, each saying whether it has a text, none carrying one',
    path: '/api/sources',
    check: (a) => {
      expect(a.status).toBe(200);
      expect(SourcesResponse.parse(a.body).sources).toEqual(sources.map(summarizeSource));
      // the answer as sent, not as parsed (parsing would drop a stray text)
      const listed = (a.body as { sources: Record<string, unknown>[] }).sources;
      for (const s of listed) expect(s).not.toHaveProperty('text');
      expect(listed.find((s) => s.id === SOURCE_WITH_TEXT.id)).toMatchObject({ hasText: true });
      expect(listed.find((s) => s.id === 'my-thoi-2024-year')).toMatchObject({ hasText: false });
      expect(JSON.stringify(a.body)).not.toContain('Nội dung báo cáo');
    },
  },
  {
    name: 'one source',
    path: '/api/sources/my-thoi-2024-year',
    check: (a) => {
      const { source } = SourceResponse.parse(a.body);
      expect(source).toMatchObject({ unitId: 'my-thoi', heldOn: '2024-12-30' });
      expect(a.body).not.toHaveProperty('source.text');
      expect(a.body).not.toHaveProperty('source.hasText');
    },
  },
  {
    name: 'one source with its text',
    path: `/api/sources/${SOURCE_WITH_TEXT.id}`,
    check: (a) => {
      expect(a.status).toBe(200);
      expect(a.body).toEqual({ source: SOURCE_WITH_TEXT });
    },
  },
  {
    name: 'a missing source',
    path: '/api/sources/nothing-here',
    check: (a) => {
      expect(a.status).toBe(404);
      expect(ApiError.parse(a.body).error.code).toBe('not_found');
    },
  },
  {
    name: 'resolutions: none of these wards is in the data (none shipped as if it were real)',
    path: '/api/resolutions?unit=my-thoi&unit=long-xuyen&unit=my-binh',
    check: (a) => {
      expect(a.status).toBe(200);
      expect(ResolutionsResponse.parse(a.body)).toEqual({ resolutions: [] });
    },
  },
  { name: 'resolutions in force in a year', path: '/api/resolutions?unit=my-thoi&year=2026', check: (a) => expect(a).toEqual({ status: 200, body: { resolutions: [] } }) },
  { name: 'resolutions without a unit', path: '/api/resolutions', check: badQuery('unit') },
  { name: 'resolutions of an unknown unit', path: '/api/resolutions?unit=atlantis', check: badQuery('unit') },
  { name: 'resolutions of a malformed unit id', path: '/api/resolutions?unit=My%20Thoi', check: badQuery('unit') },
  { name: 'resolutions of more than 120 units', path: `/api/resolutions?${'unit=my-thoi&'.repeat(121)}`, check: badQuery('unit') },
  { name: 'resolutions of a year that is no year', path: '/api/resolutions?unit=my-thoi&year=26', check: badQuery('year') },
  { name: 'resolutions of two years', path: '/api/resolutions?unit=my-thoi&year=2025&year=2026', check: badQuery('year') },
  { name: 'resolutions with an unknown parameter', path: '/api/resolutions?unit=my-thoi&term=2025-2030', check: badQuery('term') },
  {
    name: 'an unknown endpoint is a JSON 404',
    path: '/api/nothing/here',
    check: (a) => {
      expect(a.status).toBe(404);
      expect(ApiError.parse(a.body).error.code).toBe('not_found');
    },
  },
];

// ---------------------------------------------------------------- GET /api/session

/** An answer with the headers that matter for a token check. */
export interface SessionAnswer extends Answer {
  cacheControl: string | null;
  wwwAuthenticate: string | null;
  etag: string | null;
}
export interface SessionTokens {
  editor: string;
  viewer: string;
  /** An editor's token limited to LIMITED_UNITS (in-process.ts). */
  limited: string;
}

export interface SessionCase {
  name: string;
  /** The Authorization header to send, if any. */
  authorization(tokens: SessionTokens): string | undefined;
  check(answer: SessionAnswer, tokens: SessionTokens): void;
}

function role(expected: 'editor' | 'viewer') {
  return (a: SessionAnswer) => {
    expect(a.status).toBe(200);
    expect(SessionResponse.parse(a.body)).toEqual({ role: expected });
    expect(a.body).toEqual({ role: expected });
    expect(a.cacheControl).toBe('no-store');
    expect(a.etag).toBeNull();
  };
}

function unauthorized(a: SessionAnswer, tokens: SessionTokens) {
  expect(a.status).toBe(401);
  expect(ApiError.parse(a.body).error.code).toBe('unauthorized');
  expect(a.wwwAuthenticate).toMatch(/^Bearer/);
  expect(a.cacheControl).toBe('no-store');
  expect(a.etag).toBeNull();
  // the answer never echoes a token
  expect(JSON.stringify(a.body)).not.toContain(tokens.editor);
  expect(JSON.stringify(a.body)).not.toContain(tokens.viewer);
}

export const sessionCases: SessionCase[] = [
  { name: "an editor's token", authorization: (t) => `Bearer ${t.editor}`, check: role('editor') },
  {
    name: "an editor's token limited to units names them",
    authorization: (t) => `Bearer ${t.limited}`,
    check: (a) => {
      expect(a.status).toBe(200);
      expect(a.body).toEqual({ role: 'editor', units: LIMITED_UNITS });
      expect(a.cacheControl).toBe('no-store');
    },
  },
  { name: "a viewer's token", authorization: (t) => `Bearer ${t.viewer}`, check: role('viewer') },
  { name: 'the scheme in any case', authorization: (t) => `bearer ${t.editor}`, check: role('editor') },
  { name: 'no token', authorization: () => undefined, check: unauthorized },
  { name: 'an unknown token', authorization: () => 'Bearer not-a-real-token-but-long-enough', check: unauthorized },
  { name: "an editor's token changed by one character", authorization: (t) => `Bearer ${t.editor}x`, check: unauthorized },
  { name: 'another scheme', authorization: (t) => `Basic ${t.editor}`, check: unauthorized },
  { name: 'no scheme', authorization: (t) => t.editor, check: unauthorized },
  { name: 'an empty bearer', authorization: () => 'Bearer', check: unauthorized },
  { name: 'two words after Bearer', authorization: (t) => `Bearer ${t.editor} extra`, check: unauthorized },
];
