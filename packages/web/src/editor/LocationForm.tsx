import { request } from '../shared/api/graphql';
import { errorId } from '../shared/user-errors';
import { LOCATION_FIELDS, formPoint, locationToForm, roundCoord } from './editor-forms';
import { EditorForm, useEditorForm } from './entity-form';
import { LocationPicker } from './LocationPicker';
import { CreateLocationMutation, UpdateLocationMutation } from './operations';
import { DeleteButton, SaveRow } from './parts';
import type { Loc, Org } from './types';

const KOSOVO = { lat: 42.6, lng: 20.9 };

/** A site (new without `location`), its point picked on the map or typed. */
export function LocationForm({ org, location, onSaved, onReload }: { org: Org; location?: Loc; onSaved: () => void; onReload: () => void }) {
  const f = useEditorForm(
    LOCATION_FIELDS,
    location,
    locationToForm,
    async (input) =>
      location
        ? (await request(UpdateLocationMutation, { input: { ...input, id: location.id, version: location.version } })).updateLocation
        : (await request(CreateLocationMutation, { input: { ...input, organizationId: org.id } })).createLocation,
    onSaved,
  );
  const { t, o, text, select, formId } = f;
  const point = formPoint(f.form);
  const fallback = o.seat(String(f.form.municipality ?? '')) ?? KOSOVO;
  const pointErrors = [...(f.errors.byField.lat ?? []), ...(f.errors.byField.lng ?? []), ...(f.errors.byField.municipality ?? [])];
  return (
    <EditorForm f={f} testId="location-form" onReload={onReload}>
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
    </EditorForm>
  );
}
