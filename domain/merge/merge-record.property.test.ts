import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRecord, resolveRecord } from './merge-record';

type Form = Record<(typeof FIELDS)[number], unknown>;

const FIELDS = ['lastName', 'city', 'phones', 'address', 'isArchived', 'visits'] as const;

// Few distinct values, so both sides often make the same edit or put a field back as it was.
const valueArbitrary = fc.oneof(
  fc.constantFrom('', 'Lyon', 'Bron'),
  fc.integer({ min: 0, max: 2 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('06 12 34 56 78', '04 78 00 00 00'), { maxLength: 2 }),
  fc.record({
    street: fc.constantFrom('1 rue Neuve', '2 quai Sud'),
    zip: fc.constantFrom('69001'),
  }),
);

const recordArbitrary = fc.record(
  Object.fromEntries(FIELDS.map((field) => [field, valueArbitrary])) as Record<
    keyof Form,
    typeof valueArbitrary
  >,
);

/** Per field: the value each side may set, and who gets the field when edits must not overlap. */
const planArbitrary = fc.record({
  base: recordArbitrary,
  mine: fc.array(fc.option(valueArbitrary, { nil: undefined }), { minLength: 6, maxLength: 6 }),
  theirs: fc.array(fc.option(valueArbitrary, { nil: undefined }), { minLength: 6, maxLength: 6 }),
  isMine: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});

type Plan =
  fc.Arbitrary<unknown> extends never ? never : ReturnType<typeof planArbitrary.generate>['value'];

/** The reference equality, written independently of `isDeepEqual`. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, nested) =>
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : 1)))
      : nested,
  );
}

function edit(base: Form, values: ReadonlyArray<unknown>, keep: (index: number) => boolean): Form {
  const edited = { ...base };
  FIELDS.forEach((field, index) => {
    if (values[index] !== undefined && keep(index)) edited[field] = values[index];
  });
  return edited;
}

function changedFields(base: Form, version: Form): Array<keyof Form> {
  return FIELDS.filter((field) => canonical(base[field]) !== canonical(version[field]));
}

function disjoint(plan: Plan) {
  return {
    mine: edit(plan.base, plan.mine, (index) => plan.isMine[index]!),
    theirs: edit(plan.base, plan.theirs, (index) => !plan.isMine[index]),
  };
}

const runs = { seed: 20_250_601, numRuns: 200 };

describe('mergeRecord properties', () => {
  it('merges edits of different fields without conflict and loses none of them', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const { mine, theirs } = disjoint(plan);
        const merge = mergeRecord(plan.base, mine, theirs);
        expect(merge.conflicts).toEqual([]);
        for (const field of changedFields(plan.base, mine))
          expect(merge.merged[field]).toEqual(mine[field]);
        for (const field of changedFields(plan.base, theirs)) {
          expect(merge.merged[field]).toEqual(theirs[field]);
        }
        expect(merge.theirs).toEqual(changedFields(plan.base, theirs));
      }),
      runs,
    );
  });

  it('gives back mine, with nothing to tell, when they changed nothing', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const mine = edit(plan.base, plan.mine, () => true);
        expect(mergeRecord(plan.base, mine, plan.base)).toEqual({
          merged: mine,
          theirs: [],
          conflicts: [],
        });
      }),
      runs,
    );
  });

  it('gives back theirs, telling each field they changed, when I changed nothing', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const theirs = edit(plan.base, plan.theirs, () => true);
        const merge = mergeRecord(plan.base, plan.base, theirs);
        expect(merge.merged).toEqual(theirs);
        expect(merge.theirs).toEqual(changedFields(plan.base, theirs));
        expect(merge.conflicts).toEqual([]);
      }),
      runs,
    );
  });

  it('gives back the version both sides saved alike', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const same = edit(plan.base, plan.mine, () => true);
        expect(mergeRecord(plan.base, same, { ...same })).toEqual({
          merged: same,
          theirs: [],
          conflicts: [],
        });
      }),
      runs,
    );
  });

  it('lists exactly the fields both changed differently, and each resolution keeps that side’s edits', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const mine = edit(plan.base, plan.mine, () => true);
        const theirs = edit(plan.base, plan.theirs, () => true);
        const merge = mergeRecord(plan.base, mine, theirs);
        const mineChanged = changedFields(plan.base, mine);
        const theirsChanged = changedFields(plan.base, theirs);
        const overlapping = mineChanged.filter(
          (field) =>
            theirsChanged.includes(field) && canonical(mine[field]) !== canonical(theirs[field]),
        );
        expect(merge.conflicts.map((conflict) => conflict.field)).toEqual(overlapping);

        const all = (side: 'mine' | 'theirs') =>
          Object.fromEntries(overlapping.map((field) => [field, side]));
        const keptMine = resolveRecord(merge, all('mine'));
        for (const field of mineChanged) expect(keptMine[field]).toEqual(mine[field]);
        const keptTheirs = resolveRecord(merge, all('theirs'));
        for (const field of theirsChanged) expect(keptTheirs[field]).toEqual(theirs[field]);
        // A field only one side changed is the same whichever way the conflicts go.
        for (const field of FIELDS.filter((field) => !overlapping.includes(field))) {
          expect(keptMine[field]).toEqual(keptTheirs[field]);
        }
      }),
      runs,
    );
  });
});
