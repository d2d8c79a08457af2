import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MergeJob,
  mergeQuote,
  type QuoteDoc,
  type QuoteMerge,
  resolveQuote,
} from './merge-quote';

type Line = { key: string; description: string; quantity: number; priceCents: number };
type Fields = { notes: string; validUntil: string; mileageKm: number; tags: string[] };
type Doc = QuoteDoc<Fields, Line>;
type Job = MergeJob<Line>;
type Content = Omit<Line, 'key'>;

const FIELDS = ['notes', 'validUntil', 'mileageKm', 'tags'] as const;
const LINE_FIELDS = ['description', 'quantity', 'priceCents'] as const;
const MAX_JOBS = 4;
const MAX_LINES_PER_JOB = 4;

// Few distinct values, so both sides often make the same edit.
const fieldArbitraries = {
  notes: fc.constantFrom('', 'Urgent', 'Rappeler le client'),
  validUntil: fc.constantFrom('2025-07-01', '2025-08-01'),
  mileageKm: fc.constantFrom(0, 84_000),
  tags: fc.array(fc.constantFrom('pneus', 'clim'), { maxLength: 2 }),
};
const titleArbitrary = fc.constantFrom('Entretien', 'Freinage', 'Distribution');
const contentArbitrary: fc.Arbitrary<Content> = fc.record({
  description: fc.constantFrom('Vidange', 'Filtre', 'Plaquettes'),
  quantity: fc.integer({ min: 1, max: 3 }),
  priceCents: fc.constantFrom(1290, 4500),
});
const patchArbitrary = fc
  .record(
    {
      description: contentArbitrary.map((c) => c.description),
      quantity: fc.nat(3),
      priceCents: fc.nat(9999),
    },
    { requiredKeys: [] },
  )
  .filter((patch) => Object.keys(patch).length > 0);

/** Makes an edit a real one: a value equal to the old one is changed, the same way on both sides. */
function bump<V>(value: V, old: unknown): V {
  if (JSON.stringify(value) !== JSON.stringify(old)) return value;
  if (typeof value === 'number') return (value + 1) as V;
  if (Array.isArray(value)) return [...value, 'bump'] as V;
  return `${value}*` as V;
}

const baseArbitrary: fc.Arbitrary<Doc> = fc
  .record({
    fields: fc.record(fieldArbitraries),
    jobs: fc.array(
      fc.record({
        title: titleArbitrary,
        lines: fc.array(contentArbitrary, { maxLength: MAX_LINES_PER_JOB }),
      }),
      { maxLength: MAX_JOBS },
    ),
  })
  .map(({ fields, jobs }) => ({
    fields,
    jobs: jobs.map((job, jobIndex) => ({
      key: `job-${jobIndex}`,
      title: job.title,
      lines: job.lines.map((content, lineIndex) => ({
        key: `line-${jobIndex}-${lineIndex}`,
        ...content,
      })),
    })),
  }));

/** What one side does to the base, each edit on a target named by key. */
type Script = {
  fields: Partial<Fields>;
  titles: Map<string, string>;
  deletedJobs: Set<string>;
  lineEdits: Map<string, Partial<Content>>;
  deletedLines: Set<string>;
  addedLines: Array<{ jobKey: string; index: number; line: Line }>;
  addedJobs: Array<{ index: number; job: Job }>;
};

type JobOp = { kind: 'none' } | { kind: 'title'; title: string } | { kind: 'delete' };
type LineOp = { kind: 'none' } | { kind: 'edit'; patch: Partial<Content> } | { kind: 'delete' };

const jobOpArbitrary: fc.Arbitrary<JobOp> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  titleArbitrary.map((title) => ({ kind: 'title' as const, title })),
  fc.constant({ kind: 'delete' as const }),
);
const lineOpArbitrary: fc.Arbitrary<LineOp> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 2 },
  { arbitrary: patchArbitrary.map((patch) => ({ kind: 'edit' as const, patch })), weight: 2 },
  { arbitrary: fc.constant({ kind: 'delete' as const }), weight: 1 },
);
/** A target's op on each side, and which side owns it when edits must not overlap. */
const pairOf = <Op>(op: fc.Arbitrary<Op>) =>
  fc.record({ mine: op, theirs: op, isMine: fc.boolean() });

