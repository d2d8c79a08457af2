import { describe, expect, it } from 'vitest';
import { mergeQuote, type QuoteDoc, resolveQuote } from './merge-quote';
import {
  addJob,
  addLine,
  editFields,
  editLine,
  editTitle,
  lineKeys,
  moveLine,
  removeJob,
  removeLine,
} from './merge-quote.test-helpers';

type Line = {
  key: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
};
type Fields = { notes: string | null; validUntil: string; mileageKm: number | null };
type Doc = QuoteDoc<Fields, Line>;

const oilChange: Line = { key: 'l-oil', description: 'Vidange', quantity: 1, unitPriceCents: 4500 };
const oilFilter: Line = {
  key: 'l-filter',
  description: 'Filtre à huile',
  quantity: 1,
  unitPriceCents: 1290,
};
const airFilter: Line = {
  key: 'l-air',
  description: 'Filtre à air',
  quantity: 1,
  unitPriceCents: 1850,
};
const discs: Line = {
  key: 'l-discs',
  description: 'Disques AV',
  quantity: 2,
  unitPriceCents: 6400,
};
const pads: Line = {
  key: 'l-pads',
  description: 'Plaquettes AV',
  quantity: 1,
  unitPriceCents: 3900,
};
const brakeFluid: Line = {
  key: 'l-fluid',
  description: 'Liquide de frein',
  quantity: 1,
  unitPriceCents: 1500,
};

const base: Doc = {
  fields: { notes: null, validUntil: '2025-07-01', mileageKm: 84_000 },
  jobs: [
    { key: 'j-service', title: 'Entretien', lines: [oilChange, oilFilter, airFilter] },
    { key: 'j-brakes', title: 'Freinage', lines: [discs] },
  ],
};

function jobOf(doc: Doc, jobKey: string) {
  return doc.jobs.find((job) => job.key === jobKey);
}

function lineOf(doc: Doc, lineKey: string) {
  return doc.jobs.flatMap((job) => job.lines).find((line) => line.key === lineKey);
}

describe('mergeQuote, the two cases met at the counter', () => {
  it('keeps both when one adds a line while the other edits another, and tells of the addition', () => {
    const marie = addLine(base, 'j-brakes', pads); // saved first
    const paul = editLine(base, 'l-oil', { unitPriceCents: 4900 }); // Paul's form

    const merge = mergeQuote(base, paul, marie);

    expect(merge.conflicts).toEqual([]);
    expect(lineKeys(jobOf(merge.merged, 'j-brakes'))).toEqual(['l-discs', 'l-pads']);
    expect(lineOf(merge.merged, 'l-oil')?.unitPriceCents).toBe(4900);
    expect(merge.theirChanges).toEqual([
      { kind: 'line_added', jobKey: 'j-brakes', lineKey: 'l-pads', line: pads },
    ]);
  });

  it('tells the one who added the line that the other edited a line', () => {
    const marie = addLine(base, 'j-brakes', pads);
    const paul = editLine(base, 'l-oil', { unitPriceCents: 4900 });
    const merge = mergeQuote(base, marie, paul);
    expect(merge.conflicts).toEqual([]);
    expect(merge.theirChanges).toEqual([
      {
        kind: 'line_edited',
        jobKey: 'j-service',
        lineKey: 'l-oil',
        line: { ...oilChange, unitPriceCents: 4900 },
      },
    ]);
  });

  it('raises one line conflict when the line I edited was deleted, and keeps my line until I choose', () => {
    const marie = removeLine(base, 'l-filter');
    const paul = editLine(base, 'l-filter', { quantity: 2 });
    const edited = lineOf(paul, 'l-filter')!;

    const merge = mergeQuote(base, paul, marie);

    expect(merge.conflicts).toEqual([
      {
        id: 'line:l-filter',
        kind: 'line',
        jobKey: 'j-service',
        lineKey: 'l-filter',
        base: oilFilter,
        mine: edited,
        theirs: null,
      },
    ]);
    expect(merge.theirChanges).toEqual([]);
    expect(merge.merged).toEqual(paul);
    expect(resolveQuote(merge, {})).toEqual(paul);
    expect(resolveQuote(merge, { 'line:l-filter': 'mine' })).toEqual(paul);
    expect(resolveQuote(merge, { 'line:l-filter': 'theirs' })).toEqual(marie);
  });

  it('leaves out the line I deleted that the other edited until I choose, and puts it back in its place', () => {
    const marie = removeLine(base, 'l-filter');
    const paul = editLine(base, 'l-filter', { quantity: 2 });

    const merge = mergeQuote(base, marie, paul);

    expect(merge.conflicts).toEqual([
      {
        id: 'line:l-filter',
        kind: 'line',
        jobKey: 'j-service',
        lineKey: 'l-filter',
        base: oilFilter,
        mine: null,
        theirs: lineOf(paul, 'l-filter'),
        placeAfter: ['l-oil'],
      },
    ]);
    expect(merge.merged).toEqual(marie);
    expect(resolveQuote(merge, { 'line:l-filter': 'mine' })).toEqual(marie);
    expect(resolveQuote(merge, { 'line:l-filter': 'theirs' })).toEqual(paul);
  });
});

