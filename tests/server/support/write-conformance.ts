/**
 * The write conformance suite: one sequence of writes, each sent to the msw handlers and to the
 * real server, whose answers must be the same (status and body) and must pass the case's check;
 * after each, what both stores hold is read and compared. The cases run in order: a later one
 * may rely on what an earlier one wrote (the same on both sides).
 */
import { expect } from 'vitest';
import {
  ApiError,
  ObservationConflict,
  ObservationResponse,
  ObservationsResponse,
  ResolutionConflict,
  ResolutionResponse,
  SourceResponse,
  type NewObservation,
} from '../../../src/api/contract';
import { budget, coverage } from './fixtures';
import { target, termResolution, termTargets, yearResolution } from './resolutions';

export interface Answer {
  status: number;
  body: unknown;
}

/** Which token a request carries: the editor's, the viewer's, an editor's limited to LIMITED_UNITS, an unknown one, none. */
export type TokenKind = 'editor' | 'viewer' | 'limited' | 'unknown' | 'none';

export interface WriteCall {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Sent as JSON, unless `raw` is given. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  token: TokenKind;
}

export interface WriteCase {
  name: string;
  call: WriteCall;
  check(answer: Answer): void;
}

/** What is read after each write, on both sides. */
export const READS = ['/api/observations?limit=5000', '/api/sources', '/api/resolutions?unit=my-thoi&unit=my-quy&unit=my-binh'];

const post = (body: unknown, token: TokenKind = 'editor'): WriteCall => ({ method: 'POST', path: '/api/observations', body, token });
const put = (id: string, body: unknown, token: TokenKind = 'editor'): WriteCall => ({ method: 'PUT', path: `/api/observations/${id}`, body, token });
const del = (id: string, query = '', token: TokenKind = 'editor'): WriteCall => ({ method: 'DELETE', path: `/api/observations/${id}${query}`, token });
const postSource = (body: unknown, token: TokenKind = 'editor'): WriteCall => ({ method: 'POST', path: '/api/sources', body, token });
const postResolution = (body: unknown, token: TokenKind = 'editor'): WriteCall => ({ method: 'POST', path: '/api/resolutions', body, token });
const putResolution = (id: string, body: unknown, token: TokenKind = 'editor'): WriteCall => ({ method: 'PUT', path: `/api/resolutions/${id}`, body, token });
const delResolution = (id: string, query = '', token: TokenKind = 'editor'): WriteCall => ({ method: 'DELETE', path: `/api/resolutions/${id}${query}`, token });

function refused(status: number, code: string, paths?: string[]) {
  return (a: Answer) => {
    expect(a.status).toBe(status);
    const { error } = ApiError.parse(a.body);
    expect(error.code).toBe(code);
    if (paths) expect(error.issues?.map((i) => i.path)).toEqual(paths);
  };
}

function created(n: number, version = 1) {
  return (a: Answer) => {
    expect(a.status).toBe(201);
    const { observations } = ObservationsResponse.parse(a.body);
    expect(observations).toHaveLength(n);
    for (const o of observations) expect(o.version).toBe(version);
  };
}

function observation(status: number, version: number) {
  return (a: Answer) => {
    expect(a.status).toBe(status);
    expect(ObservationResponse.parse(a.body).observation.version).toBe(version);
  };
}

function stale(currentVersion: number) {
  return (a: Answer) => {
    expect(a.status).toBe(409);
    const body = ObservationConflict.parse(a.body);
    expect(body.error.issues).toEqual([expect.objectContaining({ path: 'version' })]);
    expect(body.observation.version).toBe(currentVersion);
  };
}

function resolution(status: number, version: number, id?: string) {
  return (a: Answer) => {
    expect(a.status).toBe(status);
    const r = ResolutionResponse.parse(a.body).resolution;
    expect(r.version).toBe(version);
    if (id) expect(r.id).toBe(id);
  };
}

function staleResolution(currentVersion: number) {
  return (a: Answer) => {
    expect(a.status).toBe(409);
    const body = ResolutionConflict.parse(a.body);
    expect(body.error.issues).toEqual([expect.objectContaining({ path: 'version' })]);
    expect(body.resolution.version).toBe(currentVersion);
  };
}

