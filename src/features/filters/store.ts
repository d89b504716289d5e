/**
 * What the user chose: the units (communes, or a province or former district as one choice) and
 * the period, and what was wrong with the link that chose them. Only state: the URL is read and
 * written by url-sync.ts (nothing happens when this module is imported); server data never
 * lives here. Nothing chosen is allowed (after "Bỏ chọn tất cả": the URL says `unit=`).
 * A link without a period shows the latest with figures (`latest`, found by latest-period.ts);
 * once the person changes the units or the period, the period shown is theirs and the URL names it.
 */
import { createStore, useStore } from 'zustand';
import { DEFAULT_FILTERS, MAX_UNITS, type Filters } from './url-state';

interface FilterState extends Filters {
  latest: boolean;
  /** Whether the latest period found has figures (false: none has, the period running is shown); unset while sought. */
  latestFound?: boolean;
  notices: string[];
  setPeriod: (period: string) => void;
  /** Chooses the unit, or leaves it if it was chosen. */
  toggleUnit: (unitId: string) => void;
  /** This unit only, in one action ("Chỉ chọn đơn vị này"). */
  onlyUnit: (unitId: string) => void;
  removeUnit: (unitId: string) => void;
  clearUnits: () => void;
  dismissNotices: () => void;
}

const filters = createStore<FilterState>()((set, get) => {
  /** The units change: a latest period already shown becomes the person's (the URL names it). */
  const setUnits = (units: string[]) => set(get().latest && get().period ? { units, latest: false } : { units });
  return {
    ...DEFAULT_FILTERS,
    latest: DEFAULT_FILTERS.latest ?? false,
    notices: [],
    setPeriod: (period) => set({ period, latest: false }),
    toggleUnit: (unitId) => {
      const { units } = get();
      if (units.includes(unitId)) setUnits(units.filter((u) => u !== unitId));
      else if (units.length < MAX_UNITS) setUnits([...units, unitId]);
    },
    onlyUnit: (unitId) => {
      const { units } = get();
      if (units.length !== 1 || units[0] !== unitId) setUnits([unitId]);
    },
    removeUnit: (unitId) => {
      const { units } = get();
      if (units.includes(unitId)) setUnits(units.filter((u) => u !== unitId));
    },
    clearUnits: () => {
      if (get().units.length > 0) setUnits([]);
    },
    dismissNotices: () => set({ notices: [] }),
  };
});

// The server's first screen (src/app/first-screen.tsx) draws the filters it set for its request:
// zustand's hook would draw the store's initial state there (React's server snapshot).
filters.getInitialState = filters.getState;

/** The filters' hook (with a selector), and the store's getState, setState and subscribe. */
export const useFilters = Object.assign(<T>(selector: (state: FilterState) => T): T => useStore(filters, selector), filters);
