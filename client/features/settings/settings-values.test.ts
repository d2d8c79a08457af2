import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../../../domain/alerts/rules';
import { AppError } from '../../../domain/errors';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../../domain/schemas/settings';
import {
  newPackage,
  newRate,
  parseSettingsValues,
  toSettingsPatch,
  toSettingsValues,
  validateSettingsValues,
} from './settings-values';

const saved: Settings = {
  ...DEFAULT_SETTINGS,
  packages: [
    {
      id: 'oil-change',
      name: 'Vidange + filtre',
      lines: [
        {
          kind: 'part',
          description: 'Huile 5W30',
          reference: null,
          quantity: 4.5,
          unit: 'L',
          unitPriceCents: 1290,
          vatRateBp: 2000,
          discountBp: 1000,
        },
      ],
    },
  ],
  version: 3,
  updatedAt: '2026-11-30T09:00:00.000Z',
};

describe('the settings form values', () => {
  it('read back as the saved settings, amounts and quantities through their text', () => {
    const values = toSettingsValues(saved);
    expect(values.labourRates[0]?.hourlyRate).toBe('65,00');
    expect(values.packages[0]?.lines[0]).toMatchObject({ quantity: '4,5', unitPrice: '12,90' });
    const parsed = parseSettingsValues(values);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    const { version: _, updatedAt: __, ...expected } = saved;
    expect(parsed.data).toEqual(expected);
  });

  it('send only the top-level fields that changed, the company as one', () => {
    const base = toSettingsValues(saved);
    const values = { ...base, city: 'Villeurbanne', quoteValidityDays: '45' };
    const patch = toSettingsPatch(base, values, saved.version);
    expect(Object.keys(patch).sort()).toEqual(['company', 'quoteValidityDays', 'version']);
    expect(patch).toMatchObject({ quoteValidityDays: 45, version: 3 });
    expect(patch.company?.address.city).toBe('Villeurbanne');
  });

  it('see no change in a SIRET typed with spaces or a rate typed differently', () => {
    const base = toSettingsValues({
      ...saved,
      company: { ...saved.company, siret: '73282932000074' },
    });
    const [rate] = base.labourRates;
    if (!rate) throw new Error('a rate');
    const values = {
      ...base,
      siret: '732 829 320 00074',
      labourRates: [{ ...rate, hourlyRate: '65' }, ...base.labourRates.slice(1)],
    };
    expect(toSettingsPatch(base, values, 3)).toEqual({ version: 3 });
  });

  it('name every faulty cell by its API path, the typed text’s own message first', () => {
    const base = toSettingsValues(saved);
    const pack = base.packages[0];
    const line = pack?.lines[0];
    if (!pack || !line) throw new Error('a package line');
    const errors = validateSettingsValues({
      ...base,
      siret: '123',
      quoteValidityDays: 'trente',
      labourRates: [{ ...newRate(2000), hourlyRate: '12,345' }],
      packages: [
        { ...pack, name: '', lines: [{ ...line, description: ' ', unitPrice: 'abc' }] },
        { ...newPackage(2000), lines: [] },
      ],
    });
    expect(errors).toMatchObject({
      'company.siret': expect.stringContaining('SIRET'),
      quoteValidityDays: 'Un nombre entier de jours.',
      'labourRates.0.name': 'Nommez le taux horaire.',
      'labourRates.0.hourlyRateCents': 'Deux décimales au maximum (centimes).',
      'packages.0.name': 'Nommez le forfait.',
      'packages.0.lines.0.description': 'Saisissez une description.',
      'packages.0.lines.0.unitPriceCents': expect.stringContaining('Montant invalide'),
      'packages.1.lines': 'Un forfait contient au moins une ligne.',
    });
  });

  it('refuse to build a patch from a form that does not check, with its field errors', () => {
    const base = toSettingsValues(saved);
    const attempt = () => toSettingsPatch(base, { ...base, quoteValidityDays: '0' }, 3);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('give new rates and packages ids that are theirs for good', () => {
    const ids = new Set([newRate(2000).id, newRate(2000).id, newPackage(2000).id]);
    expect(ids.size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('what a settings change may carry', () => {
  it('is refused as settings when it is the alert rules (the form is never emptied by them)', () => {
    const rules = { ...DEFAULT_ALERT_RULES, version: 2, updatedAt: saved.updatedAt };
    expect(SettingsSchema.safeParse(rules).success).toBe(false);
    expect(SettingsSchema.safeParse(saved).success).toBe(true);
  });
});
