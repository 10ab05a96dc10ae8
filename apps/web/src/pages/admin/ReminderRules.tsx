import { Alert, Button, Checkbox, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { type components, reminderAnchorValues, reminderOffsetUnitValues, reminderRecipientValues } from '../../api/schema';
import { EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';

type Rule = components['schemas']['ReminderRule'];
type Anchor = components['schemas']['ReminderAnchor'];
type OffsetUnit = components['schemas']['ReminderOffsetUnit'];
type Recipient = components['schemas']['ReminderRecipient'];

/** A rule being edited: the number as typed (the api judges it), and whether it is new (its key still editable). */
interface RuleRow extends Omit<Rule, 'offsetValue'> {
  offsetValue: string;
  isNew: boolean;
  rowId: string;
}

let nextRowId = 0;
const toRow = (rule: Rule, isNew = false): RuleRow => ({ ...rule, offsetValue: String(rule.offsetValue), isNew, rowId: `rule-${(nextRowId += 1)}` });

/**
 * Reminder rules per deadline kind (CiviCRM-style offsets before, at or after the due time, to the
 * one responsible or escalated to their manager). The whole set is saved at once with PUT; the api
 * reports bad values per rule (`rules[3].offsetValue`), shown next to that field.
 */
export function ReminderRules() {
  const { t } = useTranslation();
  // The version of the rule set as loaded (its ETag): the save replaces only what this screen showed.
  const [etag, setEtag] = useState('');
  const saved = useLoad(async () => {
    const result = await api.GET('/api/v1/reminder-rules');
    setEtag(result.response.headers.get('etag') ?? '');
    return result;
  }, []);
  const [rows, setRows] = useState<RuleRow[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (saved.data) setRows(saved.data.map((rule) => toRow(rule)));
  }, [saved.data]);

  const update = (rowId: string, change: Partial<RuleRow>) => {
    setNotice(false);
    setRows((current) => current.map((r) => (r.rowId === rowId ? { ...r, ...change } : r)));
  };
  const add = (deadlineKind: string) =>
    setRows((current) => [
      ...current,
      toRow({ deadlineKind, key: '', anchor: 'before', offsetValue: 1, offsetUnit: 'days', recipient: 'responsible', active: true }, true),
    ]);
  const remove = (rowId: string) => setRows((current) => current.filter((r) => r.rowId !== rowId));

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const { data, error, response } = await api.PUT('/api/v1/reminder-rules', {
      params: { header: { 'If-Match': etag } },
      body: {
        rules: rows.map(({ deadlineKind, key, anchor, offsetValue, offsetUnit, recipient, active }) => ({
          deadlineKind,
          key,
          anchor,
          offsetUnit,
          recipient,
          active,
          // An empty field is sent as missing, so the api names the field rather than a 0 being saved.
          offsetValue: offsetValue.trim() === '' ? (null as unknown as number) : Number(offsetValue),
        })),
      },
    });
    setBusy(false);
    setProblem(error ? asProblem(error, response.status) : undefined);
    setNotice(!error);
    if (data) {
      setRows(data.map((rule) => toRow(rule)));
      setEtag(response.headers.get('etag') ?? '');
    }
  }

  const kinds = [...new Set(rows.map((r) => r.deadlineKind))];
  return (
    <>
      <PageTitle>{t('adminRules.title')}</PageTitle>
      <Paragraph>{t('adminRules.intro')}</Paragraph>
      {saved.loading && <Loading />}
      <ProblemMessage problem={saved.problem} />
      {saved.data?.length === 0 && <EmptyState>{t('adminRules.empty')}</EmptyState>}
      {!!saved.data?.length && (
        <form className="protocol" onSubmit={(e) => void save(e)} noValidate>
          <ProblemMessage problem={problem} />
          {kinds.map((kind) => (
            <KindRules key={kind} kind={kind} rows={rows} problem={problem} onChange={update} onAdd={() => add(kind)} onRemove={remove} />
          ))}
          {notice && (
            <Alert data-color="success" role="status">
              {t('adminRules.saved')}
            </Alert>
          )}
          <div className="row">
            <Button type="submit" loading={busy}>
              {t('adminRules.save')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

/** The rules of one deadline kind as a table of fields; each field is named by its place in the saved list. */
function KindRules(props: {
  kind: string;
  rows: RuleRow[];
  problem?: Problem;
  onChange: (rowId: string, change: Partial<RuleRow>) => void;
  onAdd: () => void;
  onRemove: (rowId: string) => void;
}) {
  const { t } = useTranslation();
  const { kind, rows, problem } = props;
  const kindLabel = t(`adminRules.kinds.${kind}`, { defaultValue: kind });
  return (
    <section aria-labelledby={`kind-${kind}`}>
      <Heading level={2} data-size="xs" id={`kind-${kind}`}>
        {kindLabel} <code className="admin-code">{kind}</code>
      </Heading>
      <TableWrap>
        <Table data-size="sm" className="admin-rules">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('adminRules.key')}</Table.HeaderCell>
              <Table.HeaderCell>{t('adminRules.recipient')}</Table.HeaderCell>
              <Table.HeaderCell>{t('adminRules.anchor')}</Table.HeaderCell>
              <Table.HeaderCell>{t('adminRules.offsetValue')}</Table.HeaderCell>
              <Table.HeaderCell>{t('adminRules.offsetUnit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('adminRules.active')}</Table.HeaderCell>
              <Table.HeaderCell>{t('adminRules.means')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row, index) => {
              if (row.deadlineKind !== kind) return null;
              const field = (name: string) => `rules[${index}].${name}`;
              const error = (name: string) => fieldError(problem, field(name));
              // Each field's accessible name says which rule it belongs to, as the column header does visually.
              const of = (column: string) => `${t(`adminRules.${column}`)}, ${row.key || t('adminRules.newRule')} (${kindLabel})`;
              return (
                <Table.Row key={row.rowId}>
                  <Table.Cell>
                    {row.isNew ? (
                      <div className="protocol">
                        <Textfield
                          id={field('key')}
                          aria-label={of('key')}
                          value={row.key}
                          onChange={(e) => props.onChange(row.rowId, { key: e.target.value })}
                          error={error('key')}
                        />
                        <Button variant="tertiary" data-size="sm" onClick={() => props.onRemove(row.rowId)}>
                          {t('adminRules.remove')}
                        </Button>
                      </div>
                    ) : (
                      <code>{row.key}</code>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <SelectField
                      id={field('recipient')}
                      aria-label={of('recipient')}
                      value={row.recipient}
                      onChange={(e) => props.onChange(row.rowId, { recipient: e.target.value as Recipient })}
                      error={error('recipient')}
                    >
                      {reminderRecipientValues.map((r) => (
                        <Select.Option key={r} value={r}>
                          {t(`adminRules.recipients.${r}`)}
                        </Select.Option>
                      ))}
                    </SelectField>
                  </Table.Cell>
                  <Table.Cell>
                    <SelectField
                      id={field('anchor')}
                      aria-label={of('anchor')}
                      value={row.anchor}
                      onChange={(e) => props.onChange(row.rowId, { anchor: e.target.value as Anchor })}
                      error={error('anchor')}
                    >
                      {reminderAnchorValues.map((a) => (
                        <Select.Option key={a} value={a}>
                          {t(`adminRules.anchors.${a}`)}
                        </Select.Option>
                      ))}
                    </SelectField>
                  </Table.Cell>
                  <Table.Cell>
                    <Textfield
                      id={field('offsetValue')}
                      aria-label={of('offsetValue')}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      value={row.offsetValue}
                      onChange={(e) => props.onChange(row.rowId, { offsetValue: e.target.value })}
                      error={error('offsetValue')}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <SelectField
                      id={field('offsetUnit')}
                      aria-label={of('offsetUnit')}
                      value={row.offsetUnit}
                      onChange={(e) => props.onChange(row.rowId, { offsetUnit: e.target.value as OffsetUnit })}
                      error={error('offsetUnit')}
                    >
                      {reminderOffsetUnitValues.map((u) => (
                        <Select.Option key={u} value={u}>
                          {t(`adminRules.units.${u}`)}
                        </Select.Option>
                      ))}
                    </SelectField>
                  </Table.Cell>
                  <Table.Cell>
                    <Checkbox
                      id={field('active')}
                      aria-label={of('active')}
                      checked={row.active}
                      onChange={(e) => props.onChange(row.rowId, { active: e.target.checked })}
                      error={error('active')}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <RuleMeaning row={row} />
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableWrap>
      <Button variant="secondary" data-size="sm" onClick={props.onAdd}>
        {t('adminRules.add', { kind: kindLabel })}
      </Button>
    </section>
  );
}

/** The rule in words: "Reminder to the one responsible 7 days before the due time". */
function RuleMeaning({ row }: { row: RuleRow }) {
  const { t } = useTranslation();
  const who = t(`adminRules.recipients.${row.recipient}`);
  const count = Number(row.offsetValue);
  const when =
    row.anchor === 'at' || count === 0
      ? t('adminRules.meaning.at', { who })
      : t(`adminRules.meaning.${row.anchor}`, { who, amount: t(`adminRules.amounts.${row.offsetUnit}`, { count }) });
  return <>{row.active ? when : `${when} ${t('adminRules.inactive')}`}</>;
}
