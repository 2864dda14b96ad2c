// Named shortlists: save the providers being compared as a new list, or open one of yours to
// rename it, annotate, reorder or remove its entries, add the compared providers, and export CSV.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyShortlistsQuery as MyShortlistsResult, ShortlistPayloadFieldsFragment as ShortlistPayload } from '../gql/graphql';
import { addEntries, entriesInput, moveEntry, type EntryDraft, type FieldError } from './contracting';
import { networkError } from '../shared/user-errors';
import { request } from '../shared/api/graphql';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, localeTag, localizedIn, type Lang } from '../shared/i18n/lang';
import { CreateShortlistMutation, MyShortlistsQuery, UpdateShortlistMutation } from './operations';

type Shortlist = MyShortlistsResult['myShortlists'][number];

interface Draft {
  id: string;
  version: number;
  name: string;
  notes: string;
  entries: EntryDraft[];
  csvUrl: string;
}

function draftOf(s: Shortlist, lang: Lang): Draft {
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    notes: s.notes ?? '',
    csvUrl: s.csvUrl,
    entries: [...s.entries].sort((a, b) => a.position - b.position).map((e) => ({ organization: e.organization.id, name: e.organization.name, nameLang: localizedIn(e.organization.names, lang)?.lang, note: e.note ?? '' })),
  };
}

type Selected = { id: string; name: string }[];

/** A new list of the providers being compared, in their order. */
function newListInput(name: string, selected: Selected) {
  return { name: name.trim(), entries: entriesInput(selected.map((s) => ({ organization: s.id, name: s.name, note: '' }))) };
}

/** An edited draft as the update sends it (with the version it was read at, for the API's compare-and-set). */
function draftInput(d: Draft) {
  return { id: d.id, version: d.version, name: d.name.trim(), notes: d.notes.trim() || null, entries: entriesInput(d.entries) };
}