const COVERAGE_ID = 'my-thoi-2026-q2-health-insurance-coverage';
const TERM_ID = 'my-thoi-nq-2025-2030';
const termUpdate = (version: number, extra = {}) => ({ ...termResolution(), version, ...extra });
const binhTerm = termResolution({ unitId: 'my-binh', term: '2020-2025', adoptedOn: undefined, title: 'Nghị quyết nhiệm kỳ 2020–2025 (bản thử)' });
const coverageFields = coverage(91.5);
const report = { unitId: 'my-thoi', title: 'Báo cáo quý II 2026', heldOn: '2026-07-05', periodLabel: '6 tháng 2026', reference: 'BC 21' };
const ownFigure = (extra: Partial<NewObservation> = {}) => budget(3e9, { period: '2026-Q1', ...extra });
const quyFigure = (extra: Partial<NewObservation> = {}) =>
  budget(2e9, { unitId: 'my-quy', period: '2024-Q4', sourceId: 'my-quy-2024-6m', ...extra });
const binhFigure = (extra: Partial<NewObservation> = {}) =>
  budget(2e9, { unitId: 'my-binh', period: '2023-Q2', sourceId: 'my-binh-2023-midterm', ...extra });

export const writeCases: WriteCase[] = [
  { name: 'a batch of two new figures', call: post([coverage(91.5), budget(6.1e9)]), check: created(2) },
  {
    name: 'a figure with an id that is taken: 409, nothing of the batch written',
    call: post([budget(1e9, { id: 'fresh-id-1' }), budget(1e9, { id: 'my-thoi-2024-q4-budget-revenue' })]),
    check: refused(409, 'conflict', ['1.id']),
  },
  {
    name: 'an id given twice in one batch',
    call: post([budget(1e9, { id: 'twice' }), budget(2e9, { id: 'twice' })]),
    check: refused(409, 'conflict', ['1.id']),
  },
  {
    name: 'a batch with one figure that breaks a rule: 400, nothing written',
    call: post([budget(2e9, { period: '2026-Q1' }), coverage(150), budget(3e9, { period: '2026-Q1' })]),
    check: refused(400, 'invalid', ['1.value']),
  },
  { name: 'the same base id again gets the next free one', call: post([coverage(92, { note: 'lần hai' })]), check: created(1) },
  {
    name: 'a figure citing a report of another unit',
    call: post([budget(1e9, { unitId: 'my-binh', period: '2024-Q4', sourceId: 'my-thoi-2024-year' })]),
    check: refused(400, 'invalid', ['0.sourceId']),
  },
  { name: 'a count that is not whole', call: post([budget(1.5, { indicatorId: 'poor_households_reduced' })]), check: refused(400, 'invalid', ['0.value']) },
  { name: 'a figure with an unknown field', call: post([{ ...budget(1), colour: 'red' }]), check: refused(400, 'invalid') },
  { name: 'a correction with the version seen', call: put(COVERAGE_ID, { ...coverageFields, value: 92.5, version: 1 }), check: observation(200, 2) },
  { name: 'a stale correction: 409 with the current figure', call: put(COVERAGE_ID, { ...coverageFields, value: 50, version: 1 }), check: stale(2) },
  {
    name: 'a correction that breaks a rule',
    call: put(COVERAGE_ID, { ...coverageFields, value: 140, version: 2 }),
    check: refused(400, 'invalid', ['value']),
  },
  { name: 'a correction of a figure that does not exist', call: put('no-such-figure', { ...coverageFields, version: 1 }), check: refused(404, 'not_found') },
  { name: 'a correction at a path that names nothing', call: put('Not%20An%20Id', { ...coverageFields, version: 1 }), check: refused(404, 'not_found') },
  { name: 'a delete with a stale version', call: del(COVERAGE_ID, '?version=1'), check: stale(2) },
  ...['0x1', '01', '1e0', '', '%201', '1.0', '-1'].map(
    (v): WriteCase => ({ name: `a delete with version=${v}`, call: del(COVERAGE_ID, `?version=${v}`), check: refused(400, 'bad_query', ['version']) }),
  ),
  { name: 'a delete with the version given twice', call: del(COVERAGE_ID, '?version=2&version=2'), check: refused(400, 'bad_query', ['version']) },
  { name: 'a delete with an unknown parameter', call: del(COVERAGE_ID, '?force=1'), check: refused(400, 'bad_query', ['force']) },
  { name: 'a delete with the current version', call: del(COVERAGE_ID, '?version=2'), check: observation(200, 2) },
  { name: 'a delete of what is gone', call: del(COVERAGE_ID), check: refused(404, 'not_found') },
  { name: 'the id re-created: a version after its last', call: post([coverage(93, { id: COVERAGE_ID })]), check: created(1, 4) },
  {
    name: 'a body of another type: 415',
    call: { ...post([budget(1e9)]), contentType: 'application/json-patch+json' },
    check: refused(415, 'unsupported_media_type'),
  },
  { name: 'a body with a charset other than UTF-8: 415', call: { ...post([budget(1e9)]), contentType: 'application/json; charset=latin1' }, check: refused(415, 'unsupported_media_type') },
  { name: 'a body that is not JSON', call: { ...post(undefined), raw: '[{"unitId": ' }, check: refused(400, 'bad_json') },
  { name: 'an empty batch', call: post([]), check: refused(400, 'invalid', ['']) },
  {
    name: 'a new source',
    call: postSource(report),
    check: (a) => {
      expect(a.status).toBe(201);
      expect(SourceResponse.parse(a.body).source).toMatchObject({ ...report, id: 'my-thoi-2026-07-05' });
    },
  },
  { name: 'a source with the id of another', call: postSource({ ...report, id: 'my-thoi-2024-year' }), check: refused(409, 'conflict', ['id']) },
  { name: 'a source with an unknown field', call: postSource({ ...report, author: 'Nguyễn Văn A' }), check: refused(400, 'invalid') },
  { name: 'a source of an unknown unit', call: postSource({ ...report, unitId: 'atlantis' }), check: refused(400, 'invalid', ['unitId']) },
  { name: 'a source dated outside its unit’s life', call: postSource({ ...report, unitId: 'long-xuyen', heldOn: '1990-05-01' }), check: refused(400, 'invalid', ['heldOn']) },
  { name: 'a figure citing the new source', call: post([budget(4e9, { sourceId: 'my-thoi-2026-07-05', period: '2026-Q2' })]), check: created(1) },
  {
    name: 'a source of the former city that contained Mỹ Thới',
    call: postSource({ ...report, unitId: 'thanh-pho-long-xuyen', heldOn: '2024-12-20', periodLabel: 'Cả năm 2024' }),
    check: (a) => expect(a.status).toBe(201),
  },
  {
    name: 'a Mỹ Thới figure citing the report of the city that contained it',
    call: post([budget(5e9, { period: '2024-Q4', sourceId: 'thanh-pho-long-xuyen-2024-12-20', note: 'số của thành phố' })]),
    check: created(1),
  },
  {
    name: 'the city’s figure citing a report of one of its wards',
    call: post([budget(5e10, { unitId: 'thanh-pho-long-xuyen', period: '2024-Q4', sourceId: 'my-thoi-2024-year' })]),
    check: refused(400, 'invalid', ['0.sourceId']),
  },
  { name: 'no token: 401', call: post([budget(1e9)], 'none'), check: refused(401, 'unauthorized') },
  { name: 'an unknown token: 401', call: del('my-thoi-2024-q4-budget-revenue', '', 'unknown'), check: refused(401, 'unauthorized') },
  { name: "a viewer's token: 403", call: postSource(report, 'viewer'), check: refused(403, 'forbidden') },

  // an editor limited to Mỹ Thới and Mỹ Quý (LIMITED_UNITS)
  { name: 'a limited editor adds figures of their units', call: post([ownFigure(), quyFigure()], 'limited'), check: created(2) },
  { name: 'a limited editor adds a figure of another unit: 403 naming it', call: post([binhFigure()], 'limited'), check: refused(403, 'forbidden', ['0.unitId']) },
  {
    name: 'a limited editor’s batch with one foreign figure writes nothing',
    call: post([ownFigure({ period: '2025-Q4' }), binhFigure(), ownFigure({ period: '2025-Q3' })], 'limited'),
    check: refused(403, 'forbidden', ['1.unitId']),
  },
  {
    name: 'a limited editor corrects a figure of another unit: 403',
    call: put('my-binh-2023-q2-budget-revenue-pct', { ...binhFigure({ indicatorId: 'budget_revenue_pct', value: 60 }), version: 1 }, 'limited'),
    check: refused(403, 'forbidden', ['unitId']),
  },
  {
    name: 'a limited editor moves their figure to another unit: 403',
    call: put('my-thoi-2024-q4-budget-revenue', { ...binhFigure(), version: 1 }, 'limited'),
    check: refused(403, 'forbidden', ['unitId']),
  },
  { name: 'a limited editor deletes a figure of another unit: 403', call: del('my-binh-2023-q2-budget-revenue-pct', '?version=1', 'limited'), check: refused(403, 'forbidden', ['unitId']) },
  { name: 'a limited editor adds a source of another unit: 403', call: postSource({ ...report, unitId: 'my-binh', heldOn: '2025-06-01' }, 'limited'), check: refused(403, 'forbidden', ['unitId']) },
  { name: 'a limited editor adds a source of their unit', call: postSource({ ...report, heldOn: '2026-07-06' }, 'limited'), check: (a) => expect(a.status).toBe(201) },

  // resolutions
  {
    name: 'a term resolution: 201, its id from unit and term, every target with an id',
    call: postResolution(termResolution()),
    check: (a) => {
      resolution(201, 1, TERM_ID)(a);
      const r = ResolutionResponse.parse(a.body).resolution;
      expect(r.targets.map((t) => t.id)).toEqual(['ct-1', 'ct-2', 'ct-3', 'ct-4', 'ct-5', 'ct-6']);
      expect(r.targets[1]).toMatchObject({ type: 'yearly_growth', value: 8, valueMax: 9, indicatorId: 'budget_revenue' });
    },
  },
  { name: 'a year’s resolution', call: postResolution(yearResolution()), check: resolution(201, 1, 'my-thoi-nq-2026') },
  { name: 'a second resolution of the same term: 409 naming the term', call: postResolution(termResolution({ title: 'Bản khác' })), check: refused(409, 'conflict', ['term']) },
  { name: 'a resolution with an id that is taken', call: postResolution(yearResolution({ id: TERM_ID, year: 2027 })), check: refused(409, 'conflict', ['id']) },
  { name: 'a term resolution without its term', call: postResolution(termResolution({ term: undefined })), check: refused(400, 'invalid', ['term']) },
  { name: 'a yearly resolution without its year', call: postResolution(yearResolution({ year: undefined })), check: refused(400, 'invalid', ['year']) },
  { name: 'a term of four years', call: postResolution(termResolution({ term: '2025-2029' })), check: refused(400, 'invalid', ['term']) },
  {
    name: 'a growth without its indicator',
    call: postResolution(yearResolution({ year: 2027, targets: [target(1, { type: 'yearly_growth', indicatorId: undefined, value: 8 })] })),
    check: refused(400, 'invalid', ['targets.0.indicatorId']),
  },
  {
    name: 'a range the wrong way round',
    call: postResolution(yearResolution({ year: 2027, targets: [target(1, { type: 'yearly_growth', indicatorId: 'budget_revenue', value: 9, valueMax: 8 })] })),
    check: refused(400, 'invalid', ['targets.0.valueMax']),
  },
  { name: 'two targets with one number', call: postResolution(yearResolution({ year: 2027, targets: [target(3), target(3, { value: 97 })] })), check: refused(400, 'invalid', ['targets.1.number']) },
  { name: 'a target of an unknown indicator', call: postResolution(yearResolution({ year: 2027, targets: [target(1, { indicatorId: 'happiness' })] })), check: refused(400, 'invalid', ['targets.0.indicatorId']) },
  {
    name: 'a target whose unit is not its indicator’s',
    call: postResolution(yearResolution({ year: 2027, targets: [target(1, { indicatorId: 'new_party_members', type: 'yearly_min', unit: 'percent' })] })),
    check: refused(400, 'invalid', ['targets.0.unit']),
  },
  {
    name: 'a level to reach on a figure counted over the year',
    call: postResolution(yearResolution({ year: 2027, targets: [target(1, { indicatorId: 'new_party_members', unit: 'party_member', value: 30 })] })),
    check: refused(400, 'invalid', ['targets.0.indicatorId']),
  },
  { name: 'a total over the term in a year’s resolution', call: postResolution(yearResolution({ year: 2027, targets: [target(1, { type: 'term_total' })] })), check: refused(400, 'invalid', ['targets.0.type']) },
  { name: 'a coverage target over 100%', call: postResolution(yearResolution({ year: 2027, targets: [target(1, { value: 101 })] })), check: refused(400, 'invalid', ['targets.0.value']) },
  {
    name: '61 targets',
    call: postResolution(yearResolution({ year: 2027, targets: Array.from({ length: 61 }, (_, i) => target(i + 1)) })),
    check: refused(400, 'invalid', ['targets']),
  },
  { name: 'a target name of 301 characters', call: postResolution(yearResolution({ year: 2027, targets: [target(1, { name: 'ầ'.repeat(301) })] })), check: refused(400, 'invalid', ['targets.0.name']) },
  { name: 'a resolution of an unknown unit', call: postResolution(termResolution({ unitId: 'atlantis' })), check: refused(400, 'invalid', ['unitId']) },
  { name: 'a resolution citing a report of another unit', call: postResolution(yearResolution({ year: 2027, sourceId: 'my-binh-2023-midterm' })), check: refused(400, 'invalid', ['sourceId']) },
  { name: 'a term after the unit ceased', call: postResolution(termResolution({ unitId: 'my-binh', adoptedOn: undefined })), check: refused(400, 'invalid', ['term']) },
  { name: 'a resolution with an unknown field', call: postResolution({ ...yearResolution({ year: 2027 }), colour: 'đỏ' }), check: refused(400, 'invalid') },
  { name: 'a hand-set status outside the resolution’s years', call: postResolution(yearResolution({ year: 2027, targets: [target(1, { indicatorId: undefined, manualStatus: { status: 'met', note: 'x', period: '2025-Q4' } })] })), check: refused(400, 'invalid', ['targets.0.manualStatus.period']) },
  { name: 'a correction of a resolution with the version seen', call: putResolution(TERM_ID, termUpdate(1, { title: 'Nghị quyết nhiệm kỳ 2025–2030 (sửa)' })), check: resolution(200, 2, TERM_ID) },
  { name: 'a stale correction of a resolution: 409 with the current one', call: putResolution(TERM_ID, termUpdate(1)), check: staleResolution(2) },
  { name: 'a correction that breaks a rule', call: putResolution(TERM_ID, termUpdate(2, { targets: [target(1), target(1)] })), check: refused(400, 'invalid', ['targets.1.number']) },
  { name: 'a correction of a resolution that does not exist', call: putResolution('no-such-resolution', termUpdate(1)), check: refused(404, 'not_found') },
  { name: 'a correction onto the year of another resolution', call: putResolution('my-thoi-nq-2026', { ...yearResolution({ year: 2026 }), version: 1, kind: 'term', year: undefined, term: '2025-2030' }), check: refused(409, 'conflict', ['term']) },
  { name: 'a delete of a resolution with a stale version', call: delResolution(TERM_ID, '?version=1'), check: staleResolution(2) },
  { name: 'a delete of a resolution with version=01', call: delResolution(TERM_ID, '?version=01'), check: refused(400, 'bad_query', ['version']) },
  { name: 'a resolution of a unit that has ceased, in its own term', call: postResolution(binhTerm), check: resolution(201, 1, 'my-binh-nq-2020-2025') },
  { name: 'no token: 401 for a resolution', call: postResolution(yearResolution({ year: 2027 }), 'none'), check: refused(401, 'unauthorized') },
  { name: "a viewer's token: 403 for a resolution", call: delResolution(TERM_ID, '', 'viewer'), check: refused(403, 'forbidden') },
  { name: 'a limited editor adds a resolution of their unit', call: postResolution(yearResolution({ unitId: 'my-quy', year: 2024, sourceId: 'my-quy-2024-6m' }), 'limited'), check: resolution(201, 1, 'my-quy-nq-2024') },
  { name: 'a limited editor adds a resolution of another unit: 403 naming it', call: postResolution({ ...binhTerm, term: '2015-2020' }, 'limited'), check: refused(403, 'forbidden', ['unitId']) },
  { name: 'a limited editor corrects a resolution of another unit: 403', call: putResolution('my-binh-nq-2020-2025', { ...binhTerm, version: 1 }, 'limited'), check: refused(403, 'forbidden', ['unitId']) },
  { name: 'a limited editor moves their resolution to another unit: 403', call: putResolution(TERM_ID, { ...binhTerm, term: '2015-2020', version: 2 }, 'limited'), check: refused(403, 'forbidden', ['unitId']) },
  { name: 'a limited editor deletes a resolution of another unit: 403', call: delResolution('my-binh-nq-2020-2025', '?version=1', 'limited'), check: refused(403, 'forbidden', ['unitId']) },
  { name: 'a limited editor corrects their resolution', call: putResolution(TERM_ID, termUpdate(2, { targets: termTargets().slice(0, 3) }), 'limited'), check: resolution(200, 3, TERM_ID) },
  { name: 'a delete of a resolution with its version', call: delResolution(TERM_ID, '?version=3'), check: resolution(200, 3, TERM_ID) },
  { name: 'a delete of a resolution that is gone', call: delResolution(TERM_ID), check: refused(404, 'not_found') },
  { name: 'the resolution made again: a version after its last', call: postResolution(termResolution()), check: resolution(201, 5, TERM_ID) },
];
