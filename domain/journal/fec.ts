import type { JournalContent, JournalEntry } from '../schemas/journal';
import { ACCOUNTING_LABELS, type Accounting } from '../schemas/settings';

/*
 * The FEC (fichier des écritures comptables, art. A47 A-1 of the LPF) of the journal's entries
 * (docs/decisions/0018-journal.md): sales (invoices, deposits, credit notes), payments, the
 * till's cash movements and count differences, each one balanced écriture. Tab-separated, a header line, dates YYYYMMDD, amounts with a decimal
 * comma and no thousands separator. Pure: the export and its tests build the same lines.
 */

export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export type FecLine = Record<(typeof FEC_COLUMNS)[number], string>;

const JOURNAL_LABELS = { sales: 'Journal des ventes', bank: 'Banque', cash: 'Caisse' };
const METHOD_LABELS = { card: 'carte', cash: 'espèces', cheque: 'chèque', transfer: 'virement' };

/** 123456 → "1234,56"; the sign is the column's, so amounts are never negative. */
export function formatFecAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function formatFecDate(day: string): string {
  return day.replaceAll('-', '');
}

/** Tabs and line breaks would break the columns; a label keeps its words. */
function clean(value: string): string {
  return value.replace(/[\t\r\n|]+/g, ' ').trim();
}

function rateLabel(vatRateBp: number): string {
  return `${(vatRateBp / 100).toLocaleString('fr-FR')} %`;
}

/** The customer's auxiliary account: `C` and the first 8 digits of its id, or a walk-in one. */
export function customerAuxAccount(clientId: string | null): string {
  return clientId ? `C${clientId.replaceAll('-', '').slice(0, 8).toUpperCase()}` : 'CDIVERS';
}

type Movement = {
  account: string;
  label: string;
  aux?: { num: string; lib: string };
  cents: number;
};

type Ecriture = {
  journal: 'sales' | 'bank' | 'cash';
  day: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  /** Signed: positive is a debit, negative a credit. */
  movements: Movement[];
};

type Content<K extends JournalContent['kind']> = Extract<JournalContent, { kind: K }>;

/** Sales and VAT per rate, each rate to its accounts; signed as the entry (negative = credit). */
function salesAndVat(content: Content<'invoice_issued'>, accounting: Accounting): Movement[] {
  return content.vat.flatMap((line) => {
    const accounts = accounting.rates.find((rate) => rate.vatRateBp === line.vatRateBp);
    const label = rateLabel(line.vatRateBp);
    return [
      {
        account: accounts?.salesAccount ?? accounting.salesAccount,
        label: `Ventes ${label}`,
        cents: -line.baseCents,
      },
      {
        account: accounts?.vatAccount ?? accounting.vatAccount,
        label: `TVA collectée ${label}`,
        cents: -line.vatCents,
      },
    ].filter((movement) => movement.cents !== 0);
  });
}

/*
 * Deposits (factures d'acompte, docs/decisions/0018-journal.md "Closures and exports"): a
 * deposit is not a sale yet. Its invoice debits 411 and credits 4191 « avances et acomptes
 * reçus », both TTC, no sales and no VAT. The final invoice holds its own totals in full, so
 * it debits 411 and credits sales and VAT of the whole job, then clears what the deposits
 * deducted (totalInclVat − duePayable, TTC): debit 4191, credit 411. Sales and VAT are thus
 * credited once, 4191 nets to zero and 411 to what is left to pay. Simplification: the VAT of
 * a deposit reaches 44571 with the final invoice, not when the deposit is paid (when it is due
 * for services); the accountant regularises it at the VAT return if the garage's deposits and
 * final invoices fall in different months.
 */
