// The survey's home: the waves (results and report of the closed ones), the waves that ask the
// signed-in editor's organizations, and for moderators the wave management and response rates.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { queryClient, useGqlQuery } from '../shared/api/query';
import { formatDate } from '../shared/format/format';
import { apiLang, localized, type Lang } from '../shared/i18n/lang';
import { paths } from '../shared/router/paths';
import { isModerator, useSession } from '../shared/session';
import { FormErrors } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import { LoadError } from '../shared/ui/LoadError';
import { networkError, type UserErrorLike } from '../shared/user-errors';
import { CloseSurveyWaveMutation, MySurveysQuery, OpenSurveyWaveMutation, RemindSurveyWaveMutation, SurveyRatesQuery, SurveyWavesQuery } from './operations';
import { formatShare } from './results';
import './surveys.css';

export function SurveysPage({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const session = useSession();
  const waves = useGqlQuery(SurveyWavesQuery, { lang: apiLang(lang) }, { fresh: true });
  const mine = useGqlQuery(MySurveysQuery, { lang: apiLang(lang) }, { fresh: true, enabled: Boolean(session.user) });
  const moderator = isModerator(session.user);
  return (
    <main id="main" className="page-wide survey-home">
      <h1>{t('survey.title')}</h1>
      <p className="lead">{t('survey.intro')}</p>
      {mine.data && mine.data.mySurveys.length > 0 && (
        <section aria-labelledby="my-surveys">
          <h2 id="my-surveys">{t('survey.mine')}</h2>
          <ul className="cards" data-testid="my-surveys">
            {mine.data.mySurveys.map((m) => (
              <li key={`${m.wave.id}-${m.organization.id}`} className="card">
                <h3 className="card-title">{m.wave.title}</h3>
                <p>{m.organization.name} · {t(`survey.status.${m.responseStatus ?? 'NONE'}`)}</p>
                {m.wave.status === 'OPEN' && <Link href={paths.surveyForm(m.wave.id, m.organization.id)}>{t('survey.answer')}</Link>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <LoadError error={waves.error} onRetry={waves.refetch} />
      <section aria-labelledby="waves">
        <h2 id="waves">{t('survey.waves')}</h2>
        <table className="data-table" data-testid="waves">
          <thead>
            <tr><th scope="col">{t('survey.wave')}</th><th scope="col">{t('survey.period')}</th><th scope="col">{t('survey.statusLabel')}</th><th scope="col">{t('survey.responded')}</th><th scope="col">{t('survey.links')}</th></tr>
          </thead>
          <tbody>
            {waves.data?.surveyWaves.edges.map(({ node: w }) => (
              <tr key={w.id} data-wave={w.id} data-year={w.year}>
                <th scope="row">{w.title}{w.isDemo && <span className="badge demo-badge"> {t('survey.demo')}</span>}</th>
                <td>{formatDate(w.opensOn, lang)} – {formatDate(w.closesOn, lang)}</td>
                <td>{t(`survey.waveStatus.${w.status}`)}</td>
                <td data-testid="submitted-count">{t('survey.respondedOf', { submitted: w.submittedCount, invited: w.invitedCount })}</td>
                <td>
                  {(w.status === 'CLOSED' || moderator) && <Link href={paths.surveyResults(w.id)}>{t('survey.results')}</Link>}{' '}
                  {(w.status === 'CLOSED' || moderator) && <Link href={paths.surveyReport(w.id)}>{t('survey.report')}</Link>}
                  {moderator && w.status !== 'CLOSED' && <WaveActions id={w.id} version={w.version} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {moderator && waves.data && (
        <>
          <RatesDashboard waves={waves.data.surveyWaves.edges.map((e) => e.node)} lang={lang} />
          <OpenWaveForm versions={waves.data.surveyQuestionnaireVersions} />
        </>
      )}
    </main>
  );
}

function WaveActions({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const run = async (what: 'remind' | 'close') => {
    const r = what === 'remind' ? (await request(RemindSurveyWaveMutation, { waveId: id })).remindSurveyWave : (await request(CloseSurveyWaveMutation, { waveId: id, version })).closeSurveyWave;
    setMessage(r.userErrors.length ? r.userErrors.map((e) => e.message).join(' ') : what === 'remind' ? t('survey.reminded', { count: (r as { reminded: number }).reminded }) : t('survey.closed'));
    await queryClient.invalidateQueries();
  };
  return (
    <span className="wave-actions">
      <button type="button" className="secondary" onClick={() => void run('remind')}>{t('survey.remind')}</button>
      <button type="button" className="secondary" onClick={() => void run('close')}>{t('survey.close')}</button>
      <span role="status">{message}</span>
    </span>
  );
}

const DIMENSIONS = ['REGION', 'MUNICIPALITY', 'CATEGORY'] as const;

function RatesDashboard({ waves, lang }: { waves: { id: string; title: string; status: string }[]; lang: Lang }) {
  const { t } = useTranslation();
  const id = useId();
  const [waveId, setWaveId] = useState(waves.find((w) => w.status === 'OPEN')?.id ?? waves[0]?.id ?? '');
  const [dimension, setDimension] = useState<(typeof DIMENSIONS)[number]>('REGION');
  const q = useGqlQuery(SurveyRatesQuery, { id: waveId, groupBy: dimension, lang: apiLang(lang) }, { enabled: Boolean(waveId), fresh: true });
  const rates = q.data?.surveyWave?.responseRates;
  return (
    <section aria-labelledby={`${id}-h`} className="rates-dashboard">
      <h2 id={`${id}-h`}>{t('survey.dashboard')}</h2>
      <div className="filters-row">
        <label>{t('survey.wave')} <select value={waveId} onChange={(e) => setWaveId(e.target.value)}>{waves.map((w) => <option key={w.id} value={w.id}>{w.title}</option>)}</select></label>
        <label>{t('survey.groupBy')} <select value={dimension} onChange={(e) => setDimension(e.target.value as typeof dimension)}>{DIMENSIONS.map((d) => <option key={d} value={d}>{t(`survey.dimension.${d}`)}</option>)}</select></label>
      </div>
      <LoadError error={q.error} onRetry={q.refetch} />
      {rates && (
        <>
          <p data-testid="rate-total" data-submitted={rates.total.submitted ?? ''}>{t('survey.rateTotal', { submitted: rates.total.submitted, invited: rates.total.invited, started: rates.total.started, rate: formatShare(rates.total.rate, lang) })}</p>
          <table className="data-table">
            <thead><tr><th scope="col">{t(`survey.dimension.${dimension}`)}</th><th scope="col">{t('survey.invited')}</th><th scope="col">{t('survey.started')}</th><th scope="col">{t('survey.submittedCol')}</th><th scope="col">{t('survey.rate')}</th></tr></thead>
            <tbody>
              {rates.cells.map((c) => (
                <tr key={c.key[0].code}><th scope="row">{localized(c.key[0].label, lang)}</th><td>{c.invited}</td><td>{c.started}</td><td>{c.submitted}</td><td>{formatShare(c.rate, lang)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function OpenWaveForm({ versions }: { versions: readonly string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({ year: String(new Date().getUTCFullYear()), sq: '', en: '', version: versions.at(-1) ?? '', opensOn: today, closesOn: '' });
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [done, setDone] = useState('');
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const r = (await request(OpenSurveyWaveMutation, { input: { year: Number(form.year), titles: { sq: form.sq, en: form.en || null }, questionnaireVersion: form.version, opensOn: form.opensOn, closesOn: form.closesOn } })).openSurveyWave;
      setErrors(r.userErrors);
      if (r.wave) {
        setDone(t('survey.opened'));
        await queryClient.invalidateQueries();
      }
    } catch (error) {
      setErrors([networkError(error)]);
    }
  };
  const field = (k: keyof typeof form, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{t(`survey.open.${k}`)}</label>
      <input id={`${id}-${k}`} type={type} value={form[k]} onChange={set(k)} />
    </div>
  );
  return (
    <form onSubmit={(e) => void submit(e)} className="open-wave" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('survey.openWave')}</h2>
      <FormErrors errors={errors} />
      {field('year', 'number')}
      {field('sq')}
      {field('en')}
      <div className="field">
        <label htmlFor={`${id}-version`}>{t('survey.open.version')}</label>
        <select id={`${id}-version`} value={form.version} onChange={set('version')}>{versions.map((v) => <option key={v}>{v}</option>)}</select>
      </div>
      {field('opensOn', 'date')}
      {field('closesOn', 'date')}
      <p className="hint">{t('survey.open.hint')}</p>
      <button type="submit">{t('survey.openWave')}</button>
      <p role="status">{done}</p>
    </form>
  );
}
