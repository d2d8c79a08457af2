import { describe, expect, it } from 'vitest';
import { mergeRecord, resolveRecord } from './merge-record';

type ClientForm = {
  lastName: string;
  email: string;
  city: string;
  phones: string[];
  notes: string | null;
};

const base: ClientForm = {
  lastName: 'Martin',
  email: 'martin@example.fr',
  city: 'Lyon',
  phones: ['06 12 34 56 78'],
  notes: null,
};

describe('mergeRecord', () => {
  it('takes in the fields they changed and tells which ones', () => {
    const mine = { ...base, email: 'j.martin@example.fr' };
    const theirs = { ...base, city: 'Villeurbanne', phones: ['06 12 34 56 78', '04 78 00 00 00'] };
    const merge = mergeRecord(base, mine, theirs);
    expect(merge.merged).toEqual({
      ...base,
      email: 'j.martin@example.fr',
      city: 'Villeurbanne',
      phones: ['06 12 34 56 78', '04 78 00 00 00'],
    });
    expect(merge.theirs).toEqual(['city', 'phones']);
    expect(merge.conflicts).toEqual([]);
  });

  it('lists a field both changed differently, and keeps mine in it until resolved', () => {
    const mine = { ...base, city: 'Bron' };
    const theirs = { ...base, city: 'Villeurbanne' };
    const merge = mergeRecord(base, mine, theirs);
    expect(merge.merged.city).toBe('Bron');
    expect(merge.theirs).toEqual([]);
    expect(merge.conflicts).toEqual([
      { field: 'city', base: 'Lyon', mine: 'Bron', theirs: 'Villeurbanne' },
    ]);
  });

  it('sees no conflict, and nothing of theirs to tell, when both made the same edit', () => {
    const mine = { ...base, phones: ['06 99 99 99 99'] };
    const theirs = { ...base, phones: ['06 99 99 99 99'] };
    const merge = mergeRecord(base, mine, theirs);
    expect(merge).toEqual({ merged: mine, theirs: [], conflicts: [] });
  });

  it('compares arrays by content, not by reference', () => {
    const theirs = { ...base, phones: [...base.phones] };
    expect(mergeRecord(base, { ...base, phones: [...base.phones] }, theirs).theirs).toEqual([]);
  });

  it('keeps my edit when they did not touch the field', () => {
    const mine = { ...base, notes: 'Rappeler après 18 h' };
    expect(mergeRecord(base, mine, base)).toEqual({ merged: mine, theirs: [], conflicts: [] });
  });

  it('merges only the listed fields and carries the others from mine', () => {
    const mine = { ...base, city: 'Bron', notes: 'à moi' };
    const theirs = { ...base, city: 'Villeurbanne', notes: 'à eux' };
    const merge = mergeRecord(base, mine, theirs, { fields: ['city'] });
    expect(merge.conflicts.map((conflict) => conflict.field)).toEqual(['city']);
    expect(merge.merged.notes).toBe('à moi');
  });

  it('uses the given equality, so spaces the form trims are no edit', () => {
    const theirs = { ...base, lastName: ' Martin ' };
    const mine = { ...base, lastName: 'MARTIN' };
    const merge = mergeRecord(base, mine, theirs, {
      isEqual: (_field, a, b) => String(a).trim() === String(b).trim(),
    });
    expect(merge).toEqual({ merged: mine, theirs: [], conflicts: [] });
  });

  it('does not change the versions it merges', () => {
    const mine = { ...base, city: 'Bron' };
    const theirs = { ...base, email: 'autre@example.fr' };
    const copies = structuredClone([base, mine, theirs]);
    mergeRecord(base, mine, theirs);
    expect([base, mine, theirs]).toEqual(copies);
  });
});

describe('resolveRecord', () => {
  const mine = { ...base, city: 'Bron', email: 'moi@example.fr', notes: 'à moi' };
  const theirs = {
    ...base,
    city: 'Villeurbanne',
    email: 'eux@example.fr',
    lastName: 'Martin-Roux',
  };
  const merge = mergeRecord(base, mine, theirs);

  it('gives each conflicting field the side chosen for it', () => {
    expect(resolveRecord(merge, { city: 'theirs', email: 'mine' })).toEqual({
      ...base,
      city: 'Villeurbanne',
      email: 'moi@example.fr',
      lastName: 'Martin-Roux',
      notes: 'à moi',
    });
  });

  it('keeps mine in a conflict left unchosen', () => {
    expect(resolveRecord(merge, { city: 'theirs' }).email).toBe('moi@example.fr');
  });

  it('ignores a choice for a field that is not in conflict', () => {
    expect(resolveRecord(merge, { notes: 'theirs' }).notes).toBe('à moi');
  });
});
