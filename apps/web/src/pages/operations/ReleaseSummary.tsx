import { Button, Dialog, Heading, List, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { SelectField } from '../../components/forms';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { date, ProblemMessage, useLoad } from '../../components/common';
import { type Counts, type Seizure, useSeizureText } from './shared';
import { fieldError } from '../../components/forms';

interface Release {
  area: string;
  periodStart: string;
  periodEnd: string;
  placeId: string;
}

/**
 * The seizures as the summary will carry them: one line per substance and unit, quantities added
 * up (the api's summary does the same), so the commander sees exactly what leaves the police.
 */
function releasedSeizures(seizures: Seizure[]): Seizure[] {
  const byKey = new Map<string, Seizure>();
  for (const s of seizures) {
    const key = `${s.substance}_${s.unit}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, quantity: seen.quantity + s.quantity } : { ...s });
  }
  return [...byKey.values()];
}

/** The counts a summary carries, as a table: used before releasing and for a released summary. */
export function CountsTable({ counts, caption }: { counts: Counts; caption: string }) {
  const { t } = useTranslation();
  const seizureText = useSeizureText();
  return (
    <Table data-size="sm" className="operations-counts-table">
      <caption>{caption}</caption>
      <Table.Body>
        {(['arrests', 'reportsFiled', 'personsChecked', 'placesChecked'] as const).map((key) => (
          <Table.Row key={key}>
            <Table.HeaderCell scope="row">{t(`operationsOutcome.${key}`)}</Table.HeaderCell>
            <Table.Cell>{counts[key]}</Table.Cell>
          </Table.Row>
        ))}
        <Table.Row>
          <Table.HeaderCell scope="row">{t('operationsOutcome.seizures')}</Table.HeaderCell>
          <Table.Cell>
            {counts.seizures.length === 0
              ? t('operationsOutcome.noSeizures')
              : releasedSeizures(counts.seizures)
                  .map((s) => seizureText(s))
                  .join('; ')}
          </Table.Cell>
        </Table.Row>
      </Table.Body>
    </Table>
  );
}

/**
 * The commander releases the outcome summary: the area in general terms, the period and the counts.
 * Before confirming, the dialog shows exactly that, and where it goes (the promise activity).
 */
export function ReleaseSummary(props: {
  operationId: string;
  collaborationId: string;
  outcome: Counts;
  commitment: { text: string } | null;
  onReleased: () => void;
}) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Release>();
  const [problem, setProblem] = useState<Problem>();
  // The collaboration's named places with a position: one may be the area drawn on the map (issue #20).
  const places = useLoad(
    () => api.GET('/api/v1/places', { params: { query: { collaborationId: props.collaborationId, limit: 200 } } }),
    [props.collaborationId],
  );
  const placed = (places.data?.items ?? []).filter((p) => p.latitude !== null);

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending({
      area: String(form.get('area') ?? '').trim(),
      periodStart: String(form.get('periodStart') ?? ''),
      periodEnd: String(form.get('periodEnd') ?? ''),
      placeId: String(form.get('placeId') ?? ''),
    });
    setProblem(undefined);
    dialog.current?.showModal();
  }

  async function confirm() {
    if (!pending) return;
    const { error, response } = await api.POST('/api/v1/operations/{id}/release', {
      params: { path: { id: props.operationId } },
      body: {
        area: pending.area,
        periodStart: pending.periodStart || undefined,
        periodEnd: pending.periodEnd || undefined,
        placeId: pending.placeId || undefined,
      },
    });
    dialog.current?.close();
    if (error) {
      setProblem(asProblem(error, response.status));
      return;
    }
    props.onReleased();
  }

  return (
    <>
      <form className="protocol" onSubmit={review} noValidate aria-labelledby="release-heading">
        <Heading level={3} data-size="xs" id="release-heading">
          {t('operationsRelease.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('operationsRelease.intro')}</Paragraph>
        <ProblemMessage problem={problem} />
        <Textfield
          id="area"
          name="area"
          label={t('operationsRelease.area')}
          description={t('operationsRelease.areaHelp')}
          required
          error={fieldError(problem, 'area')}
        />
        <div className="row">
          <Textfield
            id="periodStart"
            name="periodStart"
            type="date"
            label={t('operationsRelease.periodStart')}
            description={t('operationsRelease.periodStartHelp')}
            error={fieldError(problem, 'periodStart')}
          />
          <Textfield
            id="periodEnd"
            name="periodEnd"
            type="date"
            label={t('operationsRelease.periodEnd')}
            description={t('operationsRelease.periodEndHelp')}
            error={fieldError(problem, 'periodEnd')}
          />
        </div>
        {placed.length > 0 && (
          <SelectField
            id="placeId"
            name="placeId"
            label={t('operationsRelease.place')}
            description={t('operationsRelease.placeHelp')}
            error={fieldError(problem, 'placeId')}
          >
            <Select.Option value="">{t('operationsRelease.noPlace')}</Select.Option>
            {placed.map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {p.name}
              </Select.Option>
            ))}
          </SelectField>
        )}
        <div>
          <Button type="submit">{t('operationsRelease.review')}</Button>
        </div>
      </form>
      <Dialog ref={dialog} closeButton={t('operationsCommon.close')} aria-labelledby="release-confirm-heading">
        <div className="protocol">
          <Heading level={2} data-size="xs" id="release-confirm-heading">
            {t('operationsRelease.confirmHeading')}
          </Heading>
          {pending && (
            <Paragraph>
              {t('operationsRelease.whereWhen', {
                area: pending.area || '–',
                start: pending.periodStart ? date(pending.periodStart, i18n.language) : t('operationsRelease.firstDay'),
                end: pending.periodEnd ? date(pending.periodEnd, i18n.language) : t('operationsRelease.lastDay'),
              })}
            </Paragraph>
          )}
          {pending?.placeId && (
            <Paragraph data-size="sm">{t('operationsRelease.onMap', { place: placed.find((p) => p.id === pending.placeId)?.name ?? '–' })}</Paragraph>
          )}
          <CountsTable counts={props.outcome} caption={t('operationsRelease.countsCaption')} />
          <Paragraph data-size="sm">
            {props.commitment ? t('operationsRelease.activityUnder', { commitment: props.commitment.text }) : t('operationsRelease.activityByKind')}
          </Paragraph>
          <Paragraph data-size="sm">{t('operationsRelease.notReleased')}</Paragraph>
          <List.Unordered data-size="sm">
            <List.Item>{t('operationsRelease.staysIntelligence')}</List.Item>
            <List.Item>{t('operationsRelease.staysPeople')}</List.Item>
            <List.Item>{t('operationsRelease.staysDetails')}</List.Item>
          </List.Unordered>
          <div className="row">
            <Button onClick={() => void confirm()}>{t('operationsRelease.confirm')}</Button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('operationsCommon.cancel')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
