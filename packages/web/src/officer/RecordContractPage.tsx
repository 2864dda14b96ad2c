// "Record a contract" for officers (their own authority, preset) and administrators (any): the
// API's userErrors sit next to the fields they concern.
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractModality } from '../gql/graphql';
import { MODALITIES, PublicAuthoritiesQuery } from '../contracts';
import { errorsByField, type FieldError } from './contracting';
import { request } from '../shared/api/graphql';
import { OrganizationNameQuery, OrganizationsByNameQuery } from '../shared/api/organization-lookup';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { RecordContractMutation } from './operations';
import { categoryOptions } from '../shared/categories';
import { useRefData } from '../shared/refdata';
import { paths } from '../shared/router/paths';
import { Field, type ControlAttrs } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import { CodeOptions } from '../shared/ui/RefOptions';
import { useGateViewer } from '../shared/ui/RoleGate';
import { networkError } from '../shared/user-errors';
import type { Viewer } from '../shared/viewer';

const FIELDS = ['authority', 'provider', 'categories', 'modality', 'amount', 'startDate', 'endDate', 'awardDate', 'reference', 'title', 'url', 'status'] as const;

type ContractForm = ReturnType<typeof emptyForm>;
type Set = (patch: Partial<ContractForm>) => void;
type FieldFn = (name: (typeof FIELDS)[number], label: string, control: (attrs: ControlAttrs) => ReactNode, required?: boolean) => ReactNode;

function emptyForm(authority: string, provider: string) {
  return {
    authority,
    provider,
    categories: [] as string[],
    modality: 'SOCIAL_SERVICES_CONTRACT' as ContractModality,
    amount: '',
    startDate: '',
    endDate: '',
    awardDate: '',
    reference: '',
    title: '',
    url: '',
  };
}

/** A random key per contract being recorded (getRandomValues works outside secure contexts too, unlike randomUUID). */
const newIdempotencyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The mutation's input: empty texts and dates are none, the amount takes a decimal comma. */
function contractInput(form: ContractForm, idempotencyKey: string) {
  const amount = form.amount.trim() === '' ? null : Number(form.amount.replace(',', '.'));
  return {
    authority: form.authority,
    provider: form.provider,
    categories: form.categories,
    modality: form.modality,
    amount: amount != null && Number.isFinite(amount) ? amount : null,
    startDate: form.startDate || null,
    endDate: form.endDate || null,
    awardDate: form.awardDate || null,
    reference: form.reference.trim() || null,
    title: form.title.trim() || null,
    url: form.url.trim() || null,
    // A double click, or a retry after a lost answer, records the contract once.
    idempotencyKey,
  };
}

