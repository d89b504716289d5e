/**
 * The dataset of the ward reports in shared/seeds/, parsed by the contract when loaded:
 * a malformed file fails loudly here, not later on a chart.
 */
import { z } from 'zod';
import { Indicator, Observation, Source, Unit } from '../src/api/contract';
import indicatorsJson from './indicators.json';
import observationsJson from './observations.json';
import sourcesJson from './sources.json';
import unitsJson from './units.json';

export const Dataset = z.object({
  units: z.array(Unit),
  indicators: z.array(Indicator),
  sources: z.array(Source),
  observations: z.array(Observation),
});
export type Dataset = z.infer<typeof Dataset>;

export function loadDataset(): Dataset {
  return Dataset.parse({
    units: unitsJson,
    indicators: indicatorsJson,
    sources: sourcesJson,
    observations: observationsJson,
  });
}
