/**
 * What the user chose: the wards and the period. Mirrored in the URL (pushState on change,
 * popstate on back/forward); server data never lives here.
 */
import { create } from 'zustand';
import { DEFAULT_FILTERS, parseFilters, serializeFilters, type Filters } from './url-state';

interface FilterState extends Filters {
  notices: string[];
  setPeriod: (period: string) => void;
  toggleUnit: (unitId: string) => void;
  /** Drops ids the API does not know, with a notice; falls back to the default if none is left. */
  keepKnownUnits: (known: ReadonlySet<string>, nameOf: (id: string) => string) => void;
  dismissNotices: () => void;
  readUrl: () => void;
}

const initial = typeof window === 'undefined' ? { filters: DEFAULT_FILTERS, notices: [] } : parseFilters(window.location.search);

export const useFilters = create<FilterState>()((set, get) => ({
  ...initial.filters,
  notices: initial.notices,
  setPeriod: (period) => set({ period }),
  toggleUnit: (unitId) => {
    const { units } = get();
    if (units.includes(unitId)) {
      if (units.length > 1) set({ units: units.filter((u) => u !== unitId) });
    } else {
      set({ units: [...units, unitId] });
    }
  },
  keepKnownUnits: (known, nameOf) => {
    const { units, notices } = get();
    const unknown = units.filter((u) => !known.has(u));
    if (unknown.length === 0) return;
    const kept = units.filter((u) => known.has(u));
    const fallback = kept.length > 0 ? kept : DEFAULT_FILTERS.units;
    set({
      units: fallback,
      notices: [
        ...notices,
        `Không tìm thấy phường “${unknown.join('”, “')}”; đang hiển thị ${fallback.map(nameOf).join(', ')}.`,
      ],
    });
    replaceUrl(get());
  },
  dismissNotices: () => set({ notices: [] }),
  readUrl: () => {
    const { filters, notices } = parseFilters(window.location.search);
    set({ ...filters, notices });
  },
}));

function replaceUrl(filters: Filters) {
  const search = serializeFilters(filters);
  if (window.location.search !== search) window.history.replaceState(null, '', search);
}

/** Keeps the URL and the store in step; returns the function that stops it. */
export function syncFiltersWithUrl(): () => void {
  // a URL that was corrected on load is rewritten in place, not pushed
  replaceUrl(useFilters.getState());
  const unsubscribe = useFilters.subscribe((state, prev) => {
    if (state.period === prev.period && state.units === prev.units) return;
    const search = serializeFilters(state);
    if (window.location.search !== search) window.history.pushState(null, '', search);
  });
  // back and forward re-read the URL through the app's route (src/app/editor-route.tsx), which
  // knows whether the address is the dashboard's
  return unsubscribe;
}
