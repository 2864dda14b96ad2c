// Form primitives of the signed-in pages: every control has a label, and its errors (the API's
// userErrors or the browser's own checks) sit next to it, tied to it with aria-describedby.
import { useState, type FormEvent, type ReactNode } from 'react';
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

/** What a control needs to be tied to its label, hint and errors. */
export interface ControlAttrs {
  id: string;
  name: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A labelled control with its hint and errors; `control` gets the attributes that tie them together. */
export function Field({ formId, name, label, errors, hint, required, control }: Common & { control: (attrs: ControlAttrs) => ReactNode }) {
  const id = controlId(formId, name);
  const errs = errors?.[name];
  const attrs: ControlAttrs = {
    id,
    name,
    required,
    'aria-invalid': errs?.length ? true : undefined,
    'aria-describedby': describedBy(formId, name, Boolean(errs?.length), Boolean(hint)),
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {control(attrs)}
      <Messages formId={formId} name={name} errors={errs} hint={hint} />
    </div>
  );
}

export function TextField({
  value,
  onChange,
  type = 'text',
  multiline,
  autoComplete,
  inputMode,
  ...common
}: Common & {
  value: string;
  onChange: (v: string) => void;
  type?: string;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'url' | 'tel' | 'text';
}) {
  return (
    <Field
      {...common}
      control={(attrs) =>
        multiline ? (
          <textarea {...attrs} value={value} rows={4} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...attrs} value={value} type={type} autoComplete={autoComplete} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
        )
      }
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

function OptionList({ options }: { options: Option[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

export function SelectField({ value, onChange, options, empty, ...common }: Common & { value: string; onChange: (v: string) => void; options: Option[]; empty?: string }) {
  return (
    <Field
      {...common}
      control={(attrs) => (
        <select {...attrs} value={value} onChange={(e) => onChange(e.target.value)}>
          {empty !== undefined && <option value="">{empty}</option>}
          <OptionList options={options} />
        </select>
      )}
    />
  );
}

/** A native multiple select: keyboard operable everywhere (Ctrl/Shift + arrows, or Space). */
export function MultiSelectField({ value, onChange, options, hint, required, ...common }: Common & { value: string[]; onChange: (v: string[]) => void; options: Option[] }) {
  const { t } = useTranslation();
  return (
    <Field
      {...common}
      required={required}
      hint={[hint, t('forms.multiHint')].filter(Boolean).join(' ')}
      // the browser's own check of a multiple select is not wanted: the API says what is missing
      control={({ required: _required, ...attrs }) => (
        <select {...attrs} multiple size={Math.min(8, Math.max(3, options.length))} value={value} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
          <OptionList options={options} />
        </select>
      )}
    />
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
