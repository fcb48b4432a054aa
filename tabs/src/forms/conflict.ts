import type { FieldChange } from './FormParts';

export interface DiffField<T> { label: string; value: (record: T) => string }

/** The fields that differ between the record as the user opened it and as it is now. */
export function diffOf<T>(before: T, after: T, fields: readonly DiffField<T>[]): FieldChange[] {
  return fields
    .map((f) => ({ label: f.label, before: f.value(before), after: f.value(after) }))
    .filter((change) => change.before !== change.after);
}
