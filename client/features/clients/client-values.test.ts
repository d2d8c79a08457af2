import { describe, expect, it } from 'vitest';
import { changedFields, EMPTY_CLIENT, reapplyChanges } from './client-values';

const base = { ...EMPTY_CLIENT, lastName: 'Perrin', city: 'Lyon', phones: ['06 12 34 56 78'] };

describe('reapplyChanges', () => {
  it('puts back only the fields I changed, keeping theirs on the others', () => {
    const mine = { ...base, city: 'Vénissieux' };
    const theirs = { ...base, city: 'Bron', email: 'lucas@exemple.fr' };
    expect(reapplyChanges(theirs, mine, base)).toEqual({
      ...base,
      city: 'Vénissieux',
      email: 'lucas@exemple.fr',
    });
  });

  it('treats a phone typed with other spacing as unchanged', () => {
    const mine = { ...base, phones: ['0612345678'] };
    expect(changedFields(base, mine)).toEqual([]);
    const theirs = { ...base, phones: ['06 99 99 99 99'] };
    expect(reapplyChanges(theirs, mine, base).phones).toEqual(['06 99 99 99 99']);
  });
});
