import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { formatEuros } from '../money';
import { computeInvoiceOverdue, type InvoiceDueFacts } from './invoice-overdue';

const invoice = (overrides: Partial<InvoiceDueFacts> = {}): InvoiceDueFacts => ({
  number: 'FAC-2026-00012',
  issueDate: '2026-11-01',
  dueDate: '2026-11-09',
  balanceCents: 12_000,
  ...overrides,
});

describe('an unpaid invoice past its due date', () => {
  it('is not overdue on its due date, and is the day after', () => {
    expect(computeInvoiceOverdue(invoice(), '2026-11-09', 30)).toBeNull();
    expect(computeInvoiceOverdue(invoice(), '2026-11-10', 30)).toMatchObject({
      dueDate: '2026-11-09',
      daysLate: 1,
      severity: 'soon',
      title: `Facture FAC-2026-00012 impayée : ${formatEuros(12_000)} en retard de 1 jour`,
    });
  });

  // formatEuros writes fr-FR's no-break spaces (120,00\u00a0€).
  it('says how much is left and how many days late in its title', () => {
    const overdue = computeInvoiceOverdue(invoice({ balanceCents: 4550 }), '2026-11-24', 30);
    expect(overdue?.title).toBe(
      `Facture FAC-2026-00012 impayée : ${formatEuros(4550)} en retard de 15 jours`,
    );
  });

  it('falls due on its issue date when it has no due date (payable on receipt)', () => {
    expect(computeInvoiceOverdue(invoice({ dueDate: null }), '2026-11-01', 30)).toBeNull();
    expect(computeInvoiceOverdue(invoice({ dueDate: null }), '2026-11-03', 30)).toMatchObject({
      dueDate: '2026-11-01',
      daysLate: 2,
    });
  });

  it('turns urgent once it is the configured number of days late', () => {
    expect(computeInvoiceOverdue(invoice(), addDays('2026-11-09', 29), 30)?.severity).toBe('soon');
    expect(computeInvoiceOverdue(invoice(), addDays('2026-11-09', 30), 30)?.severity).toBe(
      'urgent',
    );
  });

  it('raises nothing once paid, or when the client has paid more than owed', () => {
    expect(computeInvoiceOverdue(invoice({ balanceCents: 0 }), '2026-12-24', 30)).toBeNull();
    expect(computeInvoiceOverdue(invoice({ balanceCents: -500 }), '2026-12-24', 30)).toBeNull();
  });

  it('keeps the same due date whatever the day, so its dedupe key never moves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (late, cents) => {
          const overdue = computeInvoiceOverdue(
            invoice({ balanceCents: cents }),
            addDays('2026-11-09', late),
            30,
          );
          return overdue?.dueDate === '2026-11-09' && overdue.daysLate === late;
        },
      ),
      { seed: 13 },
    );
  });
});
