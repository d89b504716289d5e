/**
 * The JSON API contract (DESIGN.md), shared by the SPA, the msw handlers and the server.
 * Every type the app uses for API data is inferred from these schemas.
 */
// first: zod's parsers without `new Function` (the page's CSP forbids it)
import './zod-config';
import { z } from 'zod/mini';
import { PERIOD_PATTERN, comparePeriods } from './periods';

// ---------------------------------------------------------------- primitives


/** "YYYY-Qn": from 1 January to the end of quarter n of year YYYY (2000-Q1 to 2100-Q4). */
export const Period = z.string().check(z.regex(PERIOD_PATTERN, 'must be a period YYYY-Qn, from 2000-Q1 to 2100-Q4'));

export const IsoDate = z.iso.date();

export const Id = z
  .string()
  .check(z.minLength(1), z.maxLength(80), z.regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _'));

// ---------------------------------------------------------------- units

/**
 * What a unit is: the province (tỉnh); a former district-level unit (thành phố, thị xã, huyện,
 * abolished on 2025-07-01); a commune-level unit (phường, xã, thị trấn; đặc khu since 2025-07-01).
 */
export const UnitKind = z.enum(['tinh', 'thanh_pho', 'thi_xa', 'huyen', 'phuong', 'xa', 'thi_tran', 'dac_khu']);

/** A boundary change: on `date` the unit absorbed these former units (ids where we have them). */
export const UnitChange = z.object({
  date: IsoDate,
  absorbed: z.array(z.object({ unitId: z.optional(Id), name: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
  legalBasis: z.optional(z.string()),
});

/** One link of lineage: the other unit, and whether the whole of the former unit went in. */
export const UnitLink = z.object({ unitId: Id, whole: z.boolean() });

/**
 * A unit of the register (data/register.ts): a unit is its id and its validity, never its code
 * or name alone (codes were reused on 2025-07-01).
 */
export const Unit = z.object({
  id: Id,
  /** GSO code: a province 2 digits, a district 3, a commune 5. */
  code: z.string().check(z.regex(/^(\d{2}|\d{3}|\d{5})$/, 'must be an administrative code of 2, 3 or 5 digits')),
  /** With its kind: "Phường Mỹ Thới", "Thành phố Long Xuyên", "Tỉnh An Giang". */
  name: z.string().check(z.minLength(1)),
  kind: UnitKind,
  /** "An Giang"; a former unit: its former province, e.g. "Kiên Giang". */
  province: z.string().check(z.minLength(1)),
  /** The units that contain or contained it (its former district; the province). */
  parentIds: z.optional(z.array(Id)),
  validFrom: z.nullable(IsoDate),
  validTo: z.nullable(IsoDate),
  /** The one unit a former unit went into whole. */
  successorId: z.optional(Id),
  /** A former unit: where it went (whole, or a part of it). */
  becamePartOf: z.optional(z.array(UnitLink)),
  /** A unit formed on 2025-07-01 (or 2025-01-01): what formed it. */
  formedFrom: z.optional(z.array(UnitLink)),
  /** Boundary changes of a unit that continued. */
  changes: z.optional(z.array(UnitChange)),
  legalBasis: z.optional(z.string()),
  /** Other spellings: the GSO's, the resolution's, a later one. */
  otherNames: z.optional(z.array(z.string())),
});

// ---------------------------------------------------------------- indicators

export const Family = z.enum(['budget', 'poverty', 'health_insurance', 'resolution_targets', 'other']);

/** What an indicator's value counts or measures. */
export const MeasureUnit = z.enum([
  'vnd',
  'percent',
  'household',
  'house',
  'person',
  'gift',
  'target',
  'project',
  'organization',
  'enterprise',
  'party_cell',
  'party_member',
  'collective',
  'registration',
]);

export const Target = z.object({
  year: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
  value: z.number(),
  source: z.string().check(z.minLength(1)),
});

export const Indicator = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case')),
  family: Family,
  name: z.string().check(z.minLength(1)),
  unit: MeasureUnit,
  aggregation: z.enum(['ytd', 'level']),
  higherIsBetter: z.boolean(),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** Yearly targets (e.g. the province's BHYT coverage targets). */
  targets: z.optional(z.array(Target)),
  /** The figure is a year-to-date share of an annual amount: compare it with the even pace q/4. */
  evenPace: z.optional(z.boolean()),
});

// ---------------------------------------------------------------- observations

export const Qualifier = z.enum(['exact', 'over', 'nearly', 'about']);
export const Basis = z.enum(['estimate', 'plan', 'resolution']);
export const Scope = z.enum(['year', 'term']);
export const Status = z.enum(['estimated', 'reported']);

/** The fields an editor writes; the store adds id and version. */
export const ObservationFields = z.object({
  unitId: Id,
  indicatorId: Id,
  period: Period,
  // (classic zod's .finite() did nothing: a number schema refuses Infinity and NaN)
  value: z.number(),
  outOf: z.optional(z.number().check(z.positive())),
  basis: z.optional(Basis),
  qualifier: Qualifier,
  asOf: z.optional(IsoDate),
  scope: z.optional(Scope),
  status: z.optional(Status),
  sourceId: Id,
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const Observation = z.extend(ObservationFields, {
  id: Id,
  version: z.number().check(z.int(), z.minimum(1)),
});

// ---------------------------------------------------------------- sources

/** What every answer says of a source report. */
const SourceFields = z.object({
  id: Id,
  unitId: Id,
  title: z.string().check(z.minLength(1)),
  heldOn: IsoDate,
  periodLabel: z.string().check(z.minLength(1)),
  reference: z.string().check(z.minLength(1)),
});

/** A source with the report's text, kept as plain text where we have it (GET /api/sources/:id, POST). */
export const Source = z.extend(SourceFields, {
  text: z.optional(z.string().check(z.maxLength(200_000))),
});

/**
 * A source as GET /api/sources lists it: whether a text was kept, never the text itself
 * (up to 200 kB each); a client asks GET /api/sources/:id for it when someone reads it.
 */
export const SourceSummary = z.extend(SourceFields, {
  hasText: z.boolean(),
});

/** The listed form of a source, as both the msw handlers and the server make it. */
export function summarizeSource(source: Source): SourceSummary {
  const { text, ...fields } = source;
  return { ...fields, hasText: Boolean(text) };
}

/** A new source as a client sends it; an unknown field is refused (400), as in observation bodies. */
export const NewSource = z.strictObject({ ...z.omit(Source, { id: true }).shape, id: z.optional(Id) });

// ---------------------------------------------------------------- requests

/**
 * Bounds of GET /api/observations' query: how many times each name may be given (each at
 * most Id's 80 characters), and the most rows in one answer (the default page size).
 */
export const OBSERVATION_QUERY_LIMITS = { unit: 500, family: 10, indicator: 200 } as const;
export const OBSERVATIONS_PAGE_MAX = 5000;

const atMost = (n: number) => `must be given at most ${n} times`;

/** Query of GET /api/observations; every parameter optional, names repeatable. */
export const ObservationQuery = z
  .object({
    unit: z._default(z.array(Id).check(z.maxLength(OBSERVATION_QUERY_LIMITS.unit, atMost(OBSERVATION_QUERY_LIMITS.unit))), []),
    from: z.optional(Period),
    to: z.optional(Period),
    family: z._default(
      z.array(Family).check(z.maxLength(OBSERVATION_QUERY_LIMITS.family, atMost(OBSERVATION_QUERY_LIMITS.family))),
      [],
    ),
    indicator: z._default(
      z.array(Id).check(z.maxLength(OBSERVATION_QUERY_LIMITS.indicator, atMost(OBSERVATION_QUERY_LIMITS.indicator))),
      [],
    ),
  })
  .check(
    z.refine((q) => !q.from || !q.to || comparePeriods(q.from, q.to) <= 0, {
      message: 'from must not be after to',
      path: ['from'],
    }),
  );

/**
 * Which page of the answer: at most `limit` rows (1 to OBSERVATIONS_PAGE_MAX, the default),
 * from the place that `cursor` names on. The cursor is opaque to clients: they get it in `next`.
 */
export const ObservationPageQuery = z.object({
  limit: z.optional(
    z
      .pipe(
        z.string().check(z.regex(/^[1-9]\d{0,3}$/, `must be a whole number from 1 to ${OBSERVATIONS_PAGE_MAX}`)),
        z.transform(Number),
      )
      .check(z.refine((n) => n <= OBSERVATIONS_PAGE_MAX, `must be a whole number from 1 to ${OBSERVATIONS_PAGE_MAX}`)),
  ),
  cursor: z.optional(
    z.pipe(
      z.string(),
      z.transform((raw: string, ctx): ObservationKey => {
        const from = decodeCursor(raw);
        if (!from) {
          ctx.issues.push({ code: 'custom', message: 'is not a cursor of this API: start again from the first page', input: raw });
          return z.NEVER;
        }
        return from;
      }),
    ),
  ),
});

export const NewObservation = z.strictObject({ ...ObservationFields.shape, id: z.optional(Id) });
export const NewObservationBatch = z.array(NewObservation).check(z.minLength(1), z.maxLength(5000));
export const ObservationUpdate = z.strictObject({ ...ObservationFields.shape, version: z.number().check(z.int(), z.minimum(1)) });

// ---------------------------------------------------------------- responses

export const ApiIssue = z.object({ path: z.string(), message: z.string() });
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.optional(z.array(ApiIssue)) }),
});

export const HealthResponse = z.object({ status: z.literal('ok') });
export const UnitsResponse = z.object({ units: z.array(Unit) });
export const IndicatorsResponse = z.object({ indicators: z.array(Indicator) });
/**
 * A list of observations. `next`, on GET /api/observations only, is the path and query of the
 * next page (the same filters and limit, with a cursor); it is absent on the last page.
 */
export const ObservationsResponse = z.object({
  observations: z.array(Observation),
  next: z.optional(
    z.string().check(z.maxLength(32_000), z.regex(/^\/api\/observations\?/, 'must be a path of GET /api/observations')),
  ),
});
export const SourcesResponse = z.object({ sources: z.array(SourceSummary) });
export const SourceResponse = z.object({ source: Source });
export const ObservationResponse = z.object({ observation: Observation });
/** A stale update (409): the error, and the observation as it is now, so a client can show both. */
export const ObservationConflict = z.extend(ApiError, { observation: Observation });
/** GET /api/session: the role the request's bearer token grants (no valid token: a 401 ApiError). */
/** A token's role; `units`: the only units an editor's token may write (absent: every unit). */
export const SessionResponse = z.object({ role: z.enum(['editor', 'viewer']), units: z.optional(z.array(Id).check(z.minLength(1))) });

// ---------------------------------------------------------------- types

export type Period = z.infer<typeof Period>;
export type Unit = z.infer<typeof Unit>;
export type UnitChange = z.infer<typeof UnitChange>;
export type UnitKind = z.infer<typeof UnitKind>;
export type UnitLink = z.infer<typeof UnitLink>;
export type Family = z.infer<typeof Family>;
export type MeasureUnit = z.infer<typeof MeasureUnit>;
export type Indicator = z.infer<typeof Indicator>;
export type Qualifier = z.infer<typeof Qualifier>;
export type Basis = z.infer<typeof Basis>;
export type Observation = z.infer<typeof Observation>;
export type ObservationFields = z.infer<typeof ObservationFields>;
export type NewObservation = z.infer<typeof NewObservation>;
export type ObservationUpdate = z.infer<typeof ObservationUpdate>;
export type Source = z.infer<typeof Source>;
export type SourceSummary = z.infer<typeof SourceSummary>;
export type NewSource = z.infer<typeof NewSource>;
export type ObservationQuery = z.infer<typeof ObservationQuery>;
/** A page of GET /api/observations: at most `limit` rows from the place `from` (if any) on. */
export interface ObservationPage {
  limit: number;
  from?: ObservationKey;
  /** The limit as the client gave it, repeated in `next`. */
  givenLimit?: number;
}
export type ApiIssue = z.infer<typeof ApiIssue>;
export type ApiError = z.infer<typeof ApiError>;
export type SessionResponse = z.infer<typeof SessionResponse>;

// ---------------------------------------------------------------- helpers shared by every edge

/** Turns zod issues into the contract's `issues` list. */
export function toApiIssues(error: z.core.$ZodError): ApiIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The most issues one refusal lists (a long bad query gets a short answer). */
const MAX_ISSUES = 20;

/** Reads GET /api/observations' query string; unknown parameters are an error, not ignored. */
export function parseObservationQuery(params: URLSearchParams) {
  const known = new Set(['unit', 'from', 'to', 'family', 'indicator', 'limit', 'cursor']);
  const unknown = [...new Set(params.keys())].filter((k) => !known.has(k));
  const parsed = ObservationQuery.safeParse({
    unit: params.getAll('unit'),
    from: single(params, 'from'),
    to: single(params, 'to'),
    family: params.getAll('family'),
    indicator: params.getAll('indicator'),
  });
  const page = ObservationPageQuery.safeParse({ limit: single(params, 'limit'), cursor: single(params, 'cursor') });
  const issues: ApiIssue[] = unknown.map((k) => ({ path: k, message: 'unknown query parameter' }));
  for (const k of ['from', 'to', 'limit', 'cursor'] as const) {
    if (params.getAll(k).length > 1) issues.push({ path: k, message: 'must be given at most once' });
  }
  if (!parsed.success) issues.push(...toApiIssues(parsed.error));
  if (!page.success) issues.push(...toApiIssues(page.error));
  if (issues.length > 0 || !parsed.success || !page.success) return { ok: false, issues: issues.slice(0, MAX_ISSUES) } as const;
  const { limit, cursor } = page.data;
  return {
    ok: true,
    query: parsed.data,
    page: { limit: limit ?? OBSERVATIONS_PAGE_MAX, from: cursor, givenLimit: limit } satisfies ObservationPage,
  } as const;
}

function single(params: URLSearchParams, key: string): string | undefined {
  return params.get(key) ?? undefined;
}

/**
 * The path of GET /api/observations for a query, in one canonical form (names sorted and
 * given once): the app asks with it, and both backends build `next` with it.
 */
export function observationsPath(q: Partial<ObservationQuery>, page: { limit?: number; cursor?: string } = {}): string {
  const params = new URLSearchParams();
  const names = (xs: readonly string[] | undefined) => [...new Set(xs ?? [])].sort();
  for (const u of names(q.unit)) params.append('unit', u);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  for (const f of names(q.family)) params.append('family', f);
  for (const i of names(q.indicator)) params.append('indicator', i);
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  const qs = params.toString();
  return qs ? `/api/observations?${qs}` : '/api/observations';
}

/** The `next` of a page when more rows follow it: the same query from `first`, the next row, on. */
export function nextObservationsPath(q: ObservationQuery, page: ObservationPage, first: ObservationKey): string {
  return observationsPath(q, { limit: page.givenLimit, cursor: encodeCursor(first) });
}

/**
 * A keyset cursor: the place in observationOrder of the first row not yet sent. The next page
 * starts at that place whatever was written meanwhile (that row may be gone): no row is sent
 * twice, and no row that kept its place is skipped; a row written before the place shows
 * when the client starts again from the first page.
 */
export function encodeCursor(k: ObservationKey): string {
  const text = [k.period, k.unitId, k.indicatorId, k.id].join('~');
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(raw: string): ObservationKey | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return undefined;
  let text: string;
  try {
    text = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const [period, unitId, indicatorId, id, ...rest] = text.split('~');
  if (rest.length > 0 || !Period.safeParse(period).success) return undefined;
  if (![unitId, indicatorId, id].every((x) => Id.safeParse(x).success)) return undefined;
  return { period: period!, unitId: unitId!, indicatorId: indicatorId!, id: id! };
}

/** The fields that order observations. */
export type ObservationKey = Pick<Observation, 'period' | 'unitId' | 'indicatorId' | 'id'>;

/** The order every list endpoint answers in, so that msw and the server agree. */
export function observationOrder(a: ObservationKey, b: ObservationKey): number {
  return (
    comparePeriods(a.period, b.period) ||
    a.unitId.localeCompare(b.unitId) ||
    a.indicatorId.localeCompare(b.indicatorId) ||
    a.id.localeCompare(b.id)
  );
}

/** Applies a parsed query to observations, as both the msw handlers and the server answer it. */
export function matchesQuery(
  o: Observation,
  q: ObservationQuery,
  familyOf: (indicatorId: string) => Family | undefined,
): boolean {
  if (q.unit.length > 0 && !q.unit.includes(o.unitId)) return false;
  if (q.indicator.length > 0 && !q.indicator.includes(o.indicatorId)) return false;
  if (q.from && comparePeriods(o.period, q.from) < 0) return false;
  if (q.to && comparePeriods(o.period, q.to) > 0) return false;
  if (q.family.length > 0) {
    const family = familyOf(o.indicatorId);
    if (!family || !q.family.includes(family)) return false;
  }
  return true;
}

/** Names in a query that the dataset does not know: a 400, never an empty 200. */
export function unknownNames(
  q: ObservationQuery,
  known: { units: ReadonlySet<string>; indicators: ReadonlySet<string> },
): ApiIssue[] {
  return [
    ...q.unit.filter((u) => !known.units.has(u)).map((u) => ({ path: 'unit', message: `unknown unit "${u}"` })),
    ...q.indicator
      .filter((i) => !known.indicators.has(i))
      .map((i) => ({ path: 'indicator', message: `unknown indicator "${i}"` })),
  ].slice(0, MAX_ISSUES);
}

// ---------------------------------------------------------------- resolutions

/**
 * What a resolution's target asks (DOMAIN.md), each judged by lib/target-status.ts:
 * - `level_by_end`: a level to reach by the end of the term or year ("BHYT đạt 96% vào năm 2030");
 * - `yearly_min`: at least this much every year ("kết nạp ít nhất 25 đảng viên mới mỗi năm");
 * - `yearly_growth`: an average yearly growth in percent, against the base year ("tăng bình quân 8–9%/năm");
 * - `term_total`: a total over the term ("600 đảng viên mới trong nhiệm kỳ");
 * - `ceiling`: at most this much ("tỷ lệ hộ nghèo dưới 2%");
 * - `yearly_reduction`: less by this much every year, in the indicator's unit (points for a percent:
 *   "giảm bình quân 1,41%/năm");
 * - `plan`: the year's plan ("thu ngân sách đạt 100% dự toán").
 */
export const TARGET_TYPES = ['level_by_end', 'yearly_min', 'yearly_growth', 'term_total', 'ceiling', 'yearly_reduction', 'plan'] as const;
export const TargetType = z.enum(TARGET_TYPES);
/** A Party congress's resolution for its five-year term, or the committee's resolution for one year. */
export const ResolutionKind = z.enum(['term', 'year']);

/** Bounds of a resolution (src/api/rules.ts keeps the figures' bounds in the same spirit). */
export const RESOLUTION_LIMITS = {
  /** Real lists have 15–25 targets. */
  targets: 60,
  title: 300,
  name: 300,
  group: 120,
  note: 500,
  /** Resolutions kept for one unit: a term's and its five years', over several terms. */
  perUnit: 40,
  /** How many units one GET /api/resolutions may name (the province has 102 communes). */
  queryUnits: 120,
} as const;

const YEAR_PATTERN = /^(20\d{2}|2100)-(20\d{2}|2100)$/;
/** "2025-2030": a Party committee's term of five years. */
export const Term = z
  .string()
  .check(
    z.regex(YEAR_PATTERN, 'must be a term YYYY-YYYY, e.g. 2025-2030'),
    z.refine((t) => Number(t.slice(5)) - Number(t.slice(0, 4)) === 5, 'a term is five years, e.g. 2025-2030'),
  );
export const Year = z.number().check(z.int(), z.minimum(2000), z.maximum(2100));

const notBlank = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(/\S/, 'must not be blank'));

/**
 * A status an editor gives a target whose figures cannot say it (no indicator, or none that
 * measures it), with why; from `period` on (absent: every period of the resolution).
 */
export const ManualTargetStatus = z.strictObject({
  status: z.enum(['met', 'on_track', 'at_risk', 'behind']),
  note: notBlank(RESOLUTION_LIMITS.note),
  period: z.optional(Period),
});

const TargetFields = z.object({
  /** Its number in the resolution's list: 1, 2, 3… (unique in the resolution). */
  number: z.number().check(z.int(), z.minimum(1), z.maximum(999)),
  /** "Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Xây dựng Đảng"… */
  group: z.optional(notBlank(RESOLUTION_LIMITS.group)),
  /** As the resolution words it: "Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%". */
  name: notBlank(RESOLUTION_LIMITS.name),
  /** The indicator whose stored figures say how the target stands; absent: set by hand. */
  indicatorId: z.optional(Id),
  type: TargetType,
  /** The target's value in `unit` (a growth or a yearly reduction: per year). */
  value: z.number().check(z.minimum(0)),
  /** The top of a range ("8–9%/năm": value 8, valueMax 9); judged on `value`. */
  valueMax: z.optional(z.number().check(z.minimum(0))),
  /** What value counts: the indicator's unit, or percent for a growth. */
  unit: MeasureUnit,
  manualStatus: z.optional(ManualTargetStatus),
});

/** A target of a stored resolution. (Named apart from `Target`, an indicator's yearly target.) */
export const ResolutionTarget = z.extend(TargetFields, { id: Id });
/** A target as a client sends it: its id may be left out (then "ct-NUMBER"). */
export const NewResolutionTarget = z.strictObject({ ...TargetFields.shape, id: z.optional(Id) });

const ResolutionFields = z.object({
  unitId: Id,
  /** "Nghị quyết Đại hội Đảng bộ phường Mỹ Thới lần thứ I, nhiệm kỳ 2025–2030". */
  title: notBlank(RESOLUTION_LIMITS.title),
  kind: ResolutionKind,
  /** A term resolution's term. */
  term: z.optional(Term),
  /** A yearly resolution's year. */
  year: z.optional(Year),
  adoptedOn: z.optional(IsoDate),
  /** The report or document it was read from (a source of its unit, or of a unit containing it). */
  sourceId: z.optional(Id),
  targets: z.array(ResolutionTarget).check(z.maxLength(RESOLUTION_LIMITS.targets, `must have at most ${RESOLUTION_LIMITS.targets} targets`)),
});

/** The years a resolution is judged over: from the year after its base year to its last year. */
export interface ResolutionYears {
  /** The figures targets are measured from: a term's first year (its congress), the year before a yearly resolution. */
  baseYear: number;
  firstYear: number;
  lastYear: number;
}

/** 2025-2030: base 2025, judged over 2026–2030; a yearly resolution of 2026: base 2025, judged over 2026. */
export function resolutionYears(r: Pick<Resolution, 'kind' | 'term' | 'year'>): ResolutionYears | null {
  if (r.kind === 'term') {
    if (!r.term || !YEAR_PATTERN.test(r.term)) return null;
    const start = Number(r.term.slice(0, 4));
    return { baseYear: start, firstYear: start + 1, lastYear: Number(r.term.slice(5)) };
  }
  return r.year === undefined ? null : { baseYear: r.year - 1, firstYear: r.year, lastYear: r.year };
}

type ResolutionShape = z.infer<typeof ResolutionFields> | (Omit<z.infer<typeof ResolutionFields>, 'targets'> & { targets: z.infer<typeof NewResolutionTarget>[] });

/**
 * The rules a resolution must follow that need nothing stored: its kind's term or year, ranges
 * the right way round, a growth with the indicator it is measured on, a total only over a term,
 * numbers and ids given once, a hand-set status inside the resolution's years. Every edge
 * (the server, msw, the editor's form) refuses these through the contract; rules that read the
 * store (unit, indicator, source) are the write service's (server/writes/resolution-rules.ts).
 */
export function resolutionShapeProblems(r: ResolutionShape): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (r.kind === 'term') {
    if (r.term === undefined) issues.push({ path: 'term', message: 'a term resolution needs its term, e.g. 2025-2030' });
    if (r.year !== undefined) issues.push({ path: 'year', message: 'only a yearly resolution has a year; a term resolution has its term' });
  } else {
    if (r.year === undefined) issues.push({ path: 'year', message: 'a yearly resolution needs its year' });
    const years = r.term ? resolutionYears({ kind: 'term', term: r.term }) : null;
    if (years && r.year !== undefined && (r.year < years.firstYear || r.year > years.lastYear)) {
      issues.push({ path: 'year', message: `${r.year} is not one of the years ${years.firstYear}–${years.lastYear} of the term ${r.term}` });
    }
  }
  const years = resolutionYears(r);
  const numbers = new Map<number, number>();
  const ids = new Map<string, number>();
  r.targets.forEach((t, i) => {
    const at = (field: string) => `targets.${i}.${field}`;
    const sameNumber = numbers.get(t.number);
    if (sameNumber !== undefined) issues.push({ path: at('number'), message: `number ${t.number} is already that of target ${sameNumber + 1} of the list` });
    else numbers.set(t.number, i);
    if (t.id !== undefined) {
      const sameId = ids.get(t.id);
      if (sameId !== undefined) issues.push({ path: at('id'), message: `id "${t.id}" is already that of target ${sameId + 1} of the list` });
      else ids.set(t.id, i);
    }
    if (t.valueMax !== undefined && t.valueMax < t.value) issues.push({ path: at('valueMax'), message: 'must not be less than value (the range is value to valueMax)' });
    if (t.type === 'yearly_growth') {
      if (t.indicatorId === undefined) {
        issues.push({ path: at('indicatorId'), message: 'a yearly growth needs the indicator whose figures are compared with the base year' });
      }
      if (t.unit !== 'percent') issues.push({ path: at('unit'), message: 'a yearly growth is a percent a year: unit must be "percent"' });
    }
    if (t.type === 'term_total' && r.kind !== 'term') {
      issues.push({ path: at('type'), message: 'a total over the term belongs to a term resolution' });
    }
    const from = t.manualStatus?.period;
    if (from && years) {
      const year = Number(from.slice(0, 4));
      if (year < years.firstYear || year > years.lastYear) {
        issues.push({ path: at('manualStatus.period'), message: `must be a period of the resolution's years ${years.firstYear}–${years.lastYear}` });
      }
    }
  });
  return issues;
}

