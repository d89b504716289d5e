/** The units (several at once, found by search: unit-picker.tsx) and the period: year plus Quý I / 6 tháng / 9 tháng / Cả năm. */
import { userMessageOf } from '../../api/client';
import { formatPeriodId, parsePeriod, type Quarter } from '../../api/periods';
import { currentPeriod } from './latest-period';
import { QUARTER_NAMES } from '../../lib/vocabulary';
import { useFilters } from './store';
import { UnitPicker } from './unit-picker';
import { FIRST_YEAR, lastYear } from './url-state';
import { useRegister } from './use-register';

export function FilterBar() {
  const { register, query: units } = useRegister();
  const period = useFilters((s) => s.period);
  const seeking = useFilters((s) => s.latest && s.period === '' && s.units.length > 0);
  const setPeriod = useFilters((s) => s.setPeriod);
  // while the latest period is sought, the selects show the period running today
  const parts = parsePeriod(period) ?? parsePeriod(currentPeriod())!;
  const years = Array.from({ length: lastYear() - FIRST_YEAR + 1 }, (_, i) => lastYear() - i);

  return (
    <form className="filter-bar" aria-label="Bộ lọc" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="filter-units">
        <legend>Phường, xã</legend>
        {units.isPending && <p role="status">Đang tải danh sách phường…</p>}
        {units.isError && !register && (
          <p role="alert">
            {userMessageOf(units.error)}{' '}
            <button type="button" onClick={() => void units.refetch()}>Thử lại</button>
          </p>
        )}
        {register && <UnitPicker register={register} />}
      </fieldset>
      <fieldset className="filter-period">
        <legend>Kỳ báo cáo</legend>
        {seeking && <p role="status">Đang tìm kỳ gần nhất có số liệu…</p>}
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
