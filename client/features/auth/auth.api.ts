import { action } from '@solidjs/router';
import type { PasswordChange } from '../../../domain/schemas/staff';
import { api, call } from '../../lib/api';

/** Every other session of the account ends; this browser gets a new cookie (decision 0013). */
export const changeMyPassword = action(
  (input: PasswordChange) => call(api.auth.password.$post({ json: input })),
  'auth-password',
);

/** Every session of the account ends, this one included, with its sockets. */
export const logoutEverywhere = action(
  () => call(api.auth['logout-everywhere'].$post()),
  'auth-logout-everywhere',
);
