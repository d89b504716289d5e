import type { LegendEntry } from './legend';
import { MINE_EDGE } from './palette';
import './chart-legend.css';

/** A chart's legend, under its svg (HTML, as the exports draw their own from the same entries). */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.label}>
          <svg width={16} height={14} viewBox="0 0 16 14" aria-hidden="true">
            {e.dashed ? (
              <line className="legend-swatch" x1={0} x2={16} y1={7} y2={7} stroke={e.color} strokeWidth={2.5} strokeDasharray="6 3" />
            ) : (
              <rect className="legend-swatch" x={2} y={1} width={12} height={12} fill={e.color} stroke={e.band ? MINE_EDGE : undefined} />
            )}
          </svg>
          <span className="chart-legend-text">{e.label}</span>
        </li>
      ))}
    </ul>
  );
}