function additionsArbitrary(side: 'mine' | 'theirs') {
  const lineAddition = fc.record({ job: fc.nat(9), index: fc.nat(5), content: contentArbitrary });
  const jobAddition = fc.record({
    index: fc.nat(5),
    title: titleArbitrary,
    lines: fc.array(contentArbitrary, { maxLength: 2 }),
  });
  return fc
    .record({
      lines: fc.array(lineAddition, { maxLength: 3 }),
      jobs: fc.array(jobAddition, { maxLength: 2 }),
    })
    .map(({ lines, jobs }) => ({
      // Keys carry the side, as UUIDs would never collide: additions are always disjoint.
      lines: lines.map(({ job, index, content }, lineIndex) => ({
        job,
        index,
        line: { key: `${side}-line-${lineIndex}`, ...content },
      })),
      jobs: jobs.map((addition, jobIndex) => ({
        index: addition.index,
        job: {
          key: `${side}-job-${jobIndex}`,
          title: addition.title,
          lines: addition.lines.map((content, lineIndex) => ({
            key: `${side}-job-${jobIndex}-line-${lineIndex}`,
            ...content,
          })),
        },
      })),
    }));
}

/** A base and, for every target it may have, what each side does to it. */
const planArbitrary = fc.record({
  base: baseArbitrary,
  fields: fc.record({
    notes: pairOf(fc.option(fieldArbitraries.notes)),
    validUntil: pairOf(fc.option(fieldArbitraries.validUntil)),
    mileageKm: pairOf(fc.option(fieldArbitraries.mileageKm)),
    tags: pairOf(fc.option(fieldArbitraries.tags)),
  }),
  jobs: fc.array(pairOf(jobOpArbitrary), { minLength: MAX_JOBS, maxLength: MAX_JOBS }),
  lines: fc.array(pairOf(lineOpArbitrary), {
    minLength: MAX_JOBS * MAX_LINES_PER_JOB,
    maxLength: MAX_JOBS * MAX_LINES_PER_JOB,
  }),
  mineAdditions: additionsArbitrary('mine'),
  theirAdditions: additionsArbitrary('theirs'),
});
type Plan = typeof planArbitrary extends fc.Arbitrary<infer P> ? P : never;

/**
 * One side's script. With `isDisjoint`, a target is edited by its owner only, and a job deleted by
 * one side is not touched by the other; otherwise both sides edit whatever they drew.
 */
function scriptOf(plan: Plan, side: 'mine' | 'theirs', isDisjoint: boolean): Script {
  const isOwn = (pair: { isMine: boolean }) => !isDisjoint || pair.isMine === (side === 'mine');
  const script: Script = {
    fields: {},
    titles: new Map(),
    deletedJobs: new Set(),
    lineEdits: new Map(),
    deletedLines: new Set(),
    addedLines: [],
    addedJobs: [],
  };
  for (const field of FIELDS) {
    const pair = plan.fields[field];
    const value = pair[side];
    if (value !== null && isOwn(pair))
      Object.assign(script.fields, { [field]: bump(value, plan.base.fields[field]) });
  }
  const deletedBy = (jobIndex: number, by: 'mine' | 'theirs') => {
    const pair = plan.jobs[jobIndex]!;
    return pair[by].kind === 'delete' && (!isDisjoint || pair.isMine === (by === 'mine'));
  };
  const other = side === 'mine' ? 'theirs' : 'mine';
  // Deleting a job the other side deleted is the same edit on both, not an overlap.
  const isTouchable = (jobIndex: number) =>
    !deletedBy(jobIndex, side) && !(isDisjoint && deletedBy(jobIndex, other));
  let lineIndex = 0;
  plan.base.jobs.forEach((job, jobIndex) => {
    const pair = plan.jobs[jobIndex]!;
    const op = pair[side];
    if (deletedBy(jobIndex, side)) script.deletedJobs.add(job.key);
    else if (op.kind === 'title' && isOwn(pair) && isTouchable(jobIndex)) {
      script.titles.set(job.key, bump(op.title, job.title));
    }
    for (const line of job.lines) {
      const linePair = plan.lines[lineIndex++]!;
      const lineOp = linePair[side];
      if (!isTouchable(jobIndex) || !isOwn(linePair)) continue;
      if (lineOp.kind === 'delete') script.deletedLines.add(line.key);
      if (lineOp.kind === 'edit') {
        const patch = Object.fromEntries(
          Object.entries(lineOp.patch).map(([field, value]) => [
            field,
            bump(value, line[field as keyof Content]),
          ]),
        );
        script.lineEdits.set(line.key, patch);
      }
    }
  });
  const additions = side === 'mine' ? plan.mineAdditions : plan.theirAdditions;
  if (plan.base.jobs.length > 0) {
    script.addedLines = additions.lines
      .map(({ job, index, line }) => ({ jobIndex: job % plan.base.jobs.length, index, line }))
      .filter(({ jobIndex }) => isTouchable(jobIndex))
      .map(({ jobIndex, index, line }) => ({ jobKey: plan.base.jobs[jobIndex]!.key, index, line }));
  }
  script.addedJobs = additions.jobs;
  return script;
}

