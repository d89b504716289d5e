/**
 * The dataset: the unit register (register.ts, from admin-units/) and the figures of the ward
 * reports, parsed by the contract when loaded: a malformed file fails loudly here, not later on
 * a chart.
 */
import { z } from 'zod';
import { Indicator, Observation, Source, Unit } from '../src/api/contract';
import indicatorsJson from './indicators.json';
import observationsJson from './observations.json';
import sourcesJson from './sources.json';
import anGiang from './admin-units/an-giang-2025.json';
import { buildRegister } from './register';

export const Dataset = z.object({
  units: z.array(Unit),
  indicators: z.array(Indicator),
  sources: z.array(Source),
  observations: z.array(Observation),
});
export type Dataset = z.infer<typeof Dataset>;

let register: Unit[] | undefined;

/** Every unit of the register (built once; each caller gets its own copy). */
export function registerUnits(): Unit[] {
  register ??= buildRegister(anGiang);
  return structuredClone(register);
}

export function loadDataset(): Dataset {
  return Dataset.parse({
    units: registerUnits(),
    indicators: indicatorsJson,
    sources: sourcesJson,
    observations: observationsJson,
  });
}
