/** Page tests' own figures beside the reports': the API answers the dataset with these added. */
import type { Observation, Source } from '../../src/api/contract';
import { loadDataset } from '../../data';
import { createHandlers } from '../../mocks/handlers';
import { server } from '../../mocks/node';

export interface TestFigure {
  unitId: string;
  indicatorId: string;
  period: string;
  value: number;
  outOf?: number;
}

/** One report per unit and period, written for the test (never a real one). */
function sourceOf(f: TestFigure): Source {
  const id = `test-${f.unitId}-${f.period.toLowerCase()}`;
  return { id, unitId: f.unitId, title: `Báo cáo thử ${f.period} của ${f.unitId}`, heldOn: '2026-04-01', periodLabel: f.period, reference: 'test' };
}

/** Serves the reports' dataset with these figures added. */
export function serveWithFigures(figures: readonly TestFigure[]): void {
  const data = loadDataset();
  const sources = new Map<string, Source>();
  const observations: Observation[] = figures.map((f, i) => {
    const source = sourceOf(f);
    sources.set(source.id, source);
    return { id: `test-${i}`, qualifier: 'exact', sourceId: source.id, version: 1, ...f };
  });
  server.use(...createHandlers({ ...data, sources: [...data.sources, ...sources.values()], observations: [...data.observations, ...observations] }));
}
