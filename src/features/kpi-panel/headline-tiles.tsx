import type { TileModel as Tile } from '../../lib/panel-export';
import { ATTAINMENT_WORDS } from '../../lib/vocabulary';


/** The headline figures of a panel, readable without the chart. */
export function HeadlineTiles({ tiles }: { tiles: Tile[] }) {
  return (
    <ul className="tiles" aria-label="Số liệu chính">
      {tiles.map((t) => (
        <li key={t.key} className={`tile${t.status ? ` tile-${t.status}` : ''}`}>
          <span className="tile-label">{t.label}</span>
          <strong className="tile-value">{t.value}</strong>
          {t.detail && <span className={`tile-detail${t.earlier ? ' tile-earlier' : ''}`}>{t.detail}</span>}
          {t.comparison && (
            <span className="tile-comparison">
              {t.status && t.status !== 'unknown' && <b className="status-word">{ATTAINMENT_WORDS[t.status]}: </b>}
              {t.comparison}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