function refineResolution(r: ResolutionShape, ctx: z.core.$RefinementCtx<ResolutionShape>): void {
  for (const issue of resolutionShapeProblems(r)) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
  }
}

/** A stored resolution; `version` grows by one at every change. */
export const Resolution = z
  .extend(ResolutionFields, { id: Id, version: z.number().check(z.int(), z.minimum(1)) })
  .check(z.superRefine(refineResolution));
const newTargets = z
  .array(NewResolutionTarget)
  .check(z.maxLength(RESOLUTION_LIMITS.targets, `must have at most ${RESOLUTION_LIMITS.targets} targets`));
/** A new resolution as a client sends it (POST); unknown fields are refused. */
export const NewResolution = z
  .strictObject({ ...ResolutionFields.shape, id: z.optional(Id), targets: newTargets })
  .check(z.superRefine(refineResolution));
/** A whole resolution replacing the stored one (PUT), with the `version` the client saw. */
export const ResolutionUpdate = z
  .strictObject({ ...ResolutionFields.shape, targets: newTargets, version: z.number().check(z.int(), z.minimum(1)) })
  .check(z.superRefine(refineResolution));

export const ResolutionsResponse = z.object({ resolutions: z.array(Resolution) });
export const ResolutionResponse = z.object({ resolution: Resolution });
/** A stale update or delete (409): the error, and the resolution as it is now. */
export const ResolutionConflict = z.extend(ApiError, { resolution: Resolution });

