import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEC_COLUMNS } from '../../../domain/journal/fec';
import { type ApiClient, expectStatus } from '../../test/api-client';
import { createTestClock } from '../../test/clock';
import { ENGINES } from '../../test/databases';
import { buildSettings } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import {
  acceptedQuote,
  createClient,
  issueDraft,
  issuedCreditNote,
  issuedDeposit,
} from '../../test/invoicing';

/**
 * The FEC of deposits and of the till (docs/decisions/0018-journal.md, "Closures and exports"),
 * every document, payment and till operation made through the API; each test on its own day.
 */
describe.each(ENGINES)('the FEC of deposits and the till on %s', (engine) => {
  let server: TestServer;
  let admin: ApiClient;
  let staff: ApiClient;
  const clock = createTestClock('2026-11-26T08:00:00Z');

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: clock.now });
    admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    staff = await server.signIn('staff');
  });
  afterAll(() => server?.close());

  /** The FEC of one day, each line by its column names. */
  async function fetchFecLines(day: string): Promise<Record<string, string>[]> {
    const response = await admin.api.exports.fec.$get({ query: { from: day, to: day } });
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .replace(/\r\n$/, '')
      .split('\r\n')
      .slice(1)
      .map((line) => line.split('\t'));
    expect(rows.every((cells) => cells.length === 18)).toBe(true);
    return rows.map((cells) => Object.fromEntries(FEC_COLUMNS.map((c, i) => [c, cells[i]!])));
  }

  /** Debit − credit in cents per key of the lines. */
  function sumBy(lines: Record<string, string>[], key: (line: Record<string, string>) => string) {
    const cents = (amount: string) => Number(amount.replace(',', ''));
    const sums = new Map<string, number>();
    for (const line of lines) {
      const signed = cents(line.Debit!) - cents(line.Credit!);
      sums.set(key(line), (sums.get(key(line)) ?? 0) + signed);
    }
    return sums;
  }

  it('books a deposit on 4191 and clears it with the final invoice, and the till’s movements and count difference', async () => {
    clock.set('2026-11-26T08:00:00Z');
    const today = { receivedOn: '2026-11-26' };
    await expectStatus(201, staff.api.till.open.$post({ json: { openingFloatCents: 10_000 } }));
    const client = await createClient(staff);
    const quote = await acceptedQuote(staff, client.id);
    const deposit = await issuedDeposit(staff, quote.id, 6_000);
    await expectStatus(
      201,
      staff.api.payments.$post({
        json: {
          ...today,
          method: 'cash',
          amountCents: 6_000,
          allocations: [{ invoiceId: deposit.id, amountCents: 6_000 }],
        },
      }),
    );
    const movements = staff.api.till.movements;
    await expectStatus(
      201,
      movements.$post({ json: { direction: 'in', amountCents: 5_000, reason: 'Monnaie' } }),
    );
    await expectStatus(
      201,
      movements.$post({
        json: { direction: 'out', amountCents: 12_000, reason: 'Dépôt en banque' },
      }),
    );
    const final = await issueDraft(
      staff,
      await expectStatus(201, staff.api.invoices.$post({ json: { quoteId: quote.id } })),
    );
    expect(final.deductedDeposits.map((line) => line.amountInclVatCents)).toEqual([6_000]);
    await expectStatus(
      201,
      staff.api.payments.$post({
        json: {
          ...today,
          method: 'card',
          amountCents: 11_089,
          allocations: [{ invoiceId: final.id, amountCents: 11_089 }],
        },
      }),
    );
    // Expected 100 + 60 + 50 − 120 = 90 €; 89,50 € counted. Then a second till, 1 € over.
    await expectStatus(200, staff.api.till.count.$post({ json: { countedCents: 8_950 } }));
    await expectStatus(201, staff.api.till.open.$post({ json: { openingFloatCents: 0 } }));
    await expectStatus(200, staff.api.till.count.$post({ json: { countedCents: 100 } }));

    const lines = await fetchFecLines('2026-11-26');
    const row = (line: Record<string, string>) => [
      line.JournalCode,
      line.CompteNum,
      line.Debit,
      line.Credit,
    ];
    // Deposit, its cash payment, in, out, final invoice, card payment, two count differences.
    const byEcriture = sumBy(lines, (line) => line.EcritureNum!);
    expect([...byEcriture.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect([...byEcriture.values()].every((sum) => sum === 0)).toBe(true);
    expect(lines.filter((line) => line.PieceRef === deposit.number).map(row)).toEqual([
      ['VE', '411000', '60,00', '0,00'],
      ['VE', '419100', '0,00', '60,00'],
      ['CA', '530000', '60,00', '0,00'],
      ['CA', '411000', '0,00', '60,00'],
    ]);
    expect(lines.filter((line) => line.PieceRef === final.number).map(row)).toEqual([
      ['VE', '411000', '170,89', '0,00'],
      ['VE', '706000', '0,00', '142,41'],
      ['VE', '44571020', '0,00', '28,48'],
      ['VE', '419100', '60,00', '0,00'],
      ['VE', '411000', '0,00', '60,00'],
      ['BQ', '512000', '110,89', '0,00'],
      ['BQ', '411000', '0,00', '110,89'],
    ]);
    const byAccount = sumBy(lines, (line) => line.CompteNum!);
    expect(Object.fromEntries(byAccount)).toEqual({
      // Sales and VAT credited once; the deposit account cleared; the customer paid in full.
      '411000': 0,
      '419100': 0,
      '706000': -14_241,
      '44571020': -2_848,
      '512000': 11_089,
      // 60 + 50 − 120 − 0,50 + 1 (the float is no movement).
      '530000': -950,
      '580000': 7_000,
      '658000': 50,
      '758000': -100,
    });
    const till = lines.filter(
      (line) => line.JournalCode === 'CA' && line.PieceRef !== deposit.number,
    );
    expect(till.map((line) => [line.CompteNum, line.CompteLib, line.Debit, line.Credit])).toEqual([
      ['530000', 'Caisse', '50,00', '0,00'],
      ['580000', 'Virements internes', '0,00', '50,00'],
      ['530000', 'Caisse', '0,00', '120,00'],
      ['580000', 'Virements internes', '120,00', '0,00'],
      ['530000', 'Caisse', '0,00', '0,50'],
      ['658000', 'Charges diverses de gestion courante', '0,50', '0,00'],
      ['530000', 'Caisse', '1,00', '0,00'],
      ['758000', 'Produits divers de gestion courante', '0,00', '1,00'],
    ]);
  });

  it('gives a deposit back on 4191 when a credit note corrects it', async () => {
    clock.set('2026-11-27T08:00:00Z');
    const quote = await acceptedQuote(staff, (await createClient(staff)).id);
    const deposit = await issuedDeposit(staff, quote.id, 3_600);
    const note = await issuedCreditNote(staff, deposit);
    const lines = await fetchFecLines('2026-11-27');
    expect(lines.map((line) => [line.PieceRef, line.CompteNum, line.Debit, line.Credit])).toEqual([
      [deposit.number, '411000', '36,00', '0,00'],
      [deposit.number, '419100', '0,00', '36,00'],
      [note.number, '411000', '0,00', '36,00'],
      [note.number, '419100', '36,00', '0,00'],
    ]);
    // Neither the deposit nor its credit note is a sale, for e-reporting as for closures.
    const summary = await expectStatus(
      200,
      admin.api.exports['b2c-summary'].$get({ query: { from: '2026-11-27', to: '2026-11-27' } }),
    );
    expect(summary.days).toMatchObject([
      {
        invoiceCount: 1,
        creditNoteCount: 1,
        totalInclVatCents: 0,
        depositsInclVatCents: 0,
        vat: [],
      },
    ]);
  });
});
