import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNTING,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../../domain/schemas/settings';
import { newAccountRate, toAccountingInput, toAccountingValues } from './accounting-values';
import { mergeSettingsValues } from './settings-merge';
import { toSettingsPatch, toSettingsValues, validateSettingsValues } from './settings-values';

const saved: Settings = { ...DEFAULT_SETTINGS, version: 2, updatedAt: '2026-11-30T09:00:00.000Z' };
const base = toSettingsValues(saved);

describe('the accounting accounts in the settings form', () => {
  it('carries every account the API has, so saving the form resets none to its default', () => {
    const custom = {
      ...DEFAULT_ACCOUNTING,
      depositAccount: '419800',
      internalTransferAccount: '581000',
      tillShortfallAccount: '658100',
      tillSurplusAccount: '758100',
    };
    expect(toAccountingInput(toAccountingValues(custom))).toEqual(custom);
  });

  it('read back as saved, the accounts per VAT rate keyed by their rate', () => {
    expect(base).toMatchObject({ customerAccount: '411000', bankJournal: 'BQ' });
    expect(base.accountRates.map((rate) => rate.id)).toEqual(['2000', '1000', '550', '210']);
    expect(validateSettingsValues(base)).toBeNull();
  });

  it('send the accounting section whole when one account changed, and nothing else', () => {
    const patch = toSettingsPatch(base, { ...base, bankAccount: '512100' }, 2);
    expect(Object.keys(patch).sort()).toEqual(['accounting', 'version']);
    expect(patch.accounting).toEqual({ ...DEFAULT_ACCOUNTING, bankAccount: '512100' });
  });

  it('name each faulty account by its API path, in French', () => {
    const [first, ...rest] = base.accountRates;
    if (!first) throw new Error('a rate');
    const errors = validateSettingsValues({
      ...base,
      customerAccount: '0411',
      salesJournal: 'VENTES-1',
      accountRates: [{ ...first, vatAccount: '' }, ...rest],
    });
    expect(errors).toMatchObject({
      'accounting.customerAccount': expect.stringContaining('Numéro de compte'),
      'accounting.salesJournal': 'Code journal : 1 à 6 lettres majuscules ou chiffres.',
      'accounting.rates.0.vatAccount': expect.stringContaining('Numéro de compte'),
    });
  });

  it('start a new rate’s row from the accounts of the other rates', () => {
    expect(newAccountRate(0, base)).toEqual({
      id: '0',
      vatRateBp: 0,
      salesAccount: '706000',
      vatAccount: '445710',
    });
  });

  it('merge two admins’ edits of different accounts and of different rates without a conflict', () => {
    const [twenty, ten, ...others] = base.accountRates;
    if (!twenty || !ten) throw new Error('two rates');
    const mine = {
      ...base,
      bankAccount: '512100',
      accountRates: [{ ...twenty, salesAccount: '706100' }, ten, ...others],
    };
    const theirs = {
      ...base,
      cashAccount: '531000',
      accountRates: [twenty, { ...ten, vatAccount: '44571011' }, ...others],
    };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged).toMatchObject({ bankAccount: '512100', cashAccount: '531000' });
    expect(outcome.merged.accountRates.slice(0, 2)).toEqual([
      { ...twenty, salesAccount: '706100' },
      { ...ten, vatAccount: '44571011' },
    ]);
    expect(outcome.theirChanges).toEqual(['Compte caisse', 'Comptes de TVA 10\u00a0%']);
  });

  it('shows a conflict when both changed the same account differently', () => {
    const outcome = mergeSettingsValues(
      base,
      { ...base, bankAccount: '512100' },
      { ...base, bankAccount: '512200' },
    );
    expect(outcome.conflicts).toMatchObject([
      { id: 'bankAccount', label: 'Compte banque', mine: '512100', theirs: '512200' },
    ]);
  });
});
