/** Valid new observations for the write tests, and a snapshot of what is stored. */
import type { NewObservation, Observation } from '../../../src/api/contract';

export function coverage(value: number, extra: Partial<NewObservation> = {}): NewObservation {
  return {
    unitId: 'my-thoi',
    indicatorId: 'health_insurance_coverage',
    period: '2026-Q2',
    value,
    qualifier: 'exact',
    asOf: '2026-06-30',
    sourceId: 'my-thoi-2026-q1',
    ...extra,
  };
}

export function budget(value: number, extra: Partial<NewObservation> = {}): NewObservation {
  return {
    unitId: 'my-thoi',
    indicatorId: 'budget_revenue',
    period: '2026-Q2',
    value,
    qualifier: 'about',
    status: 'estimated',
    sourceId: 'my-thoi-2026-q1',
    ...extra,
  };
}

/** Everything a client can read, to compare before and after a refused write. */
export async function snapshot(url: string): Promise<string> {
  const parts = await Promise.all(
    ['/api/observations', '/api/sources', '/api/units'].map(async (p) => (await fetch(url + p)).text()),
  );
  return parts.join('\n');
}

/** An observation's fields without id and version, as an editor's form holds them. */
export function fieldsOf(o: Observation): Omit<Observation, 'id' | 'version'> {
  const copy: Partial<Observation> = { ...o };
  delete copy.id;
  delete copy.version;
  return copy as Omit<Observation, 'id' | 'version'>;
}