describe('mergeQuote fields and job titles', () => {
  it('takes in a field they changed and tells it', () => {
    const merge = mergeQuote(
      base,
      editFields(base, { notes: 'Client pressé' }),
      editFields(base, { mileageKm: 84_250 }),
    );
    expect(merge.merged.fields).toEqual({
      ...base.fields,
      notes: 'Client pressé',
      mileageKm: 84_250,
    });
    expect(merge.theirChanges).toEqual([{ kind: 'field', field: 'mileageKm' }]);
    expect(merge.conflicts).toEqual([]);
  });

  it('raises a field conflict when both changed a field differently, holding mine until resolved', () => {
    const mine = editFields(base, { validUntil: '2025-07-15' });
    const theirs = editFields(base, { validUntil: '2025-08-01' });
    const merge = mergeQuote(base, mine, theirs);
    expect(merge.conflicts).toEqual([
      {
        id: 'field:validUntil',
        kind: 'field',
        field: 'validUntil',
        base: '2025-07-01',
        mine: '2025-07-15',
        theirs: '2025-08-01',
      },
    ]);
    expect(merge.merged).toEqual(mine);
    expect(resolveQuote(merge, { 'field:validUntil': 'theirs' })).toEqual(theirs);
  });

  it('takes in their new title of a job and tells the job was edited', () => {
    const merge = mergeQuote(base, base, editTitle(base, 'j-brakes', 'Freinage avant'));
    expect(jobOf(merge.merged, 'j-brakes')?.title).toBe('Freinage avant');
    expect(merge.theirChanges).toEqual([
      { kind: 'job_edited', jobKey: 'j-brakes', title: 'Freinage avant' },
    ]);
  });

  it('raises a title conflict when both renamed a job differently', () => {
    const mine = editTitle(base, 'j-brakes', 'Freins AV');
    const theirs = editTitle(base, 'j-brakes', 'Freinage avant');
    const merge = mergeQuote(base, mine, theirs);
    expect(merge.conflicts).toEqual([
      {
        id: 'title:j-brakes',
        kind: 'job_title',
        jobKey: 'j-brakes',
        base: 'Freinage',
        mine: 'Freins AV',
        theirs: 'Freinage avant',
      },
    ]);
    expect(merge.merged).toEqual(mine);
    expect(resolveQuote(merge, { 'title:j-brakes': 'theirs' })).toEqual(theirs);
  });

  it('sees no conflict when both renamed a job the same way', () => {
    const renamed = editTitle(base, 'j-brakes', 'Freinage avant');
    const merge = mergeQuote(base, renamed, renamed);
    expect(merge).toEqual({ merged: renamed, theirChanges: [], conflicts: [] });
  });
});

