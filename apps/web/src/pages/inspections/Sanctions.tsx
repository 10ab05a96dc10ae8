import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Link as DsLink,
  List,
  Paragraph,
  Radio,
  Select,
  Table,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { date, dateTime, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { Pager } from '../../components/Pager';
import { fieldError, SelectField } from '../../components/forms';
import { todayInStockholm } from '../../components/time';
import { type components, consideredSanctionValues, sanctionDecisionValues } from '../../api/schema';
import { useEnumLabel } from '../../components/labels';
import { RecordAttachments } from '../attachments/Attachments';
import { RecordDocuments } from '../documents/Documents';

const PAGE_SIZE = 25;

type SanctionCase = components['schemas']['SanctionCaseView'];

/** Sanction cases the reader may see, open or decided, newest first. */
export function SanctionCases() {
  const { t, i18n } = useTranslation();
  const { params, setParams, goToOffset } = useListQuery();
  const label = useEnumLabel();
  const state = params.get('state') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const list = useLoad(
    () => api.GET('/api/v1/sanction-cases', { params: { query: { state: (state || undefined) as 'open' | 'decided' | undefined, limit: PAGE_SIZE, offset } } }),
    [state, offset],
  );
  return (
    <>
      <PageTitle>{t('inspections.sanctions.title')}</PageTitle>
      <Paragraph data-size="sm">{t('inspections.sanctions.intro')}</Paragraph>
      <div className="inspections-filters">
        <Field>
          <Label htmlFor="state">{t('inspections.sanctions.state')}</Label>
          <Select id="state" value={state} onChange={(e) => setParams(e.target.value ? { state: e.target.value } : {})}>
            <Select.Option value="">{t('inspections.filter.all')}</Select.Option>
            <Select.Option value="open">{t('inspections.sanctions.states.open')}</Select.Option>
            <Select.Option value="decided">{t('inspections.sanctions.states.decided')}</Select.Option>
          </Select>
        </Field>
      </div>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{t('inspections.sanctions.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <TableWrap>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('inspections.premises')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.sanctions.holder')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.sanctions.proposed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.sanctions.heard')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.sanctions.decision')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspectionsCasework.stage')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/inspections/sanctions/${c.id}`}>{c.premisesName}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{c.holderName}</Table.Cell>
                  <Table.Cell>{date(c.proposedAt, i18n.language)}</Table.Cell>
                  <Table.Cell>{c.heardOn ? date(c.heardOn, i18n.language) : t('inspections.sanctions.notHeard')}</Table.Cell>
                  <Table.Cell>
                    {c.decision
                      ? `${t(`inspections.sanctions.decisions.${c.decision}`)} (${date(c.decidedOn, i18n.language)})`
                      : t('inspections.sanctions.notDecided')}
                  </Table.Cell>
                  <Table.Cell>{label('SanctionStage', c.stage)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      {list.data && <Pager page={list.data} onOffset={goToOffset} />}
    </>
  );
}

/**
 * One sanction case (AL 9 kap 17–18 §): its grounds and inspections, then its two steps — the
 * holder heard (kommunicering), then the decision — each offered only to those who may decide.
 */
export function SanctionCaseView() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const label = useEnumLabel();
  const view = useLoad(() => api.GET('/api/v1/sanction-cases/{id}', { params: { path: { id: id! } } }), [id]);
  const inspections = useLoad(
    view.data?.inspectionIds.length && can('inspection:read')
      ? () => api.GET('/api/v1/inspections', { params: { query: { premisesId: view.data!.premisesId, limit: 200 } } })
      : null,
    [view.data?.premisesId],
  );
  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ProblemMessage problem={view.problem} />;
  const c = view.data;
  const linked = (inspections.data?.items ?? []).filter((i) => c.inspectionIds.includes(i.id));
  const decide = can('sanction:decide') && !c.decision;

  return (
    <>
      <DsLink asChild>
        <Link to="/inspections/sanctions">{t('inspections.sanctions.title')}</Link>
      </DsLink>
      <PageTitle>{t('inspections.sanctions.caseTitle', { name: c.premisesName })}</PageTitle>
      <div className="row">
        <Tag data-color={c.decision ? 'neutral' : 'warning'}>
          {c.decision ? t(`inspections.sanctions.decisions.${c.decision}`) : t('inspections.sanctions.states.open')}
        </Tag>
        <Paragraph data-size="sm">
          {t('inspectionsCasework.stage')}: {label('SanctionStage', c.stage)}
        </Paragraph>
        <Paragraph data-size="sm">
          {t('inspections.sanctions.holder')}: {c.holderName}
        </Paragraph>
      </div>
      <Paragraph data-size="sm">{t('inspections.sanctions.proposedBy', { name: c.proposedByName, when: dateTime(c.proposedAt, i18n.language) })}</Paragraph>
      <DsLink asChild>
        <Link to={`/inspections/premises/${c.premisesId}`}>{t('inspections.premisesLink', { name: c.premisesName })}</Link>
      </DsLink>
      <section>
        <Heading level={2} data-size="sm">
          {t('inspections.sanctions.grounds')}
        </Heading>
        <Paragraph className="inspections-pre">{c.grounds}</Paragraph>
        {linked.length > 0 && (
          <List.Unordered>
            {linked.map((i) => (
              <List.Item key={i.id}>
                <DsLink asChild>
                  <Link to={`/inspections/${i.id}`}>{t('inspections.sanctions.inspection', { when: dateTime(i.plannedStart, i18n.language) })}</Link>
                </DsLink>
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </section>
      <section className="protocol">
        <Heading level={2} data-size="sm">
          {t('inspections.sanctions.hearingTitle')}
        </Heading>
        <ConsideredSanction sanction={c} editable={decide && !c.heardOn} onDone={view.reload} />
        <Paragraph>
          {c.heardOn
            ? t('inspectionsCasework.hearingSent', { date: date(c.heardOn, i18n.language), due: date(c.responseDueOn, i18n.language) })
            : t('inspectionsCasework.notSentYet')}
        </Paragraph>
        {decide && !c.responseReceivedOn && <HearingForm sanction={c} onDone={view.reload} />}
      </section>
      <section className="protocol">
        <Heading level={2} data-size="sm">
          {t('inspectionsCasework.responseTitle')}
        </Heading>
        {c.responseReceivedOn ? (
          <>
            <Paragraph>{t('inspectionsCasework.responseReceived', { date: date(c.responseReceivedOn, i18n.language) })}</Paragraph>
            <Paragraph className="inspections-pre">{c.response}</Paragraph>
          </>
        ) : (
          <Paragraph>
            {!c.heardOn
              ? t('inspectionsCasework.notSentYet')
              : c.stage === 'response_time_passed'
                ? t('inspectionsCasework.responseTimePassed', { date: date(c.responseDueOn, i18n.language) })
                : t('inspectionsCasework.noResponseYet')}
          </Paragraph>
        )}
        {decide && c.heardOn && <ResponseForm sanction={c} onDone={view.reload} />}
      </section>
      <section className="protocol">
        <Heading level={2} data-size="sm">
          {t('inspectionsCasework.decisionTitle')}
        </Heading>
        {c.decision ? (
          <>
            <Paragraph>
              <strong>{t(`inspections.sanctions.decisions.${c.decision}`)}</strong> —{' '}
              {t('inspections.sanctions.decidedBy', { name: c.decidedByName ?? '–', date: date(c.decidedOn, i18n.language) })}
            </Paragraph>
            <Paragraph className="inspections-pre">{c.decisionReasons}</Paragraph>
            <Paragraph data-size="sm">{c.appealInformation}</Paragraph>
          </>
        ) : decide && (c.stage === 'response_received' || c.stage === 'response_time_passed') ? (
          <DecisionForm sanction={c} onDone={view.reload} />
        ) : decide ? (
          <Paragraph>
            {c.stage === 'awaiting_response'
              ? t('inspectionsCasework.decisionWaits', { date: date(c.responseDueOn, i18n.language) })
              : t('inspections.sanctions.notDecidedWho')}
          </Paragraph>
        ) : (
          <Paragraph>{t('inspections.sanctions.notDecidedWho')}</Paragraph>
        )}
      </section>
      <RecordAttachments kind="sanction_case" recordId={c.id} canWrite={can('sanction:decide')} />
      <RecordDocuments recordType="sanction_case" recordId={c.id} kinds={['hearing_letter', 'sanction_decision']} canIssue={can('sanction:decide')} />
    </>
  );
}

/**
 * The sanction the case considers, which the hearing letter names; the decider may name or change it
 * until the hearing is recorded (the api's rule: sanction-rules.ts `consideredSanctionErrors`).
 */
function ConsideredSanction({ sanction, editable, onDone }: { sanction: SanctionCase; editable: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const current = sanction.consideredSanction;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { error, response } = await api.PUT('/api/v1/sanction-cases/{id}/considered-sanction', {
      params: { path: { id: sanction.id }, header: { 'If-Match': `"${sanction.version}"` } },
      body: { consideredSanction: String(form.get('consideredSanction') ?? '') as components['schemas']['ConsideredSanction'] },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setSaved(!error);
    if (!error) onDone();
  }

  if (!editable) {
    return (
      <Paragraph>
        {t('inspectionsCasework.considered')}: {current ? label('ConsideredSanction', current) : t('inspectionsCasework.consideredNone')}
      </Paragraph>
    );
  }
  return (
    <form className="protocol" onSubmit={(e) => void submit(e)}>
      <ProblemMessage problem={problem} />
      {saved && (
        <Alert data-color="success" role="status">
          {t('inspectionsCasework.consideredSaved')}
        </Alert>
      )}
      {!current && <Paragraph data-size="sm">{t('inspectionsCasework.consideredNone')}</Paragraph>}
      <SelectField
        id="consideredSanction"
        required
        defaultValue={current ?? ''}
        label={t('inspectionsCasework.considered')}
        description={t('inspectionsCasework.consideredHelp')}
        error={fieldError(problem, 'consideredSanction')}
      >
        <Select.Option value="" disabled>
          {t('inspectionsCasework.consideredChoose')}
        </Select.Option>
        {consideredSanctionValues.map((v) => (
          <Select.Option key={v} value={v}>
            {label('ConsideredSanction', v)}
          </Select.Option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" variant="secondary">
          {t('inspectionsCasework.consideredSave')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Sending the hearing (kommunicering, FL 25 §): the day the material went to the holder, never in
 * the future, and the last day to answer (the api's default when left empty; reminders follow).
 */
function HearingForm({ sanction, onDone }: { sanction: SanctionCase; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { error, response } = await api.PUT('/api/v1/sanction-cases/{id}/hearing', {
      params: { path: { id: sanction.id }, header: { 'If-Match': `"${sanction.version}"` } },
      body: { heardOn: String(form.get('heardOn') ?? ''), responseDueOn: String(form.get('responseDueOn') ?? '') || undefined },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setSaved(!error);
    if (!error) onDone();
  }

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)}>
      <ProblemMessage problem={problem} />
      {saved && (
        <Alert data-color="success" role="status">
          {t('inspectionsCasework.hearingSaved')}
        </Alert>
      )}
      <Textfield
        id="heardOn"
        name="heardOn"
        type="date"
        required
        max={todayInStockholm()}
        label={t('inspectionsCasework.sentOnLabel')}
        description={t('inspectionsCasework.sentOnHelp')}
        defaultValue={sanction.heardOn ?? todayInStockholm()}
        error={fieldError(problem, 'heardOn')}
      />
      <Textfield
        id="responseDueOn"
        name="responseDueOn"
        type="date"
        label={t('inspectionsCasework.dueLabel')}
        description={t('inspectionsCasework.dueHelp')}
        defaultValue={sanction.responseDueOn ?? ''}
        error={fieldError(problem, 'responseDueOn')}
      />
      <div>
        <Button type="submit" variant="secondary">
          {t('inspectionsCasework.sendHearing')}
        </Button>
      </div>
    </form>
  );
}

/** The holder's answer to the hearing: the day it came in and what it says; its deadline is then met. */
function ResponseForm({ sanction, onDone }: { sanction: SanctionCase; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { error, response } = await api.PUT('/api/v1/sanction-cases/{id}/hearing/response', {
      params: { path: { id: sanction.id }, header: { 'If-Match': `"${sanction.version}"` } },
      body: { receivedOn: String(form.get('receivedOn') ?? ''), response: String(form.get('response') ?? '').trim() },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setSaved(!error);
    if (!error) onDone();
  }

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)}>
      <ProblemMessage problem={problem} />
      {saved && (
        <Alert data-color="success" role="status">
          {t('inspectionsCasework.responseSaved')}
        </Alert>
      )}
      <Textfield
        id="receivedOn"
        name="receivedOn"
        type="date"
        required
        max={todayInStockholm()}
        label={t('inspectionsCasework.receivedOnLabel')}
        defaultValue={sanction.responseReceivedOn ?? todayInStockholm()}
        error={fieldError(problem, 'receivedOn')}
      />
      <Textfield
        id="response"
        name="response"
        multiline
        rows={4}
        required
        label={t('inspectionsCasework.responseLabel')}
        description={t('inspectionsCasework.responseHelp')}
        defaultValue={sanction.response ?? ''}
        error={fieldError(problem, 'response')}
      />
      <div>
        <Button type="submit" variant="secondary">
          {t('inspectionsCasework.saveResponse')}
        </Button>
      </div>
    </form>
  );
}

/** The decision with its reasons and how to appeal; återkallelse revokes the licence. */
function DecisionForm({ sanction, onDone }: { sanction: SanctionCase; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [problem, setProblem] = useState<Problem>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const appealInformation = String(form.get('appealInformation') ?? '').trim();
    const { error, response } = await api.POST('/api/v1/sanction-cases/{id}/decision', {
      params: { path: { id: sanction.id }, header: { 'If-Match': `"${sanction.version}"` } },
      body: {
        decision: String(form.get('decision') ?? '') as components['schemas']['SanctionDecision'],
        reasons: String(form.get('reasons') ?? ''),
        appealInformation: appealInformation || undefined,
        decidedOn: String(form.get('decidedOn') ?? '') || undefined,
      },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) onDone();
  }

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)}>
      <ProblemMessage problem={problem} />
      <Fieldset id="decision">
        <Fieldset.Legend>{t('inspections.sanctions.decision')}</Fieldset.Legend>
        {sanction.consideredSanction && (
          <Fieldset.Description>
            {t('inspectionsCasework.decisionHeardOn', { sanction: label('ConsideredSanction', sanction.consideredSanction) })}
          </Fieldset.Description>
        )}
        {sanctionDecisionValues.map((d) => (
          <Radio
            key={d}
            name="decision"
            value={d}
            required
            label={t(`inspections.sanctions.decisions.${d}`)}
            description={t(`inspections.sanctions.decisionHelp.${d}`)}
          />
        ))}
        {fieldError(problem, 'decision') && <ValidationMessage>{fieldError(problem, 'decision')}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id="reasons"
        name="reasons"
        multiline
        rows={4}
        required
        label={t('inspections.sanctions.reasons')}
        description={t('inspections.sanctions.reasonsHelp')}
        error={fieldError(problem, 'reasons')}
      />
      <Textfield
        id="appealInformation"
        name="appealInformation"
        multiline
        rows={2}
        label={t('inspections.sanctions.appeal')}
        description={t('inspections.sanctions.appealHelp')}
        error={fieldError(problem, 'appealInformation')}
      />
      <Textfield
        id="decidedOn"
        name="decidedOn"
        type="date"
        label={t('inspections.sanctions.decidedOn')}
        defaultValue={todayInStockholm()}
        error={fieldError(problem, 'decidedOn')}
      />
      <div>
        <Button type="submit">{t('inspections.sanctions.submitDecision')}</Button>
      </div>
    </form>
  );
}
