/**
 * The one marker of a drawn chart, whichever draws it (Recharts for trends, ComparisonChart
 * for many wards): `data-kpi-chart` on the chart's root svg, and `data-kpi-bar` on each of its
 * bars. Exports and browser tests find the chart and its bars by them, never by a library's
 * class names.
 */
export const CHART_SVG_SELECTOR = 'svg[data-kpi-chart]';