describe('mergeQuote lines', () => {
  it('merges field by field a line both edited on different fields', () => {
    const merge = mergeQuote(
      base,
      editLine(base, 'l-oil', { quantity: 2 }),
      editLine(base, 'l-oil', { description: 'Vidange 5W30' }),
    );
    expect(merge.conflicts).toEqual([]);
    expect(lineOf(merge.merged, 'l-oil')).toEqual({
      ...oilChange,
      quantity: 2,
      description: 'Vidange 5W30',
    });
    expect(merge.theirChanges).toEqual([
      {
        kind: 'line_edited',
        jobKey: 'j-service',
        lineKey: 'l-oil',
        line: lineOf(merge.merged, 'l-oil'),
      },
    ]);
  });

  it('raises one line conflict when both changed a field of the line differently, taking in their other fields meanwhile', () => {
    const mine = editLine(base, 'l-oil', { unitPriceCents: 4900 });
    const theirs = editLine(base, 'l-oil', { unitPriceCents: 5200, description: 'Vidange 5W30' });
    const merge = mergeQuote(base, mine, theirs);

    expect(merge.conflicts).toEqual([
      {
        id: 'line:l-oil',
        kind: 'line',
        jobKey: 'j-service',
        lineKey: 'l-oil',
        base: oilChange,
        mine: lineOf(mine, 'l-oil'),
        theirs: lineOf(theirs, 'l-oil'),
      },
    ]);
    const kept = { ...oilChange, unitPriceCents: 4900, description: 'Vidange 5W30' };
    expect(lineOf(merge.merged, 'l-oil')).toEqual(kept);
    expect(merge.theirChanges).toEqual([]);
    expect(lineOf(resolveQuote(merge, {}), 'l-oil')).toEqual(kept);
    expect(resolveQuote(merge, { 'line:l-oil': 'theirs' })).toEqual(theirs);
  });

  it('sees no conflict when both changed a line field to the same value', () => {
    const edited = editLine(base, 'l-oil', { quantity: 2 });
    expect(mergeQuote(base, edited, edited)).toEqual({
      merged: edited,
      theirChanges: [],
      conflicts: [],
    });
  });

  it('deletes a line deleted on one side and untouched on the other, telling me when they did it', () => {
    const withoutAirFilter = removeLine(base, 'l-air');
    const theirDeletion = mergeQuote(base, editFields(base, { notes: 'x' }), withoutAirFilter);
    expect(lineOf(theirDeletion.merged, 'l-air')).toBeUndefined();
    expect(theirDeletion.theirChanges).toEqual([
      { kind: 'line_removed', jobKey: 'j-service', lineKey: 'l-air', line: airFilter },
    ]);
    const myDeletion = mergeQuote(base, withoutAirFilter, editFields(base, { notes: 'x' }));
    expect(lineOf(myDeletion.merged, 'l-air')).toBeUndefined();
    expect(myDeletion.conflicts).toEqual([]);
  });

  it('keeps the lines both added to the same job, mine first', () => {
    const merge = mergeQuote(
      base,
      addLine(base, 'j-brakes', pads),
      addLine(base, 'j-brakes', brakeFluid),
    );
    expect(lineKeys(jobOf(merge.merged, 'j-brakes'))).toEqual(['l-discs', 'l-fluid', 'l-pads']);
    expect(merge.conflicts).toEqual([]);
  });

  it('compares only the given line fields, so a total each side recomputed is no conflict', () => {
    type TotalLine = Line & { totalCents: number };
    const withTotals = (doc: Doc): QuoteDoc<Fields, TotalLine> => ({
      ...doc,
      jobs: doc.jobs.map((job) => ({
        ...job,
        lines: job.lines.map((line) => ({
          ...line,
          totalCents: line.quantity * line.unitPriceCents,
        })),
      })),
    });
    const merge = mergeQuote(
      withTotals(base),
      withTotals(editLine(base, 'l-oil', { quantity: 2 })),
      withTotals(editLine(base, 'l-oil', { unitPriceCents: 5000 })),
      { lineFields: ['description', 'quantity', 'unitPriceCents'] },
    );
    expect(merge.conflicts).toEqual([]);
    // The total is carried from mine: the editor recomputes it from the merged line.
    expect(lineOf(merge.merged, 'l-oil')).toMatchObject({
      quantity: 2,
      unitPriceCents: 5000,
      totalCents: 9000,
    });
  });

  it('uses the given equality for fields, titles and line fields', () => {
    const trimmed = (a: unknown, b: unknown) =>
      typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
    const mine = editLine(editTitle(base, 'j-brakes', 'Freinage '), 'l-oil', {
      description: 'Vidange ',
    });
    const merge = mergeQuote(base, mine, editTitle(base, 'j-brakes', 'Freins'), {
      isEqual: trimmed,
    });
    expect(merge.conflicts).toEqual([]);
    expect(jobOf(merge.merged, 'j-brakes')?.title).toBe('Freins');
  });

  it('throws on a key found twice in one version, rather than drop one of the two', () => {
    const twice = addLine(base, 'j-brakes', oilChange);
    expect(() => mergeQuote(base, twice, base)).toThrow(/l-oil/);
  });
});

