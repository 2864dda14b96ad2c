// The editor's survey form (the invitation mail links here): every section on one long page with a
// progress list that follows it, drafts saved on request and whenever the editor moves on, and the
// API's typed errors next to their questions. Phones get one column.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyFormQuery as SurveyFormResult } from '../gql/graphql';
import { request } from '../shared/api/graphql';
import { useGqlQuery } from '../shared/api/query';
import { formatDate } from '../shared/format/format';
import { apiLang, localized, type Lang } from '../shared/i18n/lang';
import { networkError, type UserErrorLike } from '../shared/user-errors';
import { FormErrors } from '../shared/ui/Forms';
import { LoadError } from '../shared/ui/LoadError';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { SaveSurveyDraftMutation, SubmitSurveyMutation, SurveyFormQuery } from './operations';
import { QuestionField } from './QuestionField';
import { errorsByQuestion, type FormAnswers, fromApi, isAsked, type Section, sectionProgress, toApi } from './survey-form';
import './surveys.css';

export function SurveyFormPage({ params, lang }: { params: Record<string, string>; lang: Lang }) {
  const { t } = useTranslation();
  const formId = useId();
  const q = useGqlQuery(SurveyFormQuery, { waveId: params.waveId, organizationId: params.orgId, lang: apiLang(lang) }, { fresh: true });
  const form = q.data?.surveyForm;
  const sections = (form?.wave.questionnaire.sections ?? []) as Section[];
  const { answers, setAnswer, version, status, errors, busy, notice, writeBack, setWriteBack, save } = useSurveyResponse(form, sections);
  const progress = useMemo(() => sections.map((s) => ({ section: s, ...sectionProgress(s, answers) })), [sections, answers]);
  const prefilled = (code: string) =>
    !form?.response && form?.prefilledFromRegistry.includes(code) ? 'registry' : !form?.response && form?.prefilledFromPreviousWave.includes(code) ? 'previous' : undefined;

  if (!form) {
    return (
      <main id="main" className="page-narrow">
        <h1>{t('survey.formTitle')}</h1>
        <LoadError error={q.error} onRetry={q.refetch} />
        {!q.error && <p aria-live="polite">{t('nav.loading')}</p>}
      </main>
    );
  }
  const submittedOnce = status === 'SUBMITTED';
  return (
    <main id="main" className="survey-form-page" aria-labelledby={`${formId}-title`}>
      <DemoBanner show={form.wave.isDemo} />
      <div className="survey-layout">
        <SurveyProgress formId={formId} organizationName={form.organization.name} progress={progress} lang={lang} />
        <form className="survey-form" data-version={version ?? ""} noValidate aria-busy={busy} onSubmit={(e) => { e.preventDefault(); void save(true); }}>
          <h1 id={`${formId}-title`}>{form.wave.title}</h1>
          <p className="lead">{t('survey.formIntro', { closes: formatDate(form.wave.closesOn, lang) })}</p>
          <p data-testid="survey-status" data-status={status ?? 'NONE'}>{t(`survey.status.${status ?? 'NONE'}`)}</p>
          {!form.editable && <p className="notice">{t('survey.notEditable')}</p>}
          {errors.stale && <p className="error" role="alert">{t('survey.stale')}</p>}
          <FormErrors errors={errors.general} />
          {sections.map((s) => (
            <fieldset key={s.code} id={`${formId}-${s.code}`} className="survey-section">
              <legend><h2>{localized(s.title, lang)}</h2></legend>
              {s.questions.filter((question) => isAsked(question, answers)).map((question) => (
                <QuestionField key={question.code} formId={formId} q={question} value={answers[question.code]} errors={errors.byQuestion[question.code]} lang={lang}
                  disabled={!form.editable || busy} prefilled={prefilled(question.code)} onChange={(v) => setAnswer(question.code, v)} />
              ))}
            </fieldset>
          ))}
          <label className="survey-writeback">
            <input type="checkbox" checked={writeBack} onChange={(e) => setWriteBack(e.target.checked)} disabled={!form.editable} />
            {t('survey.writeBack')}
          </label>
          <div className="survey-actions">
            {!submittedOnce && (
              <button type="button" className="secondary" disabled={!form.editable || busy} onClick={() => void save(false)}>{t('survey.saveDraft')}</button>
            )}
            <button type="submit" disabled={!form.editable || busy}>{t(submittedOnce ? 'survey.resubmit' : 'survey.submit')}</button>
          </div>
          <p role="status" data-testid="survey-notice">{notice}</p>
        </form>
      </div>
    </main>
  );
}

