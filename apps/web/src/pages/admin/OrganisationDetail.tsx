import { Alert, Button, Heading, Link as DsLink, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { appealCourtValues, type components } from '../../api/schema';
import { Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError, formText, SelectField, useApiForm } from '../../components/forms';

type Organisation = components['schemas']['OrganisationView'];
type AppealCourt = components['schemas']['AppealCourt'];

/**
 * One organisation for its administrator (or a system administrator): what citizens and letters see of it (its contact on
 * the promise's public page and in every document it issues) and, for a municipality, the court
 * its decisions are appealed to, which the decision letter names. Saved with the version read
 * (If-Match); someone else's change in between is said, not overwritten.
 */
export function OrganisationDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organisation = useLoad(() => api.GET('/api/v1/organisations/{id}', { params: { path: { id } } }), [id]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const o = organisation.data;

  return (
    <>
      <DsLink asChild>
        <Link to="/admin/organisations">{t('adminOrg.back')}</Link>
      </DsLink>
      <PageTitle>{o?.name ?? t('adminOrgs.title')}</PageTitle>
      {organisation.loading && !o && <Loading />}
      <ProblemMessage problem={organisation.problem} />
      {saved && (
        <Alert data-color="success" role="status">
          {t('adminOrg.saved')}
        </Alert>
      )}
      {o && (
        <>
          <dl className="admin-facts">
            <dt>{t('adminOrgs.kind')}</dt>
            <dd>{t(`adminOrgs.kinds.${o.kind}`)}</dd>
            <dt>{t('adminOrgs.orgNumber')}</dt>
            <dd>{o.orgNumber ?? t('adminOrgs.none')}</dd>
            <dt>{t('adminOrg.contactPhone')}</dt>
            <dd>{o.contactPhone ?? t('adminOrgs.none')}</dd>
            <dt>{t('adminOrg.contactEmail')}</dt>
            <dd>{o.contactEmail ?? t('adminOrgs.none')}</dd>
            <dt>{t('adminOrg.contactUrl')}</dt>
            <dd>{o.contactUrl ?? t('adminOrgs.none')}</dd>
            {o.kind === 'municipality' && (
              <>
                <dt>{t('adminOrg.appealCourt')}</dt>
                <dd>{o.appealCourt ?? t('adminOrg.noAppealCourt')}</dd>
              </>
            )}
            <dt>{t('adminOrgs.units')}</dt>
            <dd>{o.units.map((u) => u.name).join(', ') || t('adminOrgs.noUnits')}</dd>
          </dl>
          {editing ? (
            <DetailsForm
              key={o.version}
              organisation={o}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
                organisation.reload();
              }}
            />
          ) : (
            <div>
              <Button
                variant="secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('adminOrg.edit')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** The details as they are to be; a field left empty has no value. The api checks each and says so beside it. */
function DetailsForm({ organisation, onCancel, onSaved }: { organisation: Organisation; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { problem, busy, submit } = useApiForm();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(event.currentTarget);
    const data = await submit(() =>
      api.PUT('/api/v1/organisations/{id}', {
        params: { path: { id: organisation.id }, header: { 'If-Match': `"${organisation.version}"` } },
        body: {
          name: value('name'),
          orgNumber: value('orgNumber') || null,
          contactPhone: value('contactPhone') || null,
          contactEmail: value('contactEmail') || null,
          contactUrl: value('contactUrl') || null,
          appealCourt: (value('appealCourt') || null) as AppealCourt | null,
        },
      }),
    );
    if (data) onSaved();
  }

  const text = (
    name: 'name' | 'orgNumber' | 'contactPhone' | 'contactEmail' | 'contactUrl',
    label: string,
    props: { description?: string; type?: 'email' | 'url' | 'tel' } = {},
  ) => (
    <Textfield
      id={name}
      name={name}
      label={label}
      autoComplete="off"
      defaultValue={organisation[name] ?? ''}
      error={fieldError(problem, name, label)}
      {...props}
    />
  );

  return (
    <section aria-labelledby="organisation-details" className="protocol admin-section">
      <Heading level={2} data-size="sm" id="organisation-details">
        {t('adminOrg.editTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('adminOrg.editIntro')}</Paragraph>
      <ProblemMessage problem={problem} />
      {/* noValidate: the api decides what is valid and says so next to each field. */}
      <form className="protocol admin-form" onSubmit={(e) => void save(e)} noValidate>
        {text('name', t('adminOrgs.name'))}
        {text('orgNumber', t('adminOrgs.orgNumber'), { description: t('adminOrgs.orgNumberHint') })}
        {text('contactPhone', t('adminOrg.contactPhone'), { description: t('adminOrg.contactPhoneHint'), type: 'tel' })}
        {text('contactEmail', t('adminOrg.contactEmail'), { description: t('adminOrg.contactEmailHint'), type: 'email' })}
        {text('contactUrl', t('adminOrg.contactUrl'), { description: t('adminOrg.contactUrlHint'), type: 'url' })}
        {organisation.kind === 'municipality' && (
          <SelectField
            id="appealCourt"
            label={t('adminOrg.appealCourt')}
            description={t('adminOrg.appealCourtHint')}
            defaultValue={organisation.appealCourt ?? ''}
            error={fieldError(problem, 'appealCourt', t('adminOrg.appealCourt'))}
          >
            <Select.Option value="">{t('adminOrg.noAppealCourt')}</Select.Option>
            {appealCourtValues.map((court) => (
              <Select.Option key={court} value={court}>
                {court}
              </Select.Option>
            ))}
          </SelectField>
        )}
        <div className="row">
          <Button type="submit" loading={busy}>
            {t('adminOrg.save')}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t('adminOrg.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
