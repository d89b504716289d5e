/**
 * The props that tie a field to one key of a draft: its id, its messages (errors[key]), its
 * value (draft[key]) and the patch a change makes ({ [key]: value }).
 *   const field = bindFields(id, draft, errors, patch);
 *   <TextField {...field('value')} label="Giá trị" inputMode="decimal" />
 */
import type { FieldErrors } from './field-errors';

/** The keys of a draft that hold text (what a field edits). */
export type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

export function bindFields<D extends object>(id: string, draft: D, errors: FieldErrors, patch: (patch: Partial<D>) => void) {
  return <K extends TextKey<D>>(key: K) => ({
    // apart from the ids a component gives its own parts (`${id}-title` of a heading)
    id: `${id}-field-${key}`,
    name: key,
    errors,
    value: draft[key],
    onChange: (value: D[K]) => patch({ [key]: value } as unknown as Partial<D>),
  });
}
