import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, refresh, session } from './api/client';
import type { components } from './api/schema';

/** The signed-in user (GET /me); `permissions` holds each permission with its widest scope: what the screens may offer. */
export type Me = components['schemas']['MeView'];
/** A correct password of an account with a second factor: the sign-in page asks for it (pages/account/SecondStep.tsx). */
export type MfaRequired = components['schemas']['MfaRequiredResponse'];
type Tokens = components['schemas']['TokenResponse'];

interface SessionState {
  me: Me | null;
  /** True while the stored session is being restored on load. */
  restoring: boolean;
  /** Set when the session ended by itself (expired), to explain the sign-in page. */
  expired: boolean;
  signIn(email: string, password: string): Promise<'ok' | 'failed' | 'rate_limited' | MfaRequired>;
  /** Starts the session a second step or a passkey answered with. */
  accept(tokens: Tokens): Promise<void>;
  signOut(): Promise<void>;
  /** Takes a session begun elsewhere (an accepted invitation answers with a token pair). */
  adopt(tokens: { accessToken: string; refreshToken: string }): Promise<void>;
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  // Only a stored refresh token has a session to restore; without one the sign-in shows at once.
  const [restoring, setRestoring] = useState(() => !!session.refreshToken);
  const [expired, setExpired] = useState(false);

  const loadMe = useCallback(async () => {
    const { data } = await api.GET('/api/v1/me');
    setMe(data ?? null);
  }, []);

  useEffect(() => {
    session.onEnded(() => {
      setMe(null);
      setExpired(true);
    });
    // A reload keeps the tab's session: the refresh token gives a new access token.
    void (async () => {
      if (await refresh()) await loadMe();
      setRestoring(false);
    })();
  }, [loadMe]);

  const value: SessionState = {
    me,
    restoring,
    expired,
    async signIn(email, password) {
      const { data, response } = await api.POST('/api/v1/auth/login', { body: { email, password } });
      if (response.status === 429) return 'rate_limited';
      if (!data) return 'failed';
      if ('challenge' in data) return data;
      await value.accept(data);
      return 'ok';
    },
    async accept(tokens) {
      session.set(tokens);
      setExpired(false);
      await loadMe();
    },
    async signOut() {
      const refreshToken = session.refreshToken;
      if (refreshToken) await api.POST('/api/v1/auth/logout', { body: { refreshToken } });
      session.clear();
      setMe(null);
    },
    async adopt(tokens) {
      session.set(tokens);
      setExpired(false);
      await loadMe();
    },
    can: (permission) => !!me && permission in me.permissions,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
