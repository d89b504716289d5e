/** The ward picker of the figure form and of an imported report: a ward that was merged away says until when it existed. */
import type { Unit } from '../../api/contract';
import { formatDate } from '../../lib/format';
import { ChoiceField } from './choice-field';
import type { FieldFrame } from './field';

export function UnitSelect({
  units,
  value,
  onChange,
  name = 'unitId',
  ...frame
}: Omit<FieldFrame, 'name'> & { name?: string; units: Unit[]; value: string; onChange: (unitId: string) => void }) {
  const choices = units.map((u) => [u.id, `${u.name}${u.validTo ? ` (đến ${formatDate(u.validTo)})` : ''}`] as const);
  return <ChoiceField {...frame} name={name} value={value} choices={choices} none="— Chọn phường, xã —" onChange={onChange} />;
}
