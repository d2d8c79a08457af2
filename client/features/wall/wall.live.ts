import { AppError } from '../../../domain/errors';
import { api, call } from '../../lib/api';
import { createLive, type Live } from '../../lib/live';

/**
 * The wall's own live connection (the feed's labels and the workshop cards, never the
 * records). When the server ends the socket, /auth/me tells a revoked token (signed out: the
 * page shows it) from a server restarting (keep trying).
 */
export function createWallLive(onSignedOut: () => void): Live {
  return createLive({
    isWall: true,
    onSignedOut: async () => {
      try {
        await call(api.auth.me.$get());
        return true;
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthenticated') {
          onSignedOut();
          return false;
        }
        return true;
      }
    },
  });
}