export type TargetType = z.infer<typeof TargetType>;
export type ResolutionKind = z.infer<typeof ResolutionKind>;
export type ManualTargetStatus = z.infer<typeof ManualTargetStatus>;
export type ResolutionTarget = z.infer<typeof ResolutionTarget>;
export type NewResolutionTarget = z.infer<typeof NewResolutionTarget>;
export type Resolution = z.infer<typeof Resolution>;
export type NewResolution = z.infer<typeof NewResolution>;
export type ResolutionUpdate = z.infer<typeof ResolutionUpdate>;

/** Query of GET /api/resolutions: one or more units (required), and optionally the year they are in force. */
export interface ResolutionQuery {
  unit: string[];
  year?: number;
}

/** Reads GET /api/resolutions' query: `unit` 1 to RESOLUTION_LIMITS.queryUnits times, `year` at most once. */
export function parseResolutionQuery(params: URLSearchParams): { ok: true; query: ResolutionQuery } | { ok: false; issues: ApiIssue[] } {
  const issues: ApiIssue[] = [...new Set(params.keys())]
    .filter((k) => k !== 'unit' && k !== 'year')
    .map((k) => ({ path: k, message: 'unknown query parameter' }));
  const units = params.getAll('unit');
  if (units.length === 0) issues.push({ path: 'unit', message: 'is required: the unit whose resolutions to list' });
  if (units.length > RESOLUTION_LIMITS.queryUnits) issues.push({ path: 'unit', message: atMost(RESOLUTION_LIMITS.queryUnits) });
  for (const u of units.slice(0, RESOLUTION_LIMITS.queryUnits)) {
    const parsed = Id.safeParse(u);
    if (!parsed.success) issues.push(...toApiIssues(parsed.error).map((i) => ({ ...i, path: 'unit' })));
  }
  const years = params.getAll('year');
  if (years.length > 1) issues.push({ path: 'year', message: 'must be given at most once' });
  else if (years.length === 1 && !/^(20\d{2}|2100)$/.test(years[0]!)) issues.push({ path: 'year', message: 'must be a year from 2000 to 2100' });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  const year = years.length === 1 ? Number(years[0]) : undefined;
  return { ok: true, query: { unit: [...new Set(units)].sort(), ...(year === undefined ? {} : { year }) } };
}

