import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { todayInStockholm } from '../../components/time';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useSession } from '../../session';
import { YouthCaseAttachments } from '../attachments/Attachments';
import { RecordDocuments, RecordDocumentsOnRequest } from '../documents/Documents';
import { AccessLog } from './AccessLog';
import { Participants, StatusChange } from './CaseStatus';
import { Consents } from './Consents';
import { Disclosures } from './Disclosures';
import { Entries } from './Entries';
import { Meetings } from './Meetings';
import { Plan } from './Plan';

/** The case list: masked numbers only; a police officer sees just the cases shared with the police. */
export function YouthCases() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const cases = useLoad(() => api.GET('/api/v1/youth-cases', { params: { query: { limit: 100 } } }), []);
  // Managers (who decide on the unit's cases) see the reports waiting for their förhandsbedömning and the caseload.
  const manager = can('youth_case:close');
  return (
    <>
      <PageTitle>{t('youth.title')}</PageTitle>
      {(can('youth_case:create') || can('youth_concern:report') || manager) && (
        <div className="row">
          {manager && (
            <Button asChild variant="secondary">
              <Link to="/youth-cases/caseload">{t('youthFlow.caseloadLink')}</Link>
            </Button>
          )}
          {can('youth_case:create') && (
            <Button asChild>
              <Link to="/youth-cases/new">{t('youth.newCase')}</Link>
            </Button>
          )}
          {can('youth_concern:report') && (
            <Button asChild variant="secondary">
              <Link to="/youth-cases/report-of-concern">{t('youth.reportConcern')}</Link>
            </Button>
          )}
        </div>
      )}
      {manager && <UnassessedReports />}
      {cases.loading && <Loading />}
      <ProblemMessage problem={cases.problem} />
      {!cases.loading && cases.data?.items.length === 0 && <EmptyState>{t('youth.empty')}</EmptyState>}
      {!!cases.data?.items.length && (
        <TableWrap>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('youth.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.form')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.review')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cases.data.items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/youth-cases/${c.id}`}>{c.reference}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{c.subject?.name ?? '–'}</Table.Cell>
                  <Table.Cell>{c.subject?.personalNumber ?? '–'}</Table.Cell>
                  <Table.Cell>{t(`youth.formsShort.${c.form}`)}</Table.Cell>
                  <Table.Cell>{t(`statuses.${c.status}`)}</Table.Cell>
                  <Table.Cell>{date(c.reviewOn, i18n.language)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
    </>
  );
}

/** Days from today to a due day: negative when past (both Stockholm calendar days). */
function daysUntil(day: string): number {
  return Math.round((Date.parse(day) - Date.parse(todayInStockholm())) / 86_400_000);
}

/** Reports of concern waiting for their förhandsbedömning (SoL 11 kap 1 a §), the oldest first, with the days left. */
function UnassessedReports() {
  const { t, i18n } = useTranslation();
  const reports = useLoad(() => api.GET('/api/v1/youth-cases', { params: { query: { unassessed: true, limit: 50 } } }), []);
  return (
    <Card data-color="warning">
      <Heading level={2} data-size="sm">
        {t('youthFlow.unassessedHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('youthFlow.unassessedHelp')}</Paragraph>
      {reports.loading && <Loading />}
      <ProblemMessage problem={reports.problem} />
      {reports.data?.items.length === 0 && <Paragraph>{t('youthFlow.noUnassessed')}</Paragraph>}
      {!!reports.data?.items.length && (
        <TableWrap>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('youth.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youthFlow.received')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youthFlow.due')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {reports.data.items.map((c) => {
                const left = c.assessmentDueOn ? daysUntil(c.assessmentDueOn) : null;
                return (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/youth-cases/${c.id}`}>{c.reference}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{date(c.openedAt, i18n.language)}</Table.Cell>
                    <Table.Cell>{date(c.assessmentDueOn, i18n.language)}</Table.Cell>
                    <Table.Cell>
                      {left === null ? (
                        '–'
                      ) : left < 0 ? (
                        <Tag data-color="danger">{t('youthFlow.overdue', { count: -left })}</Tag>
                      ) : left === 0 ? (
                        <Tag data-color="warning">{t('youthFlow.dueToday')}</Tag>
                      ) : (
                        <Tag data-color="neutral">{t('youthFlow.daysLeft', { count: left })}</Tag>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
    </Card>
  );
}

/**
 * One case as the reader may see it. Owners (social services) work it: status, plan, meetings,
 * notes, consents, disclosures, each with its permission; others see what the sharing covers.
 */
export function YouthCase() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const view = useLoad(() => api.GET('/api/v1/youth-cases/{id}', { params: { path: { id: id! } } }), [id]);
  const entries = useLoad(() => api.GET('/api/v1/youth-cases/{id}/entries', { params: { path: { id: id! }, query: { limit: 50 } } }), [id]);
  const plan = useLoad(() => api.GET('/api/v1/youth-cases/{id}/plan-items', { params: { path: { id: id! } } }), [id]);
  const meetings = useLoad(() => api.GET('/api/v1/youth-cases/{id}/meetings', { params: { path: { id: id! } } }), [id]);
  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ProblemMessage problem={view.problem} />;
  const c = view.data;
  // Closed and purged cases take no more changes (the api answers 409).
  const open = c.status !== 'closed' && c.status !== 'purged';
  const canWrite = c.access.owner && open && can('youth_case:update');
  return (
    <>
      <DsLink asChild>
        <Link to="/youth-cases">{t('youth.back')}</Link>
      </DsLink>
      <PageTitle>{`${t('youth.reference')} ${c.reference}`}</PageTitle>
      {!c.access.owner && (
        <Alert data-color="info">{t('youth.shared', { categories: c.access.categories.map((x) => t(`youth.categories.${x.key}`)).join(', ') })}</Alert>
      )}
      <div className="row">
        <Tag data-color="accent">{t(`youth.forms.${c.form}`)}</Tag>
        <Tag data-color="neutral">{t(`statuses.${c.status}`)}</Tag>
        {c.reviewOn && (
          <Paragraph data-size="sm">
            {t('youth.review')}: {date(c.reviewOn, i18n.language)}
          </Paragraph>
        )}
      </div>
      <Paragraph data-size="sm">
        {t('youth.owner')}: {c.ownerOrganisation.name}
        {c.coordinator && ` — ${t('youth.coordinator')}: ${c.coordinator.displayName}`}
      </Paragraph>
      {c.subject && (
        <Paragraph>
          {c.subject.name}, {t('youth.years', { age: c.subject.age })} — {t('youth.number')}:{' '}
          <span data-testid="personal-number">{c.subject.personalNumber}</span>
        </Paragraph>
      )}
      {c.subject && can('youth_subject:reveal') && <RevealNumber subjectId={c.subject.id} />}
      {/* The register extract (GDPR art. 15) is made by those who make extracts in the person's organisation; asking for others would only log a refusal. */}
      {c.subject && can('youth_subject:extract') && (
        <RecordDocumentsOnRequest
          summary={t('documents.subjectSummary', { name: c.subject.name })}
          recordType="youth_subject"
          recordId={c.subject.id}
          kinds={['register_extract']}
          id="subject-documents"
          title={t('documents.subjectTitle', { name: c.subject.name })}
          canIssue
        />
      )}
      {c.riskFactors.length > 0 && (
        <section>
          <Heading level={2} data-size="sm">
            {t('youth.riskFactors')}
          </Heading>
          <div className="row">
            {c.riskFactors.map((r) => (
              <Tag key={r.key} data-color="warning">
                {t(`youth.riskFactorLabels.${r.key}`)}
              </Tag>
            ))}
          </div>
        </section>
      )}
      <CaseContents
        sections={[
          ['case-participants', t('youthParticipants.title')],
          ['case-plan', t('youth.plan')],
          ['case-meetings', t('youthMeetings.title')],
          ['case-entries', t('youth.entries')],
          ['case-attachments', t('attachments.title')],
          ...(c.access.owner ? [['case-documents', t('documents.title')] as const] : []),
          ...(c.access.owner && can('youth_case:share') ? [['case-consents', t('consents.title')] as const] : []),
          ...(c.access.owner && can('youth_case:disclose') ? [['case-disclosures', t('disclosures.title')] as const] : []),
          ...(c.access.owner && can('youth_case:access_log') ? [['case-access-log', t('accessLog.title')] as const] : []),
        ]}
      />
      {c.access.owner && open && <StatusChange caseId={c.id} version={c.version} nextStatuses={c.nextStatuses} onChanged={view.reload} />}
      <Participants
        caseId={c.id}
        unitId={c.ownerUnit.id}
        participants={c.participants}
        canManage={c.access.owner && open && can('youth_case:share')}
        onChanged={view.reload}
      />
      <Plan caseId={c.id} plan={plan} canWrite={canWrite} />
      <Meetings caseId={c.id} meetings={meetings} canWrite={canWrite} onMinutes={entries.reload} />
      <Entries caseId={c.id} entries={entries} canWrite={canWrite} />
      <YouthCaseAttachments caseId={c.id} canWrite={canWrite} />
      <RecordDocuments recordType="youth_case" recordId={c.id} kinds={['consent_form']} id="case-documents" canIssue={canWrite} />
      {c.access.owner && can('youth_case:share') && <Consents caseId={c.id} ownerOrganisationId={c.ownerOrganisation.id} open={open} />}
      {c.access.owner && can('youth_case:disclose') && <Disclosures caseId={c.id} ownerOrganisationId={c.ownerOrganisation.id} open={open} />}
      {c.access.owner && can('youth_case:access_log') && <AccessLog caseId={c.id} />}
    </>
  );
}

/**
 * The case page's parts as links at its top: on a phone the page runs over many screens, and the
 * part one came for is one tap away (WCAG 2.4.5). Only the parts the reader is shown.
 */
function CaseContents({ sections }: { sections: ReadonlyArray<readonly [string, string]> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('youth.onThisPage')} className="youth-contents">
      <ul>
        {sections.map(([id, title]) => (
          <li key={id}>
            <a href={`#${id}`}>{title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RevealNumber({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [number, setNumber] = useState<string>();

  async function reveal(reason: string): Promise<Problem | undefined> {
    const { data, error, response } = await api.POST('/api/v1/youth-subjects/{id}/reveal', { params: { path: { id: subjectId } }, body: { reason } });
    if (!data) return asProblem(error, response.status);
    setNumber(data.personalNumber);
  }

  if (number)
    return (
      <Paragraph>
        {t('youth.number')}: <strong data-testid="revealed-number">{number}</strong>
      </Paragraph>
    );
  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => dialog.current?.showModal()}>
        {t('youth.reveal')}
      </Button>
      <ReasonDialog
        dialog={dialog}
        id="reason"
        title={t('youth.reveal')}
        label={t('youth.revealReason')}
        submitLabel={t('youth.revealSubmit')}
        onSubmit={reveal}
      />
    </>
  );
}
