/** A labelled form field with its Vietnamese messages next to it (aria-invalid, aria-describedby). */
import type { ReactNode } from 'react';
import type { FieldErrors } from './field-errors';

export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** Where a field stands and what it says around its control; the fields built on Field take these too. */
export interface FieldFrame {
  id: string;
  /** The key of the field's messages in `errors`. */
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  className?: string;
}

export function Field({ id, name, label, hint, errors, className, children }: FieldFrame & { children: (props: FieldControlProps) => ReactNode }) {
  const messages = errors[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${messages.length ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {messages.length > 0 && (
        <span id={`${id}-error`} className="field-error">
          {messages.join(' ')}
        </span>
      )}
    </div>
  );
}
