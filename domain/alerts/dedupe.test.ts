import { describe, expect, it } from 'vitest';
import { buildDedupeKey, type DedupeKeyParts, parseDedupeKey } from './dedupe';

const VEHICLE_ID = '0b6f4c1e-8a4f-4c55-9d3e-2f1b7a9c6d10';

describe('the alert dedupe key', () => {
  const parts: DedupeKeyParts = {
    kind: 'ct_due',
    subjectType: 'vehicle',
    subjectId: VEHICLE_ID,
    dueDate: '2026-05-10',
  };

  it('reads kind:subjectType:subjectId:dueDate', () => {
    expect(buildDedupeKey(parts)).toBe(`ct_due:vehicle:${VEHICLE_ID}:2026-05-10`);
  });

  it('is the same on every check for the same thing due the same day', () => {
    expect(buildDedupeKey({ ...parts })).toBe(buildDedupeKey(parts));
  });

  it('differs when the kind, the subject or the due date differs', () => {
    const key = buildDedupeKey(parts);
    expect(buildDedupeKey({ ...parts, kind: 'service_due' })).not.toBe(key);
    expect(buildDedupeKey({ ...parts, subjectType: 'quote' })).not.toBe(key);
    expect(buildDedupeKey({ ...parts, subjectId: VEHICLE_ID.replace('0b6', '1b6') })).not.toBe(key);
    expect(buildDedupeKey({ ...parts, dueDate: '2026-05-11' })).not.toBe(key);
  });

  it('reads back into its parts', () => {
    expect(parseDedupeKey(buildDedupeKey(parts))).toEqual(parts);
    const quote: DedupeKeyParts = { ...parts, kind: 'quote_followup', subjectType: 'quote' };
    expect(parseDedupeKey(buildDedupeKey(quote))).toEqual(quote);
  });

  it('refuses an id or a date that would make it ambiguous', () => {
    expect(() => buildDedupeKey({ ...parts, subjectId: 'a:b' })).toThrow(RangeError);
    expect(() => buildDedupeKey({ ...parts, subjectId: '' })).toThrow(RangeError);
    expect(() => buildDedupeKey({ ...parts, dueDate: '2026-02-30' })).toThrow(RangeError);
  });

  it('reads nothing from other strings, custom alerts included', () => {
    for (const key of [
      '',
      'ct_due:vehicle:id',
      `custom:vehicle:${VEHICLE_ID}:2026-05-10`,
      `ct_due:garage:${VEHICLE_ID}:2026-05-10`,
      `ct_due:vehicle:${VEHICLE_ID}:2026-02-30`,
      `ct_due:vehicle:${VEHICLE_ID}:2026-05-10:extra`,
    ]) {
      expect(parseDedupeKey(key)).toBeNull();
    }
  });
});