describe('mergeQuote jobs', () => {
  const inspection = { key: 'j-inspection', title: 'Contrôle', lines: [pads, brakeFluid] };

  it('deletes a job they deleted and I did not touch, told once for the job and not per line', () => {
    const merge = mergeQuote(
      base,
      editLine(base, 'l-discs', { quantity: 1 }),
      removeJob(base, 'j-service'),
    );
    expect(merge.merged.jobs.map((job) => job.key)).toEqual(['j-brakes']);
    expect(merge.theirChanges).toEqual([
      { kind: 'job_removed', jobKey: 'j-service', title: 'Entretien' },
    ]);
  });

  it('tells that they added a job, not each of its lines, and puts it where they did', () => {
    const merge = mergeQuote(base, base, addJob(base, inspection, 1));
    expect(merge.merged.jobs.map((job) => job.key)).toEqual([
      'j-service',
      'j-inspection',
      'j-brakes',
    ]);
    expect(merge.theirChanges).toEqual([
      { kind: 'job_added', jobKey: 'j-inspection', title: 'Contrôle' },
    ]);
  });

  it('raises one job conflict when I deleted a job they changed, not one per line', () => {
    const mine = removeJob(base, 'j-service');
    const theirs = addLine(editLine(base, 'l-oil', { quantity: 2 }), 'j-service', pads);
    const merge = mergeQuote(base, mine, theirs);

    expect(merge.conflicts).toEqual([
      {
        id: 'job:j-service',
        kind: 'job',
        jobKey: 'j-service',
        base: jobOf(base, 'j-service'),
        mine: null,
        theirs: jobOf(theirs, 'j-service'),
        placeAfter: [],
      },
    ]);
    expect(merge.theirChanges).toEqual([]);
    expect(merge.merged).toEqual(mine);
    expect(resolveQuote(merge, { 'job:j-service': 'mine' })).toEqual(mine);
    expect(resolveQuote(merge, { 'job:j-service': 'theirs' })).toEqual(theirs);
  });

  it('keeps my job when they deleted it after I changed it, until I choose', () => {
    const mine = editTitle(addLine(base, 'j-brakes', pads), 'j-brakes', 'Freinage AV');
    const theirs = removeJob(base, 'j-brakes');
    const merge = mergeQuote(base, mine, theirs);

    expect(merge.conflicts).toEqual([
      {
        id: 'job:j-brakes',
        kind: 'job',
        jobKey: 'j-brakes',
        base: jobOf(base, 'j-brakes'),
        mine: jobOf(mine, 'j-brakes'),
        theirs: null,
      },
    ]);
    expect(merge.merged).toEqual(mine);
    expect(resolveQuote(merge, { 'job:j-brakes': 'theirs' })).toEqual(theirs);
  });

  it('deletes a job both deleted and tells nothing', () => {
    const withoutBrakes = removeJob(base, 'j-brakes');
    expect(mergeQuote(base, withoutBrakes, withoutBrakes)).toEqual({
      merged: withoutBrakes,
      theirChanges: [],
      conflicts: [],
    });
  });
});