/** The path of GET /api/resolutions for a query, in one canonical form (the read cache's key, the app's query). */
export function resolutionsPath(q: ResolutionQuery): string {
  const params = new URLSearchParams();
  for (const u of [...new Set(q.unit)].sort()) params.append('unit', u);
  if (q.year !== undefined) params.set('year', String(q.year));
  return `/api/resolutions?${params.toString()}`;
}

/** True when the resolution is of a unit of the query and, if a year is asked, in force that year (base year included). */
export function matchesResolutionQuery(r: Resolution, q: ResolutionQuery): boolean {
  if (!q.unit.includes(r.unitId)) return false;
  if (q.year === undefined) return true;
  const years = resolutionYears(r);
  return years !== null && q.year >= years.baseYear + (r.kind === 'year' ? 1 : 0) && q.year <= years.lastYear;
}

/** The order both backends list resolutions in: by unit, then the earliest years first, a term before its years, then id. */
export function resolutionOrder(a: Resolution, b: Resolution): number {
  const ya = resolutionYears(a)?.firstYear ?? 0;
  const yb = resolutionYears(b)?.firstYear ?? 0;
  return (
    a.unitId.localeCompare(b.unitId) ||
    ya - yb ||
    (a.kind === b.kind ? 0 : a.kind === 'term' ? -1 : 1) ||
    a.id.localeCompare(b.id)
  );
}
