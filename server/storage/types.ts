/**
 * The storage behind the API: one small interface, so that another database (PostgreSQL)
 * can be added without touching the routes. Every method is async for that reason.
 */
import type {
  Indicator,
  ObservationKey,
  ObservationPage,
  ObservationQuery,
  Resolution,
  ResolutionQuery,
  Source,
  SourceSummary,
  Unit,
} from '../../src/api/contract';
import type { Dataset } from '../../data';
import type { Writes } from '../writes/service';

export type { WriteOutcome } from '../writes/service';

/** What a new database is seeded with: the dataset and, for the synthetic province, its synthetic resolutions. */
export type SeedData = Dataset & { resolutions?: Resolution[] };

/** A page of observations as JSON text; when more rows follow, `nextFrom` is the first of them. */
export interface ObservationsPageText {
  json: string;
  nextFrom?: ObservationKey;
}

/**
 * The reads, and the writes of the write service (server/writes/service.ts: `actor` says who
 * writes, and which units the token may write). An implementation runs that service over its own
 * repository (server/writes/repository.ts), as SqliteStorage does.
 */
export interface Storage extends Writes {
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
  /** The resolutions (with their targets) a parsed query selects, in resolutionOrder. */
  listResolutions(query: ResolutionQuery): Promise<Resolution[]>;

  /** True when the store holds no units yet (a fresh database). */
  isEmpty(): Promise<boolean>;
  /** Loads a whole dataset in one transaction (first start, benchmarks), with its resolutions if any (synthetic ones). */
  seed(dataset: SeedData): Promise<void>;
  close(): Promise<void>;
}