function useRecordContract(viewer: Viewer, presetProvider: string) {
  const [form, setForm] = useState(() => emptyForm(viewer.authority?.code ?? '', presetProvider));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const set: Set = (patch) => setForm((f) => ({ ...f, ...patch }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setDone(null);
    try {
      const p = (await request(RecordContractMutation, { input: contractInput(form, idempotencyKey) })).recordContract;
      if (p.userErrors.length || !p.contract) setErrors(p.userErrors);
      else {
        setDone(p.contract.id);
        // The next contract recorded from this page is another one.
        setIdempotencyKey(newIdempotencyKey());
      }
    } catch (err) {
      setErrors([networkError(err)]);
    } finally {
      setBusy(false);
    }
  }
  return { form, set, errors, busy, done, submit };
}

export function RecordContractPage({ search, lang }: { search: string; lang: Lang }) {
  const { t } = useTranslation();
  const viewer = useGateViewer();
  const id = useId();
  const presetProvider = useMemo(() => new URLSearchParams(search).get('provider') ?? '', [search]);
  const { form, set, errors, busy, done, submit } = useRecordContract(viewer, presetProvider);
  const { byField, general } = errorsByField(errors, FIELDS);
  const field: FieldFn = (name, label, control, required = false) => <Field formId={id} name={name} label={label} required={required} errors={byField} control={control} />;
  return (
    <main id="main" className="officer-page" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('officer.title.recordContract')}</h1>
      <p>
        <Link href={paths.contracting}>{t('recordContract.back')}</Link>
      </p>
      {done && (
        <p role="status" className="notice-ok" data-testid="contract-recorded" data-contract-id={done}>
          {t('recordContract.done')} {/* a full load: the app's cached query results predate the new contract */}
          <a href="/contracts">{t('recordContract.seeContracts')}</a>
        </p>
      )}
      {general.length > 0 && (
        <div role="alert" className="error" data-testid="form-errors">
          <ul>
            {general.map((e, i) => (
              <li key={i} data-code={e.code}>
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate data-testid="record-contract-form">
        <div className="form-grid">
          <PartyFields id={id} form={form} set={set} field={field} viewer={viewer} presetProvider={presetProvider} lang={lang} />
          <TermFields form={form} set={set} field={field} />
        </div>
        <button type="submit" disabled={busy}>
          {t('recordContract.submit')}
        </button>
      </form>
    </main>
  );
}

/** The authority (an officer's own, fixed) and the provider, found by name or preset by ?provider=. */
function PartyFields({ id, form, set, field, viewer, presetProvider, lang }: { id: string; form: ContractForm; set: Set; field: FieldFn; viewer: Viewer; presetProvider: string; lang: Lang }) {
  const { t } = useTranslation();
  const isOfficer = viewer.role === 'AUTHORITY_OFFICER';
  const authorities = useGqlQuery(PublicAuthoritiesQuery, { lang: apiLang(lang) });
  const [providerText, setProviderText] = useState('');
  const preset = useGqlQuery(OrganizationNameQuery, { id: presetProvider, lang: apiLang(lang) }, { enabled: Boolean(presetProvider) });
  const found = useGqlQuery(OrganizationsByNameQuery, { text: providerText.trim(), first: 20, lang: apiLang(lang) }, { enabled: providerText.trim().length >= 2 });
  const providerOptions = useMemo(() => {
    const out = new Map<string, string>();
    if (preset.data?.organization) out.set(preset.data.organization.id, preset.data.organization.name);
    for (const e of found.data?.organizations.edges ?? []) out.set(e.node.id, e.node.name);
    return [...out.entries()];
  }, [preset.data, found.data]);
  return (
    <>
      {field(
        'authority',
        t('recordContract.authority'),
        (p) => (
          <select {...p} value={form.authority} required disabled={isOfficer && Boolean(viewer.authority)} onChange={(e) => set({ authority: e.target.value })}>
            <option value="">{t('recordContract.chooseAuthority')}</option>
            <CodeOptions items={authorities.data?.publicAuthorities ?? []} />
          </select>
        ),
        true,
      )}
      <div>
        <div className="field">
          <label htmlFor={`${id}-providerSearch`}>{t('recordContract.findProvider')}</label>
          <input id={`${id}-providerSearch`} type="search" value={providerText} onChange={(e) => setProviderText(e.target.value)} />
        </div>
        {field(
          'provider',
          t('recordContract.provider'),
          (p) => (
            <select {...p} value={form.provider} required onChange={(e) => set({ provider: e.target.value })}>
              <option value="">{t('recordContract.chooseProvider')}</option>
              {providerOptions.map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          ),
          true,
        )}
      </div>
    </>
  );
}

/** What, how, how much, when and the references. */
function TermFields({ form, set, field }: { form: ContractForm; set: Set; field: FieldFn }) {
  const { t } = useTranslation();
  const ref = useRefData().data;
  return (
    <>
      {field(
        'categories',
        t('recordContract.categories'),
        (p) => (
          <select {...p} multiple size={6} value={form.categories} onChange={(e) => set({ categories: [...e.target.selectedOptions].map((o) => o.value) })}>
            {categoryOptions(ref?.categoryTree ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ),
        true,
      )}
      {field(
        'modality',
        t('recordContract.modality'),
        (p) => (
          <select {...p} value={form.modality} onChange={(e) => set({ modality: e.target.value as ContractModality })}>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {t(`enum.modality.${m}`)}
              </option>
            ))}
          </select>
        ),
        true,
      )}
      {field('amount', t('recordContract.amount'), (p) => <input {...p} type="text" inputMode="decimal" value={form.amount} onChange={(e) => set({ amount: e.target.value })} />)}
      {field('awardDate', t('recordContract.awardDate'), (p) => <input {...p} type="date" value={form.awardDate} onChange={(e) => set({ awardDate: e.target.value })} />)}
      {field('startDate', t('recordContract.startDate'), (p) => <input {...p} type="date" value={form.startDate} onChange={(e) => set({ startDate: e.target.value })} />)}
      {field('endDate', t('recordContract.endDate'), (p) => <input {...p} type="date" value={form.endDate} onChange={(e) => set({ endDate: e.target.value })} />)}
      {field('title', t('recordContract.titleField'), (p) => <input {...p} type="text" value={form.title} onChange={(e) => set({ title: e.target.value })} />)}
      {field('reference', t('recordContract.reference'), (p) => <input {...p} type="text" value={form.reference} onChange={(e) => set({ reference: e.target.value })} />)}
      {field('url', t('recordContract.url'), (p) => <input {...p} type="url" value={form.url} onChange={(e) => set({ url: e.target.value })} />)}
    </>
  );
}