type SurveyForm = NonNullable<SurveyFormResult['surveyForm']>;

/**
 * The response being answered: its answers, version and status, the API's errors by question, and
 * its saves (a draft on request and a few seconds after the last change, or the submission).
 */
function useSurveyResponse(form: SurveyForm | undefined, sections: Section[]) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<FormAnswers>({});
  const [version, setVersion] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ byQuestion: Record<string, string[]>; general: UserErrorLike[]; stale: boolean }>({ byQuestion: {}, general: [], stale: false });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [writeBack, setWriteBack] = useState(false);
  // Saves run one after another with the version the previous one returned, so an autosave and a submit never race.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const versionRef = useRef<number | null>(null);
  const dirty = useRef(false);

  useEffect(() => {
    if (!form) return;
    setAnswers(fromApi(form.answers));
    setVersion(form.response?.version ?? null);
    versionRef.current = form.response?.version ?? null;
    setStatus(form.response?.status ?? null);
  }, [form]);

  const save = (submit: boolean, auto = false) => (queue.current = queue.current.then(() => send(submit, auto)));

  // A draft is saved a few seconds after the last change, until the response is submitted.
  useEffect(() => {
    if (!form?.editable || status === 'SUBMITTED' || !dirty.current) return;
    const timer = setTimeout(() => void save(false, true), 4000);
    return () => clearTimeout(timer);
  }, [answers]); // eslint-disable-line react-hooks/exhaustive-deps

  async function send(submit: boolean, auto: boolean) {
    if (!form || (auto && (!dirty.current || status === 'SUBMITTED'))) return;
    setBusy(true);
    if (!auto) setNotice('');
    dirty.current = false;
    try {
      const input = { waveId: form.wave.id, organizationId: form.organization.id, version: versionRef.current, answers: toApi(sections, answers) };
      const result = submit
        ? (await request(SubmitSurveyMutation, { input: { ...input, writeBackToProfile: writeBack } })).submitSurveyResponse
        : (await request(SaveSurveyDraftMutation, { input })).saveSurveyDraft;
      if (auto && !result.response) return; // a draft that does not save yet says so on the next explicit save
      setErrors(errorsByQuestion(result.userErrors));
      if (result.response) {
        versionRef.current = result.response.version;
        setVersion(result.response.version);
        setStatus(result.response.status);
        setNotice(t(submit ? 'survey.submitted' : 'survey.draftSaved'));
      } else if (result.userErrors.length) {
        setNotice(t('survey.hasErrors', { count: result.userErrors.length }));
        const first = result.userErrors.find((e) => e.field?.[2]);
        if (first) document.querySelector(`[data-question="${first.field![2]}"]`)?.scrollIntoView({ block: 'center' });
      }
    } catch (e) {
      setErrors({ byQuestion: {}, general: [networkError(e)], stale: false });
    } finally {
      setBusy(false);
    }
  }

  const setAnswer = (code: string, value: FormAnswers[string]) => {
    dirty.current = true;
    setAnswers((prev) => ({ ...prev, [code]: value }));
  };
  return { answers, setAnswer, version, status, errors, busy, notice, writeBack, setWriteBack, save };
}

/** The sections, each with how many of its asked questions have an answer; a link to each. */
function SurveyProgress({ formId, organizationName, progress, lang }: { formId: string; organizationName: string; progress: ({ section: Section } & ReturnType<typeof sectionProgress>)[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
        <nav className="survey-progress" aria-label={t('survey.progress')}>
          <p><strong>{organizationName}</strong></p>
          <ol>
            {progress.map((p) => (
              <li key={p.section.code} data-section={p.section.code} data-complete={p.answered === p.asked ? 'true' : 'false'}>
                <a href={`#${formId}-${p.section.code}`}>{localized(p.section.title, lang)}</a>
                <progress max={p.asked} value={p.answered} aria-label={t('survey.sectionProgress', { answered: p.answered, asked: p.asked })} />
                <span className="muted"> {t('survey.sectionProgress', { answered: p.answered, asked: p.asked })}</span>
              </li>
            ))}
          </ol>
        </nav>
  );
}
