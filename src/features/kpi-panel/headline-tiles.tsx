import type { TileModel as Tile } from '../../lib/panel-export';
import { ATTAINMENT_WORDS } from '../../lib/vocabulary';
import type { ReactNode } from 'react';
import type { TileGroup, UnitToFill } from './panel-model';

function TileItem({ t, group }: { t: Tile; group?: string }) {
  // within a unit's group its name is the group's title: not repeated on each tile
  const detail = group && t.detail === group ? undefined : t.detail;
  return (
    <li className={`tile${t.status ? ` tile-${t.status}` : ''}`}>
      <span className="tile-label">{t.label}</span>
      <strong className="tile-value">{t.value}</strong>
      {detail && <span className={`tile-detail${t.earlier ? ' tile-earlier' : ''}`}>{detail}</span>}
      {t.comparison && (
        <span className="tile-comparison">
          {t.status && t.status !== 'unknown' && <b className="status-word">{ATTAINMENT_WORDS[t.status]}: </b>}
          {t.comparison}
        </span>
      )}
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
