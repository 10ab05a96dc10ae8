import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { ProblemMessage, useLoad } from '../../components/common';

type ProviderOption = components['schemas']['OidcProviderOption'];

/**
 * The sign-in page's buttons for the organisations' identity providers (issue #18): one per active
 * provider; a click starts the authorization code flow and sends the browser to the provider.
 * Nothing is shown when no provider is configured. On an invitation's page the buttons are the
 * invited organisation's providers, and signing in there accepts the invitation.
 */
export function OidcSignIn({ invitation }: { invitation?: { token: string; providers: ProviderOption[] } }) {
  const { t } = useTranslation();
  const listed = useLoad(invitation ? null : () => api.GET('/api/v1/auth/oidc/providers'), []);
  const providers = invitation ? { data: invitation.providers } : listed;
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<Problem>();

  async function start(providerId: string) {
    setBusy(providerId);
    setProblem(undefined);
    const { data, error, response } = await api.POST('/api/v1/auth/oidc/{providerId}/start', {
      params: { path: { providerId } },
      body: invitation ? { invitationToken: invitation.token } : {},
    });
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
        {t(invitation ? 'oidc.invitationHeading' : 'oidc.heading')}
      </Heading>
      <ProblemMessage problem={problem} />
      {providers.data.map((p) => (
        <Button key={p.id} variant="secondary" loading={busy === p.id} disabled={!!busy} onClick={() => void start(p.id)}>
          {t('oidc.with', { name: p.displayName })}
        </Button>
      ))}
      <Paragraph data-size="sm">{t(invitation ? 'oidc.invitationOr' : 'oidc.or')}</Paragraph>
    </section>
  );
}
