/**
 * The write service's repository (repository.ts) over arrays in memory, for the msw handlers of
 * `npm run dev` and the page tests. The arrays are the caller's and are changed in place (a
 * test may look at them, or change a record by hand between writes). Transactions run one
 * after another; a failed one puts the arrays back as they were. Browser-safe.
 */
import type { Indicator, Observation, Resolution, Source, Unit } from '../../src/api/contract';
import { reportTextHash } from './report-text';
import type { HistoryEntry, ResolutionHistoryEntry, WriteRepository, WriteTx } from './repository';

export interface MemoryData {
  units: readonly Unit[];
  indicators: readonly Indicator[];
  sources: Source[];
  observations: Observation[];
  /** The resolutions with their targets (made empty when absent, so that reads can share the array). */
  resolutions?: Resolution[];
}

export class MemoryWriteRepository implements WriteRepository {
  /** Every change, in order (the server's observation_history). */
  readonly history: HistoryEntry[] = [];
  /** Every change of a resolution, in order (the server's resolution_history). */
  readonly resolutionHistory: ResolutionHistoryEntry[] = [];
  /** Who added each source (the server's sources.added_by). */
  readonly addedBy = new Map<string, string>();
  revision = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** The hash of each source's text (the server's sources.text_hash), with the text it was made of. */
  private readonly textHashes = new Map<string, { text: string; hash: string | undefined }>();

  constructor(readonly data: MemoryData) {
    data.resolutions ??= [];
  }

  transaction<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await this.hashTexts();
      return this.isolated(fn);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Hashes the texts not hashed yet (the data's own, or one a test changed by hand). */
  private async hashTexts(): Promise<void> {
    for (const s of this.data.sources) {
      const text = s.text ?? '';
      if (this.textHashes.get(s.id)?.text !== text) this.textHashes.set(s.id, { text, hash: await reportTextHash(text) });
    }
  }

  private async isolated<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const { observations, sources } = this.data;
    const resolutions = this.data.resolutions!;
    const saved = {
      observations: [...observations],
      sources: [...sources],
      resolutions: [...resolutions],
      history: this.history.length,
      resolutionHistory: this.resolutionHistory.length,
      revision: this.revision,
    };
    const addedBy = new Map(this.addedBy);
    try {
      return await fn(this.tx());
    } catch (err) {
      refill(observations, saved.observations);
      refill(sources, saved.sources);
      refill(resolutions, saved.resolutions);
      this.history.length = saved.history;
      this.resolutionHistory.length = saved.resolutionHistory;
      this.revision = saved.revision;
      this.addedBy.clear();
      for (const [id, actor] of addedBy) this.addedBy.set(id, actor);
      throw err;
    }
  }

  /** A transaction's view, indexed once when it starts. */
  private tx(): WriteTx {
    const { data, history } = this;
    const byId = new Map(data.observations.map((o) => [o.id, o]));
    const sourceIds = new Set(data.sources.map((s) => s.id));
    const lastVersions = new Map<string, number>();
    for (const e of history) lastVersions.set(e.observation.id, Math.max(lastVersions.get(e.observation.id) ?? 0, e.observation.version));
    const pick = <R extends { id: string }>(list: readonly R[], ids: readonly string[]) => {
      const wanted = new Set(ids);
      return list.filter((x) => wanted.has(x.id));
    };
    const indexOf = (id: string) => data.observations.indexOf(byId.get(id)!);
    const resolutions = data.resolutions!;
    const resolutionAt = (id: string) => resolutions.findIndex((r) => r.id === id);
    const lastResolutionVersion = (id: string) =>
      this.resolutionHistory.reduce((v, e) => (e.resolution.id === id ? Math.max(v, e.resolution.version) : v), 0);

    return {
      observation: async (id) => byId.get(id),
      observationExists: async (id) => byId.has(id),
      lastVersion: async (id) => lastVersions.get(id) ?? 0,
      insertObservation: async (o) => {
        data.observations.push(o);
        byId.set(o.id, o);
      },
      updateObservation: async (o) => {
        data.observations.splice(indexOf(o.id), 1, o);
        byId.set(o.id, o);
      },
      deleteObservation: async (id) => {
        data.observations.splice(indexOf(id), 1);
        byId.delete(id);
      },
      sourceExists: async (id) => sourceIds.has(id),
      insertSource: async (s, addedBy, textHash) => {
        data.sources.push(s);
        sourceIds.add(s.id);
        if (addedBy) this.addedBy.set(s.id, addedBy);
        this.textHashes.set(s.id, { text: s.text ?? '', hash: textHash });
      },
      sourcesWithTextHash: async (unitId, textHash) =>
        data.sources.filter((s) => s.unitId === unitId && this.textHashes.get(s.id)?.hash === textHash),
      units: async (ids) => pick(data.units, ids),
      indicators: async (ids) => pick(data.indicators, ids),
      sources: async (ids) => pick(data.sources, ids).map((s) => ({ id: s.id, unitId: s.unitId })),
      appendHistory: async (e) => {
        history.push(e);
        lastVersions.set(e.observation.id, Math.max(lastVersions.get(e.observation.id) ?? 0, e.observation.version));
      },
      bumpRevision: async () => {
        this.revision += 1;
      },
      resolution: async (id) => resolutions.find((r) => r.id === id),
      resolutionExists: async (id) => resolutionAt(id) >= 0,
      resolutionsOf: async (unitId) => resolutions.filter((r) => r.unitId === unitId),
      lastResolutionVersion: async (id) => lastResolutionVersion(id),
      insertResolution: async (r) => {
        resolutions.push(r);
      },
      updateResolution: async (r) => {
        resolutions.splice(resolutionAt(r.id), 1, r);
      },
      deleteResolution: async (id) => {
        resolutions.splice(resolutionAt(id), 1);
      },
      appendResolutionHistory: async (e) => {
        this.resolutionHistory.push(e);
      },
    };
  }
}

function refill<T>(list: T[], from: readonly T[]): void {
  list.length = 0;
  for (const x of from) list.push(x);
}
