/**
 * What the user chose: the units (communes, or a province or former district as one choice) and
 * the period, and what was wrong with the link that chose them. Only state: the URL is read and
 * written by url-sync.ts (nothing happens when this module is imported); server data never
 * lives here. Nothing chosen is allowed (after "Bỏ chọn tất cả"): the URL then names no unit.
 */
import { create } from 'zustand';
import { DEFAULT_FILTERS, MAX_UNITS, type Filters } from './url-state';

interface FilterState extends Filters {
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

export const useFilters = create<FilterState>()((set, get) => ({
  ...DEFAULT_FILTERS,
  notices: [],
  setPeriod: (period) => set({ period }),
  toggleUnit: (unitId) => {
    const { units } = get();
    if (units.includes(unitId)) set({ units: units.filter((u) => u !== unitId) });
    else if (units.length < MAX_UNITS) set({ units: [...units, unitId] });
  },
  onlyUnit: (unitId) => {
    const { units } = get();
    if (units.length !== 1 || units[0] !== unitId) set({ units: [unitId] });
  },
  removeUnit: (unitId) => {
    const { units } = get();
    if (units.includes(unitId)) set({ units: units.filter((u) => u !== unitId) });
  },
  clearUnits: () => {
    if (get().units.length > 0) set({ units: [] });
  },
  dismissNotices: () => set({ notices: [] }),
}));
