// Imports for moderators and administrators: the template, upload (CSV or HSDS NDJSON), the
// validation report, "commit N valid rows", then a progress bar fed by polling the job.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TEMPLATE_URL,
  commitImport,
  committableRows,
  fetchImportJob,
  groupReport,
  isFinished,
  kindOfFile,
  progressPercent,
  uploadImport,
  type GroupedReport,
  type ImportJob,
  type ImportKind,
} from './imports';
import { formatNumber } from '../shared/format/format';
import { TableHead, TableScroll } from '../shared/ui/TableScroll';

const POLL_MS = 400;

type Phase = 'idle' | 'uploading' | 'validated' | 'committing' | 'done';

/** An import's life: upload (validated at once), commit, then the job polled until it ends. */
function useImport() {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>('csv');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState('');

  // follow the commit until it is committed or failed
  useEffect(() => {
    if (phase !== 'committing' || !job) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await fetchImportJob(job.id, fetch, ctrl.signal);
        setJob(next);
        if (isFinished(next)) {
          setPhase('done');
          return;
        }
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setError(e instanceof Error ? e.message : String(e));
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [phase, job?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- one loop per job

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError('');
    setJob(null);
    setPhase('uploading');
    try {
      setJob(await uploadImport(kind, file, file.name));
      setPhase('validated');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setPhase('idle');
    }
  }

  async function commit() {
    if (!job) return;
    setError('');
    try {
      const next = await commitImport(job.id);
      setJob({ ...job, ...next, report: next.report ?? job.report });
      setPhase('committing');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return { file, setFile, kind, setKind, job, phase, error, upload, commit };
}

export function ImportPage() {
  const { t } = useTranslation();
  const id = useId();
  const imp = useImport();
  const { job, phase, error } = imp;
  const grouped = job?.report ? groupReport(job.report) : null;
  return (
    <main id="main" className="officer-page" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('officer.title.import')}</h1>
      <p className="lead">{t('imports.intro')}</p>
      <p>
        <a href={TEMPLATE_URL} download data-testid="import-template">
          {t('imports.template')}
        </a>
      </p>
      <UploadForm id={id} imp={imp} />
      {phase === 'uploading' && <p aria-live="polite">{t('imports.validating')}</p>}
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {job && grouped && (
        <section aria-labelledby={`${id}-report`} data-testid="import-report" data-job-id={job.id} data-status={job.status}>
          <h2 id={`${id}-report`}>{t('imports.report')}</h2>
          <ReportSummary summary={grouped.summary} />
          {job.error && <p className="error">{job.error}</p>}
          <ProblemTable grouped={grouped} />
          <CommitAndProgress id={id} job={job} phase={phase} onCommit={imp.commit} />
        </section>
      )}
    </main>
  );
}

function UploadForm({ id, imp }: { id: string; imp: ReturnType<typeof useImport> }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const { file, setFile, kind, setKind, phase, upload } = imp;
  return (
    <form onSubmit={upload} className="inline-form" data-testid="import-form">
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('imports.file')}</label>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,.ndjson,.jsonl,.json,application/x-ndjson"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            if (f) setKind(kindOfFile(f.name, f.type));
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('imports.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
          <option value="csv">{t('imports.kindCsv')}</option>
          <option value="hsds">{t('imports.kindHsds')}</option>
        </select>
      </div>
      <div className="field">
        <button type="submit" disabled={!file || phase === 'uploading' || phase === 'committing'}>
          {t('imports.upload')}
        </button>
      </div>
    </form>
  );
}

/** The summary's lines: the count of the report and the message that states it. */
const SUMMARY_LINES = [
  ['total', 'imports.summaryTotal'],
  ['valid', 'imports.summaryValid'],
  ['invalid', 'imports.summaryInvalid'],
  ['duplicates', 'imports.summaryDuplicates'],
] as const;

function ReportSummary({ summary }: { summary: GroupedReport['summary'] }) {
  const { t } = useTranslation();
  return (
    <ul className="report-summary" data-testid="import-summary">
      {SUMMARY_LINES.map(([key, message]) => (
        <li key={key} data-key={key} data-value={summary[key]}>
          {t(message, { formatted: formatNumber(summary[key]) })}
        </li>
      ))}
    </ul>
  );
}

/** The report's problems: a row per problem, the line shown once for all of its row's problems. */
function ProblemTable({ grouped }: { grouped: GroupedReport }) {
  const { t } = useTranslation();
  return grouped.lines.length ? (
    <TableScroll label={t('imports.problemsCaption', { n: grouped.lines.length, rows: grouped.rowsWithProblems })}>
                  <table className="data-table" data-testid="import-problems">
                    <caption>{t('imports.problemsCaption', { n: grouped.lines.length, rows: grouped.rowsWithProblems })}</caption>
                    <TableHead columns={[{ label: t('imports.col.line') }, { label: t('imports.col.column') }, { label: t('imports.col.message') }]} />
                    <tbody>
                      {grouped.lines.map((l, i) => (
                        <tr key={i} data-line={l.line ?? 'file'} data-column={l.column ?? ''} data-code={l.code}>
                          {l.first && (
                            <th scope="rowgroup" rowSpan={l.span}>
                              {l.line == null ? t('imports.wholeFile') : formatNumber(l.line)}
                            </th>
                          )}
                          <td>{l.column ?? '—'}</td>
                          <td>{l.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
    </TableScroll>
  ) : (
    <p>{t('imports.noProblems')}</p>
  );
}

/** "Commit N valid rows" once validated; then the progress, and the outcome when it ends. */
function CommitAndProgress({ id, job, phase, onCommit }: { id: string; job: ImportJob; phase: Phase; onCommit: () => void }) {
  const { t } = useTranslation();
  const valid = committableRows(job);
  const percent = progressPercent(job);
  return (
    <>
      {phase === 'validated' && job.status === 'VALIDATED' && (
        <p>
          <button type="button" disabled={valid === 0} onClick={onCommit} data-testid="import-commit">
            {t('imports.commit', { count: valid, formatted: formatNumber(valid) })}
          </button>{' '}
          <span className="hint">{t('imports.commitHint')}</span>
        </p>
      )}
      {(phase === 'committing' || phase === 'done') && (
        <div className="field">
          <label htmlFor={`${id}-progress`}>{t('imports.progress')}</label>
          <progress
            id={`${id}-progress`}
            className="import-progress"
            max={100}
            value={percent}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t('imports.progressText', { processed: formatNumber(job.processed), total: formatNumber(job.total), percent })}
            data-testid="import-progress"
          />{' '}
          <span aria-live="polite">{t('imports.progressText', { processed: formatNumber(job.processed), total: formatNumber(job.total), percent })}</span>
        </div>
      )}
      {phase === 'done' && (
        <p role="status" className={job.status === 'COMMITTED' ? 'notice-ok' : 'error'} data-testid="import-outcome" data-status={job.status}>
          {job.status === 'COMMITTED'
            ? t('imports.committed', { formatted: formatNumber(job.written?.organizations ?? job.processed) })
            : t('imports.failed', { message: job.error ?? '' })}
        </p>
      )}
    </>
  );
}
