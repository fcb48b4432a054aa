import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { Me } from '../../../src/contract';

export interface Session {
  client: ApiClient;
  me: Me;
  /** Local mode only: go back to the persona picker. */
  switchPersona?: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside a signed-in session');
  return session;
}

export const useApiClient = (): ApiClient => useSession().client;
