import '../../design-system-full';
import { Heading, Link as DsLink } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, asProblem, type Problem, session } from '../../api/client';
import { Loading, ProblemMessage } from '../../components/common';

/**
 * Where the identity provider sends the browser back (/oidc/callback?code=…&state=…): the answer
 * is posted to the api once (a state works once), which checks it and starts the session. The app
 * then loads afresh and restores that session as after any reload.
 */
export default function OidcCallback() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<Problem>();
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const value = (name: string) => params.get(name) ?? undefined;
    const state = value('state');
    // Without a state there is no attempt to finish: said as the api would say it.
    if (!state)
      return setProblem({ type: 'urn:samverkan:problem:oidc.state_unknown', title: 'Bad Request', status: 400, code: 'oidc.state_unknown', params: {} });
    void (async () => {
      const { data, error, response } = await api.POST('/api/v1/auth/oidc/callback', {
        body: { state, code: value('code'), iss: value('iss'), error: value('error') },
      });
      if (!data) return setProblem(asProblem(error, response.status));
      session.set(data);
      window.location.replace('/');
    })();
  }, [params]);

  return (
    <main id="main" className="signin">
      {problem ? (
        <>
          <Heading level={1} data-size="lg">
            {t('oidc.failedTitle')}
          </Heading>
          <ProblemMessage problem={problem} />
          <DsLink href="/">{t('oidc.backToSignIn')}</DsLink>
        </>
      ) : (
        <>
          <Heading level={1} data-size="lg">
            {t('oidc.returning')}
          </Heading>
          <Loading />
        </>
      )}
    </main>
  );
}