function invoiceEcriture(
  entry: JournalEntry,
  content: Content<'invoice_issued'>,
  accounting: Accounting,
  isDepositCredit: boolean,
): Ecriture {
  const aux = { num: customerAuxAccount(content.clientId), lib: clean(content.buyerName) };
  const customer = (cents: number): Movement => ({
    account: accounting.customerAccount,
    label: ACCOUNTING_LABELS.customerAccount,
    aux,
    cents,
  });
  const deposit = (cents: number): Movement => ({
    account: accounting.depositAccount,
    label: ACCOUNTING_LABELS.depositAccount,
    aux,
    cents,
  });
  const deducted = content.totalInclVatCents - content.duePayableCents;
  // A credit note of a deposit gives back what the deposit held on 4191: still no sale.
  const movements =
    content.invoiceKind === 'deposit' || isDepositCredit
      ? [customer(content.totalInclVatCents), deposit(-content.totalInclVatCents)]
      : [
          customer(content.totalInclVatCents),
          ...salesAndVat(content, accounting),
          ...(deducted !== 0 ? [deposit(deducted), customer(-deducted)] : []),
        ];
  const noun = isDepositCredit
    ? 'Avoir sur acompte'
    : { invoice: 'Facture', credit_note: 'Avoir', deposit: 'Facture d’acompte' }[
        content.invoiceKind
      ];
  return {
    journal: 'sales',
    day: entry.day,
    pieceRef: content.number,
    pieceDate: content.issueDate,
    label: `${noun} ${content.number} ${clean(content.buyerName)}`,
    movements,
  };
}

function paymentEcriture(
  entry: JournalEntry,
  content: Content<'payment' | 'refund'>,
  accounting: Accounting,
  clientName: (clientId: string | null) => string,
): Ecriture {
  const isCash = content.method === 'cash';
  const name = clean(clientName(content.clientId));
  const numbers = content.allocations.map((allocation) => allocation.number).join(' ');
  const noun = content.kind === 'refund' ? 'Remboursement' : 'Encaissement';
  return {
    journal: isCash ? 'cash' : 'bank',
    day: entry.day,
    pieceRef: numbers.split(' ')[0] || content.paymentId.slice(0, 8).toUpperCase(),
    pieceDate: content.receivedOn,
    label: clean(`${noun} ${METHOD_LABELS[content.method]} ${numbers} ${name}`),
    movements: [
      {
        account: isCash ? accounting.cashAccount : accounting.bankAccount,
        label: isCash ? ACCOUNTING_LABELS.cashAccount : ACCOUNTING_LABELS.bankAccount,
        cents: content.amountCents,
      },
      {
        account: accounting.customerAccount,
        label: ACCOUNTING_LABELS.customerAccount,
        aux: { num: customerAuxAccount(content.clientId), lib: name },
        cents: -content.amountCents,
      },
    ],
  };
}

/** Cash put in the drawer comes from 58 « virements internes » (the bank, change); out goes there. */
function cashMovementEcriture(
  entry: JournalEntry,
  content: Content<'cash_movement'>,
  accounting: Accounting,
): Ecriture {
  const noun = content.amountCents >= 0 ? 'Apport en caisse' : 'Sortie de caisse';
  return {
    journal: 'cash',
    day: entry.day,
    pieceRef: `MVT-${content.movementId.slice(0, 8).toUpperCase()}`,
    pieceDate: entry.day,
    label: clean(`${noun} ${content.reason}`),
    movements: [
      {
        account: accounting.cashAccount,
        label: ACCOUNTING_LABELS.cashAccount,
        cents: content.amountCents,
      },
      {
        account: accounting.internalTransferAccount,
        label: ACCOUNTING_LABELS.internalTransferAccount,
        cents: -content.amountCents,
      },
    ],
  };
}

