import { isDeepEqual } from './deep-equal';
import { insertAfterFirstPresent, orderKeys, precedingKeys } from './merge-order';
import { mergeRecord, pickThreeWay, type Side } from './merge-record';

/**
 * The three-way merge of the quote editor's document: its fields, its jobs by key, their lines by
 * key. Same contract as `mergeRecord`: what merges by itself is taken in and listed for the
 * notice, what overlaps is listed as a conflict, and the merged document shows mine for every
 * conflict until the user picks, so nothing either person did vanishes unseen.
 *
 * A line is identified by its key across the whole quote, not within its job: a key found under
 * different jobs is one line that moved. Its content merges as any line's, and it sits where mine
 * puts it, unless only they moved it (then where they put it); when that job is not in the merge
 * (the other side deleted it), it sits where the other side has it. So a key is never duplicated
 * and a move is never mistaken for a deletion plus an addition.
 *
 * Rules the contract left open:
 * - A line both edited with an overlapping field: `merged` holds my line with their
 *   non-overlapping fields taken in (as `mergeRecord` does); 'theirs' gives their line whole.
 * - A job one side deleted and the other changed (title, a line's content, a line added, removed
 *   or reordered) is one `job` conflict; the lines inside it raise no conflict of their own.
 * - Order: mine, unless only they reordered a list (see `orderKeys`), which is then told as
 *   `job_edited` for a job's lines (a reordering of the jobs themselves has no notice kind).
 * - `theirChanges` come in document order: fields, then each merged job followed by its lines,
 *   then removals in base order. A job they added or removed is told once, not per line.
 * - `conflicts` come fields first, then per job: its title or job conflict, then its lines'.
 */

export type MergeLine = { key: string } & Record<string, unknown>;
export type MergeJob<L extends MergeLine> = { key: string; title: string; lines: L[] };
export type QuoteDoc<F extends Record<string, unknown>, L extends MergeLine> = {
  fields: F;
  jobs: Array<MergeJob<L>>;
};

export type TheirChange =
  | { kind: 'field'; field: string }
  | { kind: 'job_added' | 'job_removed' | 'job_edited'; jobKey: string; title: string }
  | {
      kind: 'line_added' | 'line_removed' | 'line_edited';
      jobKey: string;
      lineKey: string;
      line: MergeLine;
    };

/**
 * `placeAfter`, on a conflict whose `mine` is null: the keys preceding the item in their version
 * (jobs of the quote, or lines of the job), nearest first, so choosing theirs puts it back where
 * they had it.
 */
export type QuoteConflict<F, L extends MergeLine> =
  | { id: string; kind: 'field'; field: keyof F; base: unknown; mine: unknown; theirs: unknown }
  | { id: string; kind: 'job_title'; jobKey: string; base: string; mine: string; theirs: string }
  | {
      id: string;
      kind: 'job';
      jobKey: string;
      base: MergeJob<L>;
      mine: MergeJob<L> | null;
      theirs: MergeJob<L> | null;
      placeAfter?: string[];
    }
  | {
      id: string;
      kind: 'line';
      jobKey: string;
      lineKey: string;
      base: L | null;
      mine: L | null;
      theirs: L | null;
      placeAfter?: string[];
    };

export type QuoteMerge<F extends Record<string, unknown>, L extends MergeLine> = {
  merged: QuoteDoc<F, L>;
  theirChanges: TheirChange[];
  conflicts: Array<QuoteConflict<F, L>>;
};

export type MergeQuoteOptions<L extends MergeLine> = {
  /**
   * The line fields the user edits. Others (a computed total) are neither compared nor merged:
   * carried from my line, or theirs for a line only they have; the editor recomputes them.
   */
  lineFields?: ReadonlyArray<keyof L>;
  /** Compares field values, titles and line fields. Default: `isDeepEqual`. */
  isEqual?: (a: unknown, b: unknown) => boolean;
};

type JobConflict<F, L extends MergeLine> = Extract<QuoteConflict<F, L>, { kind: 'job' }>;
type LineConflict<F, L extends MergeLine> = Extract<QuoteConflict<F, L>, { kind: 'line' }>;

