import { describe, expect, it } from 'vitest';
import { describeCron } from './describe-cron';

describe('cron expressions in plain French', () => {
  it.each([
    ['*/15 * * * *', 'Toutes les 15 minutes.'],
    ['0 */2 * * *', 'Toutes les 2 heures, à l’heure pile.'],
    ['5 * * * *', 'Toutes les heures, à la minute 5.'],
    ['30 7 * * *', 'Tous les jours à 07:30.'],
    ['0 8,14 * * 1-5', 'Du lundi au vendredi à 08:00, 14:00.'],
  ])('describes %s', (pattern, text) => {
    expect(describeCron(pattern)).toBe(text);
  });

  it('gives up on what it does not know', () => {
    expect(describeCron('0 0 1 * *')).toBeNull();
    expect(describeCron('nonsense')).toBeNull();
  });
});
