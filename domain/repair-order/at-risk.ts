/**
 * Whether a promise made to the customer still holds: the work left (labour sold, less the time
 * already clocked, never below zero) against the time left before the promised time. `late` once
 * the promise has passed with the car not handed back; `at_risk` when the work left no longer
 * fits; `ok` otherwise, and `none` without a promise.
 */
export type PromiseRisk = 'none' | 'ok' | 'at_risk' | 'late';

export function assessPromise(input: {
  promisedAt: string | null;
  status: string;
  soldMinutes: number;
  clockedMinutes: number;
  now: Date;
}): PromiseRisk {
  if (!input.promisedAt || input.status === 'handed_back') return 'none';
  const minutesLeft = (Date.parse(input.promisedAt) - input.now.getTime()) / 60_000;
  if (minutesLeft < 0) return input.status === 'done' ? 'ok' : 'late';
  if (input.status === 'done') return 'ok';
  const workLeft = Math.max(0, input.soldMinutes - input.clockedMinutes);
  return workLeft > minutesLeft ? 'at_risk' : 'ok';
}

/** Labour sold on a job: its labour lines counted in hours (`h`), in minutes. */
export function soldMinutes(
  lines: ReadonlyArray<{ kind: string; unit: string; quantity: number }>,
): number {
  return Math.round(
    lines
      .filter((line) => line.kind === 'labour' && line.unit === 'h')
      .reduce((sum, line) => sum + line.quantity * 60, 0),
  );
}

type ClockEvent = { technicianId: string; action: 'start' | 'pause' | 'stop'; at: string };

/**
 * Minutes clocked on a job from its events, per technician: each `start` runs until that
 * technician's next `pause` or `stop` (or `now`, still clocked on). A second `start` without a
 * pause in between changes nothing.
 */
export function clockedMinutes(
  events: ReadonlyArray<ClockEvent>,
  now: Date,
): {
  minutes: number;
  clockedOn: string[];
} {
  const running = new Map<string, number>();
  let total = 0;
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const event of sorted) {
    const at = Date.parse(event.at);
    const since = running.get(event.technicianId);
    if (event.action === 'start') {
      if (since === undefined) running.set(event.technicianId, at);
    } else if (since !== undefined) {
      total += at - since;
      running.delete(event.technicianId);
    }
  }
  for (const since of running.values()) total += Math.max(0, now.getTime() - since);
  return { minutes: Math.floor(total / 60_000), clockedOn: [...running.keys()] };
}
