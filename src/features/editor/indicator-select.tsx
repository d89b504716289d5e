/** The indicator picker of the figure form and of a candidate row: indicators grouped by family, in the families' order. */
import { useMemo } from 'react';
import type { Family, Indicator } from '../../api/contract';
import { Field, type FieldFrame } from './field';
import { FAMILY_NAMES } from '../../lib/vocabulary';

export function IndicatorSelect({
  indicators,
  value,
  none,
  onChange,
  name = 'indicatorId',
  ...frame
}: Omit<FieldFrame, 'name'> & {
  name?: string;
  indicators: Indicator[];
  value: string;
  /** The label of an empty first choice, when none is chosen yet. */
  none?: string;
  onChange: (indicatorId: string) => void;
}) {
  const families = useMemo(
    () =>
      (Object.keys(FAMILY_NAMES) as Family[])
        .map((family) => [family, indicators.filter((i) => i.family === family)] as const)
        .filter(([, list]) => list.length > 0),
    [indicators],
  );
  return (
    <Field {...frame} name={name}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {none !== undefined && <option value="">{none}</option>}
          {families.map(([family, list]) => (
            <optgroup key={family} label={FAMILY_NAMES[family]}>
              {list.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}
