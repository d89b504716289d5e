/**
 * What the user chose: the wards and the period, and what was wrong with the link that chose
 * them. Only state: the URL is read and written by url-sync.ts (nothing happens when this
 * module is imported); server data never lives here.
 */
import { create } from 'zustand';
import { DEFAULT_FILTERS, type Filters } from './url-state';

interface FilterState extends Filters {
  notices: string[];
  setPeriod: (period: string) => void;
  toggleUnit: (unitId: string) => void;
  dismissNotices: () => void;
}

export const useFilters = create<FilterState>()((set, get) => ({
  ...DEFAULT_FILTERS,
  notices: [],
  setPeriod: (period) => set({ period }),
  toggleUnit: (unitId) => {
    const { units } = get();
    if (units.includes(unitId)) {
      if (units.length > 1) set({ units: units.filter((u) => u !== unitId) });
    } else {
      set({ units: [...units, unitId] });
    }
  },
  dismissNotices: () => set({ notices: [] }),
}));
