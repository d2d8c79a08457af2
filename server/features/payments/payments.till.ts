import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type {
  CashMovementCreateSchema,
  TillCountSchema,
  TillOpenSchema,
  TillSession,
} from '../../../domain/schemas/payment';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Executor, Tx } from '../../db/client';
import type { Actor, Deps } from '../../deps';
import { type RecordChange, writeWithChanges } from '../changes/changes.service';
import { appendJournalEntry } from '../journal/journal.service';
import {
  closeSession,
  insertMovement,
  insertSession,
  lockTill,
  selectCashPaymentsCents,
  selectMovements,
  selectOpenSession,
  selectSession,
  type TillSessionRow,
} from './payments.till.repo';

/*
 * The till (decision 0018): one session open at a time, opened in the morning with a float,
 * taking the cash payments and refunds and the cash put in or taken out, counted at closing.
 * Each of these is an entry of the journal; the session's row is updated only by its count.
 */

async function toTillSession(db: Executor, row: TillSessionRow): Promise<TillSession> {
  const [movements, cashPaymentsCents] = [
    await selectMovements(db, row.id),
    await selectCashPaymentsCents(db, row.id),
  ];
  const movementsCents = movements.reduce((sum, movement) => sum + movement.amountCents, 0);
  const counted = row.countedCents;
  const expectedCents =
    row.expectedCents ?? row.openingFloatCents + cashPaymentsCents + movementsCents;
  return {
    id: row.id,
    openedAt: row.openedAt.toISOString(),
    openedByName: row.openedByName,
    openingFloatCents: row.openingFloatCents,
    cashPaymentsCents,
    movementsCents,
    expectedCents,
    countedCents: counted,
    differenceCents: counted === null ? null : counted - expectedCents,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedByName: row.closedByName,
    movements: movements.map((movement) => ({
      id: movement.id,
      amountCents: movement.amountCents,
      reason: movement.reason,
      at: movement.at.toISOString(),
      byName: movement.byName,
    })),
  };
}

/** The session as it is now, recorded as a change of the till (the counter's screen follows). */
export async function recordTill(
  tx: Tx,
  record: RecordChange,
  id: string,
  action: 'created' | 'updated' | 'transitioned',
): Promise<TillSession> {
  const row = await selectSession(tx, id);
  if (!row) throw new AppError('not_found', 'Cette session de caisse est introuvable.');
  const session = await toTillSession(tx, row);
  record({ entity: 'till', action, id, data: session });
  return session;
}

/**
 * For a cash payment or refund, inside its transaction: the open session, the till's lock held
 * until commit; none open is 409 `till_not_open` (the counter opens the till in the morning,
 * with its float, before taking cash: cash taken outside a session would have no count).
 */
export async function takeOpenTill(tx: Tx): Promise<string> {
  await lockTill(tx);
  const open = await selectOpenSession(tx);
  if (!open) {
    throw new AppError(
      'till_not_open',
      'La caisse n’est pas ouverte : ouvrez-la avec son fond avant d’encaisser des espèces.',
    );
  }
  return open.id;
}

export async function getOpenTill(deps: Pick<Deps, 'db'>, actor: Actor) {
  requireRole(actor, READERS);
  const open = await selectOpenSession(deps.db);
  return open ? toTillSession(deps.db, open) : null;
}

export async function openTill(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof TillOpenSchema>,
): Promise<TillSession> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    await lockTill(tx);
    if (await selectOpenSession(tx)) throw new AppError('till_already_open');
    const id = randomUUID();
    const entry = await appendJournalEntry(tx, deps, actor, {
      kind: 'till_opened',
      tillSessionId: id,
      openingFloatCents: input.openingFloatCents,
    });
    await insertSession(tx, {
      id,
      openedAt: entry.recordedAt,
      openedById: actor.id,
      openedByName: actor.name,
      openingFloatCents: input.openingFloatCents,
    });
    return recordTill(tx, record, id, 'created');
  });
}

/** Cash put in (change brought) or taken out (to the bank, a supplier paid) with its reason. */
export async function moveCash(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof CashMovementCreateSchema>,
): Promise<TillSession> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const sessionId = await takeOpenTill(tx);
    const id = randomUUID();
    const amountCents = input.direction === 'in' ? input.amountCents : -input.amountCents;
    const entry = await appendJournalEntry(tx, deps, actor, {
      kind: 'cash_movement',
      tillSessionId: sessionId,
      movementId: id,
      amountCents,
      reason: input.reason,
    });
    await insertMovement(tx, {
      id,
      tillSessionId: sessionId,
      amountCents,
      reason: input.reason,
      at: entry.recordedAt,
      byId: actor.id,
      byName: actor.name,
      journalSeq: entry.seq,
    });
    return recordTill(tx, record, sessionId, 'updated');
  });
}

/**
 * Closes the session: expected = float + cash payments and refunds + movements, the difference
 * counted − expected kept in the journal's `till_counted` entry (the row's is for the screens).
 */
export async function countTill(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof TillCountSchema>,
): Promise<TillSession> {
  requireRole(actor, WRITERS);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const sessionId = await takeOpenTill(tx);
    const open = await toTillSession(tx, (await selectSession(tx, sessionId))!);
    const entry = await appendJournalEntry(tx, deps, actor, {
      kind: 'till_counted',
      tillSessionId: sessionId,
      expectedCents: open.expectedCents,
      countedCents: input.countedCents,
      differenceCents: input.countedCents - open.expectedCents,
    });
    await closeSession(tx, sessionId, {
      countedCents: input.countedCents,
      expectedCents: open.expectedCents,
      closedAt: entry.recordedAt,
      closedById: actor.id,
      closedByName: actor.name,
    });
    return recordTill(tx, record, sessionId, 'transitioned');
  });
}
