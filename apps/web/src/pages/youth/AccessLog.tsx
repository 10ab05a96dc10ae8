import { Heading, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { dateTime, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { auditActionText, useEnumLabel } from '../../components/labels';

/** Who read or changed the case, newest first (HSLF-FS 2016:40 style access logging). */
export function AccessLog({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const log = useLoad(() => api.GET('/api/v1/youth-cases/{id}/access-log', { params: { path: { id: caseId }, query: { limit: 20 } } }), [caseId]);
  return (
    <section id="case-access-log">
      <Heading level={2} data-size="sm">
        {t('accessLog.title')}
      </Heading>
      <ProblemMessage problem={log.problem} />
      <TableWrap>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('accessLog.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accessLog.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accessLog.what')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {log.data?.items.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{dateTime(e.occurredAt, i18n.language)}</Table.Cell>
                <Table.Cell>
                  {e.actorName ?? '–'} ({e.actorOrganisation ?? '–'})
                </Table.Cell>
                <Table.Cell>
                  {auditActionText(t, e.action)}
                  {e.outcome !== 'success' ? ` (${label('AuditOutcome', e.outcome as components['schemas']['AuditOutcome'])})` : ''}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
    </section>
  );
}
