import { SERVICE_FIELDS, serviceToForm } from './editor-forms';
import { EditorForm, savePart, useEditorForm } from './entity-form';
import { CreateServiceMutation, UpdateServiceMutation } from './operations';
import { DeleteButton, SaveRow } from './parts';
import type { Org, Svc } from './types';

/** A service (new without `service`): what, for whom, where, how many, at what fee. */
export function ServiceForm({ org, service, onSaved, onReload }: { org: Org; service?: Svc; onSaved: () => void; onReload: () => void }) {
  const f = useEditorForm(SERVICE_FIELDS, service, serviceToForm, savePart(org, service, CreateServiceMutation, UpdateServiceMutation), onSaved);
  const { t, o, text, select, multi, localized } = f;
  const sites = org.locations.map((l) => ({ value: l.id, label: l.name || l.address || l.municipality.name }));
  return (
    <EditorForm f={f} testId="service-form" onReload={onReload}>
      {localized('names')}
      {localized('descriptions')}
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
    </EditorForm>
  );
}