type Placed<L> = { jobKey: string; line: L };
type Version<L extends MergeLine> = {
  jobKeys: string[];
  jobs: Map<string, MergeJob<L>>;
  lines: Map<string, Placed<L>>;
};

type JobOutcome<F, L extends MergeLine> = {
  isKept: boolean;
  title: string;
  change?: 'job_added' | 'job_removed' | 'job_edited';
  conflicts: Array<QuoteConflict<F, L>>;
  /** Set when the job is in a `job` conflict: the side that deleted it. */
  deletedBy?: Side;
};

type LineOutcome<F, L extends MergeLine> = {
  key: string;
  /** The merged content, null when the merge leaves the line out. */
  line: L | null;
  /** Where it goes, then where it goes if that job is not in the merge. */
  jobKeys: string[];
  change?: 'line_added' | 'line_removed' | 'line_edited';
  /** The job they moved it to: being placed there is their edit. */
  theirMove?: string;
  conflict?: LineConflict<F, L>;
};

export function mergeQuote<F extends Record<string, unknown>, L extends MergeLine>(
  base: QuoteDoc<F, L>,
  mine: QuoteDoc<F, L>,
  theirs: QuoteDoc<F, L>,
  options: MergeQuoteOptions<L> = {},
): QuoteMerge<F, L> {
  const isEqual = options.isEqual ?? isDeepEqual;
  const versions = {
    base: indexVersion(base),
    mine: indexVersion(mine),
    theirs: indexVersion(theirs),
  };
  const lineMerger = createLineMerger<F, L>(versions, isEqual, options.lineFields);

  const fieldMerge = mergeRecord(base.fields, mine.fields, theirs.fields, {
    isEqual: (_field, a, b) => isEqual(a, b),
  });

  const jobKeys = unionKeys(versions.mine.jobKeys, versions.theirs.jobKeys, versions.base.jobKeys);
  const jobs = new Map(jobKeys.map((key) => [key, lineMerger.mergeJob(key)] as const));
  const lineKeys = unionKeys(
    ...[versions.mine, versions.theirs, versions.base].map((version) => [...version.lines.keys()]),
  );
  const lines = lineKeys.map((key) => lineMerger.mergeLine(key, jobs));

  const keptJobKeys = new Set(jobKeys.filter((key) => jobs.get(key)?.isKept));
  const placement = placeLines(lines, keptJobKeys);
  const jobOrder = orderKeys(
    keptJobKeys,
    versions.base.jobKeys,
    versions.mine.jobKeys,
    versions.theirs.jobKeys,
  ).keys;

  const theirChanges: TheirChange[] = fieldMerge.theirs.map((field) => ({
    kind: 'field',
    field: String(field),
  }));
  const mergedJobs = jobOrder.map((jobKey) => {
    const outcome = jobs.get(jobKey)!;
    const lineOrder = orderKeys(
      new Set(placement.byJob.get(jobKey)),
      lineKeysOf(versions.base, jobKey),
      lineKeysOf(versions.mine, jobKey),
      lineKeysOf(versions.theirs, jobKey),
    );
    const source = versions.mine.jobs.get(jobKey) ?? versions.theirs.jobs.get(jobKey)!;
    const job: MergeJob<L> = {
      ...source,
      title: outcome.title,
      lines: lineOrder.keys.map((lineKey) => placement.lines.get(lineKey)!),
    };
    // Their reordering of this job's lines got in: that is an edit of the job worth telling.
    const change = outcome.change ?? (lineOrder.isTheirOrder ? 'job_edited' : undefined);
    if (change) theirChanges.push({ kind: change, jobKey, title: job.title });
    for (const line of job.lines) {
      const lineChange = placement.changes.get(line.key);
      // A job they added is told once, not once per line.
      if (lineChange && !(lineChange === 'line_added' && outcome.change === 'job_added')) {
        theirChanges.push({ kind: lineChange, jobKey, lineKey: line.key, line });
      }
    }
    return job;
  });
  theirChanges.push(...listRemovals(versions.base, jobs, lines));

  // Each job's conflicts, then its lines' conflicts, a line's under the job it ended up in.
  const lineConflicts = new Map<string, Array<QuoteConflict<F, L>>>();
  for (const { key, conflict } of lines) {
    if (!conflict) continue;
    const jobKey = placement.jobOf.get(key) ?? conflict.jobKey;
    lineConflicts.set(jobKey, [...(lineConflicts.get(jobKey) ?? []), { ...conflict, jobKey }]);
  }

  return {
    merged: { fields: fieldMerge.merged, jobs: mergedJobs },
    theirChanges,
    conflicts: [
      ...fieldMerge.conflicts.map(
        (conflict): QuoteConflict<F, L> => ({
          id: `field:${String(conflict.field)}`,
          kind: 'field',
          ...conflict,
        }),
      ),
      ...jobKeys.flatMap((jobKey) => [
        ...jobs.get(jobKey)!.conflicts,
        ...(lineConflicts.get(jobKey) ?? []),
      ]),
    ],
  };
}

