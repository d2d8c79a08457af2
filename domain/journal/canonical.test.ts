import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical';

describe('the canonical serialisation', () => {
  it('orders keys, drops spaces and prints integers as they are', () => {
    expect(canonicalize({ b: 1, a: [true, null, 'é'], c: { z: -0, y: -12 } })).toBe(
      '{"a":[true,null,"é"],"b":1,"c":{"y":-12,"z":0}}',
    );
  });

  it('gives one text per value whatever the key order it was built in', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())),
        (value) => {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(canonicalize(reversed)).toBe(canonicalize(value));
          expect(canonicalize(JSON.parse(canonicalize(value)))).toBe(canonicalize(value));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('refuses what has no canonical form: floats, undefined, functions', () => {
    expect(() => canonicalize({ amount: 12.5 })).toThrow(/amount is not an integer/);
    expect(() => canonicalize({ note: undefined })).toThrow(/note is undefined/);
    expect(() => canonicalize([() => 1])).toThrow(/cannot be serialised/);
  });
});
