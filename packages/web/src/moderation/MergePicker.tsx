// Choosing one of the two organizations to merge: the chosen one by name (with a way to change it),
// or a search by name (the API's text search: any language, with or without diacritics).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganizationNameQuery, OrganizationsByNameQuery } from '../shared/api/organization-lookup';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { orgPath } from '../shared/router/router';
import { Link } from '../shared/ui/Link';
import { LoadError } from '../shared/ui/LoadError';

export function MergePicker({
  side,
  label,
  selected,
  exclude,
  lang,
  onPick,
}: {
  side: 'kept' | 'merged';
  label: string;
  selected: string | null;
  exclude: string | null;
  lang: Lang;
  onPick: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [words, setWords] = useState('');
  const [text, setText] = useState('');
  const chosen = useGqlQuery(OrganizationNameQuery, { id: selected ?? '', lang: apiLang(lang) }, { enabled: Boolean(selected) });
  const found = useGqlQuery(OrganizationsByNameQuery, { text, first: 8, lang: apiLang(lang) }, { enabled: text.trim().length > 0 });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setText(words.trim());
  };
  const candidates = (found.data?.organizations.edges ?? []).map((e) => e.node).filter((o) => o.id !== exclude);
  return (
    <fieldset className="card merge-picker" data-testid={`merge-pick-${side}`}>
      <legend>{label}</legend>
      {selected ? (
        <p className="merge-chosen" data-chosen-id={selected}>
          <Link href={orgPath(selected)}>{chosen.data?.organization?.name ?? selected}</Link>{' '}
          <button type="button" className="link-button" onClick={() => onPick(null)}>
            {t('merge.change')}
          </button>
        </p>
      ) : (
        <form onSubmit={search} role="search" aria-label={label}>
          <label htmlFor={`${id}-q`}>{t('merge.searchLabel')}</label>
          <div className="inline-form">
            <input id={`${id}-q`} type="search" maxLength={200} value={words} onChange={(e) => setWords(e.target.value)} />
            <button type="submit">{t('merge.search')}</button>
          </div>
          <LoadError error={found.error} onRetry={found.refetch} />
          {found.data && !candidates.length && <p role="status">{t('merge.noMatch')}</p>}
          {candidates.length > 0 && (
            <ul className="merge-candidates">
              {candidates.map((o) => (
                <li key={o.id}>
                  <button type="button" className="link-button" data-candidate-id={o.id} onClick={() => onPick(o.id)}>
                    {o.name}
                  </button>
                  {o.registrationNumber && <span className="muted"> · {o.registrationNumber}</span>}
                </li>
              ))}
            </ul>
          )}
        </form>
      )}
    </fieldset>
  );
}
