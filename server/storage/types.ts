/**
 * The storage behind the API: one small interface, so that another database (PostgreSQL)
 * can be added without touching the routes. Every method is async for that reason.
 */
import type {
  ApiIssue,
  Indicator,
  NewObservation,
  NewSource,
  Observation,
  ObservationKey,
  ObservationPage,
  ObservationQuery,
  ObservationUpdate,
  Source,
  SourceSummary,
  Unit,
} from '../../src/api/contract';
import type { Dataset } from '../../data';

/** What a write did: its result, or why nothing was written. */
export type WriteOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'invalid'; issues: ApiIssue[] }
  | { ok: false; kind: 'not_found'; message: string }
  | { ok: false; kind: 'conflict'; message: string; issues?: ApiIssue[]; current?: Observation };

/** A page of observations as JSON text; when more rows follow, `nextFrom` is the first of them. */
export interface ObservationsPageText {
  json: string;
  nextFrom?: ObservationKey;
}

export interface Storage {
  /** A number that changes at every write (read caches and ETags key on it). */
  revision(): Promise<number>;

  listUnits(): Promise<Unit[]>;
  listIndicators(): Promise<Indicator[]>;
  /** Every source as listed: whether it has a text, without reading any text. */
  listSources(): Promise<SourceSummary[]>;
  /** One source with its text. */
  getSource(id: string): Promise<Source | undefined>;
  /**
   * One page of the observations a parsed query selects, in observationOrder: at most
   * `page.limit` rows from the place `page.from` on, as one JSON array text made of what the contract
   * produced when each was written (reads send it as is).
   */
  observationsPage(query: ObservationQuery, page: ObservationPage): Promise<ObservationsPageText>;

  // Writes: `actor` names who made the change, the short id of the editor's token (never the
  // token); it is kept with each change in observation_history, and with a source as added_by.

  /** Stores every item or none (a transaction); each new observation has version 1. */
  addObservations(batch: NewObservation[], actor?: string): Promise<WriteOutcome<Observation[]>>;
  /** Replaces an observation if `update.version` is its current version; version grows by one. */
  updateObservation(id: string, update: ObservationUpdate, actor?: string): Promise<WriteOutcome<Observation>>;
  /** Deletes an observation (if `version` is given, only when it is the current one). */
  deleteObservation(id: string, version?: number, actor?: string): Promise<WriteOutcome<Observation>>;
  addSource(source: NewSource, actor?: string): Promise<WriteOutcome<Source>>;

  /** True when the store holds no units yet (a fresh database). */
  isEmpty(): Promise<boolean>;
  /** Loads a whole dataset in one transaction (first start, benchmarks). */
  seed(dataset: Dataset): Promise<void>;
  close(): Promise<void>;
}