/** Works on any document holding the script's targets, so both scripts can run one after the other. */
function applyScript(doc: Doc, script: Script): Doc {
  let jobs = doc.jobs
    .filter((job) => !script.deletedJobs.has(job.key))
    .map((job) => ({
      ...job,
      title: script.titles.get(job.key) ?? job.title,
      lines: job.lines
        .filter((line) => !script.deletedLines.has(line.key))
        .map((line) => ({ ...line, ...script.lineEdits.get(line.key) })),
    }));
  for (const { jobKey, index, line } of script.addedLines) {
    jobs = jobs.map((job) =>
      job.key === jobKey ? { ...job, lines: job.lines.toSpliced(index, 0, line) } : job,
    );
  }
  for (const { index, job } of script.addedJobs) jobs = jobs.toSpliced(index, 0, job);
  return { fields: { ...doc.fields, ...script.fields }, jobs };
}

/** The document without its order: what must be in it, whatever the order. */
function contentOf(doc: Doc) {
  return {
    fields: doc.fields,
    jobs: Object.fromEntries(
      doc.jobs.map((job) => [
        job.key,
        { title: job.title, lines: Object.fromEntries(job.lines.map((line) => [line.key, line])) },
      ]),
    ),
  };
}

function allKeys(doc: Doc): string[] {
  return doc.jobs.flatMap((job) => [job.key, ...job.lines.map((line) => line.key)]);
}

function only(keys: readonly string[], among: readonly string[]): string[] {
  const wanted = new Set(among);
  return keys.filter((key) => wanted.has(key));
}

function resolveAll(merge: QuoteMerge<Fields, Line>, side: 'mine' | 'theirs'): Doc {
  return resolveQuote(
    merge,
    Object.fromEntries(merge.conflicts.map((conflict) => [conflict.id, side])),
  );
}

/** What `doc` holds at each target the script edited: equal for two documents that agree on them. */
function editsOf(doc: Doc, script: Script) {
  const jobs = new Map(doc.jobs.map((job) => [job.key, job]));
  const lines = new Map(
    doc.jobs.flatMap((job) => job.lines.map((line) => [line.key, { jobKey: job.key, line }])),
  );
  const content = contentOf(doc);
  return {
    fields: Object.keys(script.fields).map((field) => doc.fields[field as keyof Fields]),
    titles: [...script.titles.keys()].map((jobKey) => jobs.get(jobKey)?.title),
    deletedJobs: [...script.deletedJobs].map((jobKey) => jobs.has(jobKey)),
    addedJobs: script.addedJobs.map(({ job }) => content.jobs[job.key]),
    lineEdits: [...script.lineEdits].map(([lineKey, patch]) => {
      const line = lines.get(lineKey)?.line;
      return line && Object.keys(patch).map((field) => line[field as keyof Content]);
    }),
    deletedLines: [...script.deletedLines].map((lineKey) => lines.has(lineKey)),
    addedLines: script.addedLines.map(({ line }) => lines.get(line.key)),
  };
}

function expectUniqueKeys(doc: Doc) {
  const keys = allKeys(doc);
  expect(new Set(keys).size).toBe(keys.length);
}

const runs = { seed: 20_250_602, numRuns: 80 };