describe('mergeQuote order', () => {
  it('follows my order and puts their line right after the one preceding it in theirs', () => {
    const mine = addLine(base, 'j-service', pads, 1);
    const theirs = addLine(base, 'j-service', brakeFluid, 1);
    const merge = mergeQuote(base, mine, theirs);
    expect(lineKeys(jobOf(merge.merged, 'j-service'))).toEqual([
      'l-oil',
      'l-fluid',
      'l-pads',
      'l-filter',
      'l-air',
    ]);
  });

  it('puts their line first when nothing before it in theirs is left', () => {
    const mine = removeLine(base, 'l-oil');
    const theirs = addLine(base, 'j-service', brakeFluid, 1);
    const merge = mergeQuote(base, mine, theirs);
    expect(lineKeys(jobOf(merge.merged, 'j-service'))).toEqual(['l-fluid', 'l-filter', 'l-air']);
  });

  it('follows their order of a job’s lines when only they reordered them, and tells it', () => {
    const reordered = {
      ...base,
      jobs: [{ ...base.jobs[0]!, lines: [airFilter, oilChange, oilFilter] }, base.jobs[1]!],
    };
    const merge = mergeQuote(base, addLine(base, 'j-service', pads, 1), reordered);
    expect(lineKeys(jobOf(merge.merged, 'j-service'))).toEqual([
      'l-air',
      'l-oil',
      'l-pads',
      'l-filter',
    ]);
    expect(merge.theirChanges).toEqual([
      { kind: 'job_edited', jobKey: 'j-service', title: 'Entretien' },
    ]);
  });

  it('keeps my order when both reordered', () => {
    const order = (lines: Line[]): Doc => ({
      ...base,
      jobs: [{ ...base.jobs[0]!, lines }, base.jobs[1]!],
    });
    const mine = order([oilFilter, oilChange, airFilter]);
    const merge = mergeQuote(base, mine, order([airFilter, oilChange, oilFilter]));
    expect(merge.merged).toEqual(mine);
  });

  it('follows their order of the jobs when only they reordered them', () => {
    const swapped = { ...base, jobs: [base.jobs[1]!, base.jobs[0]!] };
    const merge = mergeQuote(base, editLine(base, 'l-oil', { quantity: 3 }), swapped);
    expect(merge.merged.jobs.map((job) => job.key)).toEqual(['j-brakes', 'j-service']);
  });

  it('puts a restored job back after the job that preceded it in theirs', () => {
    const mine = removeJob(base, 'j-brakes');
    const theirs = addJob(editTitle(base, 'j-brakes', 'Freins'), {
      key: 'j-extra',
      title: 'Divers',
      lines: [],
    });
    const merge = mergeQuote(base, mine, theirs);
    expect(resolveQuote(merge, { 'job:j-brakes': 'theirs' }).jobs.map((job) => job.key)).toEqual([
      'j-service',
      'j-brakes',
      'j-extra',
    ]);
  });
});

describe('mergeQuote lines that moved to another job', () => {
  it('moves the line where they put it when I only edited it, with my edit', () => {
    const mine = editLine(base, 'l-air', { quantity: 2 });
    const theirs = moveLine(base, 'l-air', 'j-brakes');
    const merge = mergeQuote(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(lineKeys(jobOf(merge.merged, 'j-service'))).toEqual(['l-oil', 'l-filter']);
    expect(lineKeys(jobOf(merge.merged, 'j-brakes'))).toEqual(['l-discs', 'l-air']);
    expect(lineOf(merge.merged, 'l-air')?.quantity).toBe(2);
    expect(merge.theirChanges).toEqual([
      {
        kind: 'line_edited',
        jobKey: 'j-brakes',
        lineKey: 'l-air',
        line: lineOf(merge.merged, 'l-air'),
      },
    ]);
  });

  it('keeps the line where I put it when they only edited it, with their edit', () => {
    const mine = moveLine(base, 'l-air', 'j-brakes');
    const merge = mergeQuote(base, mine, editLine(base, 'l-air', { quantity: 2 }));
    expect(lineKeys(jobOf(merge.merged, 'j-brakes'))).toEqual(['l-discs', 'l-air']);
    expect(lineOf(merge.merged, 'l-air')?.quantity).toBe(2);
  });

  it('keeps the line once, where I put it, when both moved it to different jobs', () => {
    const withExtra = addJob(base, { key: 'j-extra', title: 'Divers', lines: [] });
    const mine = moveLine(withExtra, 'l-air', 'j-brakes');
    const merge = mergeQuote(withExtra, mine, moveLine(withExtra, 'l-air', 'j-extra'));
    expect(merge.merged).toEqual(mine);
  });

  it('keeps a line they moved out of a job before deleting it, in its new job', () => {
    const theirs = removeJob(moveLine(base, 'l-air', 'j-brakes'), 'j-service');
    const merge = mergeQuote(base, base, theirs);
    expect(merge.merged).toEqual(theirs);
    expect(merge.conflicts).toEqual([]);
  });
});
