import { formatEuros } from '../../../domain/money';

/** « écart nul », « excédent de 2,00 € », « manque 5,00 € »: what the count says. */
export function differenceLabel(differenceCents: number): string {
  if (differenceCents === 0) return 'écart nul';
  return differenceCents > 0
    ? `excédent de ${formatEuros(differenceCents)}`
    : `manque ${formatEuros(-differenceCents)}`;
}
