import { Alert, Button, Dialog, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { SelectField } from '../../components/forms';
import { useSession } from '../../session';
import { FormStatus, useApiForm } from './forms';

type Status = components['schemas']['YouthCaseStatus'];
type CaseItem = components['schemas']['YouthCaseListItemView'];
type StaffMember = components['schemas']['YouthStaffMemberView'];

/** The columns of the table: the statuses in which a case is open, in the order of the flow. */
const OPEN: Status[] = ['concern_raised', 'assessment', 'awaiting_consent', 'mapping', 'plan_active', 'follow_up'];

/**
 * The manager's caseload: open cases of the unit per coordinator and status (counted by the api),
 * the reports waiting for their förhandsbedömning, and the cases without a coordinator, each of
 * which can be given one chosen from the unit's case workers.
 */
export function Caseload() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const manager = can('youth_case:close');
  const load = useLoad(manager ? () => api.GET('/api/v1/youth-cases/caseload') : null, [manager]);
  const unassigned = useLoad(manager ? () => api.GET('/api/v1/youth-cases', { params: { query: { unassigned: true, limit: 100 } } }) : null, [manager]);
  const staff = useLoad(manager ? () => api.GET('/api/v1/youth-cases/staff') : null, [manager]);
  const [assigned, setAssigned] = useState<string>();
  if (!manager) return <Alert data-color="warning">{t('youth.noPermission')}</Alert>;
  const count = (byStatus: { status: Status; count: number }[], status: Status) => byStatus.find((c) => c.status === status)?.count ?? 0;
  const caseWorkers = (staff.data?.members ?? []).filter((m) => m.caseWorker);

  return (
    <>
      <DsLink asChild>
        <Link to="/youth-cases">{t('youth.back')}</Link>
      </DsLink>
      <PageTitle>{t('youthFlow.caseloadTitle')}</PageTitle>
      {load.loading && !load.data && <Loading />}
      <ProblemMessage problem={load.problem} />
      {load.data && (
        <>
          <Paragraph>{t('youthFlow.caseloadIntro', { unit: load.data.unit.name })}</Paragraph>
          <Paragraph data-testid="unassessed-summary">
            {t('youthFlow.unassessedSummary', { total: load.data.unassessedTotal, overdue: load.data.unassessedOverdue })}
          </Paragraph>
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('youthFlow.coordinator')}</Table.HeaderCell>
                  {OPEN.map((s) => (
                    <Table.HeaderCell key={s}>{t(`statuses.${s}`)}</Table.HeaderCell>
                  ))}
                  <Table.HeaderCell>{t('youthFlow.total')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {load.data.coordinators.map((row) => (
                  <Table.Row key={row.userId}>
                    <Table.HeaderCell scope="row">{row.displayName}</Table.HeaderCell>
                    {OPEN.map((s) => (
                      <Table.Cell key={s}>{count(row.byStatus, s)}</Table.Cell>
                    ))}
                    <Table.Cell>{row.total}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('youthFlow.unassignedRow')}</Table.HeaderCell>
                  {OPEN.map((s) => (
                    <Table.Cell key={s}>{count(load.data!.unassigned, s)}</Table.Cell>
                  ))}
                  <Table.Cell>{load.data.unassignedTotal}</Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
          </TableWrap>
        </>
      )}
      <section>
        <Heading level={2} data-size="sm">
          {t('youthFlow.unassignedHeading')}
        </Heading>
        {assigned && (
          <Alert data-color="success" role="status">
            {assigned}
          </Alert>
        )}
        <ProblemMessage problem={unassigned.problem ?? staff.problem} />
        {unassigned.data?.items.length === 0 && <EmptyState>{t('youthFlow.noUnassigned')}</EmptyState>}
        {!!unassigned.data?.items.length && (
          <TableWrap>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('youth.reference')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('youth.form')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('youth.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('youthFlow.received')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('youthFlow.coordinator')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {unassigned.data.items.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/youth-cases/${c.id}`}>{c.reference}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{t(`youth.formsShort.${c.form}`)}</Table.Cell>
                    <Table.Cell>{t(`statuses.${c.status}`)}</Table.Cell>
                    <Table.Cell>{date(c.openedAt, i18n.language)}</Table.Cell>
                    <Table.Cell>
                      <AssignCoordinator
                        item={c}
                        staff={caseWorkers}
                        onAssigned={(name) => {
                          setAssigned(t('youthFlow.assigned', { name, reference: c.reference }));
                          load.reload();
                          unassigned.reload();
                        }}
                      />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )}
      </section>
    </>
  );
}

/** A dialog choosing the case's coordinator among the unit's case workers; sent with the version read (If-Match). */
function AssignCoordinator({ item, staff, onAssigned }: { item: CaseItem; staff: StaffMember[]; onAssigned: (name: string) => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useApiForm(`assign-${item.id.slice(0, 8)}`);

  async function assign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const coordinatorUserId = String(new FormData(event.currentTarget).get(form.id('coordinatorUserId')) ?? '');
    const name = staff.find((m) => m.userId === coordinatorUserId)?.displayName ?? '';
    await form.send(
      () =>
        api.PATCH('/api/v1/youth-cases/{id}', {
          params: { path: { id: item.id }, header: { 'If-Match': `"${item.version}"` } },
          body: { coordinatorUserId },
        }),
      () => {
        dialog.current?.close();
        onAssigned(name);
      },
    );
  }

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => dialog.current?.showModal()}>
        {t('youthFlow.assign', { reference: item.reference })}
      </Button>
      <Dialog ref={dialog} closeButton={t('youth.cancel')} onClose={() => form.reset()}>
        <form className="protocol" onSubmit={(e) => void assign(e)}>
          <Heading level={2} data-size="xs">
            {t('youthFlow.assignTitle', { reference: item.reference })}
          </Heading>
          <FormStatus form={form} />
          <SelectField id={form.id('coordinatorUserId')} label={t('youthFlow.assignSelect')} error={form.error('coordinatorUserId')} defaultValue="" required>
            <option value="">{t('youthNew.choose')}</option>
            {staff.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </SelectField>
          <Button type="submit" disabled={form.busy}>
            {t('youthFlow.assignSubmit')}
          </Button>
        </form>
      </Dialog>
    </>
  );
}
