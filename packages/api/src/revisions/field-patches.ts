import type { Validator } from '../core/validation';
import type { Snapshot } from './revision.service';

/** A localized text as patch fields (`names.sq`, ...): null empties the optional ones, sq is required where `required`. */
export function localizedPatch(v: Validator, prefix: string, value: { sq?: string | null; sr?: string | null; en?: string | null } | null | undefined, max: number, required: boolean): Snapshot {
  if (value === undefined && !required) return {};
  if (!value) {
    if (required) v.error(`${prefix}.sq`, 'The Albanian (sq) text is required.');
    return value === null && !required ? { [`${prefix}.sq`]: null, [`${prefix}.sr`]: null, [`${prefix}.en`]: null } : {};
  }
  return {
    [`${prefix}.sq`]: v.text(`${prefix}.sq`, value.sq ?? null, max, { required }),
    [`${prefix}.sr`]: v.text(`${prefix}.sr`, value.sr ?? null, max),
    [`${prefix}.en`]: v.text(`${prefix}.en`, value.en ?? null, max),
  };
}

/** An enum field that may be left out of a patch but not emptied. */
export function requiredEnum<T>(v: Validator, field: string, value: T | null | undefined): T | undefined {
  if (value === null) return v.error(field, 'This field cannot be emptied.');
  return value;
}
