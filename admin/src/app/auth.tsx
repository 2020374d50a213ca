import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, handleSessionLost, setCsrfToken, setRequestLocale } from './api.ts';
import type { User } from '../../../src/modules/auth/auth.schemas.ts';
import type { Role } from '../../../src/platform/auth-core.ts';
import { useLocale, type Locale } from './i18n.tsx';

export type { Role } from '../../../src/platform/auth-core.ts';

/** The signed-in account, exactly as the server describes users. */
export type CurrentUser = User;

interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
  cityWide: boolean;
}

interface AuthState {
  /** undefined while the session is being checked, null when signed out. */
  user: CurrentUser | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Switches the language and remembers it on the user's account. */
  changeLocale(locale: Locale): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  /** Whether the account's scope holds the top-level org, whose admins alone change what the whole association shares. */
  cityWide: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useLocale();
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [cityWide, setCityWide] = useState(false);

  useEffect(() => setRequestLocale(locale), [locale]);

  const accept = useCallback(
    (session: SessionInfo) => {
      setCsrfToken(session.csrfToken);
      setUser(session.user);
      setCityWide(session.cityWide);
      if (session.user.locale) setLocale(session.user.locale);
    },
    [setLocale],
  );

  useEffect(() => {
    handleSessionLost(() => {
      setCsrfToken(undefined);
      setUser(null);
    });
    api<SessionInfo | null>('GET', '/auth/session').then((session) => (session ? accept(session) : setUser(null)), () => setUser(null));
  }, [accept]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      async login(username, password) {
        accept(await api<SessionInfo>('POST', '/auth/login', { username, password }));
      },
      async logout() {
        await api('POST', '/auth/logout').catch(() => undefined);
        setCsrfToken(undefined);
        setUser(null);
      },
      async changeLocale(next) {
        setLocale(next);
        setRequestLocale(next);
        if (user) setUser({ ...user, locale: (await api<CurrentUser>('PATCH', '/auth/me', { locale: next })).locale });
      },
      hasRole: (...roles) => !!user && user.roles.some((role) => roles.includes(role)),
      cityWide: !!user && cityWide,
    }),
    [user, cityWide, accept, setLocale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
