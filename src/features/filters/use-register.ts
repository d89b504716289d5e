/** The unit register as the picker and the chips read it: indexed for search once per list of units. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queries } from '../../api/queries';
import { readRegister, type Register } from './picker-model';
import { buildUnitIndex } from './unit-search';

/** Today as an ISO date (the day the current communes are counted on). */
const today = () => new Date().toISOString().slice(0, 10);

export function useRegister() {
  const units = useQuery(queries.units());
  const register = useMemo<Register | undefined>(
    () => (units.data ? readRegister(units.data, buildUnitIndex(units.data), today()) : undefined),
    [units.data],
  );
  return { register, query: units };
}
