import { Alert } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/**
 * Where to come back after signing in again (this tab only; pages/strong-auth/StrongAuth.tsx sets
 * it). Here, apart from the rest of strong authentication, so the sign-in page loads only this.
 */
export const RETURN_KEY = 'samverkan.strongAuth.returnTo';

/** On the sign-in page, after signing out to sign in stronger: what happens next. */
export function StrongSignInNotice() {
  const { t } = useTranslation();
  if (!sessionStorage.getItem(RETURN_KEY)) return null;
  return <Alert data-color="info">{t('strongAuth.signInNotice')}</Alert>;
}
