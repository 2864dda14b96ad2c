// The state of one entity's form in the editor (values, the API's verdict, the save) and the
// controls bound to it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clearQueryCache } from '../shared/api/query';
import { MultiSelectField, SelectField, TextField, setter, type FormState, type Option } from '../shared/ui/Forms';
import { NO_ERRORS, sortErrors, type SortedErrors, type UserErrorLike, networkError } from '../shared/user-errors';
import { emptyForm, formToInput, type FieldSpec } from './editor-forms';

interface SaveResult {
  userErrors: readonly UserErrorLike[];
}

/** After a refused save, the first field marked invalid (or the form's alert) takes the focus. */
function focusFirstError(form: HTMLFormElement) {
  const target = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"] button, [role="alert"]');
  if (target && !target.matches('input, select, textarea, button')) target.tabIndex = -1;
  target?.focus();
}

/**
 * The state of one entity's form: its values, what the API said about them, and the save. The
 * caller keys the form by the entity's id and version, so a reload after a save (or after a
 * conflict) starts again from what the server holds.
 */
export function useEntityForm(fields: FieldSpec[], initial: FormState | undefined, save: (input: Record<string, unknown>) => Promise<SaveResult>, onSaved: () => void) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() => initial ?? emptyForm(fields));
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const keys = fields.map((f) => f.key);
  // after a refused save, once the errors are rendered, the focus goes to the first one
  const formEl = useRef<HTMLFormElement | null>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals && formEl.current) focusFirstError(formEl.current);
  }, [refusals]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    formEl.current = e.target as HTMLFormElement;
    const { input, problems, changed } = formToInput(fields, form, initial);
    if (Object.keys(problems).length) {
      setErrors({ ...NO_ERRORS, byField: Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, [t(`forms.${p}`)]])) });
      setRefusals((n) => n + 1);
      return;
    }
    if (initial && !changed) {
      setErrors(NO_ERRORS);
      setSaved(true);
      return;
    }
    setBusy(true);
    setSaved(false);
    try {
      const result = await save(input);
      if (result.userErrors.length) {
        setErrors(sortErrors(result.userErrors, keys, { locationIds: 'locationIds' }));
        setRefusals((n) => n + 1);
        return;
      }
      setErrors(NO_ERRORS);
      setSaved(true);
      clearQueryCache();
      onSaved();
    } catch (err) {
      setErrors({ ...NO_ERRORS, general: [networkError(err)] });
    } finally {
      setBusy(false);
    }
  }
  const dirty = initial ? formToInput(fields, form, initial).changed : formToInput(fields, form).changed;
  return { form, setForm, set: setter(setForm), errors, setErrors, busy, saved: saved && !dirty, submit };
}

export type TextProps = Partial<Parameters<typeof TextField>[0]>;

export function fieldsOf(formId: string, f: ReturnType<typeof useEntityForm>) {
  const text = (key: string, label: string, extra: TextProps = {}) => (
    <TextField formId={formId} name={key} label={label} value={String(f.form[key] ?? '')} onChange={f.set(key)} errors={f.errors.byField} {...extra} />
  );
  const select = (key: string, label: string, options: Option[], empty?: string) => (
    <SelectField formId={formId} name={key} label={label} value={String(f.form[key] ?? '')} onChange={f.set(key)} errors={f.errors.byField} options={options} empty={empty} />
  );
  const multi = (key: string, label: string, options: Option[], hint?: string) => (
    <MultiSelectField formId={formId} name={key} label={label} value={(f.form[key] as string[]) ?? []} onChange={f.set(key)} errors={f.errors.byField} options={options} hint={hint} />
  );
  return { text, select, multi };
}