/**
 * Applies the user's picks by conflict id; a conflict left unchosen keeps mine. Choosing theirs
 * for a job they deleted removes it with every line it holds in the merge; choosing theirs for
 * one I deleted brings it back where they have it, minus any line already elsewhere in the quote.
 */
export function resolveQuote<F extends Record<string, unknown>, L extends MergeLine>(
  merge: QuoteMerge<F, L>,
  choices: Record<string, Side>,
): QuoteDoc<F, L> {
  const fields: F = { ...merge.merged.fields };
  let jobs = merge.merged.jobs.map((job) => ({ ...job, lines: [...job.lines] }));
  const findLine = (lineKey: string) => {
    for (const job of jobs) {
      const index = job.lines.findIndex((line) => line.key === lineKey);
      if (index >= 0) return { job, index };
    }
    return undefined;
  };

  for (const conflict of merge.conflicts) {
    if (choices[conflict.id] !== 'theirs') continue;
    if (conflict.kind === 'field') {
      (fields as Record<keyof F, unknown>)[conflict.field] = conflict.theirs;
    } else if (conflict.kind === 'job_title') {
      const job = jobs.find((candidate) => candidate.key === conflict.jobKey);
      if (job) job.title = conflict.theirs;
    } else if (conflict.kind === 'job') {
      jobs = jobs.filter((job) => job.key !== conflict.jobKey);
      if (conflict.theirs) {
        // A line I moved out of the job before deleting it is already in the quote: keep that one.
        const lines = conflict.theirs.lines.filter((line) => !findLine(line.key));
        const job = { ...conflict.theirs, lines };
        insertAfterFirstPresent(jobs, job, conflict.placeAfter ?? [], (candidate) => candidate.key);
      }
    } else {
      const found = findLine(conflict.lineKey);
      if (found) found.job.lines.splice(found.index, 1);
      if (!conflict.theirs) continue;
      if (found) {
        found.job.lines.splice(found.index, 0, conflict.theirs);
        continue;
      }
      // The job is always there: their line sits in a job they kept, which the merge keeps.
      const job = jobs.find((candidate) => candidate.key === conflict.jobKey);
      if (job) {
        insertAfterFirstPresent(
          job.lines,
          conflict.theirs,
          conflict.placeAfter ?? [],
          (line) => line.key,
        );
      }
    }
  }
  return { fields, jobs };
}

