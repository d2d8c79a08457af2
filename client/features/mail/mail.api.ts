import { query } from '@solidjs/router';
import { api, call } from '../../lib/api';
import { liveAction } from '../../lib/queries';

/**
 * The outbox, newest first, with whether e-mail is configured. Delivery happens on the server
 * without a change event: the page reads it again after each action and on « Actualiser ».
 */
export const getOutbox = query(() => call(api.outbox.$get({ query: {} })), 'outbox');

export const retryOutboxMessage = liveAction('outbox-retry', (id: string) =>
  call(api.outbox[':id'].retry.$post({ param: { id } })),
);

export const sendTestMessage = liveAction('outbox-test', (to: string) =>
  call(api.outbox.test.$post({ json: { to } })),
);
