// Form primitives of the signed-in pages: every control has a label, and its errors (the API's
// userErrors or the browser's own checks) sit next to it, tied to it with aria-describedby.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorId, networkError, type UserErrorLike } from '../user-errors';

export type FieldErrors = Record<string, string[]>;

/** A form's values by field key: strings, and string lists for multiple choices. */
export type FormValue = string | string[];
export type FormState = Record<string, FormValue>;

interface Common {
  formId: string;
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
}

function controlId(formId: string, name: string): string {
  return `${formId}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

function describedBy(formId: string, name: string, hasError: boolean, hasHint: boolean): string | undefined {
  const ids = [hasError ? errorId(formId, name) : '', hasHint ? `${controlId(formId, name)}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Messages({ formId, name, errors, hint }: { formId: string; name: string; errors?: string[]; hint?: string }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${controlId(formId, name)}-hint`}>
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p className="field-error error" id={errorId(formId, name)} data-field-error={name}>
          {errors.join(' ')}
        </p>
      )}
    </>
  );
}

export function TextField({
  formId,
  name,
  label,
  errors,
  hint,
  required,
  value,
  onChange,
  type = 'text',
  multiline,
  autoComplete,
  inputMode,
}: Common & {
  value: string;
  onChange: (v: string) => void;
  type?: string;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'url' | 'tel' | 'text';
}) {
  const id = controlId(formId, name);
  const errs = errors?.[name];
  const props = {
    id,
    name,
    value,
    required,
    'aria-invalid': errs?.length ? true : undefined,
    'aria-describedby': describedBy(formId, name, Boolean(errs?.length), Boolean(hint)),
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea {...props} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type={type} autoComplete={autoComplete} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      <Messages formId={formId} name={name} errors={errs} hint={hint} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  formId,
  name,
  label,
  errors,
  hint,
  required,
  value,
  onChange,
  options,
  empty,
}: Common & { value: string; onChange: (v: string) => void; options: Option[]; empty?: string }) {
  const id = controlId(formId, name);
  const errs = errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={errs?.length ? true : undefined}
        aria-describedby={describedBy(formId, name, Boolean(errs?.length), Boolean(hint))}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages formId={formId} name={name} errors={errs} hint={hint} />
    </div>
  );
}

/** A native multiple select: keyboard operable everywhere (Ctrl/Shift + arrows, or Space). */
export function MultiSelectField({
  formId,
  name,
  label,
  errors,
  hint,
  required,
  value,
  onChange,
  options,
}: Common & { value: string[]; onChange: (v: string[]) => void; options: Option[] }) {
  const { t } = useTranslation();
  const id = controlId(formId, name);
  const errs = errors?.[name];
  const hintText = [hint, t('forms.multiHint')].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <select
        id={id}
        name={name}
        multiple
        size={Math.min(8, Math.max(3, options.length))}
        value={value}
        aria-invalid={errs?.length ? true : undefined}
        aria-describedby={describedBy(formId, name, Boolean(errs?.length), true)}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages formId={formId} name={name} errors={errs} hint={hintText} />
    </div>
  );
}

/** Errors that belong to no field of the form; announced when they appear. */
export function FormErrors({ errors }: { errors: readonly UserErrorLike[] }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <div role="alert" className="form-errors error" data-testid="form-errors">
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-code={e.code}>
            {t(`forms.code.${e.code}`, { defaultValue: e.code })}
            {e.message ? `: ${e.message}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Someone else saved first: say so and offer to load their version (nothing is overwritten). */
export function StaleNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="stale-notice" data-testid="stale-notice">
      <p>{t('forms.stale')}</p>
      <button type="button" onClick={onReload}>
        {t('forms.reload')}
      </button>
    </div>
  );
}

/** Sets one key of a form state. */
export function setter(setForm: (f: (s: FormState) => FormState) => void) {
  return (key: string) => (value: string | string[]) => setForm((s) => ({ ...s, [key]: value }));
}

/**
 * A form's submit: `busy` while `run` goes, the browser's own submission prevented, and a request
 * that never reached an answer reported to `onFailure` as one general error.
 */
export function useSubmit(run: () => Promise<void>, onFailure: (error: UserErrorLike) => void) {
  const [busy, setBusy] = useState(false);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    try {
      await run();
    } catch (err) {
      onFailure(networkError(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
