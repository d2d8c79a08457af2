import { describe, expect, it } from 'vitest';
import { isOlder, mergeRows, overlayKnown, type Placement, placeRow } from './live-list-rows';

type Item = { id: string; version?: number; name: string };

const item = (id: string, name: string, version?: number): Item =>
  version === undefined ? { id, name } : { id, name, version };
const byName = (a: Item, b: Item) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const whole = { compare: byName, hasMore: false };
const paged = { compare: byName, hasMore: true };
const names = (rows: Item[]) => rows.map((row) => row.name);
const rowsOf = (placed: ReturnType<typeof placeRow<Item>>) =>
  placed.outcome === 'changed' ? names(placed.items) : placed.outcome;

const anne = item('a', 'Anne', 1);
const bruno = item('b', 'Bruno', 1);
const chloe = item('c', 'Chloé', 1);

describe('the version rule', () => {
  it('calls older only a lower version than the one known', () => {
    expect(isOlder(item('a', 'x', 1), item('a', 'y', 2))).toBe(true);
    expect(isOlder(item('a', 'x', 2), item('a', 'y', 2))).toBe(false);
    expect(isOlder(item('a', 'x', 3), item('a', 'y', 2))).toBe(false);
    expect(isOlder(item('a', 'x', 1), undefined)).toBe(false);
  });

  it('lets the last one win for a record without a version', () => {
    expect(isOlder(item('a', 'x'), item('a', 'y', 2))).toBe(false);
    expect(isOlder(item('a', 'x', 1), item('a', 'y'))).toBe(false);
  });

  it('keeps each record once, in its newest version, where it first appears', () => {
    const newer = item('b', 'Bruno modifié', 2);
    expect(mergeRows([anne, newer, chloe, bruno])).toEqual([anne, newer, chloe]);
    expect(mergeRows([anne, bruno, chloe, newer])).toEqual([anne, newer, chloe]);
    // A tie keeps the first.
    expect(mergeRows([bruno, item('b', 'Autre', 1)])).toEqual([bruno]);
  });
});

describe('where a record goes', () => {
  it('adds a new record where it sorts, and never twice', () => {
    const once = placeRow([anne, chloe], { item: bruno, isListed: true }, whole);
    expect(rowsOf(once)).toEqual(['Anne', 'Bruno', 'Chloé']);
    const rows = once.outcome === 'changed' ? once.items : [];
    expect(rowsOf(placeRow(rows, { item: { ...bruno }, isListed: true }, whole))).toEqual([
      'Anne',
      'Bruno',
      'Chloé',
    ]);
  });

  it('updates a record in place, and moves it when its sort key moved', () => {
    const phone = { ...bruno, version: 2, phone: '06' };
    const placed = placeRow([anne, bruno, chloe], { item: phone, isListed: true }, whole);
    expect(placed.outcome === 'changed' && placed.items[1]).toEqual(phone);
    const renamed = item('b', 'Zoé', 2);
    expect(
      rowsOf(placeRow([anne, bruno, chloe], { item: renamed, isListed: true }, whole)),
    ).toEqual(['Anne', 'Chloé', 'Zoé']);
  });

  it('keeps a row where it is when the list around it is not in the compared order', () => {
    const rows = [chloe, anne, bruno];
    const updated = { ...bruno, version: 2 };
    const placed = placeRow(rows, { item: updated, isListed: true }, whole);
    expect(placed.outcome === 'changed' && placed.items).toEqual([chloe, anne, updated]);
  });

  it('removes a record that leaves the list, and ignores one that is not in it', () => {
    const archived = { ...bruno, version: 2 };
    expect(rowsOf(placeRow([anne, bruno], { item: archived, isListed: false }, whole))).toEqual([
      'Anne',
    ]);
    expect(rowsOf(placeRow([anne], { item: archived, isListed: false }, whole))).toBe('unchanged');
  });

  it('never replaces a row by an older version of it, from wherever it comes', () => {
    const shown = { ...bruno, version: 3, name: 'Bruno v3' };
    const older = { ...bruno, version: 2, name: 'Bruno v2' };
    for (const isListed of [true, false, 'unknown'] as const) {
      expect(placeRow([anne, shown], { item: older, isListed }, whole).outcome).toBe('unchanged');
    }
  });

  it('leaves a record past the last loaded row to the page it belongs to', () => {
    expect(rowsOf(placeRow([anne, bruno], { item: chloe, isListed: true }, paged))).toBe(
      'unchanged',
    );
    expect(rowsOf(placeRow([anne, chloe], { item: bruno, isListed: true }, paged))).toEqual([
      'Anne',
      'Bruno',
      'Chloé',
    ]);
    // Renamed past the loaded rows: it goes to its page.
    const renamed = item('a', 'Zoé', 2);
    expect(rowsOf(placeRow([anne, bruno], { item: renamed, isListed: true }, paged))).toEqual([
      'Bruno',
    ]);
  });

  it('updates a search result where shown, and asks for the first page for a new one', () => {
    const updated = { ...bruno, version: 2, name: 'Bruno' };
    expect(rowsOf(placeRow([bruno], { item: updated, isListed: 'unknown' }, whole))).toEqual([
      'Bruno',
    ]);
    expect(placeRow([bruno], { item: anne, isListed: 'unknown' }, whole).outcome).toBe('reload');
  });
});

describe('a page read that was on its way during changes', () => {
  it('does not bring back the older version of a record changed meanwhile', () => {
    const snoozed = { ...bruno, version: 2, name: 'Bruno reporté' };
    const read = overlayKnown([anne, bruno, chloe], [{ item: snoozed, isListed: true }], whole);
    expect(names(read.items)).toEqual(['Anne', 'Bruno reporté', 'Chloé']);
    expect(read.caughtUp).toEqual([]);
  });

  it('keeps out a record that left the list meanwhile, and adds one created meanwhile', () => {
    const known: Placement<Item>[] = [
      { item: { ...bruno, version: 2 }, isListed: false },
      { item: item('d', 'Benoît', 1), isListed: true },
    ];
    expect(names(overlayKnown([anne, bruno, chloe], known, whole).items)).toEqual([
      'Anne',
      'Benoît',
      'Chloé',
    ]);
  });

  it('takes the page as it is where it carries the version known or a newer one', () => {
    const seen = { ...bruno, version: 2, name: 'Bruno v2' };
    const read = [anne, { ...bruno, version: 3, name: 'Bruno v3' }];
    const overlaid = overlayKnown(read, [{ item: seen, isListed: false }], whole);
    expect(names(overlaid.items)).toEqual(['Anne', 'Bruno v3']);
    expect(overlaid.caughtUp).toEqual(['b']);
    expect(overlayKnown([seen], [{ item: seen, isListed: true }], whole).caughtUp).toEqual(['b']);
  });

  it('leaves to the server a search result it cannot place, and a record past the page', () => {
    const known: Placement<Item>[] = [
      { item: item('d', 'Benoît', 1), isListed: 'unknown' },
      { item: item('z', 'Zoé', 1), isListed: true },
    ];
    expect(names(overlayKnown([anne, chloe], known, paged).items)).toEqual(['Anne', 'Chloé']);
  });
});
