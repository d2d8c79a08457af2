import { getClientDisplayName } from '../../../domain/client/client-name';
import { addDays, daysBetween } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { sumEntries } from '../../../domain/journal/closure';
import { buildFecLines, nameFecFile, serializeFec } from '../../../domain/journal/fec';
import {
  type B2cSummary,
  type DateRangeQuery,
  EXPORT_RANGE_MAX_DAYS,
} from '../../../domain/schemas/exports';
import type { JournalContent } from '../../../domain/schemas/journal';
import { ADMINS, requireRole } from '../../access';
import type { Actor, Deps } from '../../deps';
import { readClient } from '../clients/clients.service';
import { findDepositCreditNotes } from '../invoices/invoices.service';
import { type DatedEntry, readEntriesOfDays } from '../journal/journal.service';
import { readSettings } from '../settings/settings.service';

/*
 * The exports of the journal (docs/decisions/0018-journal.md), admins only: the FEC for the
 * accountant, the B2C summary e-reporting asks for, and (exports.archive.ts) a closed period's
 * signed archive. Each reads the journal's entries themselves, the figures that were signed.
 */

export { buildArchive } from './exports.archive';

function checkRange(range: DateRangeQuery): void {
  if (daysBetween(range.from, range.to) >= EXPORT_RANGE_MAX_DAYS) {
    throw new AppError(
      'validation_failed',
      `Une période de ${EXPORT_RANGE_MAX_DAYS} jours au plus.`,
      [
        {
          path: ['to'],
          code: 'too_big',
          message: `Une période de ${EXPORT_RANGE_MAX_DAYS} jours au plus.`,
        },
      ],
    );
  }
}

async function readRange(deps: Pick<Deps, 'db'>, range: DateRangeQuery): Promise<DatedEntry[]> {
  const entries: DatedEntry[] = [];
  for await (const dated of readEntriesOfDays(deps.db, {
    afterDay: addDays(range.from, -1),
    toDay: range.to,
  })) {
    entries.push(dated);
  }
  return entries;
}

/** The customers' names a payment's lines carry: from its invoices' entries, else the client. */
async function nameClients(
  deps: Pick<Deps, 'db'>,
  entries: readonly DatedEntry[],
): Promise<(clientId: string | null) => string> {
  const names = new Map<string, string>();
  for (const { content } of entries) {
    if (content.kind === 'invoice_issued' && content.clientId) {
      names.set(content.clientId, content.buyerName);
    }
  }
  for (const { content } of entries) {
    if ((content.kind === 'payment' || content.kind === 'refund') && content.clientId) {
      if (names.has(content.clientId)) continue;
      const client = await readClient(deps.db, content.clientId);
      names.set(content.clientId, client ? getClientDisplayName(client) : 'Client');
    }
  }
  return (clientId) => (clientId ? (names.get(clientId) ?? 'Client') : 'Client de passage');
}

/** The FEC of the entries recorded from `from` to `to` (Paris days), and its file name. */
export async function exportFec(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  range: DateRangeQuery,
): Promise<{ fileName: string; text: string }> {
  requireRole(actor, ADMINS);
  checkRange(range);
  const [entries, settings] = await Promise.all([readRange(deps, range), readSettings(deps.db)]);
  const creditNoteIds = entries.flatMap(({ content }) =>
    content.kind === 'invoice_issued' && content.invoiceKind === 'credit_note'
      ? [content.invoiceId]
      : [],
  );
  const lines = buildFecLines(
    entries,
    settings.accounting,
    await nameClients(deps, entries),
    await findDepositCreditNotes(deps.db, creditNoteIds),
  );
  return { fileName: nameFecFile(settings.company.siret, range.to), text: serializeFec(lines) };
}

function isB2c(content: JournalContent): boolean {
  return (
    (content.kind === 'invoice_issued' ||
      content.kind === 'payment' ||
      content.kind === 'refund') &&
    content.isB2c
  );
}

/** Per Paris day: the B2C sales per VAT rate and the B2C payments per method. */
export async function summarizeB2c(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  range: DateRangeQuery,
): Promise<B2cSummary> {
  requireRole(actor, ADMINS);
  checkRange(range);
  const byDay = new Map<string, JournalContent[]>();
  for (const { entry, content } of await readRange(deps, range)) {
    if (!isB2c(content)) continue;
    const contents = byDay.get(entry.day) ?? [];
    contents.push(content);
    byDay.set(entry.day, contents);
  }
  const days = [...byDay.keys()].sort().map((day) => {
    const { entryCount, cashMovementsCents, ...totals } = sumEntries(byDay.get(day) ?? []);
    return { day, ...totals };
  });
  return { from: range.from, to: range.to, days };
}
