/** The wards (several at once) and the period: year plus Quý I / 6 tháng / 9 tháng / Cả năm. */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { queries } from '../../api/queries';
import { userMessageOf } from '../../api/client';
import type { Unit } from '../../api/contract';
import { formatDate } from '../../lib/format';
import { formatPeriodId, parsePeriod, type Quarter } from '../../api/periods';
import { QUARTER_NAMES } from '../../lib/vocabulary';
import { useFilters } from './store';
import { FIRST_YEAR, lastYear } from './url-state';

function UnitOption({ unit, checked, onlyOne, successor }: { unit: Unit; checked: boolean; onlyOne: boolean; successor?: Unit }) {
  const toggleUnit = useFilters((s) => s.toggleUnit);
  const hintId = useId();
  return (
    <li>
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={checked && onlyOne}
          aria-describedby={successor ? hintId : undefined}
          onChange={() => toggleUnit(unit.id)}
        />
        {unit.name}
      </label>
      {successor && unit.validTo && (
        <small id={hintId} className="unit-hint">
          đến {formatDate(unit.validTo)}, nay thuộc {successor.name}
        </small>
      )}
    </li>
  );
}

export function FilterBar() {
  const units = useQuery(queries.units());
  const groupId = useId();
  const selected = useFilters((s) => s.units);
  const period = useFilters((s) => s.period);
  const setPeriod = useFilters((s) => s.setPeriod);
  const parts = parsePeriod(period) ?? { year: lastYear(), quarter: 4 as Quarter };
  const years = Array.from({ length: lastYear() - FIRST_YEAR + 1 }, (_, i) => lastYear() - i);
  const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
  const current = (units.data ?? []).filter((u) => !u.validTo);
  const former = (units.data ?? []).filter((u) => u.validTo);

  const unitList = (list: Unit[]) => (
    <ul className="unit-list">
      {list.map((u) => (
        <UnitOption
          key={u.id}
          unit={u}
          checked={selected.includes(u.id)}
          onlyOne={selected.length === 1}
          successor={u.successorId ? byId.get(u.successorId) : undefined}
        />
      ))}
    </ul>
  );

  return (
    <form className="filter-bar" aria-label="Bộ lọc" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="filter-units">
        <legend>Phường, xã</legend>
        {units.isPending && <p role="status">Đang tải danh sách phường…</p>}
        {units.isError && (
          <p role="alert">
            {userMessageOf(units.error)}{' '}
            <button type="button" onClick={() => void units.refetch()}>Thử lại</button>
          </p>
        )}
        {current.length > 0 && (
          <div className="unit-group" role="group" aria-labelledby={`${groupId}-current`}>
            <p className="unit-group-title" id={`${groupId}-current`}>
              Hiện nay
            </p>
            {unitList(current)}
          </div>
        )}
        {former.length > 0 && (
          <div className="unit-group" role="group" aria-labelledby={`${groupId}-former`}>
            <p className="unit-group-title" id={`${groupId}-former`}>
              Trước sắp xếp (01/07/2025)
            </p>
            {unitList(former)}
          </div>
        )}
      </fieldset>
      <fieldset className="filter-period">
        <legend>Kỳ báo cáo</legend>
        <label>
          Năm
          <select value={parts.year} onChange={(e) => setPeriod(formatPeriodId(Number(e.target.value), parts.quarter))}>
            {years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          Kỳ
          <select value={parts.quarter} onChange={(e) => setPeriod(formatPeriodId(parts.year, Number(e.target.value) as Quarter))}>
            {([1, 2, 3, 4] as const).map((q) => (
              <option key={q} value={q}>{QUARTER_NAMES[q]}</option>
            ))}
          </select>
        </label>
      </fieldset>
    </form>
  );
}
