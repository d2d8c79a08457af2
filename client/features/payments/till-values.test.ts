import { describe, expect, it } from 'vitest';
import { differenceLabel } from './till-values';

describe('differenceLabel', () => {
  it('says a count matching what was expected, one above it and one below it', () => {
    expect(differenceLabel(0)).toBe('écart nul');
    expect(differenceLabel(200)).toBe('excédent de 2,00\u00a0€');
    expect(differenceLabel(-500)).toBe('manque 5,00\u00a0€');
  });
});
