// The state of one entity's form in the editor (values, the API's verdict, the save) and the
// controls bound to it.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypedDocumentString } from '../gql/graphql';
import { request } from '../shared/api/graphql';
import { clearQueryCache } from '../shared/api/query';
import { FormErrors, MultiSelectField, SelectField, StaleNotice, TextField, setter, type FormState, type Option } from '../shared/ui/Forms';
import { NO_ERRORS, sortErrors, type SortedErrors, type UserErrorLike, networkError } from '../shared/user-errors';
import { emptyForm, formToInput, type FieldSpec } from './editor-forms';
import { useOptions } from './options';

interface SaveResult {
  userErrors: readonly UserErrorLike[];
}

/** A create or update mutation of an organization's part (service, site, licence): one payload field. */
type PartMutation<TInput> = TypedDocumentString<Record<string, SaveResult>, { input: TInput }>;

/**
 * The save of an organization's part: the update (with the part's id and the version it was read
 * at, for the API's compare-and-set) when the part exists, the create under the organization otherwise.
 */
export function savePart<C, U>(org: { id: string }, part: { id: string; version: number } | undefined, create: PartMutation<C>, update: PartMutation<U>) {
  return async (input: Record<string, unknown>): Promise<SaveResult> => {
    const result = part
      ? await request(update, { input: { ...input, id: part.id, version: part.version } as U })
      : await request(create, { input: { ...input, organizationId: org.id } as C });
    return Object.values(result)[0];
  };
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

const LANGS = ['sq', 'sr', 'en'] as const;
const LABEL_SUFFIX = { sq: 'Sq', sr: 'Sr', en: 'En' } as const;

/**
 * An editor form over `entity` (a new one without it): its state and save (useEntityForm), its id,
 * its controls (text, select, multi, the three languages of names or descriptions) and the
 * choices of its selects (`o`).
 */
export function useEditorForm<E>(fields: FieldSpec[], entity: E | undefined, toForm: (e: E) => FormState, save: (input: Record<string, unknown>) => Promise<SaveResult>, onSaved: () => void) {
  const { t } = useTranslation();
  const formId = useId();
  const initial = useMemo(() => (entity ? toForm(entity) : undefined), [entity]); // eslint-disable-line react-hooks/exhaustive-deps -- toForm is a module function
  const f = useEntityForm(fields, initial, save, onSaved);
  const o = useOptions();
  const controls = fieldsOf(formId, f);
  const localized = (group: 'names' | 'descriptions') =>
    LANGS.map((l) => (
      <TextField
        key={l}
        formId={formId}
        name={`${group}.${l}`}
        label={t(`editor.${group === 'names' ? 'name' : 'description'}${LABEL_SUFFIX[l]}`)}
        required={group === 'names' && l === 'sq'}
        multiline={group === 'descriptions'}
        value={String(f.form[`${group}.${l}`] ?? '')}
        onChange={f.set(`${group}.${l}`)}
        errors={f.errors.byField}
      />
    ));
  return { ...f, t, o, formId, ...controls, localized };
}

/** An editor form's element: a stale-version notice and the general errors above its fields. */
export function EditorForm({ f, testId, onReload, children }: { f: ReturnType<typeof useEntityForm>; testId: string; onReload: () => void; children: ReactNode }) {
  return (
    <form onSubmit={f.submit} noValidate className="editor-form" data-testid={testId}>
      {f.errors.stale && <StaleNotice onReload={onReload} />}
      <FormErrors errors={f.errors.general} />
      {children}
    </form>
  );
}
