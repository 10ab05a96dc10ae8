import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, ProblemMessage, useLoad } from '../../components/common';

/**
 * The report to the licence holder as the api produces it (printable HTML in Swedish), shown in a
 * frame that runs no scripts, with progress while it is produced and a button to print it.
 */
export function InspectionReport() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const inspection = useLoad(() => api.GET('/api/v1/inspections/{id}', { params: { path: { id: id! } } }), [id]);
  const report = useLoad(() => api.GET('/api/v1/inspections/{id}/report', { params: { path: { id: id! } }, parseAs: 'text' }), [id]);
  const name = inspection.data?.premisesName ?? '';

  return (
    <>
      <DsLink asChild>
        <Link to={`/inspections/${id}`}>
          {t('inspections.protocol')}
          {name && `: ${name}`}
        </Link>
      </DsLink>
      <PageTitle>{name ? t('inspections.report.titleFor', { name }) : t('inspections.report.title')}</PageTitle>
      <ProblemMessage problem={inspection.problem ?? report.problem} />
      {report.loading && (
        <div role="status" className="protocol">
          <Paragraph>{t('inspections.report.producing')}</Paragraph>
          <progress aria-label={t('inspections.report.producing')} />
        </div>
      )}
      {report.data && (
        <>
          <div className="row">
            <Button onClick={() => frame.current?.contentWindow?.print()}>{t('inspections.report.print')}</Button>
            <Paragraph data-size="sm">{t('inspections.report.help')}</Paragraph>
          </div>
          {/* Same origin, so the print button can reach it; the page’s content security policy (inherited) runs no scripts in it. */}
          <iframe ref={frame} className="inspections-report" title={t('inspections.report.frameTitle', { name })} srcDoc={report.data} />
        </>
      )}
    </>
  );
}
