import { Button, Details, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem } from '../../api/client';
import { type components, youthPlanItemStatusValues } from '../../api/schema';
import { date, EmptyState, ProblemMessage } from '../../components/common';
import { FormStatus, text, useApiForm } from './forms';
import { SelectField } from '../../components/forms';

type PlanStatus = components['schemas']['YouthPlanItemStatus'];
type PlanItem = components['schemas']['YouthPlanItemView'];

const STATUS_COLOURS = { open: 'info', done: 'success', cancelled: 'neutral' } as const satisfies Record<PlanStatus, string>;

/** The plan: goals and tasks with who does them and by when; owners add tasks and follow them up. */
export function Plan(props: { caseId: string; plan: { data?: PlanItem[]; problem?: Problem; reload: () => void }; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const items = props.plan.data;
  return (
    <section id="case-plan">
      <Heading level={2} data-size="sm">
        {t('youth.plan')}
      </Heading>
      <ProblemMessage problem={props.plan.problem} />
      {items?.length ? (
        <List.Unordered>
          {items.map((p) => (
            <List.Item key={p.id}>
              <div className="youth-item">
                <div className="row">
                  <strong>{p.goal}</strong>
                  <Tag data-color={STATUS_COLOURS[p.status]}>{t(`youthPlan.statuses.${p.status}`)}</Tag>
                </div>
                <Paragraph>{p.task}</Paragraph>
                <Paragraph data-size="sm">
                  {p.ownerName ?? p.ownerDescription}, {t('youthPlan.dueOn').toLowerCase()} {date(p.dueOn, i18n.language)}
                </Paragraph>
                {props.canWrite && <PlanItemChange caseId={props.caseId} item={p} onSaved={props.plan.reload} />}
              </div>
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        items && <EmptyState>{t('youth.noPlan')}</EmptyState>
      )}
      {props.canWrite && <PlanItemForm caseId={props.caseId} onSaved={props.plan.reload} />}
    </section>
  );
}

function PlanItemForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  // The api asks for an owner as ownerUserId or ownerDescription; the screen offers the description.
  const form = useApiForm('plan', { ownerUserId: 'ownerDescription' });

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/{id}/plan-items', {
          params: { path: { id: caseId } },
          body: {
            goal: String(data.get('goal') ?? ''),
            task: String(data.get('task') ?? ''),
            ownerDescription: text(data, 'ownerDescription'),
            dueOn: String(data.get('dueOn') ?? ''),
          },
        }),
      () => {
        element.reset();
        onSaved();
      },
    );
  }

  return (
    <Details>
      <Details.Summary>{t('youthPlan.add')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void add(e)}>
          <FormStatus form={form} success={t('youthPlan.saved')} />
          <Textfield id={form.id('goal')} name="goal" label={t('youthPlan.goal')} required minLength={2} maxLength={500} error={form.error('goal')} />
          <Textfield
            id={form.id('task')}
            name="task"
            label={t('youthPlan.task')}
            multiline
            rows={2}
            required
            minLength={2}
            maxLength={2000}
            error={form.error('task')}
          />
          <Textfield
            id={form.id('ownerDescription')}
            name="ownerDescription"
            label={t('youthPlan.owner')}
            description={t('youthPlan.ownerHelp')}
            maxLength={200}
            error={form.error('ownerDescription')}
          />
          <Textfield id={form.id('dueOn')} name="dueOn" type="date" label={t('youthPlan.dueOn')} required error={form.error('dueOn')} />
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('youthPlan.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

/** Following a task up: its status, due date and wording (with the version read, so no change is lost). */
function PlanItemChange({ caseId, item, onSaved }: { caseId: string; item: PlanItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm(`plan-${item.id}`);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await form.send(
      () =>
        api.PATCH('/api/v1/youth-cases/{id}/plan-items/{itemId}', {
          params: { path: { id: caseId, itemId: item.id }, header: { 'If-Match': `"${item.version}"` } },
          body: { status: String(data.get('status')) as PlanStatus, dueOn: String(data.get('dueOn') ?? ''), task: String(data.get('task') ?? '') },
        }),
      onSaved,
    );
  }

  return (
    <Details>
      <Details.Summary>
        {t('youthPlan.change')}: {item.goal}
      </Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void save(e)}>
          <FormStatus form={form} success={t('youthPlan.updated')} />
          <SelectField id={form.id('status')} name="status" label={t('youthPlan.status')} defaultValue={item.status} error={form.error('status')}>
            {youthPlanItemStatusValues.map((s) => (
              <option key={s} value={s}>
                {t(`youthPlan.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <Textfield
            id={form.id('task')}
            name="task"
            label={t('youthPlan.progress')}
            multiline
            rows={2}
            required
            minLength={2}
            maxLength={2000}
            defaultValue={item.task}
            error={form.error('task')}
          />
          <Textfield
            id={form.id('dueOn')}
            name="dueOn"
            type="date"
            label={t('youthPlan.dueOn')}
            required
            defaultValue={item.dueOn}
            error={form.error('dueOn')}
          />
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('youthPlan.changeSubmit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
