import { describe, expect, it } from 'vitest';
import { normalizeSearchText, toPlateAwareTerms, toSearchTerms } from './text';

describe('search normalisation', () => {
  it('removes accents and capitals and collapses spaces', () => {
    expect(normalizeSearchText('  Hélène   LEFÈVRE-Cœur ')).toBe('helene lefevre-coeur');
    expect(normalizeSearchText('ÉCULLY')).toBe('ecully');
  });

  it('splits a query into terms', () => {
    expect(toSearchTerms('Lefèvre  lyon')).toEqual(['lefevre', 'lyon']);
    expect(toSearchTerms('   ')).toEqual([]);
  });

  it('reads a phone-like query as one digits term, in national form', () => {
    expect(toSearchTerms('06 12 34 56 78')).toEqual(['0612345678']);
    expect(toSearchTerms('06.12.34')).toEqual(['061234']);
    expect(toSearchTerms('+33 6 12 34 56 78')).toEqual(['0612345678']);
  });
});

describe('plate-aware search terms', () => {
  it('glues a plate typed with spaces or dashes', () => {
    expect(toPlateAwareTerms('ab 123 cd')).toEqual(['ab123cd']);
    expect(toPlateAwareTerms('123 ABC 45')).toEqual(['123abc45']);
    expect(toPlateAwareTerms('AB-123-CD')).toEqual(['ab-123-cd']);
  });

  it('leaves names and long words alone', () => {
    expect(toPlateAwareTerms('Jean Martin')).toEqual(['jean', 'martin']);
    expect(toPlateAwareTerms('clio')).toEqual(['clio']);
  });
});
