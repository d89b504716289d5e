import type { TileModel as Tile } from '../../lib/panel-export';
import { statusTone } from '../../lib/status';
import { ATTAINMENT_WORDS } from '../../lib/vocabulary';
import type { ReactNode } from 'react';
import type { TileGroup, UnitToFill } from './panel-model';

/**
 * One figure: its name, value and detail, then its status in words with why, what qualifies it,
 * and the same period a year earlier, each on its own line (they wrap on a phone). A tile with an
 * anchor can be jumped to (the at-risk summary's links) and takes the focus there.
 */
function TileItem({ t, group }: { t: Tile; group?: string }) {
  // within a unit's group its name is the group's title: not repeated on each tile
  const detail = group && t.detail === group ? undefined : t.detail;
  const tone = statusTone(t.status);
  return (
    <li
      className={`tile${tone ? ` tile-${tone}` : ''}`}
      id={t.anchor}
      tabIndex={t.anchor ? -1 : undefined}
      data-status={t.status}
    >
      <span className="tile-label">{t.label}</span>
      <strong className="tile-value">{t.value}</strong>
      {detail && <span className={`tile-detail${t.earlier ? ' tile-earlier' : ''}`}>{detail}</span>}
      {t.status && (
        <span className="tile-comparison tile-status">
          <b className="status-word">{ATTAINMENT_WORDS[t.status]}</b>
          {t.reason && <>: {t.reason}</>}
        </span>
      )}
      {t.notes && <span className="tile-comparison">{t.notes}</span>}
      {t.samePeriod && <span className="tile-comparison tile-same-period">{t.samePeriod}</span>}
    </li>
  );
}

/**
 * The headline figures of a panel, readable without the chart. With two to four units, each
 * unit's figures under its name, and a unit without any for the period says so by name.
 */
export function HeadlineTiles({ tiles, groups, renderAddFigures }: {
  tiles: Tile[];
  groups?: TileGroup[];
  renderAddFigures?: (unit: UnitToFill) => ReactNode;
}) {
  if (groups) {
    return (
      <ul className="tile-groups" aria-label="Số liệu chính">
        {groups.map((g) => (
          <li key={g.unitId} className="tile-group">
            <h3 className="tile-group-title">{g.name}</h3>
            {g.missing ? (
              <p className="tile-missing">
                {g.missing}
                {g.empty && renderAddFigures && <> {renderAddFigures({ unitId: g.unitId, name: g.name })}</>}
              </p>
            ) : (
              <ul className="tiles" aria-label={`Số liệu chính: ${g.name}`}>
                {g.tiles.map((t) => (
                  <TileItem key={t.key} t={t} group={g.name} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="tiles" aria-label="Số liệu chính">
      {tiles.map((t) => (
        <TileItem key={t.key} t={t} />
      ))}
    </ul>
  );
}
