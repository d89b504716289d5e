/**
 * The one rule of many wards: from COMPARE_FROM wards on, a panel compares them ward by ward in
 * the chosen period instead of drawing their trends. The data hook and the start-up prefetch ask
 * only for the year so far (the hook then, apart, for its same spans a year earlier: cùng kỳ),
 * the model builds a comparison, the view counts the wards instead of
 * naming them, and the chart code is fetched up front only for trends: all of them ask here.
 */
export const COMPARE_FROM = 5;

/** True when this many wards are compared instead of trended. */
export function comparesUnits(count: number): boolean {
  return count >= COMPARE_FROM;
}
