import { describe, expect, it } from 'vitest';
import { isDeepEqual } from './deep-equal';

describe('isDeepEqual', () => {
  it('compares arrays by content and order', () => {
    expect(isDeepEqual(['06 12 34 56 78'], ['06 12 34 56 78'])).toBe(true);
    expect(isDeepEqual(['06 12 34 56 78', '01 23'], ['01 23', '06 12 34 56 78'])).toBe(false);
    expect(isDeepEqual([], [undefined])).toBe(false);
  });

  it('compares plain objects by content, whatever the order of their keys', () => {
    expect(isDeepEqual({ a: 1, b: { c: [2] } }, { b: { c: [2] }, a: 1 })).toBe(true);
    expect(isDeepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(isDeepEqual({ a: null }, {})).toBe(false);
  });

  it('treats a key holding undefined as absent, as JSON does', () => {
    expect(isDeepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('tells apart values of different types', () => {
    expect(isDeepEqual(0, '0')).toBe(false);
    expect(isDeepEqual(null, undefined)).toBe(false);
    expect(isDeepEqual([], {})).toBe(false);
    expect(isDeepEqual(null, {})).toBe(false);
  });

  it('compares anything but plain objects by identity', () => {
    const date = new Date(0);
    expect(isDeepEqual(date, date)).toBe(true);
    expect(isDeepEqual(new Date(0), new Date(0))).toBe(false);
  });
});
