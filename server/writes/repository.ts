/**
 * What the write service (service.ts) needs of a store: one transaction, and inside it the few
 * reads the rules need and the few writes a change makes. Nothing here knows a rule; the
 * service decides, the repository stores. Browser-safe (types only).
 *
 * Implemented by SQLite (server/storage/sqlite-write-repository.ts) and by memory for the msw
 * handlers (memory-repository.ts). A PostgreSQL repository would implement the same two
 * interfaces and nothing else (routes, rules and the service stay as they are):
 *   - `transaction(fn)`: take a client from the pool, `BEGIN` (READ COMMITTED is enough if every
 *     write first locks what it reads: `SELECT … FOR UPDATE` in `observation`, and a
 *     `pg_advisory_xact_lock` or `LOCK TABLE observations IN SHARE ROW EXCLUSIVE MODE` before
 *     ids are chosen), run `fn` with a tx bound to that client, `COMMIT`, or `ROLLBACK` if `fn`
 *     throws; map "disk full" (53100) and the like to StorageFailure as SQLite's repository does;
 *   - each tx method as one parameterised query on that client (`json` in a JSONB column,
 *     `observation_history`, `resolutions`, `resolution_history` and `meta.revision` as in
 *     server/storage/migrations.ts).
 */
import type { Indicator, Observation, Resolution, Source, Unit } from '../../src/api/contract';
import type { RuleSource } from '../../src/api/rules';

/** One change of a figure, as the history keeps it. */
export interface HistoryEntry {
  op: 'create' | 'update' | 'delete';
  /** The figure after the change (for a delete: as it was, with the version the delete took). */
  observation: Observation;
  /** An ISO timestamp. */
  changedAt: string;
  /** Who made it: a token's short id; none for changes made outside a request (seeds, scripts). */
  actor?: string;
}

/** One change of a resolution (with its targets), as its history keeps it. */
export interface ResolutionHistoryEntry {
  op: 'create' | 'update' | 'delete';
  /** The resolution after the change (for a delete: as it was, with the version the delete took). */
  resolution: Resolution;
  changedAt: string;
  actor?: string;
}

/** What a transaction may read and write. Every method may be asked many times in one transaction. */
export interface WriteTx {
  /** The stored observation, if any. */
  observation(id: string): Promise<Observation | undefined>;
  observationExists(id: string): Promise<boolean>;
  /** The highest version this id ever had, in the history (0 if none): a re-created id never reuses a version. */
  lastVersion(id: string): Promise<number>;
  insertObservation(o: Observation): Promise<void>;
  /** Replaces the stored observation of `o.id`, which is at `previousVersion`. */
  updateObservation(o: Observation, previousVersion: number): Promise<void>;
  deleteObservation(id: string): Promise<void>;

  sourceExists(id: string): Promise<boolean>;
  /**
   * `addedBy`: who added it (a token's short id); `textHash`: the hash of its normalised text
   * (report-text.ts), kept to find the same report again.
   */
  insertSource(s: Source, addedBy?: string, textHash?: string): Promise<void>;
  /** The sources of this unit whose text has this hash (report-text.ts), with their texts. */
  sourcesWithTextHash(unitId: string, textHash: string): Promise<Source[]>;

  /** The rules' view of what these ids name; unknown ids are left out. */
  units(ids: readonly string[]): Promise<Unit[]>;
  indicators(ids: readonly string[]): Promise<Indicator[]>;
  /** Each known source's id and unit. */
  sources(ids: readonly string[]): Promise<RuleSource[]>;

  appendHistory(entry: HistoryEntry): Promise<void>;

  /** The stored resolution, if any. */
  resolution(id: string): Promise<Resolution | undefined>;
  resolutionExists(id: string): Promise<boolean>;
  /** The unit's resolutions (at most RESOLUTION_LIMITS.perUnit). */
  resolutionsOf(unitId: string): Promise<Resolution[]>;
  /** The highest version this resolution id ever had, in its history (0 if none). */
  lastResolutionVersion(id: string): Promise<number>;
  insertResolution(r: Resolution): Promise<void>;
  /** Replaces the stored resolution of `r.id`, which is at `previousVersion`. */
  updateResolution(r: Resolution, previousVersion: number): Promise<void>;
  deleteResolution(id: string): Promise<void>;
  appendResolutionHistory(entry: ResolutionHistoryEntry): Promise<void>;
  /** The number that read caches and ETags key on grows by one. */
  bumpRevision(): Promise<void>;
}

export interface WriteRepository {
  /**
   * Runs `fn` in one transaction, isolated from every other write: what it wrote is kept if it
   * resolves, and none of it if it rejects (the rejection is passed on).
   */
  transaction<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
}
