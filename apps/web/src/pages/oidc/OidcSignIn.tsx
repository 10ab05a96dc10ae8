import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { ProblemMessage, useLoad } from '../../components/common';

/**
 * The sign-in page's buttons for the organisations' identity providers (issue #18): one per active
 * provider; a click starts the authorization code flow and sends the browser to the provider.
 * Nothing is shown when no provider is configured.
 */
export function OidcSignIn() {
  const { t } = useTranslation();
  const providers = useLoad(() => api.GET('/api/v1/auth/oidc/providers'), []);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<Problem>();

  async function start(providerId: string) {
    setBusy(providerId);
    setProblem(undefined);
    const { data, error, response } = await api.POST('/api/v1/auth/oidc/{providerId}/start', { params: { path: { providerId } } });
    if (!data) {
      setBusy(undefined);
      return setProblem(asProblem(error, response.status));
    }
    window.location.assign(data.authorizationUrl);
  }

  if (!providers.data?.length) return null;
  return (
    <section className="oidc-signin" aria-labelledby="oidc-signin-heading">
      <Heading level={2} data-size="xs" id="oidc-signin-heading">
        {t('oidc.heading')}
      </Heading>
      <ProblemMessage problem={problem} />
      {providers.data.map((p) => (
        <Button key={p.id} variant="secondary" loading={busy === p.id} disabled={!!busy} onClick={() => void start(p.id)}>
          {t('oidc.with', { name: p.displayName })}
        </Button>
      ))}
      <Paragraph data-size="sm">{t('oidc.or')}</Paragraph>
    </section>
  );
}
