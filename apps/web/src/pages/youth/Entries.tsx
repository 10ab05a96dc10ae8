import { Button, Details, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem } from '../../api/client';
import { type components, youthEntryVisibilityValues, youthInformationCategoryValues } from '../../api/schema';
import { date, EmptyState, ProblemMessage } from '../../components/common';
import { todayInStockholm } from '../../components/time';
import { type ApiForm, type Category, FormStatus, RadioGroup, useApiForm } from './forms';
import { SelectField } from '../../components/forms';

type Entry = components['schemas']['YouthEntryView'];
type Visibility = components['schemas']['YouthEntryVisibility'];

/** The notes the reader may see, newest first; owners may add one (never edit: SoL documentation). */
export function Entries(props: { caseId: string; entries: { data?: { items: Entry[] }; problem?: Problem; reload: () => void }; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const items = props.entries.data?.items;
  return (
    <section id="case-entries">
      <Heading level={2} data-size="sm">
        {t('youth.entries')}
      </Heading>
      <ProblemMessage problem={props.entries.problem} />
      {items?.length ? (
        <List.Unordered>
          {items.map((e) => (
            <List.Item key={e.id}>
              <div className="youth-item">
                <div className="row">
                  <strong>{date(e.occurredOn, i18n.language)}</strong>
                  <Tag data-color="neutral">{t(`youthEntries.kinds.${e.kind}`)}</Tag>
                  <Tag data-color="accent">{t(`youth.categories.${e.category}`)}</Tag>
                  {props.canWrite && <Paragraph data-size="sm">{t(`youthEntries.visibilities.${e.visibility}`)}</Paragraph>}
                </div>
                <Paragraph className="youth-body">{e.body}</Paragraph>
                {e.authorName && <Paragraph data-size="sm">{t('youthEntries.by', { name: e.authorName })}</Paragraph>}
              </div>
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        items && <EmptyState>{t('youth.noEntries')}</EmptyState>
      )}
      {props.canWrite && <EntryForm caseId={props.caseId} onSaved={props.entries.reload} />}
    </section>
  );
}

function EntryForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm('entry');

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/{id}/entries', { params: { path: { id: caseId } }, body: { kind: 'journal', ...entryFields(new FormData(element)) } }),
      () => {
        element.reset();
        onSaved();
      },
    );
  }

  return (
    <Details>
      <Details.Summary>{t('youthEntries.add')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void save(e)}>
          <Paragraph data-size="sm">{t('youthEntries.immutable')}</Paragraph>
          <FormStatus form={form} success={t('youthEntries.saved')} />
          <EntryFields form={form} dateLabel={t('youthEntries.occurredOn')} bodyLabel={t('youthEntries.body')} />
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('youthEntries.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

/** What a note and a meeting's minutes share: category, who may read it, the day, the text. */
export function EntryFields({ form, dateLabel, bodyLabel }: { form: ApiForm; dateLabel: string; bodyLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField id={form.id('category')} name="category" label={t('youthEntries.category')} required defaultValue="" error={form.error('category')}>
        <option value="">{t('youthNew.choose')}</option>
        {youthInformationCategoryValues.map((c) => (
          <option key={c} value={c}>
            {t(`youth.categories.${c}`)}
          </option>
        ))}
      </SelectField>
      <RadioGroup<Visibility>
        id={form.id('visibility')}
        name="visibility"
        legend={t('youthEntries.visibility')}
        options={youthEntryVisibilityValues.map((key) => ({ key, label: t(`youthEntries.visibilities.${key}`) }))}
        defaultValue="owner"
        error={form.error('visibility')}
      />
      <Textfield
        id={form.id('occurredOn')}
        name="occurredOn"
        type="date"
        label={dateLabel}
        required
        defaultValue={todayInStockholm()}
        error={form.error('occurredOn')}
      />
      <Textfield id={form.id('body')} name="body" label={bodyLabel} multiline rows={5} required minLength={2} maxLength={20_000} error={form.error('body')} />
    </>
  );
}

export function entryFields(data: FormData): { category: Category; visibility: Visibility; occurredOn: string; body: string } {
  return {
    category: String(data.get('category')) as Category,
    visibility: String(data.get('visibility')) as Visibility,
    occurredOn: String(data.get('occurredOn') ?? ''),
    body: String(data.get('body') ?? ''),
  };
}
