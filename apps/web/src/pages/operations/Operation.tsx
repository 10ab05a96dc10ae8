import { Alert, Button, Card, Heading, Link as DsLink, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useSession } from '../../session';

interface OperationView {
  id: string; title: string; area: string; status: string; plannedStart: string; plannedEnd: string; version: number;
  statusReason: string | null; decidedBy: string | null; decisionConditions: string | null; proposedBy: string;
  participants: { type: string; id: string; name: string }[];
  intelligence: { text: string; reference: string } | null;
  outcome: { arrests: number; reportsFiled: number; personsChecked: number; placesChecked: number; seizures: { substance: string; quantity: number; unit: string }[] } | null;
  summary: { area: string; releasedAt: string } | null;
}

/** The next steps each status offers, and the permission behind each (the api decides in the end). */
const NEXT: Record<string, { to: string; permission: string }[]> = {
  proposed: [{ to: 'decided', permission: 'operation:decide' }],
  decided: [{ to: 'executing', permission: 'operation:report' }],
  executing: [{ to: 'completed', permission: 'operation:report' }],
  completed: [{ to: 'outcome_reported', permission: 'operation:report' }],
};

/** One operation for its participants and commanders; the intelligence only for commanders. */
export function Operation() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const view = useLoad<OperationView>(() => api.GET('/api/v1/operations/{id}', { params: { path: { id: id! } } }), [id]);
  const [problem, setProblem] = useState<Problem>();

  async function move(to: string, extra: { conditions?: string; reason?: string } = {}) {
    const { error, response } = await api.POST('/api/v1/operations/{id}/transition', {
      params: { path: { id: id! }, header: { 'If-Match': `"${view.data!.version}"` } },
      body: { to: to as 'decided', ...extra },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    view.reload();
  }

  async function decide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await move('decided', { conditions: String(new FormData(event.currentTarget).get('conditions') ?? '') });
  }

  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ProblemMessage problem={view.problem} />;
  const o = view.data;
  return (
    <>
      <DsLink asChild><Link to="/operations">{t('operations.title')}</Link></DsLink>
      <PageTitle>{o.title}</PageTitle>
      <div className="row">
        <Tag data-color="accent">{t(`statuses.${o.status}`)}</Tag>
        <Paragraph data-size="sm">{o.area} — {dateTime(o.plannedStart, i18n.language)} – {dateTime(o.plannedEnd, i18n.language)}</Paragraph>
      </div>
      <ProblemMessage problem={problem} />
      {o.intelligence && (
        <Card data-color="warning">
          <Heading level={2} data-size="xs">{t('operations.intelligence')}</Heading>
          <Paragraph>{o.intelligence.text}</Paragraph>
          <Paragraph data-size="sm">{o.intelligence.reference}</Paragraph>
        </Card>
      )}
      {o.decisionConditions && <Alert data-color="info">{t('operations.conditions')}: {o.decisionConditions} ({o.decidedBy})</Alert>}
      <section>
        <Heading level={2} data-size="sm">{t('operations.participants')}</Heading>
        <List.Unordered>{o.participants.map((p) => <List.Item key={p.id}>{p.name}</List.Item>)}</List.Unordered>
      </section>
      {o.outcome && (
        <section>
          <Heading level={2} data-size="sm">{t('operations.outcome')}</Heading>
          <Paragraph>
            {t('operations.counts', { arrests: o.outcome.arrests, reports: o.outcome.reportsFiled, persons: o.outcome.personsChecked, places: o.outcome.placesChecked })}
          </Paragraph>
          <List.Unordered>{o.outcome.seizures.map((s, i) => <List.Item key={i}>{s.substance}: {s.quantity} {s.unit}</List.Item>)}</List.Unordered>
        </section>
      )}
      {o.status === 'proposed' && can('operation:decide') && (
        <form className="protocol" onSubmit={(e) => void decide(e)}>
          <Textfield id="conditions" name="conditions" label={t('operations.conditions')} multiline rows={2} />
          <Button type="submit">{t('operations.decide')}</Button>
        </form>
      )}
      <div className="row">
        {(NEXT[o.status] ?? [])
          .filter((n) => n.to !== 'decided' && can(n.permission))
          .map((n) => <Button key={n.to} variant="secondary" onClick={() => void move(n.to)}>{t(`operations.to.${n.to}`)}</Button>)}
      </div>
    </>
  );
}
