/** Reads every page of GET /api/observations, following `next` (at most 1,000 pages). */
import { ObservationsResponse, type Observation } from '../../../src/api/contract';
import { getJson } from './http';

export async function allObservations(url: string, path = '/api/observations'): Promise<Observation[]> {
  const rows: Observation[] = [];
  let next: string | undefined = path;
  for (let pages = 0; next; pages++) {
    if (pages >= 1000) throw new Error(`${path}: the pages do not end`);
    const res = await getJson(url + next);
    if (res.status !== 200) throw new Error(`${next}: ${res.status} ${JSON.stringify(res.body)}`);
    const page = ObservationsResponse.parse(res.body);
    rows.push(...page.observations);
    next = page.next;
  }
  return rows;
}