function createLineMerger<F, L extends MergeLine>(
  versions: { base: Version<L>; mine: Version<L>; theirs: Version<L> },
  isEqual: (a: unknown, b: unknown) => boolean,
  lineFields: ReadonlyArray<keyof L> | undefined,
) {
  const recordOptions = {
    ...(lineFields ? { fields: lineFields } : {}),
    isEqual: (_field: keyof L, a: unknown, b: unknown) => isEqual(a, b),
  };
  const isLineEqual = (a: L, b: L) =>
    (lineFields ?? [...Object.keys(a), ...Object.keys(b)]).every((field) =>
      isEqual(a[field], b[field]),
    );
  const isPlacedEqual = (a: Placed<L>, b: Placed<L>) =>
    a.jobKey === b.jobKey && isLineEqual(a.line, b.line);
  const isJobChanged = (before: MergeJob<L>, after: MergeJob<L>) =>
    !isEqual(before.title, after.title) ||
    before.lines.length !== after.lines.length ||
    before.lines.some((line, index) => {
      const other = after.lines[index]!;
      return line.key !== other.key || !isLineEqual(line, other);
    });

  function mergeJob(key: string): JobOutcome<F, L> {
    const [b, m, t] = [versions.base, versions.mine, versions.theirs].map((v) => v.jobs.get(key));
    if (m && t) {
      const winner = pickThreeWay(b?.title, m.title, t.title, isEqual);
      const conflicts: Array<QuoteConflict<F, L>> =
        winner === 'conflict'
          ? [
              {
                id: `title:${key}`,
                kind: 'job_title',
                jobKey: key,
                base: b?.title ?? '',
                mine: m.title,
                theirs: t.title,
              },
            ]
          : [];
      return winner === 'theirs'
        ? { isKept: true, title: t.title, change: 'job_edited', conflicts }
        : { isKept: true, title: m.title, conflicts };
    }
    if (!b) {
      // Added by one side only.
      return m
        ? { isKept: true, title: m.title, conflicts: [] }
        : { isKept: true, title: t!.title, change: 'job_added', conflicts: [] };
    }
    if (!m && !t) return { isKept: false, title: b.title, conflicts: [] };
    const [kept, deletedBy] = m ? ([m, 'theirs'] as const) : ([t!, 'mine'] as const);
    if (!isJobChanged(b, kept)) {
      return m
        ? { isKept: false, title: b.title, change: 'job_removed', conflicts: [] }
        : { isKept: false, title: b.title, conflicts: [] };
    }
    const conflict: JobConflict<F, L> = {
      id: `job:${key}`,
      kind: 'job',
      jobKey: key,
      base: b,
      mine: m ?? null,
      theirs: t ?? null,
      ...(m
        ? {}
        : {
            placeAfter: precedingKeys(
              versions.theirs.jobKeys,
              versions.theirs.jobKeys.indexOf(key),
            ),
          }),
    };
    // Until resolved the job stays as mine says: kept if they deleted it, gone if I did.
    return { isKept: Boolean(m), title: kept.title, conflicts: [conflict], deletedBy };
  }

  function mergeLine(key: string, jobs: ReadonlyMap<string, JobOutcome<F, L>>): LineOutcome<F, L> {
    const [b, m, t] = [versions.base, versions.mine, versions.theirs].map((v) => v.lines.get(key));
    // A line inside a job one side deleted and the other changed is shown by that job's conflict.
    const isInJobConflict = (placed: Placed<L>, deletedBy: Side) =>
      jobs.get(placed.jobKey)?.deletedBy === deletedBy;
    const lineConflict = (mineLine: L | null, theirLine: L | null, jobKey: string) => ({
      id: `line:${key}`,
      kind: 'line' as const,
      jobKey,
      lineKey: key,
      base: b?.line ?? null,
      mine: mineLine,
      theirs: theirLine,
    });

    if (m && t) {
      const record = mergeRecord(b?.line ?? ({ key } as L), m.line, t.line, recordOptions);
      const theirMove = b && m.jobKey === b.jobKey && t.jobKey !== b.jobKey ? t.jobKey : undefined;
      const jobKeys = theirMove ? [t.jobKey, m.jobKey] : [m.jobKey, t.jobKey];
      if (record.conflicts.length > 0) {
        // Their fields that do not overlap mine are taken in, as `mergeRecord` does for a form.
        const conflict = lineConflict(m.line, t.line, m.jobKey);
        return { key, line: record.merged, jobKeys, conflict };
      }
      const change = record.theirs.length > 0 ? ('line_edited' as const) : undefined;
      return { key, line: record.merged, jobKeys, change, theirMove };
    }
    if (!b) {
      return m
        ? { key, line: m.line, jobKeys: [m.jobKey] }
        : { key, line: t!.line, jobKeys: [t!.jobKey], change: 'line_added' };
    }
    if (m) {
      // They deleted it. In a job they deleted and I changed, it stays with the job I kept.
      if (isInJobConflict(m, 'theirs')) return { key, line: m.line, jobKeys: [m.jobKey] };
      if (isPlacedEqual(b, m)) {
        const isToldByJob = jobs.get(b.jobKey)?.change === 'job_removed';
        return { key, line: null, jobKeys: [], change: isToldByJob ? undefined : 'line_removed' };
      }
      return {
        key,
        line: m.line,
        jobKeys: [m.jobKey],
        conflict: lineConflict(m.line, null, m.jobKey),
      };
    }
    if (t && !isPlacedEqual(b, t) && !isInJobConflict(t, 'mine')) {
      // I deleted what they changed: left out until the user chooses.
      const theirLineKeys = lineKeysOf(versions.theirs, t.jobKey);
      const conflict = {
        ...lineConflict(null, t.line, t.jobKey),
        placeAfter: precedingKeys(theirLineKeys, theirLineKeys.indexOf(key)),
      };
      return { key, line: null, jobKeys: [], conflict };
    }
    return { key, line: null, jobKeys: [] };
  }

  return { mergeJob, mergeLine };
}

