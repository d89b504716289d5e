/** A period as two fields, its year (typed) and its part of the year (Quý I … Cả năm); messages under "period" and "quarter". */
import { ChoiceField } from './choice-field';
import type { FieldErrors } from './field-errors';
import { QUARTER_NAMES } from '../../lib/vocabulary';
import { TextField } from './text-field';

export interface PeriodParts {
  year: string;
  quarter: string;
}

export function PeriodFields({
  id,
  labels,
  errors,
  value,
  onChange,
}: {
  /** The fields' ids are `${id}-year` and `${id}-quarter`. */
  id: string;
  labels: { year: string; quarter: string };
  errors: FieldErrors;
  value: PeriodParts;
  onChange: (value: PeriodParts) => void;
}) {
  const frame = (part: 'year' | 'quarter', name: string) => ({ id: `${id}-${part}`, name, label: labels[part], errors });
  return (
    <>
      <TextField {...frame('year', 'period')} inputMode="numeric" value={value.year} onChange={(year) => onChange({ year, quarter: value.quarter })} />
      <ChoiceField {...frame('quarter', 'quarter')} choices={Object.entries(QUARTER_NAMES)} value={value.quarter} onChange={(quarter) => onChange({ year: value.year, quarter })} />
    </>
  );
}
