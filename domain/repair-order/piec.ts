import type { PiecCategory, PiecChoice } from '../schemas/repair-order';

type Line = {
  id: string;
  kind: string;
  description: string;
  piecCategory: PiecCategory | null;
  piecChoice: PiecChoice | null;
};

/**
 * Parts from the circular economy (PIEC). For a part of a category the decree lists
 * (Code de la consommation, art. R. 224-23), the garage must offer a reused part and record the
 * customer's answer; the OR prints it. A line needs a choice when it is a part of such a
 * category; the customer signs once every such line has an answer (accepted or refused).
 */
export function needsPiecChoice(line: Pick<Line, 'kind' | 'piecCategory'>): boolean {
  return line.kind === 'part' && line.piecCategory !== null;
}

export function isPiecAnswered(line: Pick<Line, 'kind' | 'piecCategory' | 'piecChoice'>): boolean {
  return !needsPiecChoice(line) || line.piecChoice === 'accepted' || line.piecChoice === 'refused';
}

/** The part lines still waiting for the customer's PIEC answer. */
export function missingPiecChoices<L extends Line>(
  jobs: ReadonlyArray<{ lines: ReadonlyArray<L> }>,
): L[] {
  return jobs.flatMap((job) => job.lines.filter((line) => !isPiecAnswered(line)));
}