describe('mergeQuote properties', () => {
  it('merges edits of different targets without conflict and loses none of them', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const [mineScript, theirScript] = [
          scriptOf(plan, 'mine', true),
          scriptOf(plan, 'theirs', true),
        ];
        const mine = applyScript(plan.base, mineScript);
        const theirs = applyScript(plan.base, theirScript);
        const merge = mergeQuote(plan.base, mine, theirs);
        expect(merge.conflicts).toEqual([]);
        expect(contentOf(merge.merged)).toEqual(contentOf(applyScript(mine, theirScript)));
        expectUniqueKeys(merge.merged);
      }),
      runs,
    );
  });

  it('keeps the order of both sides when neither reordered anything', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const mine = applyScript(plan.base, scriptOf(plan, 'mine', true));
        const theirs = applyScript(plan.base, scriptOf(plan, 'theirs', true));
        const { merged } = mergeQuote(plan.base, mine, theirs);
        for (const version of [mine, theirs]) {
          const mergedKeys = allKeys(merged);
          expect(only(mergedKeys, allKeys(version))).toEqual(only(allKeys(version), mergedKeys));
        }
      }),
      runs,
    );
  });

  it('tells me exactly what they did, when nothing overlaps', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const mine = applyScript(plan.base, scriptOf(plan, 'mine', true));
        const script = scriptOf(plan, 'theirs', true);
        const { theirChanges } = mergeQuote(plan.base, mine, applyScript(plan.base, script));
        const told = theirChanges.map((change) =>
          change.kind === 'field'
            ? `field ${change.field}`
            : `${change.kind} ${'lineKey' in change ? change.lineKey : change.jobKey}`,
        );
        const expected = [
          ...Object.keys(script.fields).map((field) => `field ${field}`),
          ...[...script.titles.keys()].map((jobKey) => `job_edited ${jobKey}`),
          ...[...script.deletedJobs].map((jobKey) => `job_removed ${jobKey}`),
          ...script.addedJobs.map(({ job }) => `job_added ${job.key}`),
          ...[...script.lineEdits.keys()].map((lineKey) => `line_edited ${lineKey}`),
          ...[...script.deletedLines].map((lineKey) => `line_removed ${lineKey}`),
          ...script.addedLines.map(({ line }) => `line_added ${line.key}`),
        ];
        expect(told.toSorted()).toEqual(expected.toSorted());
      }),
      runs,
    );
  });

  it('gives back mine, with nothing to tell, when they changed nothing', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const mine = applyScript(plan.base, scriptOf(plan, 'mine', false));
        expect(mergeQuote(plan.base, mine, plan.base)).toEqual({
          merged: mine,
          theirChanges: [],
          conflicts: [],
        });
      }),
      runs,
    );
  });

  it('gives back theirs when I changed nothing', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const theirs = applyScript(plan.base, scriptOf(plan, 'theirs', false));
        const merge = mergeQuote(plan.base, plan.base, theirs);
        expect(merge.merged).toEqual(theirs);
        expect(merge.conflicts).toEqual([]);
      }),
      runs,
    );
  });

  it('gives back the version both sides saved alike, with nothing to tell', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const same = applyScript(plan.base, scriptOf(plan, 'mine', false));
        expect(mergeQuote(plan.base, same, structuredClone(same))).toEqual({
          merged: same,
          theirChanges: [],
          conflicts: [],
        });
      }),
      runs,
    );
  });

  it('lists every overlapping target as a conflict, and only those', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const [mineScript, theirScript] = [
          scriptOf(plan, 'mine', false),
          scriptOf(plan, 'theirs', false),
        ];
        const merge = mergeQuote(
          plan.base,
          applyScript(plan.base, mineScript),
          applyScript(plan.base, theirScript),
        );
        expect(merge.conflicts.map((conflict) => conflict.id).toSorted()).toEqual(
          overlappingIds(plan.base, mineScript, theirScript).toSorted(),
        );
      }),
      runs,
    );
  });

  it('keeps every edit of mine when all conflicts go to mine, and every edit of theirs when they go to theirs', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const [mineScript, theirScript] = [
          scriptOf(plan, 'mine', false),
          scriptOf(plan, 'theirs', false),
        ];
        const mine = applyScript(plan.base, mineScript);
        const theirs = applyScript(plan.base, theirScript);
        const merge = mergeQuote(plan.base, mine, theirs);
        const [allMine, allTheirs] = [resolveAll(merge, 'mine'), resolveAll(merge, 'theirs')];
        expect(allMine).toEqual(merge.merged);
        expect(editsOf(allMine, mineScript)).toEqual(editsOf(mine, mineScript));
        expect(editsOf(allTheirs, theirScript)).toEqual(editsOf(theirs, theirScript));
        expectUniqueKeys(allTheirs);
      }),
      runs,
    );
  });

  it('never drops a line or job unseen: each is merged, in a conflict, or deleted by one side and untouched by the other', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const mine = applyScript(plan.base, scriptOf(plan, 'mine', false));
        const theirs = applyScript(plan.base, scriptOf(plan, 'theirs', false));
        const merge = mergeQuote(plan.base, mine, theirs);
        const shown = new Set(allKeys(merge.merged));
        for (const conflict of merge.conflicts) {
          if (conflict.kind === 'line') shown.add(conflict.lineKey);
          if (conflict.kind !== 'job') continue;
          const jobs = [conflict.mine, conflict.theirs].filter((job) => job !== null);
          for (const key of allKeys({ ...merge.merged, jobs })) shown.add(key);
        }
        const baseItems = new Map(allItems(plan.base));
        for (const [version, other] of [
          [mine, theirs],
          [theirs, mine],
        ] as const) {
          const otherKeys = new Set(allKeys(other));
          for (const [key, item] of allItems(version)) {
            const isUntouchedAndDeleted =
              JSON.stringify(baseItems.get(key)) === JSON.stringify(item) && !otherKeys.has(key);
            expect(shown.has(key) || isUntouchedAndDeleted).toBe(true);
          }
        }
      }),
      runs,
    );
  });
});

