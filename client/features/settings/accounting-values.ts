import type { VatRateBp } from '../../../domain/quote/vat';
import type { Accounting } from '../../../domain/schemas/settings';

/*
 * The FEC's chart of accounts as the settings form edits it: each account its own flat field
 * (two admins changing the bank and the cash accounts merge without a conflict), the accounts
 * per VAT rate a list keyed by the rate, as the labour rates are by id.
 */

export type AccountRateValues = {
  /** The rate, as text: what the merge lines two versions of a row up by. */
  id: string;
  vatRateBp: VatRateBp;
  salesAccount: string;
  vatAccount: string;
};

export type AccountingValues = {
  customerAccount: string;
  salesAccount: string;
  vatAccount: string;
  bankAccount: string;
  cashAccount: string;
  depositAccount: string;
  internalTransferAccount: string;
  tillShortfallAccount: string;
  tillSurplusAccount: string;
  salesJournal: string;
  bankJournal: string;
  cashJournal: string;
  accountRates: AccountRateValues[];
};

export type AccountingTextField = Exclude<keyof AccountingValues, 'accountRates'>;

/** Where the API names each field (its error paths: `accounting.bankAccount`). */
export const ACCOUNTING_PATHS: Record<AccountingTextField, string> = {
  customerAccount: 'accounting.customerAccount',
  salesAccount: 'accounting.salesAccount',
  vatAccount: 'accounting.vatAccount',
  bankAccount: 'accounting.bankAccount',
  cashAccount: 'accounting.cashAccount',
  depositAccount: 'accounting.depositAccount',
  internalTransferAccount: 'accounting.internalTransferAccount',
  tillShortfallAccount: 'accounting.tillShortfallAccount',
  tillSurplusAccount: 'accounting.tillSurplusAccount',
  salesJournal: 'accounting.salesJournal',
  bankJournal: 'accounting.bankJournal',
  cashJournal: 'accounting.cashJournal',
};

export const ACCOUNTING_LABELS: Record<AccountingTextField, string> = {
  customerAccount: 'Compte clients',
  salesAccount: 'Ventes des autres taux',
  vatAccount: 'TVA collectée des autres taux',
  bankAccount: 'Compte banque',
  cashAccount: 'Compte caisse',
  depositAccount: 'Acomptes reçus (4191)',
  internalTransferAccount: 'Virements internes (58)',
  tillShortfallAccount: 'Manques de caisse (658)',
  tillSurplusAccount: 'Excédents de caisse (758)',
  salesJournal: 'Journal des ventes',
  bankJournal: 'Journal de banque',
  cashJournal: 'Journal de caisse',
};

export function toAccountingValues(accounting: Accounting): AccountingValues {
  return {
    customerAccount: accounting.customerAccount,
    salesAccount: accounting.salesAccount,
    vatAccount: accounting.vatAccount,
    bankAccount: accounting.bankAccount,
    cashAccount: accounting.cashAccount,
    depositAccount: accounting.depositAccount,
    internalTransferAccount: accounting.internalTransferAccount,
    tillShortfallAccount: accounting.tillShortfallAccount,
    tillSurplusAccount: accounting.tillSurplusAccount,
    salesJournal: accounting.salesJournal,
    bankJournal: accounting.bankJournal,
    cashJournal: accounting.cashJournal,
    accountRates: accounting.rates.map((rate) => ({
      id: String(rate.vatRateBp),
      vatRateBp: rate.vatRateBp,
      salesAccount: rate.salesAccount,
      vatAccount: rate.vatAccount,
    })),
  };
}

/** A row for a rate not listed yet, starting from the accounts of the other rates. */
export function newAccountRate(vatRateBp: VatRateBp, values: AccountingValues): AccountRateValues {
  return {
    id: String(vatRateBp),
    vatRateBp,
    salesAccount: values.salesAccount,
    vatAccount: values.vatAccount,
  };
}

/** The API's `accounting`, as typed: the schema trims it and checks every number. */
export function toAccountingInput(values: AccountingValues) {
  return {
    customerAccount: values.customerAccount,
    salesAccount: values.salesAccount,
    vatAccount: values.vatAccount,
    rates: values.accountRates.map(({ vatRateBp, salesAccount, vatAccount }) => ({
      vatRateBp,
      salesAccount,
      vatAccount,
    })),
    bankAccount: values.bankAccount,
    cashAccount: values.cashAccount,
    depositAccount: values.depositAccount,
    internalTransferAccount: values.internalTransferAccount,
    tillShortfallAccount: values.tillShortfallAccount,
    tillSurplusAccount: values.tillSurplusAccount,
    salesJournal: values.salesJournal,
    bankJournal: values.bankJournal,
    cashJournal: values.cashJournal,
  };
}