/** Puts each kept line in the first of its jobs that the merge keeps. */
function placeLines<F, L extends MergeLine>(
  outcomes: ReadonlyArray<LineOutcome<F, L>>,
  keptJobKeys: ReadonlySet<string>,
) {
  const lines = new Map<string, L>();
  const jobOf = new Map<string, string>();
  const byJob = new Map<string, string[]>();
  const changes = new Map<string, NonNullable<LineOutcome<F, L>['change']>>();
  for (const outcome of outcomes) {
    const jobKey = outcome.jobKeys.find((candidate) => keptJobKeys.has(candidate));
    // Left out by the merge, or living only in a job that is in a conflict, which shows it.
    if (!outcome.line || jobKey === undefined) continue;
    lines.set(outcome.key, outcome.line);
    jobOf.set(outcome.key, jobKey);
    byJob.set(jobKey, byJob.get(jobKey) ?? []);
    byJob.get(jobKey)!.push(outcome.key);
    const change = outcome.change ?? (jobKey === outcome.theirMove ? 'line_edited' : undefined);
    if (change) changes.set(outcome.key, change);
  }
  return { lines, jobOf, byJob, changes };
}

/** Their deletions that got in, in base order; a deleted job's lines are told by the job. */
function listRemovals<F, L extends MergeLine>(
  base: Version<L>,
  jobs: ReadonlyMap<string, JobOutcome<F, L>>,
  lines: ReadonlyArray<LineOutcome<F, L>>,
): TheirChange[] {
  const removedLines = new Set(
    lines.filter((line) => line.change === 'line_removed').map((line) => line.key),
  );
  return base.jobKeys.flatMap((jobKey): TheirChange[] => {
    const job = base.jobs.get(jobKey)!;
    if (jobs.get(jobKey)?.change === 'job_removed') {
      return [{ kind: 'job_removed', jobKey, title: job.title }];
    }
    return job.lines
      .filter((line) => removedLines.has(line.key))
      .map((line) => ({ kind: 'line_removed', jobKey, lineKey: line.key, line }));
  });
}

/**
 * Keys are the identity of jobs and lines: a key twice in one version is a bug upstream, and
 * merging around it would silently drop one of the two.
 */
function indexVersion<L extends MergeLine>(doc: QuoteDoc<Record<string, unknown>, L>): Version<L> {
  const jobs = new Map<string, MergeJob<L>>();
  const lines = new Map<string, Placed<L>>();
  for (const job of doc.jobs) {
    if (jobs.has(job.key)) throw new Error(`Duplicate job key in a quote version: ${job.key}`);
    jobs.set(job.key, job);
    for (const line of job.lines) {
      if (lines.has(line.key))
        throw new Error(`Duplicate line key in a quote version: ${line.key}`);
      lines.set(line.key, { jobKey: job.key, line });
    }
  }
  return { jobKeys: [...jobs.keys()], jobs, lines };
}

function lineKeysOf<L extends MergeLine>(version: Version<L>, jobKey: string): string[] {
  return version.jobs.get(jobKey)?.lines.map((line) => line.key) ?? [];
}

/** Each key once, in the order first met: conflicts and outcomes come out in a stable order. */
function unionKeys(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}
