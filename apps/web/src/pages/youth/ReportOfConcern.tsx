import { Alert, Button, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { dateTime, PageTitle } from '../../components/common';
import { useSession } from '../../session';
import { todayInStockholm } from '../../components/time';
import { FormStatus, SHAREABLE, useApiForm, useCollaborations, type Category } from './forms';
import { SelectField } from '../../components/forms';

type Receipt = components['schemas']['YouthConcernReceiptView'];

/**
 * A report of concern from the police to social services (SoL 14 kap 1 §). The case it opens
 * belongs to social services: the officer gets a receipt, and cannot read the case afterwards.
 */
export function ReportOfConcern() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const collaborations = useCollaborations();
  const form = useApiForm();
  const [receipt, setReceipt] = useState<Receipt>();

  if (!can('youth_concern:report')) return <Alert data-color="warning">{t('youth.noPermission')}</Alert>;

  async function report(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '');
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/reports-of-concern', {
          body: {
            collaborationId: value('collaborationId'),
            personalNumber: value('personalNumber').trim(),
            name: value('name'),
            observedOn: value('observedOn'),
            category: value('category') as Exclude<Category, 'basic'>,
            concern: value('concern'),
          },
        }),
      setReceipt,
    );
  }

  return (
    <>
      <DsLink asChild>
        <Link to="/youth-cases">{t('youth.back')}</Link>
      </DsLink>
      <PageTitle>{t('youthConcern.title')}</PageTitle>
      <Paragraph>{t('youthConcern.intro')}</Paragraph>
      {receipt ? (
        <>
          <Alert data-color="success" role="status">
            {t('youthConcern.sent', { reference: receipt.caseReference, receivedBy: receipt.receivedBy, at: dateTime(receipt.receivedAt, i18n.language) })}
          </Alert>
          <Button
            variant="secondary"
            onClick={() => {
              form.reset();
              setReceipt(undefined);
            }}
          >
            {t('youthConcern.another')}
          </Button>
        </>
      ) : (
        <form className="protocol" onSubmit={(e) => void report(e)}>
          <Alert data-color="warning">{t('youthConcern.noAccess')}</Alert>
          <FormStatus form={form} />
          <SelectField
            id="collaborationId"
            label={t('youthConcern.collaboration')}
            required
            defaultValue={collaborations.length === 1 ? collaborations[0].id : ''}
            error={form.error('collaborationId')}
          >
            {collaborations.length !== 1 && <option value="">{t('youthConcern.choose')}</option>}
            {collaborations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.municipality.name}
              </option>
            ))}
          </SelectField>
          <Textfield
            id="personalNumber"
            name="personalNumber"
            label={t('youthConcern.personalNumber')}
            autoComplete="off"
            required
            error={form.error('personalNumber')}
          />
          <Textfield
            id="name"
            name="name"
            label={t('youthConcern.name')}
            autoComplete="off"
            required
            minLength={2}
            maxLength={200}
            error={form.error('name')}
          />
          <Textfield
            id="observedOn"
            name="observedOn"
            type="date"
            label={t('youthConcern.observedOn')}
            required
            defaultValue={todayInStockholm()}
            error={form.error('observedOn')}
          />
          <SelectField id="category" label={t('youthConcern.category')} required defaultValue="" error={form.error('category')}>
            <option value="">{t('youthConcern.choose')}</option>
            {SHAREABLE.map((c) => (
              <option key={c} value={c}>
                {t(`youth.categories.${c}`)}
              </option>
            ))}
          </SelectField>
          <Textfield
            id="concern"
            name="concern"
            label={t('youthConcern.concern')}
            multiline
            rows={6}
            required
            minLength={10}
            maxLength={10_000}
            error={form.error('concern')}
          />
          <Button type="submit" disabled={form.busy}>
            {t('youthConcern.submit')}
          </Button>
        </form>
      )}
    </>
  );
}
