import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { MailAttachment, OutboxMessage, OutboxStatus } from '../../../domain/schemas/outbox';
import type { Executor } from '../../db/client';
import { outboxMessages } from '../../db/schema';

type OutboxRow = typeof outboxMessages.$inferSelect;
export type OutboxInsert = typeof outboxMessages.$inferInsert;

/** What the worker needs to send one message. */
export type ClaimedMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
  headers: Record<string, string>;
  messageId: string;
  attempts: number;
};

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    messageId: row.messageId,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    clientId: row.clientId,
    quoteId: row.quoteId,
  };
}

export async function insertOutboxMessage(db: Executor, values: OutboxInsert) {
  const [row] = await db.insert(outboxMessages).values(values).returning();
  return toOutboxMessage(row!);
}

export async function selectOutboxMessages(
  db: Executor,
  query: { status?: OutboxStatus; limit: number },
): Promise<OutboxMessage[]> {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(query.status ? eq(outboxMessages.status, query.status) : undefined)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(query.limit);
  return rows.map(toOutboxMessage);
}

/**
 * Takes up to `limit` due messages, queued or left `sending` past their lease by a crashed
 * worker, skipping rows another worker holds; each is marked `sending` with one more attempt
 * and `next_attempt_at` as its lease's end (decision 0019).
 */
export async function claimDueMessages(
  db: Executor,
  at: Date,
  leaseEnd: Date,
  limit: number,
): Promise<ClaimedMessage[]> {
  const due = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        inArray(outboxMessages.status, ['queued', 'sending']),
        lte(outboxMessages.nextAttemptAt, at),
      ),
    )
    .orderBy(outboxMessages.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  return db
    .update(outboxMessages)
    .set({
      status: 'sending',
      attempts: sql`${outboxMessages.attempts} + 1`,
      nextAttemptAt: leaseEnd,
    })
    .where(
      inArray(
        outboxMessages.id,
        due.map((row) => row.id),
      ),
    )
    .returning({
      id: outboxMessages.id,
      to: outboxMessages.to,
      subject: outboxMessages.subject,
      text: outboxMessages.text,
      html: outboxMessages.html,
      attachments: outboxMessages.attachments,
      headers: outboxMessages.headers,
      messageId: outboxMessages.messageId,
      attempts: outboxMessages.attempts,
    });
}

/** Only the claim that sent it may mark it: a reclaimed row has another attempt count. */
function stillClaimed(message: { id: string; attempts: number }) {
  return and(
    eq(outboxMessages.id, message.id),
    eq(outboxMessages.status, 'sending'),
    eq(outboxMessages.attempts, message.attempts),
  );
}

export async function markSent(db: Executor, message: ClaimedMessage, at: Date) {
  await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: at, lastError: null })
    .where(stillClaimed(message));
}

export async function markAttemptFailed(
  db: Executor,
  message: ClaimedMessage,
  outcome: { status: 'queued' | 'failed'; nextAttemptAt: Date; error: string },
) {
  await db
    .update(outboxMessages)
    .set({
      status: outcome.status,
      nextAttemptAt: outcome.nextAttemptAt,
      lastError: outcome.error,
    })
    .where(stillClaimed(message));
}

/** Claimed but not tried (the worker is stopping): back in the queue, the attempt not counted. */
export async function releaseClaims(db: Executor, messages: ClaimedMessage[], at: Date) {
  for (const message of messages) {
    await db
      .update(outboxMessages)
      .set({ status: 'queued', attempts: message.attempts - 1, nextAttemptAt: at })
      .where(stillClaimed(message));
  }
}

/** A failed message queued again, with a fresh count of attempts. */
export async function requeueFailed(db: Executor, id: string, at: Date, status: OutboxStatus) {
  const [row] = await db
    .update(outboxMessages)
    .set({ status, attempts: 0, nextAttemptAt: at, lastError: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'failed')))
    .returning();
  return row ? toOutboxMessage(row) : undefined;
}

export async function findOutboxMessage(db: Executor, id: string) {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row ? toOutboxMessage(row) : undefined;
}

/** Messages held while e-mail was not configured, released once it is. */
export async function releaseHeld(db: Executor, at: Date): Promise<number> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'queued', nextAttemptAt: at })
    .where(eq(outboxMessages.status, 'held'))
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** One quote's or one client's messages, newest first, for its history. */
export async function selectMessagesOf(
  db: Executor,
  owner: { quoteId: string } | { clientId: string },
  limit: number,
) {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(
      'quoteId' in owner
        ? eq(outboxMessages.quoteId, owner.quoteId)
        : eq(outboxMessages.clientId, owner.clientId),
    )
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit);
  return rows.map(toOutboxMessage);
}
