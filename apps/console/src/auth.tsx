// Who is logged in. The token lives in localStorage (through the api client); on start the console
// asks /api/auth/me, and a 401 anywhere sends the user back to the login screen.
import type { Role } from '@jiesu/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from './api/client';
import type { LoginBody, LoginResponse, Me } from './api/types';

interface Auth {
  me: Me | null;
  isLoading: boolean;
  logIn(username: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  /** The centre or a district sub-centre: the places that take calls and dispatch. */
  isDispatchUnit: boolean;
}

const Ctx = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [isLoading, setLoading] = useState<boolean>(api.token !== null);

  useEffect(() => {
    api.onUnauthenticated = () => setMe(null);
    if (!api.token) return;
    // Typed by the contract (AUTH_ENDPOINTS) but called by path: this module is in the login
    // page's bundle, and importing the endpoint's schemas would put TypeBox into it (its 300 KB
    // budget, console-phone.browser.test.ts).
    api
      .get<Me>('/api/auth/me')
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, []);

  const logIn = useCallback(async (username: string, password: string) => {
    const body: LoginBody = { username, password };
    const r = await api.post<LoginResponse>('/api/auth/login', body);
    api.setToken(r.token);
    setMe(await api.get<Me>('/api/auth/me'));
  }, []);

  const logOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the session may already be gone; forget it either way
    }
    api.setToken(null);
    setMe(null);
  }, []);

  const value = useMemo<Auth>(
    () => ({
      me,
      isLoading,
      logIn,
      logOut,
      hasRole: (...roles) => me !== null && roles.some((r) => me.roles.includes(r)),
      isDispatchUnit: me !== null && (me.unitClass === 'centre' || me.unitClass === 'district'),
    }),
    [me, isLoading, logIn, logOut],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
