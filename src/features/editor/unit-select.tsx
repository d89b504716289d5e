/**
 * The unit picker of the figure form and of an imported report: current communes, former ones
 * and districts in groups of their own, each named with its validity (see unit-labels.ts).
 */
import { Field, type FieldFrame } from './field';
import type { UnitGroup } from './unit-labels';

export function UnitSelect({
  groups,
  value,
  onChange,
  name = 'unitId',
  ...frame
}: Omit<FieldFrame, 'name'> & { name?: string; groups: readonly UnitGroup[]; value: string; onChange: (unitId: string) => void }) {
  return (
    <Field {...frame} name={name}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">— Chọn phường, xã —</option>
          <UnitOptions groups={groups} />
        </select>
      )}
    </Field>
  );
}

/** The groups as <optgroup>s; also for the list's filter. */
export function UnitOptions({ groups }: { groups: readonly UnitGroup[] }) {
  return groups.map((g) => (
    <optgroup key={g.label} label={g.label}>
      {g.choices.map(([id, label]) => (
        <option key={id} value={id}>
          {label}
        </option>
      ))}
    </optgroup>
  ));
}
