/** A labelled select of [value, label] pairs, with an optional first choice for "none". */
import { Field, type FieldFrame } from './field';

export type Choices = Iterable<readonly [string, string]>;

/** The <option>s of [value, label] pairs; also for selects outside a Field (the list's filters). */
export function Options({ choices }: { choices: Choices }) {
  return [...choices].map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}

export function ChoiceField<V extends string>({
  value,
  choices,
  none,
  onChange,
  ...frame
}: FieldFrame & {
  value: V;
  choices: Choices;
  /** The label of an empty first choice; none when a choice is required or always made. */
  none?: string;
  onChange: (value: V) => void;
}) {
  return (
    <Field {...frame}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {none !== undefined && <option value="">{none}</option>}
          <Options choices={choices} />
        </select>
      )}
    </Field>
  );
}