/** Each job and line by key, a line with the job it is in. */
function allItems(doc: Doc): Array<[string, unknown]> {
  return doc.jobs.flatMap(
    (job): Array<[string, unknown]> => [
      [job.key, job],
      ...job.lines.map((line): [string, unknown] => [line.key, { jobKey: job.key, line }]),
    ],
  );
}

/** The reference rule, read from the scripts: which targets both sides changed in ways that differ. */
function overlappingIds(base: Doc, mine: Script, theirs: Script): string[] {
  const ids: string[] = [];
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  for (const field of FIELDS) {
    if (
      field in mine.fields &&
      field in theirs.fields &&
      differs(mine.fields[field], theirs.fields[field])
    ) {
      ids.push(`field:${field}`);
    }
  }
  for (const job of base.jobs) {
    const isChangedBy = (script: Script) =>
      script.titles.has(job.key) ||
      job.lines.some(
        (line) => script.lineEdits.has(line.key) || script.deletedLines.has(line.key),
      ) ||
      script.addedLines.some((addition) => addition.jobKey === job.key);
    const [mineDeleted, theirsDeleted] = [
      mine.deletedJobs.has(job.key),
      theirs.deletedJobs.has(job.key),
    ];
    if (mineDeleted || theirsDeleted) {
      if (mineDeleted !== theirsDeleted && isChangedBy(mineDeleted ? theirs : mine))
        ids.push(`job:${job.key}`);
      continue;
    }
    const [mineTitle, theirTitle] = [mine.titles.get(job.key), theirs.titles.get(job.key)];
    if (mineTitle !== undefined && theirTitle !== undefined && mineTitle !== theirTitle)
      ids.push(`title:${job.key}`);
    for (const line of job.lines) {
      const [mineEdit, theirEdit] = [mine.lineEdits.get(line.key), theirs.lineEdits.get(line.key)];
      const [mineDeletedLine, theirsDeletedLine] = [
        mine.deletedLines.has(line.key),
        theirs.deletedLines.has(line.key),
      ];
      const isOverlap =
        (mineDeletedLine && theirEdit) ||
        (theirsDeletedLine && mineEdit) ||
        (mineEdit &&
          theirEdit &&
          LINE_FIELDS.some(
            (field) =>
              field in mineEdit && field in theirEdit && mineEdit[field] !== theirEdit[field],
          ));
      if (isOverlap) ids.push(`line:${line.key}`);
    }
  }
  return ids;
}
