import {
  createContext,
  createResource,
  type JSX,
  onCleanup,
  type Resource,
  useContext,
} from 'solid-js';
import { AppError } from '../../domain/errors';
import type { SessionUser } from '../../domain/schemas/staff';
import { api, call, onUnauthenticated } from './api';

type Session = {
  user: Resource<SessionUser | null>;
  /**
   * Re-reads /auth/me (when the socket was ended by the server): null once signed out. A network
   * failure keeps the current user and throws, so a server restart does not sign anyone out.
   */
  refresh: () => Promise<SessionUser | null>;
  /** Loads the session again after the first /auth/me failed (server unreachable). */
  retry: () => void;
  signedIn: (user: SessionUser) => void;
  logout: () => Promise<void>;
};

const SessionContext = createContext<Session>();

async function fetchMe(): Promise<SessionUser | null> {
  try {
    return (await call(api.auth.me.$get())).user;
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

/** The signed-in user: one of the two global contexts (with the live socket). */
export function SessionProvider(props: { children: JSX.Element }) {
  const [user, { mutate, refetch }] = createResource(fetchMe);
  // Any request refused with 401 means the session is gone: the route guard then shows /login.
  onCleanup(onUnauthenticated(() => mutate(null)));
  const session: Session = {
    user,
    refresh: async () => {
      const next = await fetchMe();
      mutate(next);
      return next;
    },
    retry: () => void refetch(),
    signedIn: (next) => mutate(next),
    logout: async () => {
      await call(api.auth.logout.$post()).catch((error) => console.warn('Déconnexion', error));
      mutate(null);
    },
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