/** The viewer's lists, the one open as an editable draft, and their saves. */
function useShortlists(selected: Selected, lang: Lang) {
  const { t } = useTranslation();
  const lists = useGqlQuery(MyShortlistsQuery, { lang: apiLang(lang) }, { fresh: true });
  const [openId, setOpenId] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [newName, setNewName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Shortlist[]>([]);
  const all: Shortlist[] = [...created.filter((c) => !lists.data?.myShortlists.some((l) => l.id === c.id)), ...(lists.data?.myShortlists ?? [])];

  useEffect(() => {
    if (!openId || (draft && draft.id === openId)) return;
    const s = all.find((l) => l.id === openId);
    if (s) {
      setDraft(draftOf(s, lang));
      setDirty(false);
    }
  }, [openId, lists.data]); // eslint-disable-line react-hooks/exhaustive-deps -- `all` follows lists.data

  const edit = (patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setDirty(true);
    setStatus('');
  };
  /** Sends a create or update; a saved list becomes the open draft, its errors show otherwise. */
  async function save(call: () => Promise<ShortlistPayload>, done: (s: Shortlist) => void) {
    setBusy(true);
    setErrors([]);
    setStatus('');
    try {
      const p = await call();
      if (p.userErrors.length || !p.shortlist) setErrors([...p.userErrors]);
      else {
        const s = p.shortlist;
        setCreated((c) => [s, ...c.filter((x) => x.id !== s.id)]);
        setDraft(draftOf(s, lang));
        setDirty(false);
        done(s);
        void lists.refetch();
      }
    } catch (e) {
      setErrors([networkError(e)]);
    } finally {
      setBusy(false);
    }
  }
  const saveNew = () =>
    save(
      async () => (await request(CreateShortlistMutation, { input: newListInput(newName, selected), lang: apiLang(lang) })).createShortlist,
      (s) => {
        setOpenId(s.id);
        setNewName('');
        setStatus(t('shortlist.created', { name: s.name }));
      },
    );
  const saveChanges = () =>
    draft && save(async () => (await request(UpdateShortlistMutation, { input: draftInput(draft), lang: apiLang(lang) })).updateShortlist, () => setStatus(t('shortlist.saved')));
  const open = (listId: string) => {
    setDraft(null);
    setErrors([]);
    setStatus('');
    setOpenId(listId);
  };
  const reload = () => {
    setDraft(null);
    setCreated([]);
    setErrors([]);
    void lists.refetch(); // the effect above opens the list again when the fresh answer arrives
  };
  return { all, openId, open, draft, dirty, edit, newName, setNewName, errors, status, busy, saveNew, saveChanges, reload };
}

export function ShortlistPanel({ selected, lang }: { selected: Selected; lang: Lang }) {
  const { t } = useTranslation();
  const id = useId();
  const s = useShortlists(selected, lang);
  const { all, openId, draft, newName, busy } = s;
  return (
    <aside className="shortlist-panel" aria-labelledby={`${id}-h`} data-testid="shortlist-panel">
      <h2 id={`${id}-h`}>{t('shortlist.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('shortlist.newName')}</label>
        <div className="inline-form">
          <input id={`${id}-new`} type="text" value={newName} maxLength={300} onChange={(e) => s.setNewName(e.target.value)} />
          <button type="button" disabled={busy || !newName.trim() || !selected.length} onClick={s.saveNew}>
            {t('shortlist.saveSelection', { n: selected.length })}
          </button>
        </div>
        <p className="hint">{t('shortlist.saveHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-open`}>{t('shortlist.open')}</label>
        <select id={`${id}-open`} value={openId} onChange={(e) => s.open(e.target.value)}>
          <option value="">{all.length ? t('shortlist.chooseList') : t('shortlist.noLists')}</option>
          {all.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.entries.length})
            </option>
          ))}
        </select>
      </div>
      <ShortlistErrors errors={s.errors} onReload={s.reload} />
      <p aria-live="polite" className="notice-ok" data-testid="shortlist-status">
        {s.status}
      </p>
      {draft && <DraftEditor lang={lang} id={id} draft={draft} dirty={s.dirty} busy={busy} selected={selected} edit={s.edit} onSave={s.saveChanges} />}
    </aside>
  );
}

/** What the API refused; a stale version offers to load the list as saved. */
function ShortlistErrors({ errors, onReload }: { errors: FieldError[]; onReload: () => void }) {
  const { t } = useTranslation();
  const stale = errors.some((e) => e.code === 'STALE_VERSION');
  return (
    <>
      {errors.length > 0 && (
        <div role="alert" className="error" data-testid="shortlist-errors">
          <ul>
            {errors.map((e, i) => (
              <li key={i} data-code={e.code}>
                {e.code === 'STALE_VERSION' ? t('shortlist.stale') : e.message}
              </li>
            ))}
          </ul>
          {stale && (
            <button type="button" onClick={onReload}>
              {t('shortlist.reload')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** The open list: its name and notes, its entries (note, move, remove), the compared ones to add, save, CSV. */
function DraftEditor(props: { id: string; lang: Lang; draft: Draft; dirty: boolean; busy: boolean; selected: Selected; edit: (patch: Partial<Draft>) => void; onSave: () => void }) {
  const { t } = useTranslation();
  const { id, lang, draft, dirty, busy, selected, edit } = props;
  return (
    <section aria-label={t('shortlist.editing', { name: draft.name })} data-testid="shortlist-editor" data-shortlist-id={draft.id}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('shortlist.name')}</label>
        <input id={`${id}-name`} type="text" value={draft.name} maxLength={300} onChange={(e) => edit({ name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('shortlist.notes')}</label>
        <textarea id={`${id}-notes`} rows={3} value={draft.notes} onChange={(e) => edit({ notes: e.target.value })} />
      </div>
      <h3>{t('shortlist.entries', { n: draft.entries.length })}</h3>
      <ol className="shortlist-entries" data-testid="shortlist-entries">
        {draft.entries.map((e, i) => (
          <li key={e.organization} data-org-id={e.organization}>
            <span lang={e.nameLang && e.nameLang !== lang ? localeTag(e.nameLang) : undefined}>{e.name}</span>
            <div className="field">
              <label htmlFor={`${id}-note-${i}`} className="visually-hidden">
                {t('shortlist.noteFor', { name: e.name })}
              </label>
              <input
                id={`${id}-note-${i}`}
                type="text"
                placeholder={t('shortlist.notePlaceholder')}
                value={e.note}
                onChange={(ev) => edit({ entries: draft.entries.map((x, j) => (j === i ? { ...x, note: ev.target.value } : x)) })}
              />
            </div>
            <div className="entry-actions">
              <button type="button" disabled={i === 0} aria-label={t('shortlist.moveUp', { name: e.name })} onClick={() => edit({ entries: moveEntry(draft.entries, i, -1) })}>
                ↑
              </button>
              <button type="button" disabled={i === draft.entries.length - 1} aria-label={t('shortlist.moveDown', { name: e.name })} onClick={() => edit({ entries: moveEntry(draft.entries, i, 1) })}>
                ↓
              </button>
              <button type="button" aria-label={t('shortlist.remove', { name: e.name })} onClick={() => edit({ entries: draft.entries.filter((_, j) => j !== i) })}>
                {t('shortlist.removeShort')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <button type="button" disabled={!selected.length} onClick={() => edit({ entries: addEntries(draft.entries, selected) })}>
          {t('shortlist.addSelected', { n: selected.length })}
        </button>
        <button type="button" disabled={busy || !dirty || !draft.name.trim()} onClick={props.onSave}>
          {t('shortlist.save')}
        </button>
      </div>
      <p>
        <a href={draft.csvUrl} download data-testid="shortlist-csv">
          {t('shortlist.exportCsv')}
        </a>
        {dirty && <span className="hint"> {t('shortlist.exportUnsaved')}</span>}
      </p>
    </section>
  );
}
