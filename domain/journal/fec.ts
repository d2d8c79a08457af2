import type { JournalContent, JournalEntry } from '../schemas/journal';
import type { Accounting } from '../schemas/settings';

/*
 * The FEC (fichier des écritures comptables, art. A47 A-1 of the LPF) of the journal's entries
 * (docs/decisions/0018-journal.md): sales (invoices and credit notes) and payments, each one
 * balanced écriture. Tab-separated, a header line, dates YYYYMMDD, amounts with a decimal
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

function toEcriture(
  entry: JournalEntry,
  content: JournalContent,
  accounting: Accounting,
  clientName: (clientId: string | null) => string,
): Ecriture | null {
  if (content.kind === 'invoice_issued') {
    const aux = { num: customerAuxAccount(content.clientId), lib: clean(content.buyerName) };
    const credits: Movement[] = content.vat.flatMap((line) => {
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
    const noun = content.invoiceKind === 'credit_note' ? 'Avoir' : 'Facture';
    return {
      journal: 'sales',
      day: entry.day,
      pieceRef: content.number,
      pieceDate: content.issueDate,
      label: `${noun} ${content.number} ${clean(content.buyerName)}`,
      movements: [
        {
          account: accounting.customerAccount,
          label: 'Clients',
          aux,
          cents: content.totalInclVatCents,
        },
        ...credits,
      ],
    };
  }
  if (content.kind === 'payment' || content.kind === 'refund') {
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
          label: isCash ? 'Caisse' : 'Banque',
          cents: content.amountCents,
        },
        {
          account: accounting.customerAccount,
          label: 'Clients',
          aux: { num: customerAuxAccount(content.clientId), lib: name },
          cents: -content.amountCents,
        },
      ],
    };
  }
  // Till openings, counts and closures move no account; cash movements are the till's own.
  return null;
}

/** The FEC's lines, one écriture per sales or payment entry, numbered 1, 2, … in seq order. */
export function buildFecLines(
  entries: Iterable<{ entry: JournalEntry; content: JournalContent }>,
  accounting: Accounting,
  clientName: (clientId: string | null) => string,
): FecLine[] {
  const codes = {
    sales: accounting.salesJournal,
    bank: accounting.bankJournal,
    cash: accounting.cashJournal,
  };
  const lines: FecLine[] = [];
  let number = 0;
  for (const { entry, content } of entries) {
    const ecriture = toEcriture(entry, content, accounting, clientName);
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
