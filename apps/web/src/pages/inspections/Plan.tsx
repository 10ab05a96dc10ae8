import { Alert, Button, Dialog, Field, Heading, Label, Link as DsLink, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { RiskFactors } from './Premises';
import { fieldError } from '../../components/forms';
import { todayInStockholm } from '../../components/time';
import type { components } from '../../api/schema';

type Plan = components['schemas']['SupervisionPlanView'];
type PlanItem = components['schemas']['SupervisionPlanItemView'];
type Statistics = components['schemas']['SupervisionStatisticsView'];

/**
 * The year's supervision plan (tillsynsplan): per premises the visits planned by the risk model
 * against those carried out, with totals and the year's statistics. Planners change an item's
 * visits and note, and make next year's plan from the risk model.
 */
export function SupervisionPlan() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const collaborations = me?.collaborations ?? [];
  const collaborationId = params.get('collaboration') ?? collaborations[0]?.id;
  const plans = useLoad(collaborationId ? () => api.GET('/api/v1/supervision-plans', { params: { query: { collaborationId } } }) : null, [collaborationId]);
  const chosenYear = Number(params.get('year')) || plans.data?.[0]?.year;
  const summary = plans.data?.find((p) => p.year === chosenYear);
  const plan = useLoad(summary ? () => api.GET('/api/v1/supervision-plans/{id}', { params: { path: { id: summary.id } } }) : null, [summary?.id]);
  const stats = useLoad(
    collaborationId && chosenYear
      ? () => api.GET('/api/v1/supervision/statistics', { params: { query: { collaborationId, year: chosenYear, format: 'json' } } })
      : null,
    [collaborationId, chosenYear],
  );
  // The route answers CSV too (format=csv); asked for JSON, the figures are an object.
  const figures = typeof stats.data === 'object' ? stats.data : undefined;
  const [problem, setProblem] = useState<Problem>();
  const thisYear = Number(todayInStockholm().slice(0, 4));
  const canMakePlan = can('inspection:plan') && plans.data && !plans.data.some((p) => p.year === thisYear);

  function choose(key: 'year' | 'collaboration', value: string) {
    setParams((current) => new URLSearchParams({ ...Object.fromEntries(current), [key]: value }));
  }

  async function makePlan() {
    const { error, response } = await api.POST('/api/v1/supervision-plans', { body: { collaborationId: collaborationId!, year: thisYear } });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) {
      choose('year', String(thisYear));
      plans.reload();
    }
  }

  return (
    <>
      <PageTitle>{t('inspections.plan.title')}</PageTitle>
      <Paragraph data-size="sm">{t('inspections.plan.intro')}</Paragraph>
      <div className="inspections-filters">
        {collaborations.length > 1 && (
          <Field>
            <Label htmlFor="collaboration">{t('inspections.plan.collaboration')}</Label>
            <Select id="collaboration" value={collaborationId} onChange={(e) => choose('collaboration', e.target.value)}>
              {collaborations.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        {!!plans.data?.length && (
          <Field>
            <Label htmlFor="year">{t('inspections.plan.year')}</Label>
            <Select id="year" value={String(chosenYear)} onChange={(e) => choose('year', e.target.value)}>
              {plans.data.map((p) => (
                <Select.Option key={p.id} value={String(p.year)}>
                  {p.year}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <ProblemMessage problem={problem ?? plans.problem} />
      {canMakePlan && (
        <div className="row">
          <Button variant="secondary" onClick={() => void makePlan()}>
            {t('inspections.plan.make', { year: thisYear })}
          </Button>
          <Paragraph data-size="sm">{t('inspections.plan.makeHelp')}</Paragraph>
        </div>
      )}
      {plans.loading && <Loading />}
      {plans.data?.length === 0 && <EmptyState>{can('inspection:plan') ? t('inspections.plan.noneCanMake') : t('inspections.plan.none')}</EmptyState>}
      {plan.loading && !plan.data && <Loading />}
      {plan.data && (
        <PlanTable
          plan={plan.data}
          onChange={() => {
            plan.reload();
            stats.reload();
          }}
        />
      )}
      {figures && <YearStatistics stats={figures} />}
    </>
  );
}

function PlanTable({ plan, onChange }: { plan: Plan; onChange: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState<PlanItem>();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<string>();
  const { totals } = plan;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = String(form.get('plannedVisits') ?? '');
    const { error, response } = await api.PATCH('/api/v1/supervision-plans/{id}/items/{premisesId}', {
      params: { path: { id: plan.id, premisesId: editing!.premisesId } },
      // An empty or non-numeric field goes as it is, so the api's message says what is wrong.
      body: { plannedVisits: (raw === '' || Number.isNaN(Number(raw)) ? raw : Number(raw)) as number, note: String(form.get('note') ?? '') },
    });
    if (error) return setProblem(asProblem(error, response.status));
    setProblem(undefined);
    setSaved(editing!.premisesName);
    dialog.current?.close();
    onChange();
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('inspections.plan.planFor', { year: plan.year })}
      </Heading>
      <Paragraph data-testid="plan-totals">
        {t('inspections.plan.totals', { performed: totals.performed, planned: totals.planned, premises: totals.premises })}
      </Paragraph>
      <progress value={totals.performed} max={Math.max(1, totals.planned)} aria-label={t('inspections.plan.progress')} />
      <Paragraph data-size="sm">{t('inspections.plan.countRule')}</Paragraph>
      {saved && (
        <Alert data-color="success" role="status">
          {t('inspections.plan.saved', { name: saved })}
        </Alert>
      )}
      <TableWrap>
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('inspections.premises')}</Table.HeaderCell>
              <Table.HeaderCell>{t('inspections.risk.score')}</Table.HeaderCell>
              <Table.HeaderCell>{t('inspections.risk.factorsHeading')}</Table.HeaderCell>
              <Table.HeaderCell>{t('inspections.plan.planned')}</Table.HeaderCell>
              <Table.HeaderCell>{t('inspections.plan.performed')}</Table.HeaderCell>
              <Table.HeaderCell>{t('inspections.plan.state')}</Table.HeaderCell>
              <Table.HeaderCell>{t('inspections.plan.note')}</Table.HeaderCell>
              {can('inspection:plan') && <Table.HeaderCell>{t('inspections.plan.edit')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {plan.items.map((item) => {
              const left = Math.max(0, item.plannedVisits - item.performedVisits);
              return (
                <Table.Row key={item.premisesId}>
                  <Table.HeaderCell scope="row">
                    <DsLink asChild>
                      <Link to={`/inspections/premises/${item.premisesId}`}>{item.premisesName}</Link>
                    </DsLink>
                  </Table.HeaderCell>
                  <Table.Cell>{item.riskScore}</Table.Cell>
                  <Table.Cell>
                    <RiskFactors factors={item.riskFactors} compact />
                  </Table.Cell>
                  <Table.Cell>{item.plannedVisits}</Table.Cell>
                  <Table.Cell>{item.performedVisits}</Table.Cell>
                  <Table.Cell>
                    {left === 0 ? (
                      <Tag data-color="success">{t('inspections.plan.done')}</Tag>
                    ) : (
                      <Tag data-color="warning">{t('inspections.plan.left', { count: left })}</Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell>{item.note || '–'}</Table.Cell>
                  {can('inspection:plan') && (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => {
                          setEditing(item);
                          setProblem(undefined);
                          setSaved(undefined);
                          dialog.current?.showModal();
                        }}
                      >
                        {t('inspections.plan.edit')}
                        <span className="inspections-sr-only"> {t('inspections.plan.editFor', { name: item.premisesName })}</span>
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableWrap>
      <Dialog ref={dialog} closeButton={t('inspections.close')} onClose={() => setEditing(undefined)}>
        {editing && (
          <form className="protocol" onSubmit={(e) => void save(e)} key={editing.premisesId}>
            <Heading level={2} data-size="xs">
              {t('inspections.plan.editItem', { name: editing.premisesName })}
            </Heading>
            <ProblemMessage problem={problem} />
            <Textfield
              id="plannedVisits"
              name="plannedVisits"
              type="number"
              inputMode="numeric"
              label={t('inspections.plan.planned')}
              defaultValue={String(editing.plannedVisits)}
              error={fieldError(problem, 'plannedVisits')}
            />
            <Textfield
              id="note"
              name="note"
              multiline
              rows={3}
              label={t('inspections.plan.note')}
              defaultValue={editing.note}
              error={fieldError(problem, 'note')}
            />
            <Button type="submit">{t('inspections.plan.saveItem')}</Button>
          </form>
        )}
      </Dialog>
    </section>
  );
}

/** The year's figures for the board and the county administrative board (GET /supervision/statistics). */
function YearStatistics({ stats }: { stats: Statistics }) {
  const { t } = useTranslation();
  const rows: [string, number][] = [
    [t('inspections.types.external'), stats.visitsByType.external],
    [t('inspections.types.coordinated'), stats.visitsByType.coordinated],
    [t('inspections.types.internal'), stats.visitsByType.internal],
    [t('inspections.types.preventive'), stats.visitsByType.preventive],
    [t('inspections.plan.stats.attempted'), stats.attemptedVisits],
    [t('inspections.plan.stats.remarks'), stats.remarks],
    [t('inspections.sanctions.decisions.erinran'), stats.decisions.erinran],
    [t('inspections.sanctions.decisions.varning'), stats.decisions.varning],
    [t('inspections.sanctions.decisions.aterkallelse'), stats.decisions.aterkallelse],
  ];
  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('inspections.plan.stats.title', { year: stats.year })}
      </Heading>
      <TableWrap>
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('inspections.plan.stats.measure')}</Table.HeaderCell>
              <Table.HeaderCell>{t('inspections.plan.stats.value')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map(([label, value]) => (
              <Table.Row key={label}>
                <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
                <Table.Cell>{value}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
    </section>
  );
}
