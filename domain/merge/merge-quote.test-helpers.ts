import type { MergeJob, MergeLine, QuoteDoc } from './merge-quote';

/**
 * Edits of a quote document as the editor makes them, each returning a new document, so a test
 * reads as a script: "Marie edits the oil change, Paul deletes the pads".
 */

type Doc<L extends MergeLine> = QuoteDoc<Record<string, unknown>, L>;

export function editFields<D extends Doc<MergeLine>>(doc: D, patch: Partial<D['fields']>): D {
  return { ...doc, fields: { ...doc.fields, ...patch } };
}

export function editTitle<D extends Doc<MergeLine>>(doc: D, jobKey: string, title: string): D {
  return mapJobs(doc, (job) => (job.key === jobKey ? { ...job, title } : job));
}

export function removeJob<D extends Doc<MergeLine>>(doc: D, jobKey: string): D {
  return { ...doc, jobs: doc.jobs.filter((job) => job.key !== jobKey) };
}

export function addJob<D extends Doc<MergeLine>>(
  doc: D,
  job: D['jobs'][number],
  index = doc.jobs.length,
): D {
  return { ...doc, jobs: doc.jobs.toSpliced(index, 0, job) };
}

export function editLine<D extends Doc<MergeLine>>(
  doc: D,
  lineKey: string,
  patch: Partial<D['jobs'][number]['lines'][number]>,
): D {
  return mapJobs(doc, (job) => ({
    ...job,
    lines: job.lines.map((line) => (line.key === lineKey ? { ...line, ...patch } : line)),
  }));
}

export function removeLine<D extends Doc<MergeLine>>(doc: D, lineKey: string): D {
  return mapJobs(doc, (job) => ({
    ...job,
    lines: job.lines.filter((line) => line.key !== lineKey),
  }));
}

export function addLine<D extends Doc<MergeLine>>(
  doc: D,
  jobKey: string,
  line: D['jobs'][number]['lines'][number],
  index?: number,
): D {
  return mapJobs(doc, (job) =>
    job.key === jobKey
      ? { ...job, lines: job.lines.toSpliced(index ?? job.lines.length, 0, line) }
      : job,
  );
}

/** Moves a line to the end of another job. */
export function moveLine<D extends Doc<MergeLine>>(doc: D, lineKey: string, jobKey: string): D {
  const line = doc.jobs.flatMap((job) => job.lines).find((candidate) => candidate.key === lineKey);
  if (!line) throw new Error(`No line ${lineKey}`);
  return addLine(removeLine(doc, lineKey), jobKey, line);
}

export function lineKeys(job: MergeJob<MergeLine> | undefined): string[] {
  return job?.lines.map((line) => line.key) ?? [];
}

function mapJobs<D extends Doc<MergeLine>>(
  doc: D,
  map: (job: D['jobs'][number]) => D['jobs'][number],
): D {
  return { ...doc, jobs: doc.jobs.map(map) };
}
