import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFileName, exportUrl, type ExportKind } from '../exports';

const ALL: ExportKind[] = ['organizations.csv', 'services.csv', 'locations.csv', 'locations.geojson', 'contracts.ocds.json'];

/** Download links for the API's exports of exactly the given filter (plain links: no script needed). */
export function ExportLinks({
  filter,
  kinds = ALL,
  title,
  note,
  children,
}: {
  filter: object;
  kinds?: ExportKind[];
  title?: string;
  note?: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="exports" aria-labelledby={id} data-testid="exports">
      <h2 id={id}>{title ?? t('export.title')}</h2>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <a href={exportUrl(kind, filter)} download={exportFileName(kind)} data-export={kind}>
              {t(`export.kind.${kindKey(kind)}`)}
            </a>
          </li>
        ))}
        {children}
      </ul>
      <p className="exports-note">{note ?? t('export.note')}</p>
    </section>
  );
}

function kindKey(kind: ExportKind): string {
  return kind.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\./g, '');
}
