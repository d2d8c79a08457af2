import { randomUUID } from 'node:crypto';
import { asc, eq, gte, sql } from 'drizzle-orm';
import { hashEntry } from '../../domain/journal/chain';
import type { Invoice } from '../../domain/schemas/invoice';
import type { JournalContent } from '../../domain/schemas/journal';
import type { PaymentMethod } from '../../domain/schemas/payment';
import type { Db } from '../db/client';
import { journalEntries } from '../db/schema';
import type { Deps } from '../deps';
import { appendJournalEntry } from '../features/journal/journal.service';

/*
 * What the journal's tests need and no route gives yet, or ever: payment entries appended as
 * the payments feature will append them (until it lands), and a superuser's tampering.
 */

/** A payment (or, negative, a refund) entry of the journal, as the payments feature writes it. */
export async function appendPaymentEntry(
  deps: Deps,
  payment: {
    method: PaymentMethod;
    amountCents: number;
    invoice?: Pick<Invoice, 'id' | 'number' | 'buyer'>;
    isB2c?: boolean;
    receivedOn: string;
  },
): Promise<number> {
  const content: JournalContent = {
    kind: payment.amountCents < 0 ? 'refund' : 'payment',
    paymentId: randomUUID(),
    method: payment.method,
    amountCents: payment.amountCents,
    receivedOn: payment.receivedOn,
    reference: null,
    clientId: payment.invoice?.buyer.clientId ?? null,
    isB2c: payment.isB2c ?? true,
    allocations: payment.invoice
      ? [
          {
            invoiceId: payment.invoice.id,
            number: payment.invoice.number ?? '',
            amountCents: payment.amountCents,
          },
        ]
      : [],
    refundsPaymentId: null,
    tillSessionId: null,
  };
  const appended = await deps.db.transaction((tx) => appendJournalEntry(tx, deps, null, content));
  return appended.seq;
}

/** Runs `work` with the append-only triggers off, as only a superuser can. */
export async function withTriggersDisabled(db: Db, work: () => Promise<void>): Promise<void> {
  await db.execute(sql`ALTER TABLE journal_entries DISABLE TRIGGER USER`);
  try {
    await work();
  } finally {
    await db.execute(sql`ALTER TABLE journal_entries ENABLE TRIGGER USER`);
  }
}

/** Changes one entry's stored text, leaving its hash and signature: a naive forgery. */
export async function alterEntry(
  db: Db,
  seq: number,
  change: (canonical: string) => string,
): Promise<void> {
  const [row] = await db.select().from(journalEntries).where(eq(journalEntries.seq, seq));
  if (!row) throw new Error(`no entry ${seq}`);
  await withTriggersDisabled(db, async () => {
    await db
      .update(journalEntries)
      .set({ canonical: change(row.canonical) })
      .where(eq(journalEntries.seq, seq));
  });
}

/**
 * Changes entry `seq` and chains it and every later entry again, hashes recomputed: what one
 * without the signing key can do. The old signatures stay; they sign the old hashes.
 */
export async function rewriteChainFrom(
  db: Db,
  seq: number,
  change: (canonical: string) => string,
): Promise<void> {
  const rows = await db
    .select()
    .from(journalEntries)
    .where(gte(journalEntries.seq, seq))
    .orderBy(asc(journalEntries.seq));
  await withTriggersDisabled(db, async () => {
    let prevHash = rows[0]?.prevHash ?? '';
    for (const row of rows) {
      const canonical = row.seq === seq ? change(row.canonical) : row.canonical;
      const hash = hashEntry(prevHash, canonical);
      await db
        .update(journalEntries)
        .set({ canonical, prevHash, hash })
        .where(eq(journalEntries.seq, row.seq));
      prevHash = hash;
    }
  });
}
