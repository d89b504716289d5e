/**
 * A link without a period (and the default view) opens on the latest period that has figures
 * for the chosen units. Which period that is the panels' figures say, and this feature does not
 * know the panels: the app provides the rule that finds it (provideLatestPeriod, at the start)
 * and it is asked here, once the register is known, by the dashboard (useLatestPeriod) or by the
 * start-up prefetch (resolveLatestPeriod), whichever comes first. While it is sought, the
 * filters' period is '' (the panels wait); the answer is not a choice of the person: the URL
 * still names no period, so a reload or a shared link asks again.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Unit } from '../../api/contract';
import { formatPeriodId, type Quarter } from '../../api/periods';
import { useFilters } from './store';
import { FIRST_YEAR, lastYear } from './url-state';

export type FindLatestPeriod = (
  client: QueryClient,
  units: readonly string[],
  register: readonly Unit[],
  years: { first: number; last: number },
) => Promise<string | null>;

let find: FindLatestPeriod | undefined;

/** The app gives the rule; returns the function that takes it back. */
export function provideLatestPeriod(rule: FindLatestPeriod): () => void {
  find = rule;
  return () => {
    if (find === rule) find = undefined;
  };
}

/** The period running today (Cả năm 2026 in December 2026): shown when no period has figures. */
export function currentPeriod(now = new Date()): string {
  return formatPeriodId(now.getFullYear(), (Math.floor(now.getMonth() / 3) + 1) as Quarter);
}

let running: { units: readonly string[]; done: Promise<void> } | undefined;

/**
 * When the filters wait for the latest period, finds it for their units and shows it (unless
 * the person chose something meanwhile). Asked again for the same units, the same search.
 */
export function resolveLatestPeriod(client: QueryClient, register: readonly Unit[]): Promise<void> {
  const { latest, period, units } = useFilters.getState();
  if (!latest || period !== '' || units.length === 0) return Promise.resolve();
  if (running?.units === units) return running.done;
  const applies = () => {
    const s = useFilters.getState();
    return s.latest && s.period === '' && s.units === units;
  };
  const search = find ? find(client, units, register, { first: FIRST_YEAR, last: lastYear() }) : Promise.resolve(null);
  const done = search
    .then(
      (found) => ({ period: found ?? currentPeriod(), latestFound: found !== null }),
      // the figures could not be read: the panels say so, for the period running today
      () => ({ period: currentPeriod(), latestFound: undefined }),
    )
    .then((shown) => {
      if (applies()) useFilters.setState(shown);
    })
    .finally(() => {
      if (running?.done === done) running = undefined;
    });
  running = { units, done };
  return done;
}

/** The dashboard's side: once the register is known, the latest period is found whenever the filters wait for it. */
export function useLatestPeriod(client: QueryClient, register: readonly Unit[] | undefined): void {
  const waiting = useFilters((s) => s.latest && s.period === '' && s.units.length > 0);
  const units = useFilters((s) => s.units);
  useEffect(() => {
    if (waiting && register) void resolveLatestPeriod(client, register);
  }, [waiting, units, register, client]);
}
