import { randomUUID } from 'node:crypto';
import { AppError } from '../../../domain/errors';
import {
  type MailMessage,
  MailMessageSchema,
  type OutboxMessage,
  type OutboxStatus,
} from '../../../domain/schemas/outbox';
import type { QuoteMessage } from '../../../domain/schemas/quote-email';
import { ADMINS, READERS, requireRole } from '../../access';
import type { Executor, Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import {
  findOutboxMessage,
  insertOutboxMessage,
  requeueFailed,
  selectMessagesOf,
  selectOutboxMessages,
} from './mail.repo';

/** E-mail is configured when the environment names a mail server (MAIL_FROM goes with it). */
export function isMailConfigured(deps: Pick<Deps, 'env'>): boolean {
  return Boolean(deps.env.SMTP_URL && deps.env.MAIL_FROM);
}

/** `<uuid@domain-of-MAIL_FROM>`, fixed at queue time so a retry sends the same one. */
function newMessageId(deps: Pick<Deps, 'env'>): string {
  const domain = deps.env.MAIL_FROM?.split('@')[1] ?? 'gestionpro.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Queues a message in the caller's transaction: it exists iff that write commits. Call
 * `deps.mail.wake()` after the commit; the worker's poll picks it up otherwise. Without
 * SMTP_URL the message is held (decision 0019).
 */
export async function queueMail(
  tx: Tx,
  deps: Pick<Deps, 'env' | 'now'>,
  message: MailMessage,
): Promise<OutboxMessage> {
  const parsed = MailMessageSchema.parse(message);
  const at = deps.now();
  return insertOutboxMessage(tx, {
    ...parsed,
    status: isMailConfigured(deps) ? 'queued' : 'held',
    nextAttemptAt: at,
    messageId: newMessageId(deps),
    createdAt: at,
  });
}

export async function listOutbox(
  deps: Deps,
  actor: Actor,
  query: { status?: OutboxStatus; limit: number },
): Promise<{ isConfigured: boolean; items: OutboxMessage[] }> {
  requireRole(actor, ADMINS);
  return {
    isConfigured: isMailConfigured(deps),
    items: await selectOutboxMessages(deps.db, query),
  };
}

/** A message as a quote's or a client's history shows it (« Messages envoyés »). */
export function toSentMessage(message: OutboxMessage): QuoteMessage {
  return {
    id: message.id,
    createdAt: message.createdAt,
    to: message.to,
    subject: message.subject,
    status: message.status,
    sentAt: message.sentAt,
    lastError: message.lastError,
  };
}

/** For the quotes feature, which has checked access: that quote's messages, newest first. */
export async function listQuoteMessages(db: Executor, quoteId: string): Promise<QuoteMessage[]> {
  const messages = await selectMessagesOf(db, { quoteId }, 100);
  return messages.map(toSentMessage);
}

/** For the clients feature, which has checked the client exists: its messages, newest first. */
export async function listClientMessages(
  deps: Deps,
  actor: Actor,
  clientId: string,
): Promise<{ items: QuoteMessage[] }> {
  requireRole(actor, READERS);
  const messages = await selectMessagesOf(deps.db, { clientId }, 100);
  return { items: messages.map(toSentMessage) };
}

/** A failed message back in the queue (held when e-mail is not configured), attempts reset. */
export async function retryMessage(deps: Deps, actor: Actor, id: string): Promise<OutboxMessage> {
  requireRole(actor, ADMINS);
  const status = isMailConfigured(deps) ? 'queued' : 'held';
  const retried = await requeueFailed(deps.db, id, deps.now(), status);
  if (!retried) {
    const message = await findOutboxMessage(deps.db, id);
    if (!message) throw new AppError('not_found', 'Ce message est introuvable.');
    throw new AppError('invalid_transition', 'Seul un message en échec peut être réessayé.', {
      from: message.status,
      to: 'queued',
    });
  }
  deps.mail.wake();
  return retried;
}

/** « GestionPro : message de test », to check the mail server from Paramètres. */
export async function queueTestMessage(
  deps: Deps,
  actor: Actor,
  to: string,
): Promise<OutboxMessage> {
  requireRole(actor, ADMINS);
  const queued = await deps.db.transaction((tx) =>
    queueMail(tx, deps, {
      kind: 'test',
      to,
      subject: 'GestionPro : message de test',
      text: `Ce message de test a été demandé par ${actor.name} depuis GestionPro.\nSi vous le lisez, l’envoi des courriels fonctionne.`,
      html: null,
    }),
  );
  deps.mail.wake();
  return queued;
}
