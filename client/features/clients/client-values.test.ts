import { describe, expect, it } from 'vitest';
import {
  EMPTY_CLIENT,
  isSameClientValues,
  mergeClientValues,
  toClientPatch,
} from './client-values';

const base = { ...EMPTY_CLIENT, lastName: 'Perrin', city: 'Lyon', phones: ['06 12 34 56 78'] };

describe('the client form merge', () => {
  it('keeps my change and takes theirs on the fields I did not touch', () => {
    const mine = { ...base, city: 'Vénissieux' };
    const theirs = { ...base, email: 'lucas@exemple.fr' };
    const outcome = mergeClientValues(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged).toEqual({ ...base, city: 'Vénissieux', email: 'lucas@exemple.fr' });
    expect(outcome.theirChanges).toEqual(['E-mail']);
  });

  it('shows a field both changed side by side, in the form’s words', () => {
    const outcome = mergeClientValues(
      base,
      { ...base, city: 'Vénissieux' },
      { ...base, city: 'Bron' },
    );
    expect(outcome.conflicts).toEqual([
      { id: 'city', label: 'Ville', mine: 'Vénissieux', theirs: 'Bron' },
    ]);
    expect(outcome.resolve({ city: 'theirs' }).city).toBe('Bron');
    expect(outcome.resolve({ city: 'mine' }).city).toBe('Vénissieux');
  });

  it('treats a phone typed with other spacing as unchanged', () => {
    expect(isSameClientValues(base, { ...base, phones: ['0612345678'] })).toBe(true);
    const outcome = mergeClientValues(
      base,
      { ...base, phones: ['0612345678'] },
      { ...base, phones: ['06 99 99 99 99'] },
    );
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged.phones).toEqual(['06 99 99 99 99']);
  });
});

describe('the client PATCH', () => {
  it('sends only the fields that changed', () => {
    expect(toClientPatch(base, { ...base, city: 'Bron', notes: 'Client fidèle' })).toEqual({
      address: { street: '', postalCode: '', city: 'Bron', country: 'FR' },
      notes: 'Client fidèle',
    });
    expect(toClientPatch(base, base)).toEqual({});
  });
});
