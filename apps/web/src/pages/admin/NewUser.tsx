import { Button, Link as DsLink, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';

/**
 * A new account in an organisation the admin administers. The api checks every field (and whether
 * the admin may create users there); its messages appear next to the fields. The person is invited
 * by e-mail and chooses their own password (issue #18); nobody types it for them.
 */
export function NewUser() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useLoad(() => api.GET('/api/v1/organisations'), []);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/users', {
      body: { displayName: value('displayName'), email: value('email'), organisationId: value('organisationId') },
    });
    setBusy(false);
    if (!data) return setProblem(asProblem(error, response.status));
    void navigate(`/admin/users/${data.id}`, { state: { notice: 'created' } });
  }

  const choices = organisations.data ?? [];
  return (
    <>
      <DsLink asChild>
        <Link to="/admin/users">{t('adminUsers.back')}</Link>
      </DsLink>
      <PageTitle>{t('adminUsers.newTitle')}</PageTitle>
      <ProblemMessage problem={organisations.problem} />
      <ProblemMessage problem={problem} />
      {/* noValidate: the api decides what is valid and says so next to each field. */}
      <form className="protocol admin-form" onSubmit={(e) => void create(e)} noValidate>
        <Textfield id="displayName" name="displayName" label={t('adminUsers.name')} required autoComplete="off" error={fieldError(problem, 'displayName')} />
        <Textfield id="email" name="email" type="email" label={t('adminUsers.email')} required autoComplete="off" error={fieldError(problem, 'email')} />
        <SelectField
          id="organisationId"
          label={t('adminUsers.employer')}
          required
          defaultValue={choices.length === 1 ? choices[0].id : ''}
          key={choices.length}
          error={fieldError(problem, 'organisationId')}
        >
          {choices.length !== 1 && <Select.Option value="">{t('adminUsers.choose')}</Select.Option>}
          {choices.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </SelectField>
        <Paragraph data-size="sm">{t('account.admin.inviteHint')}</Paragraph>
        <div className="row">
          <Button type="submit" loading={busy}>
            {t('account.admin.invite')}
          </Button>
        </div>
      </form>
    </>
  );
}
