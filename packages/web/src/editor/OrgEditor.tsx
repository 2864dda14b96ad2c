// The editor of one organization: profile, services, sites (with a map picker) and licences. Every
// save sends the version it loaded; when someone else saved first (STALE_VERSION) the form says so
// and offers to reload, and nothing is overwritten. The API's userErrors show next to their fields.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationEditorQuery as EditorResult } from '../gql/graphql';
import {
  ConfirmCurrentMutation,
  CreateLicenceMutation,
  CreateLocationMutation,
  CreateServiceMutation,
  DeleteLocationMutation,
  DeleteServiceMutation,
  InviteMemberMutation,
  OrganizationEditorQuery,
  RemoveMemberMutation,
  UpdateLicenceMutation,
  UpdateLocationMutation,
  UpdateOrganizationMutation,
  UpdateServiceMutation,
} from './operations';
import { paths } from '../shared/router/paths';
import type { CategoryNode } from '../shared/categories';
import {
  LICENCE_FIELDS,
  LOCATION_FIELDS,
  ORGANIZATION_FIELDS,
  SERVICE_FIELDS,
  emptyForm,
  formPoint,
  formToInput,
  licenceToForm,
  locationToForm,
  organizationToForm,
  roundCoord,
  serviceToForm,
  type FieldSpec,
  type FormState,
} from './editor-forms';
import { formatDate } from '../shared/format/format';
import { request } from '../shared/api/graphql';
import { clearQueryCache, useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { useRefData } from '../shared/refdata';
import { navigate, orgPath } from '../shared/router/router';
import { useSession } from '../shared/session';
import { errorId, networkError, sortErrors, type SortedErrors, type UserErrorLike } from '../shared/user-errors';
import { FormErrors, MultiSelectField, SelectField, StaleNotice, TextField, setter, type Option } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import '../shared/ui/signed-in.css';
import { LocationPicker } from './LocationPicker';

type Org = NonNullable<EditorResult['organization']>;
type Svc = Org['services'][number];
type Loc = Org['locations'][number];
type Lic = Org['licences'][number];

const NO_ERRORS: SortedErrors = { byField: {}, general: [], stale: false };
const KOSOVO = { lat: 42.6, lng: 20.9 };

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
function useEntityForm(fields: FieldSpec[], initial: FormState | undefined, save: (input: Record<string, unknown>) => Promise<SaveResult>, onSaved: () => void) {
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

export function OrgEditor({ params, search, lang }: { params: { id?: string }; search: string; lang: Lang }) {
  const id = params.id ?? '';
  const created = new URLSearchParams(search).has('created');
  const { t } = useTranslation();
  // while another language's names load, keep the record shown: the forms (keyed by id and
  // version) keep what the user has typed; another organization's record is never shown
  const q = useGqlQuery(OrganizationEditorQuery, { id, lang: apiLang(lang) }, { fresh: true, keepPrevious: true });
  const shown = q.isPlaceholderData && q.data?.organization?.id !== id ? undefined : q.data;
  const org = shown?.organization;
  const heading = useRef<HTMLHeadingElement>(null);
  const [saves, setSaves] = useState(0);
  useEffect(() => {
    if (org) heading.current?.focus();
  }, [org?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (q.error)
    return (
      <p role="alert" className="error">
        {t('app.loadError', { message: q.error.message })}{' '}
        <button type="button" onClick={() => void q.refetch()}>
          {t('app.retry')}
        </button>
      </p>
    );
  if (!org) return shown ? <p role="alert">{t('profile.notFound')}</p> : <p aria-live="polite">{t('nav.loading')}</p>;
  if (!org.viewerPermissions.edit) return <p role="alert">{t('editor.notAllowed')}</p>;
  const reload = () => void q.refetch();
  const saved = () => {
    setSaves((n) => n + 1);
    reload();
  };

  return (
    <article className="editor" data-org-id={org.id} aria-busy={q.isFetching}>
      <p className="back">
        <Link href={paths.me}>← {t('account.myOrganizations')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('editor.heading', { name: org.name })}
      </h1>
      <p className="card-actions">
        <Link href={orgPath(org.id)}>{t('account.publicProfile')}</Link>
        <Link href={paths.history(org.id)}>{t('history.link')}</Link>
      </p>
      <p className="muted" data-testid="editor-verification">
        {org.verification.status === 'VERIFIED' && org.verification.verifiedAt
          ? t('profile.verified', { date: formatDate(org.verification.verifiedAt, lang) })
          : t('profile.unverified')}
        {org.lastConfirmedAt ? ` · ${t('profile.lastConfirmed')}: ${formatDate(org.lastConfirmedAt, lang)}` : ''}
      </p>
      {created && (
        <p role="status" className="notice" data-testid="created-notice">
          {t('account.newOrganizationCreated')}
        </p>
      )}
      <ConfirmCurrent org={org} onDone={saved} />
      <p role="status" className="saved-status" data-testid="editor-status" data-saves={saves}>
        {saves > 0 ? t('editor.saved') : ''}
      </p>

      <Section id="editor-profile" title={t('editor.profile')}>
        <ProfileForm key={`${org.id}:${org.version}`} org={org} onSaved={saved} onReload={reload} />
      </Section>

      <Section id="editor-services" title={t('profile.services')}>
        {org.services.map((s) => (
          <Disclosure key={s.id} summary={s.name} data={{ 'data-service-id': s.id }}>
            <ServiceForm key={`${s.id}:${s.version}`} org={org} service={s} onSaved={saved} onReload={reload} />
          </Disclosure>
        ))}
        <NewItem label={t('editor.addService')}>{(close) => <ServiceForm org={org} onSaved={() => (close(), saved())} onReload={reload} />}</NewItem>
      </Section>

      <Section id="editor-sites" title={t('profile.sites')}>
        {org.locations.map((l) => (
          <Disclosure key={l.id} summary={l.name || l.address || l.municipality.name} data={{ 'data-location-id': l.id }}>
            <LocationForm key={`${l.id}:${l.version}`} org={org} location={l} onSaved={saved} onReload={reload} />
          </Disclosure>
        ))}
        <NewItem label={t('editor.addSite')}>{(close) => <LocationForm org={org} onSaved={() => (close(), saved())} onReload={reload} />}</NewItem>
      </Section>

      <Section id="editor-licences" title={t('profile.licences')}>
        <p className="hint">{t('editor.licenceHint')}</p>
        {org.licences.map((l) => (
          <Disclosure
            key={l.id}
            summary={`${t('profile.licenceNumber', { number: l.number })}${l.verification.status !== 'VERIFIED' ? ` (${t('profile.unverified')})` : ''}`}
            data={{ 'data-licence-id': l.id }}
          >
            <LicenceForm key={`${l.id}:${l.version}`} org={org} licence={l} onSaved={saved} onReload={reload} />
          </Disclosure>
        ))}
        <NewItem label={t('editor.addLicence')}>{(close) => <LicenceForm org={org} onSaved={() => (close(), saved())} onReload={reload} />}</NewItem>
      </Section>

      <Section id="editor-members" title={t('editor.members')}>
        <Members org={org} onChanged={reload} />
        {org.viewerPermissions.invite && <InviteForm orgId={org.id} />}
      </Section>
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="editor-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A collapsed item whose form is made only when opened (a site's map needs a visible box). */
function Disclosure({ summary, data, children }: { summary: string; data: Record<string, string>; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="editor-item" {...data} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}

function NewItem({ label, children }: { label: string; children: (close: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <div className="editor-item editor-new">
      <h3>{label}</h3>
      {children(() => setOpen(false))}
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        {t('editor.cancel')}
      </button>
    </div>
  );
}

function SaveRow({ busy, saved, label, children }: { busy: boolean; saved: boolean; label: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="save-row">
      <button type="submit" disabled={busy}>
        {label}
      </button>
      {children}
      <span role="status" className="saved-status">
        {busy ? t('editor.saving') : saved ? t('editor.saved') : ''}
      </span>
    </div>
  );
}

function ConfirmCurrent({ org, onDone }: { org: Org; onDone: () => void }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    try {
      const { confirmOrganizationCurrent: r } = await request(ConfirmCurrentMutation, { id: org.id, version: org.version });
      setErrors(sortErrors(r.userErrors, []));
      if (!r.userErrors.length) {
        clearQueryCache();
        onDone();
      }
    } catch (err) {
      setErrors({ ...NO_ERRORS, general: [networkError(err)] });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      {errors.stale && <StaleNotice onReload={onDone} />}
      <FormErrors errors={errors.general} />
      <button type="button" onClick={confirm} disabled={busy}>
        {t('editor.confirmCurrent')}
      </button>
    </div>
  );
}

function useOptions() {
  const { t } = useTranslation();
  const ref = useRefData().data;
  return useMemo(() => {
    const categories: Option[] = [];
    const walk = (n: CategoryNode, depth: number) => {
      categories.push({ value: n.code, label: `${'\u2003'.repeat(depth)}${n.name}` });
      n.children.forEach((c) => walk(c, depth + 1));
    };
    ref?.categoryTree.forEach((n) => walk(n, 0));
    return {
      categories,
      targetGroups: (ref?.targetGroups ?? []).map((g) => ({ value: g.code, label: g.name })),
      municipalities: (ref?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
      seat: (code: string) => ref?.municipalityByCode.get(code)?.seat ?? null,
      status: ['ACTIVE', 'INACTIVE', 'CLOSED'].map((v) => ({ value: v, label: t(`enum.status.${v}`) })),
      serviceStatus: ['ACTIVE', 'INACTIVE'].map((v) => ({ value: v, label: t(`enum.serviceStatus.${v}`) })),
      fee: ['FREE', 'FEE', 'SLIDING_SCALE'].map((v) => ({ value: v, label: t(`enum.fee.${v}`) })),
      legalForm: ['ASSOCIATION', 'FOUNDATION', 'OTHER'].map((v) => ({ value: v, label: t(`enum.legalForm.${v}`) })),
    };
  }, [ref, t]);
}

type TextProps = Partial<Parameters<typeof TextField>[0]>;

function fieldsOf(formId: string, f: ReturnType<typeof useEntityForm>) {
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

function ProfileForm({ org, onSaved, onReload }: { org: Org; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const o = useOptions();
  const initial = useMemo(() => organizationToForm(org), [org]);
  const f = useEntityForm(
    ORGANIZATION_FIELDS,
    initial,
    async (input) => (await request(UpdateOrganizationMutation, { input: { ...input, id: org.id, version: org.version } })).updateOrganization,
    onSaved,
  );
  const { text, select } = fieldsOf(formId, f);
  return (
    <form onSubmit={f.submit} noValidate className="editor-form" data-testid="profile-form">
      {f.errors.stale && <StaleNotice onReload={onReload} />}
      <FormErrors errors={f.errors.general} />
      <fieldset>
        <legend>{t('editor.names')}</legend>
        {text('names.sq', t('editor.nameSq'), { required: true })}
        {text('names.sr', t('editor.nameSr'))}
        {text('names.en', t('editor.nameEn'))}
        {text('acronym', t('editor.acronym'))}
      </fieldset>
      <fieldset>
        <legend>{t('editor.descriptions')}</legend>
        {text('descriptions.sq', t('editor.descriptionSq'), { multiline: true })}
        {text('descriptions.sr', t('editor.descriptionSr'), { multiline: true })}
        {text('descriptions.en', t('editor.descriptionEn'), { multiline: true })}
      </fieldset>
      <fieldset>
        <legend>{t('editor.registration')}</legend>
        {select('legalForm', t('profile.legalForm'), o.legalForm)}
        {text('registrationNumber', t('editor.registrationNumber'), { hint: t('editor.verificationResetHint') })}
        {text('registrationDate', t('editor.registrationDate'), { type: 'date' })}
        {text('yearFounded', t('profile.founded'), { inputMode: 'numeric' })}
        {select('status', t('profile.status'), o.status)}
      </fieldset>
      <fieldset>
        <legend>{t('profile.contacts')}</legend>
        {text('website', t('profile.website'), { type: 'url', inputMode: 'url' })}
        {text('email', t('profile.email'), { type: 'email' })}
        {text('phone', t('profile.phone'), { type: 'tel' })}
        {text('staffCount', t('profile.staff'), { inputMode: 'numeric' })}
        {text('volunteerCount', t('profile.volunteers'), { inputMode: 'numeric' })}
      </fieldset>
      <SaveRow busy={f.busy} saved={f.saved} label={t('editor.save')} />
    </form>
  );
}

function ServiceForm({ org, service, onSaved, onReload }: { org: Org; service?: Svc; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const o = useOptions();
  const initial = useMemo(() => (service ? serviceToForm(service) : undefined), [service]);
  const f = useEntityForm(
    SERVICE_FIELDS,
    initial,
    async (input) =>
      service
        ? (await request(UpdateServiceMutation, { input: { ...input, id: service.id, version: service.version } })).updateService
        : (await request(CreateServiceMutation, { input: { ...input, organizationId: org.id } })).createService,
    onSaved,
  );
  const { text, select, multi } = fieldsOf(formId, f);
  const sites = org.locations.map((l) => ({ value: l.id, label: l.name || l.address || l.municipality.name }));
  return (
    <form onSubmit={f.submit} noValidate className="editor-form" data-testid="service-form">
      {f.errors.stale && <StaleNotice onReload={onReload} />}
      <FormErrors errors={f.errors.general} />
      {text('names.sq', t('editor.nameSq'), { required: true })}
      {text('names.sr', t('editor.nameSr'))}
      {text('names.en', t('editor.nameEn'))}
      {text('descriptions.sq', t('editor.descriptionSq'), { multiline: true })}
      {text('descriptions.sr', t('editor.descriptionSr'), { multiline: true })}
      {text('descriptions.en', t('editor.descriptionEn'), { multiline: true })}
      {select('status', t('profile.status'), o.serviceStatus, service ? undefined : '—')}
      {multi('categories', t('profile.categories'), o.categories)}
      {multi('targetGroups', t('profile.targetGroups'), o.targetGroups)}
      {multi('serviceArea', t('profile.area'), o.municipalities)}
      {sites.length > 0 && multi('locationIds', t('editor.deliveredAt'), sites)}
      {text('capacity', t('profile.capacity'), { inputMode: 'numeric', hint: t('editor.capacityHint') })}
      {text('residentialPlaces', t('profile.residentialPlaces'), { inputMode: 'numeric' })}
      {select('fee', t('profile.fee'), o.fee, '—')}
      {text('languages', t('profile.languages'), { hint: t('editor.languagesHint') })}
      {text('eligibility', t('profile.eligibility'))}
      <SaveRow busy={f.busy} saved={f.saved} label={service ? t('editor.save') : t('editor.create')}>
        {service && <DeleteButton kind="service" id={service.id} version={service.version} onDeleted={onSaved} onErrors={f.setErrors} />}
      </SaveRow>
    </form>
  );
}

function DeleteButton({
  kind,
  id,
  version,
  onDeleted,
  onErrors,
}: {
  kind: 'service' | 'location';
  id: string;
  version: number;
  onDeleted: () => void;
  onErrors: (e: SortedErrors) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  async function remove() {
    try {
      const r =
        kind === 'service' ? (await request(DeleteServiceMutation, { id, version })).deleteService : (await request(DeleteLocationMutation, { id, version })).deleteLocation;
      if (r.userErrors.length) onErrors(sortErrors(r.userErrors, []));
      else {
        clearQueryCache();
        onDeleted();
      }
    } catch (err) {
      onErrors({ ...NO_ERRORS, general: [networkError(err)] });
    }
    setAsking(false);
  }
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('editor.delete')}
      </button>
    );
  return (
    <span role="group" aria-label={t('editor.confirmDelete')}>
      {t('editor.confirmDelete')}{' '}
      <button type="button" className="danger" onClick={remove}>
        {t('editor.deleteYes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('editor.cancel')}
      </button>
    </span>
  );
}

function LocationForm({ org, location, onSaved, onReload }: { org: Org; location?: Loc; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const o = useOptions();
  const initial = useMemo(() => (location ? locationToForm(location) : undefined), [location]);
  const f = useEntityForm(
    LOCATION_FIELDS,
    initial,
    async (input) =>
      location
        ? (await request(UpdateLocationMutation, { input: { ...input, id: location.id, version: location.version } })).updateLocation
        : (await request(CreateLocationMutation, { input: { ...input, organizationId: org.id } })).createLocation,
    onSaved,
  );
  const { text, select } = fieldsOf(formId, f);
  const point = formPoint(f.form);
  const fallback = o.seat(String(f.form.municipality ?? '')) ?? KOSOVO;
  const pointErrors = [...(f.errors.byField.lat ?? []), ...(f.errors.byField.lng ?? []), ...(f.errors.byField.municipality ?? [])];
  return (
    <form onSubmit={f.submit} noValidate className="editor-form" data-testid="location-form">
      {f.errors.stale && <StaleNotice onReload={onReload} />}
      <FormErrors errors={f.errors.general} />
      {text('name', t('editor.siteName'))}
      {text('address', t('editor.address'))}
      {select('municipality', t('filters.municipality'), o.municipalities, location ? undefined : '—')}
      <div className="field">
        <p className="hint" id={`${formId}-picker-hint`}>
          {t('editor.pickerHint')}
        </p>
        <LocationPicker
          point={point}
          fallback={fallback}
          label={t('editor.picker')}
          describedBy={[`${formId}-picker-hint`, pointErrors.length ? errorId(formId, 'lat') : ''].filter(Boolean).join(' ')}
          onPick={(p) => f.setForm((s) => ({ ...s, lat: roundCoord(p.lat), lng: roundCoord(p.lng) }))}
        />
      </div>
      <div className="field-row">
        {text('lat', t('editor.lat'), { inputMode: 'decimal' })}
        {text('lng', t('editor.lng'), { inputMode: 'decimal' })}
      </div>
      {text('openingHours', t('profile.openingHours'))}
      {text('accessibility', t('profile.accessibility'))}
      <SaveRow busy={f.busy} saved={f.saved} label={location ? t('editor.save') : t('editor.create')}>
        {location && <DeleteButton kind="location" id={location.id} version={location.version} onDeleted={onSaved} onErrors={f.setErrors} />}
      </SaveRow>
    </form>
  );
}

function LicenceForm({ org, licence, onSaved, onReload }: { org: Org; licence?: Lic; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const o = useOptions();
  const initial = useMemo(() => (licence ? licenceToForm(licence) : undefined), [licence]);
  const f = useEntityForm(
    LICENCE_FIELDS,
    initial,
    async (input) =>
      licence
        ? (await request(UpdateLicenceMutation, { input: { ...input, id: licence.id, version: licence.version } })).updateLicence
        : (await request(CreateLicenceMutation, { input: { ...input, organizationId: org.id } })).createLicence,
    onSaved,
  );
  const { text, multi } = fieldsOf(formId, f);
  return (
    <form onSubmit={f.submit} noValidate className="editor-form" data-testid="licence-form">
      {f.errors.stale && <StaleNotice onReload={onReload} />}
      <FormErrors errors={f.errors.general} />
      {text('number', t('editor.licenceNumber'), { required: true })}
      {text('authority', t('profile.authority'), { required: true })}
      {text('validFrom', t('editor.validFrom'), { type: 'date', required: true })}
      {text('validUntil', t('editor.validUntil'), { type: 'date', hint: t('editor.validUntilHint') })}
      {text('documentReference', t('editor.documentReference'))}
      {multi('categories', t('profile.categories'), o.categories)}
      <SaveRow busy={f.busy} saved={f.saved} label={licence ? t('editor.save') : t('editor.create')} />
    </form>
  );
}

function Members({ org, onChanged }: { org: Org; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useSession().user;
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  async function remove(userId: string) {
    try {
      const { removeMember } = await request(RemoveMemberMutation, { organizationId: org.id, userId });
      setErrors(removeMember.userErrors);
      if (!removeMember.userErrors.length) {
        clearQueryCache();
        if (userId === me?.id) navigate(paths.me);
        else onChanged();
      }
    } catch (err) {
      setErrors([networkError(err)]);
    }
  }
  return (
    <>
      <FormErrors errors={errors} />
      <ul className="member-list" data-testid="members">
        {org.members.map((m) => (
          <li key={m.id} data-user-id={m.user.id}>
            {m.user.displayName} — {t(`account.role.${m.role}`, { defaultValue: m.role })}{' '}
            {(org.viewerPermissions.invite || m.user.id === me?.id) && (
              <button type="button" className="link-button" onClick={() => remove(m.user.id)}>
                {m.user.id === me?.id ? t('editor.leave') : t('editor.removeMember', { name: m.user.displayName })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function InviteForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('EDITOR');
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [sent, setSent] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const { inviteMember } = await request(InviteMemberMutation, { input: { organizationId: orgId, email, role: role as 'EDITOR' | 'OWNER' } });
      setErrors(sortErrors(inviteMember.userErrors, ['email', 'role']));
      if (!inviteMember.userErrors.length) {
        setSent(email);
        setEmail('');
      }
    } catch (err) {
      setErrors({ ...NO_ERRORS, general: [networkError(err)] });
    }
  }
  return (
    <form onSubmit={submit} noValidate className="editor-form">
      <FormErrors errors={errors.general} />
      <TextField formId={formId} name="email" type="email" label={t('account.email')} value={email} onChange={setEmail} errors={errors.byField} required />
      <SelectField
        formId={formId}
        name="role"
        label={t('editor.memberRole')}
        value={role}
        onChange={setRole}
        errors={errors.byField}
        options={['EDITOR', 'OWNER'].map((r) => ({ value: r, label: t(`account.role.${r}`) }))}
      />
      <button type="submit">{t('editor.invite')}</button>
      <span role="status">{sent ? t('editor.invited', { email: sent }) : ''}</span>
    </form>
  );
}
