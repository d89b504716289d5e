/**
 * The chosen units as chips, each a button that leaves it ("Bỏ chọn Phường Mỹ Thới"); past
 * CHIPS_SHOWN a button shows the rest ("+ 12 đơn vị khác"); "Bỏ chọn tất cả" leaves them all.
 * When a chip goes, the focus moves to its neighbour (or to `fallbackFocusId`), never to the page.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useMyUnits } from './my-units';
import { chipLabel, type Register } from './picker-model';
import { useFilters } from './store';

export const CHIPS_SHOWN = 8;

export function UnitChips({ register, fallbackFocusId }: { register?: Register; fallbackFocusId?: string }) {
  const selected = useFilters((s) => s.units);
  const removeUnit = useFilters((s) => s.removeUnit);
  const clearUnits = useFilters((s) => s.clearUnits);
  const mine = new Set(useMyUnits());
  const [showAll, setShowAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAt = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const at = focusAt.current;
    if (at === undefined) return;
    focusAt.current = undefined;
    const chips = listRef.current?.querySelectorAll<HTMLButtonElement>('button.chip') ?? [];
    const next = chips[Math.min(at, chips.length - 1)];
    (next ?? (fallbackFocusId ? document.getElementById(fallbackFocusId) : null))?.focus();
  }, [selected, fallbackFocusId]);

  const label = (id: string) => {
    const unit = register?.byId.get(id);
    return unit && register ? chipLabel(register, unit) : id;
  };
  const shown = showAll ? selected : selected.slice(0, CHIPS_SHOWN);
  const more = selected.length - shown.length;

  if (selected.length === 0) {
    return (
      <p className="chips-empty" role="status">
        Chưa chọn đơn vị nào: tìm và chọn ít nhất một phường, xã để xem số liệu.
      </p>
    );
  }
  return (
    <div className="unit-chips">
      <ul className="chip-list" aria-label="Đơn vị đã chọn" ref={listRef}>
        {shown.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              className="chip"
              aria-label={`Bỏ chọn ${label(id)}`}
              onClick={() => {
                focusAt.current = i;
                removeUnit(id);
              }}
            >
              {mine.has(id) && (
                <span className="chip-star" aria-hidden="true">
                  ★{' '}
                </span>
              )}
              {label(id)}
              <span className="chip-x" aria-hidden="true">
                ×
              </span>
            </button>
          </li>
        ))}
        {more > 0 && (
          <li>
            <button type="button" className="chip-more" aria-expanded={false} onClick={() => setShowAll(true)}>
              + {more} đơn vị khác
            </button>
          </li>
        )}
        {showAll && selected.length > CHIPS_SHOWN && (
          <li>
            <button type="button" className="chip-more" aria-expanded={true} onClick={() => setShowAll(false)}>
              Thu gọn
            </button>
          </li>
        )}
      </ul>
      {selected.length > 1 && (
        <button
          type="button"
          className="chip-clear"
          onClick={() => {
            focusAt.current = 0;
            clearUnits();
          }}
        >
          Bỏ chọn tất cả
        </button>
      )}
    </div>
  );
}
