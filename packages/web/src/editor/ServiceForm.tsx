import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { FormErrors, StaleNotice } from '../shared/ui/Forms';
import { SERVICE_FIELDS, serviceToForm } from './editor-forms';
import { fieldsOf, useEntityForm } from './entity-form';
import { CreateServiceMutation, UpdateServiceMutation } from './operations';
import { useOptions } from './options';
import { DeleteButton, SaveRow } from './parts';
import type { Org, Svc } from './types';

/** A service (new without `service`): what, for whom, where, how many, at what fee. */
export function ServiceForm({ org, service, onSaved, onReload }: { org: Org; service?: Svc; onSaved: () => void; onReload: () => void }) {
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
