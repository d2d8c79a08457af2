import { sign } from 'node:crypto';
import { AppError } from '../../../domain/errors';
import {
  ARCHIVE_FORMAT,
  type Archive,
  digestArchive,
  sha256Hex,
  type UnsignedArchive,
} from '../../../domain/journal/archive';
import { exportPublicKey } from '../../../domain/journal/chain';
import {
  describeClosurePeriod,
  namePeriod,
  parsePeriodName,
} from '../../../domain/journal/periods';
import { ADMINS, requireRole } from '../../access';
import type { Actor, Deps } from '../../deps';
import { readInvoiceCii } from '../invoices/invoices.service';
import {
  findClosure,
  readClosureRange,
  readClosuresWithin,
  readEntryHash,
  readJournal,
} from '../journal/journal.service';

/*
 * A closed period's archive (decision 0018): the chain's stretch from the period's first entry
 * to its closure's, the closures inside it, its invoices' CII XML, signed with the journal's
 * key. domain/journal/archive.ts verifyArchive checks it with nothing else.
 */

export async function buildArchive(
  deps: Pick<Deps, 'db' | 'journalKey' | 'now'>,
  actor: Actor,
  periodName: string,
): Promise<{ fileName: string; archive: Archive }> {
  requireRole(actor, ADMINS);
  const period = parsePeriodName(periodName);
  if (!period) {
    throw new AppError('validation_failed', 'Période attendue : AAAA, AAAA-MM ou AAAA-MM-JJ.', [
      {
        path: ['period'],
        code: 'invalid_format',
        message: 'Période attendue : AAAA, AAAA-MM ou AAAA-MM-JJ.',
      },
    ]);
  }
  const closure = await findClosure(deps.db, period.level, period.start);
  if (!closure) {
    throw new AppError(
      'period_not_closed',
      `Période non clôturée (${describeClosurePeriod(period.level, period.start)}) : clôturez-la d’abord.`,
    );
  }
  const { firstSeq, lastSeq } = await readClosureRange(deps.db, closure);
  const entries: Archive['entries'] = [];
  for await (const entry of readJournal(deps.db, { afterSeq: firstSeq - 1, toSeq: lastSeq })) {
    entries.push(entry);
  }
  const invoices: Archive['invoices'] = [];
  for (const entry of entries) {
    if (entry.kind !== 'invoice_issued' || entry.day < period.start || entry.day > period.end) {
      continue;
    }
    const { content } = JSON.parse(entry.canonical) as { content: { invoiceId: string } };
    const { number, xml } = await readInvoiceCii(deps, actor, content.invoiceId);
    invoices.push({
      invoiceId: content.invoiceId,
      number,
      journalSeq: entry.seq,
      xml,
      sha256: sha256Hex(xml),
    });
  }
  const unsigned: UnsignedArchive = {
    manifest: {
      format: ARCHIVE_FORMAT,
      period: namePeriod(period),
      level: period.level,
      periodStart: period.start,
      periodEnd: period.end,
      firstSeq,
      lastSeq,
      prevHash: await readEntryHash(deps.db, firstSeq - 1),
      keyId: deps.journalKey.keyId,
      publicKey: exportPublicKey(deps.journalKey.publicKey),
      createdAt: deps.now().toISOString(),
    },
    entries,
    closures: await readClosuresWithin(deps.db, period.start, period.end),
    invoices,
  };
  const signature = sign(null, digestArchive(unsigned), deps.journalKey.privateKey).toString(
    'base64',
  );
  return {
    fileName: `journal-${namePeriod(period)}.json`,
    archive: { ...unsigned, signature },
  };
}
