import { createAsync, useAction } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  onCleanup,
  Show,
  Suspense,
  untrack,
} from 'solid-js';
import type {
  ClockAction,
  RepairOrder,
  RepairOrderJob,
} from '../../../domain/schemas/repair-order';
import { errorMessage } from '../../lib/api';
import { useChanges } from '../../lib/live';
import { useSession } from '../../lib/session';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { clockRepairOrder, getRepairOrder } from '../repair-orders/repair-orders.api';
import { clockBlockedReason, clockedMinutesNow, formatMinutes } from './job-time';

type Received = { order: RepairOrder; at: number };

/** One OR's jobs with their clock buttons; the OR follows its changes live. */
export function TechnicianOrder(props: { id: string }) {
  const fetched = createAsync(() => getRepairOrder(props.id));
  const [received, setReceived] = createSignal<Received | null>(null);
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(timer));

  /**
   * A newer version only: the answer, the change and the cache's copy of the same version may
   * arrive in any order (and reading `received` here must not make the effect below track it).
   */
  function receive(order: RepairOrder) {
    const current = untrack(received);
    if (current && current.order.version >= order.version) return;
    setReceived({ order, at: Date.now() });
  }
  createEffect(() => {
    const order = fetched();
    if (order) receive(order);
  });
  useChanges(
    'repair_order',
    () => props.id,
    (change) => receive(change.data),
  );

  return (
    <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
      <Suspense fallback={<Spinner label="Chargement des travaux…" />}>
        <Show when={received()}>
          {(value) => (
            <Show
              when={value().order.jobs.length > 0}
              fallback={<p class="tech-empty">Aucun travail sur cet ordre de réparation.</p>}
            >
              <ul class="tech-jobs">
                <For each={value().order.jobs}>
                  {(job) => (
                    <TechnicianJob
                      order={value().order}
                      job={job}
                      receivedAt={value().at}
                      now={now()}
                      onAnswer={receive}
                    />
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}

function TechnicianJob(props: {
  order: RepairOrder;
  job: RepairOrderJob;
  receivedAt: number;
  now: number;
  onAnswer: (order: RepairOrder) => void;
}) {
  const session = useSession();
  const sendClock = useAction(clockRepairOrder);
  const [pending, setPending] = createSignal<ClockAction | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const blocked = () => clockBlockedReason(props.order, props.job);
  const isMine = () => props.job.clockedOn.some((who) => who.id === session.user()?.id);
  const others = () =>
    props.job.clockedOn.filter((who) => who.id !== session.user()?.id).map((who) => who.name);
  const clocked = () => clockedMinutesNow(props.job, props.receivedAt, props.now);
  const isOver = () => props.job.soldMinutes > 0 && clocked() > props.job.soldMinutes;

  async function clock(action: ClockAction) {
    setPending(action);
    setError(null);
    try {
      props.onAnswer(await sendClock(props.order.id, { jobId: props.job.id, action }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(null);
    }
  }

  return (
    <li class="tech-job" classList={{ 'tech-job-on': isMine() }}>
      <div class="tech-job-head">
        <strong>{props.job.title}</strong>
        <span class="tech-time" classList={{ 'tech-time-over': isOver() }}>
          {formatMinutes(clocked())}
          <Show when={props.job.soldMinutes > 0}>
            {' '}
            / {formatMinutes(props.job.soldMinutes)} vendues
          </Show>
        </span>
      </div>
      <Show when={others().length > 0}>
        <p class="tech-meta">En cours : {others().join(', ')}</p>
      </Show>
      <Show
        when={!blocked()}
        fallback={
          <p class="tech-blocked" role="note">
            {blocked()}
          </p>
        }
      >
        <div class="tech-actions">
          <Show
            when={isMine()}
            fallback={
              <button
                type="button"
                class="btn btn-primary tech-btn"
                disabled={pending() !== null}
                aria-busy={pending() === 'start'}
                onClick={() => void clock('start')}
              >
                Démarrer
              </button>
            }
          >
            <button
              type="button"
              class="btn btn-secondary tech-btn"
              disabled={pending() !== null}
              aria-busy={pending() === 'pause'}
              onClick={() => void clock('pause')}
            >
              Pause
            </button>
            <button
              type="button"
              class="btn btn-primary tech-btn"
              disabled={pending() !== null}
              aria-busy={pending() === 'stop'}
              onClick={() => void clock('stop')}
            >
              Terminer
            </button>
          </Show>
        </div>
      </Show>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </li>
  );
}
