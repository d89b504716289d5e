/**
 * The JSON API contract (DESIGN.md), shared by the SPA, the msw handlers and the server.
 * Every type the app uses for API data is inferred from these schemas.
 */
import { z } from 'zod';
import { PERIOD_PATTERN, comparePeriods } from './periods';

// ---------------------------------------------------------------- primitives


/** "YYYY-Qn": from 1 January to the end of quarter n of year YYYY (2000-Q1 to 2100-Q4). */
export const Period = z
  .string()
  .regex(PERIOD_PATTERN, 'must be a period YYYY-Qn, from 2000-Q1 to 2100-Q4');

export const IsoDate = z.iso.date();

export const Id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _');

// ---------------------------------------------------------------- units

/**
 * What a unit is: the province (tỉnh); a former district-level unit (thành phố, thị xã, huyện,
 * abolished on 2025-07-01); a commune-level unit (phường, xã, thị trấn; đặc khu since 2025-07-01).
 */
export const UnitKind = z.enum(['tinh', 'thanh_pho', 'thi_xa', 'huyen', 'phuong', 'xa', 'thi_tran', 'dac_khu']);

/** A boundary change: on `date` the unit absorbed these former units (ids where we have them). */
export const UnitChange = z.object({
  date: IsoDate,
  absorbed: z.array(z.object({ unitId: Id.optional(), name: z.string().min(1) })).min(1),
  legalBasis: z.string().optional(),
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
  code: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'must be an administrative code of 2, 3 or 5 digits'),
  /** With its kind: "Phường Mỹ Thới", "Thành phố Long Xuyên", "Tỉnh An Giang". */
  name: z.string().min(1),
  kind: UnitKind,
  /** "An Giang"; a former unit: its former province, e.g. "Kiên Giang". */
  province: z.string().min(1),
  /** The units that contain or contained it (its former district; the province). */
  parentIds: z.array(Id).optional(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  /** The one unit a former unit went into whole. */
  successorId: Id.optional(),
  /** A former unit: where it went (whole, or a part of it). */
  becamePartOf: z.array(UnitLink).optional(),
  /** A unit formed on 2025-07-01 (or 2025-01-01): what formed it. */
  formedFrom: z.array(UnitLink).optional(),
  /** Boundary changes of a unit that continued. */
  changes: z.array(UnitChange).optional(),
  legalBasis: z.string().optional(),
  /** Other spellings: the GSO's, the resolution's, a later one. */
  otherNames: z.array(z.string()).optional(),
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
  year: z.number().int().min(2000).max(2100),
  value: z.number(),
  source: z.string().min(1),
});

export const Indicator = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
  family: Family,
  name: z.string().min(1),
  unit: MeasureUnit,
  aggregation: z.enum(['ytd', 'level']),
  higherIsBetter: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Yearly targets (e.g. the province's BHYT coverage targets). */
  targets: z.array(Target).optional(),
  /** The figure is a year-to-date share of an annual amount: compare it with the even pace q/4. */
  evenPace: z.boolean().optional(),
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
  value: z.number().finite(),
  outOf: z.number().finite().positive().optional(),
  basis: Basis.optional(),
  qualifier: Qualifier,
  asOf: IsoDate.optional(),
  scope: Scope.optional(),
  status: Status.optional(),
  sourceId: Id,
  note: z.string().max(2000).optional(),
});

export const Observation = ObservationFields.extend({
  id: Id,
  version: z.number().int().min(1),
});

// ---------------------------------------------------------------- sources

/** What every answer says of a source report. */
const SourceFields = z.object({
  id: Id,
  unitId: Id,
  title: z.string().min(1),
  heldOn: IsoDate,
  periodLabel: z.string().min(1),
  reference: z.string().min(1),
});

/** A source with the report's text, kept as plain text where we have it (GET /api/sources/:id, POST). */
export const Source = SourceFields.extend({
  text: z.string().max(200_000).optional(),
});

/**
 * A source as GET /api/sources lists it: whether a text was kept, never the text itself
 * (up to 200 kB each); a client asks GET /api/sources/:id for it when someone reads it.
 */
export const SourceSummary = SourceFields.extend({
  hasText: z.boolean(),
});

/** The listed form of a source, as both the msw handlers and the server make it. */
export function summarizeSource(source: Source): SourceSummary {
  const { text, ...fields } = source;
  return { ...fields, hasText: Boolean(text) };
}

/** A new source as a client sends it; an unknown field is refused (400), as in observation bodies. */
export const NewSource = Source.omit({ id: true }).extend({ id: Id.optional() }).strict();

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
    unit: z.array(Id).max(OBSERVATION_QUERY_LIMITS.unit, atMost(OBSERVATION_QUERY_LIMITS.unit)).default([]),
    from: Period.optional(),
    to: Period.optional(),
    family: z.array(Family).max(OBSERVATION_QUERY_LIMITS.family, atMost(OBSERVATION_QUERY_LIMITS.family)).default([]),
    indicator: z
      .array(Id)
      .max(OBSERVATION_QUERY_LIMITS.indicator, atMost(OBSERVATION_QUERY_LIMITS.indicator))
      .default([]),
  })
  .refine((q) => !q.from || !q.to || comparePeriods(q.from, q.to) <= 0, {
    message: 'from must not be after to',
    path: ['from'],
  });

/**
 * Which page of the answer: at most `limit` rows (1 to OBSERVATIONS_PAGE_MAX, the default),
 * from the place that `cursor` names on. The cursor is opaque to clients: they get it in `next`.
 */
export const ObservationPageQuery = z.object({
  limit: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, `must be a whole number from 1 to ${OBSERVATIONS_PAGE_MAX}`)
    .transform(Number)
    .refine((n) => n <= OBSERVATIONS_PAGE_MAX, `must be a whole number from 1 to ${OBSERVATIONS_PAGE_MAX}`)
    .optional(),
  cursor: z
    .string()
    .transform((raw, ctx): ObservationKey => {
      const from = decodeCursor(raw);
      if (!from) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor of this API: start again from the first page' });
        return z.NEVER;
      }
      return from;
    })
    .optional(),
});

export const NewObservation = ObservationFields.extend({ id: Id.optional() }).strict();
export const NewObservationBatch = z.array(NewObservation).min(1).max(5000);
export const ObservationUpdate = ObservationFields.extend({ version: z.number().int().min(1) }).strict();

// ---------------------------------------------------------------- responses

export const ApiIssue = z.object({ path: z.string(), message: z.string() });
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(ApiIssue).optional() }),
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
  next: z
    .string()
    .max(32_000)
    .regex(/^\/api\/observations\?/, 'must be a path of GET /api/observations')
    .optional(),
});
export const SourcesResponse = z.object({ sources: z.array(SourceSummary) });
export const SourceResponse = z.object({ source: Source });
export const ObservationResponse = z.object({ observation: Observation });
/** A stale update (409): the error, and the observation as it is now, so a client can show both. */
export const ObservationConflict = ApiError.extend({ observation: Observation });
/** GET /api/session: the role the request's bearer token grants (no valid token: a 401 ApiError). */
/** A token's role; `units`: the only units an editor's token may write (absent: every unit). */
export const SessionResponse = z.object({ role: z.enum(['editor', 'viewer']), units: z.array(Id).min(1).optional() });

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
export function toApiIssues(error: z.ZodError): ApiIssue[] {
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
