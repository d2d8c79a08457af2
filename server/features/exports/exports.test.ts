import { sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, digestArchive, verifyArchive } from '../../../domain/journal/archive';
import { FEC_COLUMNS } from '../../../domain/journal/fec';
import type { Invoice } from '../../../domain/schemas/invoice';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { createTestClock } from '../../test/clock';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { issueCounterInvoice, requestIssue } from '../../test/invoicing';
import { appendPaymentEntry } from '../../test/journal';

/**
 * One garage's two days, each closed: on 24/11/2026 an invoice to a private customer paid by
 * card and cash, one to a business paid by transfer, a credit note of the first; on 25/11 one
 * more invoice. Payment entries are appended as the payments feature will append them.
 */
describe.each(ENGINES)('exports on %s', (engine) => {
  let server: TestServer;
  let admin: ApiClient;
  let staff: ApiClient;
  let publicKey: string;
  const issued: Invoice[] = [];

  beforeAll(async () => {
    const clock = createTestClock('2026-11-24T09:00:00Z');
    server = await startTestServer(engine, {}, { now: clock.now });
    admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    staff = await server.signIn('staff');
    const person = await issueCounterInvoice(staff);
    const business = await issueCounterInvoice(staff, { business: true });
    await appendPaymentEntry(server.deps, {
      method: 'card',
      amountCents: 10_000,
      invoice: person,
      receivedOn: '2026-11-24',
    });
    await appendPaymentEntry(server.deps, {
      method: 'cash',
      amountCents: 2_500,
      invoice: person,
      receivedOn: '2026-11-24',
    });
    await appendPaymentEntry(server.deps, {
      method: 'transfer',
      amountCents: 17_089,
      invoice: business,
      isB2c: false,
      receivedOn: '2026-11-24',
    });
    const draft = await expectStatus(
      201,
      staff.api.invoices[':id']['credit-note'].$post({ param: { id: person.id }, json: {} }),
    );
    const note = await expectStatus(200, requestIssue(staff, draft));
    issued.push(person, business, note);
    clock.set('2026-11-24T19:00:00Z');
    await expectStatus(
      201,
      admin.api.closures.$post({ json: { level: 'day', date: '2026-11-24' } }),
    );
    clock.set('2026-11-25T09:00:00Z');
    issued.push(await issueCounterInvoice(staff));
    clock.set('2026-11-25T19:00:00Z');
    await expectStatus(
      201,
      admin.api.closures.$post({ json: { level: 'day', date: '2026-11-25' } }),
    );
    publicKey = (await expectStatus(200, admin.api.journal.key.$get())).publicKey;
  });
  afterAll(() => server?.close());

  async function fetchFec(from: string, to: string) {
    const response = await admin.api.exports.fec.$get({ query: { from, to } });
    expect(response.status).toBe(200);
    return { response, text: await response.text() };
  }

  it('writes a FEC of 18 tab-separated columns, every écriture balanced, named <SIREN>FEC<end>.txt', async () => {
    const { response, text } = await fetchFec('2026-11-24', '2026-11-25');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="732829320FEC20261125.txt"',
    );
    // The last line ends with empty columns: only the final line break is cut.
    const [header, ...rows] = text
      .replace(/\r\n$/, '')
      .split('\r\n')
      .map((line) => line.split('\t'));
    expect(header).toEqual([...FEC_COLUMNS]);
    expect(header?.join('|')).toBe(
      'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise',
    );
    const lines = rows.map((cells) =>
      Object.fromEntries(FEC_COLUMNS.map((c, i) => [c, cells[i]!])),
    );
    expect(rows.every((cells) => cells.length === 18)).toBe(true);
    const cents = (amount: string) => Number(amount.replace(',', ''));
    const balance = new Map<string, number>();
    for (const line of lines) {
      expect(line.EcritureDate).toMatch(/^2026112[45]$/);
      expect(line.PieceDate).toMatch(/^\d{8}$/);
      expect(line.ValidDate).toMatch(/^\d{8}$/);
      expect(line.Debit).toMatch(/^\d+,\d{2}$/);
      expect(line.Credit).toMatch(/^\d+,\d{2}$/);
      const signed = cents(line.Debit!) - cents(line.Credit!);
      balance.set(line.EcritureNum!, (balance.get(line.EcritureNum!) ?? 0) + signed);
    }
    // Four invoices and credit notes, three payments: seven écritures, each balanced.
    expect([...balance.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect([...balance.values()].every((sum) => sum === 0)).toBe(true);
    const total = (column: 'Debit' | 'Credit') =>
      lines.reduce((sum, line) => sum + cents(line[column]!), 0);
    expect(total('Debit')).toBe(total('Credit'));

    const [person] = issued;
    const sale = lines.filter(
      (line) => line.PieceRef === person?.number && line.JournalCode === 'VE',
    );
    expect(sale.map((line) => [line.CompteNum, line.Debit, line.Credit])).toEqual([
      ['411000', '170,89', '0,00'],
      ['706000', '0,00', '142,41'],
      ['44571020', '0,00', '28,48'],
    ]);
    expect(sale[0]?.CompAuxNum).toMatch(/^C[0-9A-F]{8}$/);
    const credit = lines.filter((line) => line.PieceRef === issued[2]?.number);
    expect(credit.map((line) => [line.CompteNum, line.Debit, line.Credit])).toEqual([
      ['411000', '0,00', '170,89'],
      ['706000', '142,41', '0,00'],
      ['44571020', '28,48', '0,00'],
    ]);
    const cash = lines.filter((line) => line.JournalCode === 'CA');
    expect(cash.map((line) => [line.CompteNum, line.Debit, line.Credit])).toEqual([
      ['530000', '25,00', '0,00'],
      ['411000', '0,00', '25,00'],
    ]);
    expect(lines.filter((line) => line.JournalCode === 'BQ').map((l) => l.CompteNum)).toEqual([
      '512000',
      '411000',
      '512000',
      '411000',
    ]);
    const oneDay = await fetchFec('2026-11-25', '2026-11-25');
    expect(oneDay.text.replace(/\r\n$/, '').split('\r\n')).toHaveLength(4);
    await expectError(
      'validation_failed',
      admin.api.exports.fec.$get({ query: { from: '2026-11-25', to: '2026-11-24' } }),
    );
    await expectError(
      'forbidden',
      staff.api.exports.fec.$get({ query: { from: '2026-11-24', to: '2026-11-25' } }),
    );
  });

  async function fetchArchive(period: string): Promise<Archive> {
    const response = await admin.api.exports.archive.$get({ query: { period } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="journal-${period}.json"`,
    );
    return (await response.json()) as Archive;
  }

  function resign(archive: Archive): Archive {
    const { signature: _, ...unsigned } = archive;
    const signature = sign(null, digestArchive(unsigned), server.deps.journalKey.privateKey);
    return { ...unsigned, signature: signature.toString('base64') };
  }

  it('archives a closed day, signed: it verifies offline, and a byte, an entry or an XML changed is found', async () => {
    const archive = await fetchArchive('2026-11-24');
    expect(archive.manifest).toMatchObject({
      period: '2026-11-24',
      level: 'day',
      firstSeq: 1,
      lastSeq: 7,
      prevHash: '0'.repeat(64),
      publicKey,
    });
    expect(archive.entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(archive.closures.map((closure) => closure.periodStart)).toEqual(['2026-11-24']);
    expect(archive.invoices.map((invoice) => invoice.number)).toEqual(
      issued.slice(0, 3).map((invoice) => invoice.number),
    );
    expect(archive.invoices[0]?.xml).toContain('CrossIndustryInvoice');
    expect(verifyArchive(archive, publicKey)).toMatchObject({
      ok: true,
      entryCount: 7,
      lastSeq: 7,
    });

    const text = JSON.stringify(archive);
    const at = text.indexOf('"totalInclVatCents":') + 21;
    const flipped = JSON.parse(
      `${text.slice(0, at)}${text[at] === '9' ? '8' : '9'}${text.slice(at + 1)}`,
    );
    expect(verifyArchive(flipped, publicKey).problem).toMatchObject({ kind: 'archive_signature' });

    // The same change made in the database before the archive was signed: the chain finds it.
    const altered = structuredClone(archive);
    altered.entries[3]!.canonical = altered.entries[3]!.canonical.replace('2500', '250');
    expect(verifyArchive(resign(altered), publicKey).problem).toMatchObject({
      seq: 4,
      kind: 'altered',
    });
    const xml = structuredClone(archive);
    xml.invoices[1]!.xml = xml.invoices[1]!.xml.replace('Taxis', 'Taxes');
    xml.invoices[1]!.sha256 = '0'.repeat(64);
    expect(verifyArchive(resign(xml), publicKey).problem).toMatchObject({ seq: 2, kind: 'xml' });
    const cut = structuredClone(archive);
    cut.entries.pop();
    expect(verifyArchive(resign(cut), publicKey).problem).toMatchObject({
      seq: 7,
      kind: 'truncated',
    });
  });

  it('archives the second day from the chain after the first, and refuses a period not closed', async () => {
    const first = await fetchArchive('2026-11-24');
    const second = await fetchArchive('2026-11-25');
    expect(second.manifest).toMatchObject({ firstSeq: 8, lastSeq: 9 });
    expect(second.manifest.prevHash).toBe(first.entries.at(-1)?.hash);
    expect(verifyArchive(second, publicKey).ok).toBe(true);
    await expectError(
      'period_not_closed',
      admin.api.exports.archive.$get({ query: { period: '2026-11' } }),
    );
    await expectError(
      'validation_failed',
      admin.api.exports.archive.$get({ query: { period: '2026-13' } }),
    );
  });

  it('sums per day the private customers’ sales per VAT rate and their payments per method', async () => {
    const summary = await expectStatus(
      200,
      admin.api.exports['b2c-summary'].$get({ query: { from: '2026-11-24', to: '2026-11-25' } }),
    );
    // The 24th: the invoice and its credit note cancel out; card and cash; not the business.
    expect(summary.days).toEqual([
      {
        day: '2026-11-24',
        invoiceCount: 1,
        creditNoteCount: 1,
        vat: [{ vatRateBp: 2000, baseCents: 0, vatCents: 0 }],
        totalExclVatCents: 0,
        totalVatCents: 0,
        totalInclVatCents: 0,
        depositsInclVatCents: 0,
        payments: [
          { method: 'card', amountCents: 10_000 },
          { method: 'cash', amountCents: 2_500 },
        ],
        paymentsTotalCents: 12_500,
      },
      {
        day: '2026-11-25',
        invoiceCount: 1,
        creditNoteCount: 0,
        vat: [{ vatRateBp: 2000, baseCents: 14_241, vatCents: 2_848 }],
        totalExclVatCents: 14_241,
        totalVatCents: 2_848,
        totalInclVatCents: 17_089,
        depositsInclVatCents: 0,
        payments: [],
        paymentsTotalCents: 0,
      },
    ]);
  });
});
