/** A labelled text input (also a number typed as text, or a date) that reports its text as it is typed. */
import type { InputHTMLAttributes } from 'react';
import { Field, type FieldFrame } from './field';

type InputOptions = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'placeholder'>;

export function TextField({
  value,
  onChange,
  type,
  inputMode,
  placeholder,
  ...frame
}: FieldFrame & InputOptions & { value: string; onChange: (value: string) => void }) {
  // typed numbers and years: the browser's suggestions of earlier entries only get in the way
  const autoComplete = inputMode ? 'off' : undefined;
  return (
    <Field {...frame}>
      {(p) => (
        <input
          {...p}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
