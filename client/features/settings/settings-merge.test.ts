import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../domain/schemas/settings';
import { mergeSettingsValues } from './settings-merge';
import { newPackage, type SettingsFormValues, toSettingsValues } from './settings-values';

const base: SettingsFormValues = toSettingsValues({
  ...DEFAULT_SETTINGS,
  version: 4,
  updatedAt: '2026-11-30T09:00:00.000Z',
});
const [mechanics, bodywork] = base.labourRates;
if (!mechanics || !bodywork) throw new Error('the default settings have two rates');

describe('mergeSettingsValues', () => {
  it('takes in the company fields they changed and keeps mine, telling what they did', () => {
    const mine = { ...base, phone: '04 78 11 22 33' };
    const theirs = { ...base, city: 'Lyon', logo: 'data:image/png;base64,AAAA' };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged).toMatchObject({ phone: '04 78 11 22 33', city: 'Lyon' });
    expect(outcome.merged.logo).toBe(theirs.logo);
    expect(outcome.theirChanges).toEqual(['Ville', 'Logo']);
  });

  it('merges labour rates by id: my edit of one and their edit of another both stay', () => {
    const mine = { ...base, labourRates: [{ ...mechanics, hourlyRate: '68,00' }, bodywork] };
    const theirs = {
      ...base,
      labourRates: [mechanics, { ...bodywork, name: 'Carrosserie-peinture' }],
    };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged.labourRates).toEqual([
      { ...mechanics, hourlyRate: '68,00' },
      { ...bodywork, name: 'Carrosserie-peinture' },
    ]);
    expect(outcome.theirChanges).toEqual(['Taux « Carrosserie-peinture »']);
  });

  it('keeps a package they added next to the one I added, and says so', () => {
    const mineNew = { ...newPackage(2000), name: 'Pneus' };
    const theirNew = { ...newPackage(2000), name: 'Vidange' };
    const mine = { ...base, packages: [mineNew] };
    const theirs = { ...base, packages: [theirNew] };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged.packages.map((pack) => pack.name)).toEqual(['Pneus', 'Vidange']);
    expect(outcome.theirChanges).toEqual(['Forfait « Vidange » ajouté']);
  });

  it('puts a rate they added after the one it followed in their list', () => {
    const added = { ...mechanics, id: 'diag', name: 'Diagnostic' };
    const theirs = { ...base, labourRates: [mechanics, added, bodywork] };
    const outcome = mergeSettingsValues(base, base, theirs);
    expect(outcome.merged.labourRates.map((rate) => rate.id)).toEqual([
      mechanics.id,
      'diag',
      bodywork.id,
    ]);
  });

  it('sees no edit in the same amount typed another way', () => {
    const mine = { ...base, labourRates: [{ ...mechanics, hourlyRate: '65' }, bodywork] };
    const theirs = { ...base, quoteValidityDays: '30 ' };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.theirChanges).toEqual([]);
  });

  it('shows a rate both changed as one conflict, whole on each side, and applies the pick', () => {
    const mine = { ...base, labourRates: [{ ...mechanics, hourlyRate: '70' }, bodywork] };
    const theirs = { ...base, labourRates: [{ ...mechanics, hourlyRate: '72' }, bodywork] };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts).toHaveLength(1);
    const [row] = outcome.conflicts;
    expect(row).toMatchObject({ id: `rate:${mechanics.id}`, label: 'Taux « Mécanique »' });
    expect(row?.mine).toContain('70,00');
    expect(row?.theirs).toContain('72,00');
    // Mine stays in the form until the user picks.
    expect(outcome.merged.labourRates[0]?.hourlyRate).toBe('70');
    const resolved = outcome.resolve({ [`rate:${mechanics.id}`]: 'theirs' });
    expect(resolved.labourRates[0]?.hourlyRate).toBe('72');
  });

  it('asks when they removed a rate I edited, and puts it back if I keep mine', () => {
    const mine = { ...base, labourRates: [mechanics, { ...bodywork, name: 'Tôlerie' }] };
    const theirs = { ...base, labourRates: [mechanics] };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({ id: `rate:${bodywork.id}`, theirs: 'Retiré' }),
    ]);
    expect(outcome.resolve({ [`rate:${bodywork.id}`]: 'mine' }).labourRates).toHaveLength(2);
    expect(outcome.resolve({ [`rate:${bodywork.id}`]: 'theirs' }).labourRates).toEqual([mechanics]);
  });

  it('resolves field and list conflicts together, each by its own id', () => {
    const mine = {
      ...base,
      companyName: 'Garage A',
      labourRates: [{ ...mechanics, name: 'Méca' }, bodywork],
    };
    const theirs = {
      ...base,
      companyName: 'Garage B',
      labourRates: [{ ...mechanics, name: 'Mécanique générale' }, bodywork],
    };
    const outcome = mergeSettingsValues(base, mine, theirs);
    expect(outcome.conflicts.map((row) => row.id)).toEqual(['companyName', `rate:${mechanics.id}`]);
    const resolved = outcome.resolve({ companyName: 'theirs', [`rate:${mechanics.id}`]: 'mine' });
    expect(resolved.companyName).toBe('Garage B');
    expect(resolved.labourRates[0]?.name).toBe('Méca');
  });
});