/** A count short of what the till expects is a charge (658), one over it a product (758). */
function tillCountEcriture(
  entry: JournalEntry,
  content: Content<'till_counted'>,
  accounting: Accounting,
): Ecriture | null {
  const difference = content.differenceCents;
  if (difference === 0) return null;
  const other =
    difference < 0
      ? { account: accounting.tillShortfallAccount, label: ACCOUNTING_LABELS.tillShortfallAccount }
      : { account: accounting.tillSurplusAccount, label: ACCOUNTING_LABELS.tillSurplusAccount };
  return {
    journal: 'cash',
    day: entry.day,
    pieceRef: `CPT-${content.tillSessionId.slice(0, 8).toUpperCase()}`,
    pieceDate: entry.day,
    label: difference < 0 ? 'Écart de caisse (manquant)' : 'Écart de caisse (excédent)',
    movements: [
      { account: accounting.cashAccount, label: ACCOUNTING_LABELS.cashAccount, cents: difference },
      { ...other, cents: -difference },
    ],
  };
}

function toEcriture(
  entry: JournalEntry,
  content: JournalContent,
  accounting: Accounting,
  clientName: (clientId: string | null) => string,
  depositCredits: ReadonlySet<string>,
): Ecriture | null {
  switch (content.kind) {
    case 'invoice_issued':
      return invoiceEcriture(
        entry,
        content,
        accounting,
        content.invoiceKind === 'credit_note' && depositCredits.has(content.invoiceId),
      );
    case 'payment':
    case 'refund':
      return paymentEcriture(entry, content, accounting, clientName);
    case 'cash_movement':
      return cashMovementEcriture(entry, content, accounting);
    case 'till_counted':
      return tillCountEcriture(entry, content, accounting);
    // A till's opening float is cash already there; a closure moves no account.
    default:
      return null;
  }
}

/**
 * The FEC's lines, one écriture per entry that moves an account, numbered 1, 2, … in seq
 * order. `depositCredits`: the ids of the credit notes that correct a deposit invoice.
 */
export function buildFecLines(
  entries: Iterable<{ entry: JournalEntry; content: JournalContent }>,
  accounting: Accounting,
  clientName: (clientId: string | null) => string,
  depositCredits: ReadonlySet<string> = new Set(),
): FecLine[] {
  const codes = {
    sales: accounting.salesJournal,
    bank: accounting.bankJournal,
    cash: accounting.cashJournal,
  };
  const lines: FecLine[] = [];
  let number = 0;
  for (const { entry, content } of entries) {
    const ecriture = toEcriture(entry, content, accounting, clientName, depositCredits);
    if (!ecriture) continue;
    number += 1;
    for (const movement of ecriture.movements) {
      lines.push({
        JournalCode: codes[ecriture.journal],
        JournalLib: JOURNAL_LABELS[ecriture.journal],
        EcritureNum: String(number),
        EcritureDate: formatFecDate(ecriture.day),
        CompteNum: movement.account,
        CompteLib: movement.label,
        CompAuxNum: movement.aux?.num ?? '',
        CompAuxLib: movement.aux?.lib ?? '',
        PieceRef: clean(ecriture.pieceRef),
        PieceDate: formatFecDate(ecriture.pieceDate),
        EcritureLib: ecriture.label,
        Debit: formatFecAmount(Math.max(movement.cents, 0)),
        Credit: formatFecAmount(Math.min(movement.cents, 0)),
        EcritureLet: '',
        DateLet: '',
        // Recorded in the journal is validated: an entry is final from then on.
        ValidDate: formatFecDate(entry.day),
        Montantdevise: '',
        Idevise: '',
      });
    }
  }
  return lines;
}

export function serializeFec(lines: readonly FecLine[]): string {
  const rows = [
    FEC_COLUMNS.join('\t'),
    ...lines.map((line) => FEC_COLUMNS.map((column) => line[column]).join('\t')),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

/** `<SIREN>FEC<YYYYMMDD>.txt`, the SIREN the SIRET's first nine digits. */
export function nameFecFile(siret: string | null, periodEnd: string): string {
  return `${(siret ?? '').slice(0, 9).padEnd(9, '0')}FEC${formatFecDate(periodEnd)}.txt`;
}
