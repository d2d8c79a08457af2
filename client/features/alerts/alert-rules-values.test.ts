import { describe, expect, it } from 'vitest';
import { type AlertRulesRecord, DEFAULT_ALERT_RULES } from '../../../domain/alerts/rules';
import {
  mergeAlertRulesValues,
  toAlertRulesPatch,
  toAlertRulesValues,
  validateAlertRulesValues,
} from './alert-rules-values';

const saved: AlertRulesRecord = {
  ...DEFAULT_ALERT_RULES,
  version: 2,
  updatedAt: '2026-11-30T09:00:00.000Z',
};
const base = toAlertRulesValues(saved);

describe('the alert rules form', () => {
  it('shows the schema’s own message when urgency would come before the opening', () => {
    const errors = validateAlertRulesValues({
      ...base,
      openDaysBefore: '5',
      urgentDaysBefore: '7',
    });
    expect(errors).toEqual({
      urgentDaysBefore:
        'Au plus le nombre de jours d’ouverture : l’urgence vient après l’ouverture.',
    });
  });

  it('says every other mistake at once, an emptied box included', () => {
    const errors = validateAlertRulesValues({
      ...base,
      quoteFollowUpDays: '',
      serviceIntervalKm: '500',
      schedule: '61 * * * *',
    });
    expect(Object.keys(errors ?? {}).sort()).toEqual([
      'quoteFollowUpDays',
      'schedule',
      'serviceIntervalKm',
    ]);
    expect(errors?.quoteFollowUpDays).toBe('Relance devis : un nombre entier de jours.');
  });

  it('sends only the fields that changed, as numbers, with the version', () => {
    const patch = toAlertRulesPatch(
      base,
      { ...base, serviceIntervalKm: '20 000', schedule: ' 0 7 * * * ' },
      saved.version,
    );
    expect(patch).toEqual({ serviceIntervalKm: 20_000, schedule: '0 7 * * *', version: 2 });
  });

  it('merges two admins’ edits of different rules, and asks on the same one', () => {
    const mine = { ...base, quoteFollowUpDays: '10' };
    const theirs = { ...base, schedule: '0 7 * * *', quoteFollowUpDays: '14' };
    const outcome = mergeAlertRulesValues(base, mine, theirs);
    expect(outcome.merged.schedule).toBe('0 7 * * *');
    expect(outcome.theirChanges).toEqual(['Planification']);
    expect(outcome.conflicts).toEqual([
      {
        id: 'quoteFollowUpDays',
        label: 'Relancer un devis envoyé après (jours)',
        mine: '10',
        theirs: '14',
      },
    ]);
  });
});
