import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { formatEuros } from '../../../domain/money';
import {
  isJobAuthorised,
  type RepairOrder,
  type RepairOrderJob,
} from '../../../domain/schemas/repair-order';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { ConfirmDialog } from '../../ui/Dialog';
import { Badge } from '../../ui/Feedback';
import { showToast } from '../../ui/toast';
import { JobForm, type NewJob } from './JobForm';
import { formatMinutes, type RepairOrderForm, toJobsEdit } from './repair-order-form';
import { updateRepairOrder } from './repair-orders.api';
import { WorkLineRow } from './WorkLineRow';

/** Where an amendment's job stands: waiting for the customer, refused, or authorised. */
function jobState(order: RepairOrder, job: RepairOrderJob) {
  if (job.amendmentId === null) return null;
  const amendment = order.amendments.find((each) => each.id === job.amendmentId);
  if (amendment?.status === 'pending') return { tone: 'warning', label: 'En attente d’accord' };
  if (amendment?.status === 'refused') return { tone: 'danger', label: 'Refusé : à prévoir' };
  return { tone: 'success', label: 'Supplément autorisé' };
}

/**
 * The work: each job's lines with their PIEC answer and part condition (chosen here until the
 * check-in is signed), and the time clocked against the time sold.
 */
export function WorkPanel(props: {
  order: RepairOrder;
  settings: Settings;
  form: RepairOrderForm;
  setForm: SetStoreFunction<RepairOrderForm>;
  isEditable: boolean;
  isDirty: boolean;
  missingPiec: string[];
  onChanged: (order: RepairOrder) => void;
}) {
  const update = useAction(updateRepairOrder);
  const [isAdding, setAdding] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const [removing, setRemoving] = createSignal<{ jobId: string; lineId?: string } | null>(null);

  /** Saves the work ordered as `jobs` (the form is clean: these buttons wait for a save). */
  async function saveWork(jobs: NewJob[], success: string) {
    setError(null);
    try {
      props.onChanged(await update(props.order.id, { version: props.order.version, jobs }));
      showToast(success);
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    }
  }

  async function addJob(job: NewJob) {
    if (await saveWork([...toJobsEdit(props.order), job], 'Prestation ajoutée.')) setAdding(false);
  }

  function remove() {
    const target = removing();
    if (!target) return;
    const jobs = toJobsEdit(props.order)
      .map((job) =>
        job.id === target.jobId && target.lineId
          ? { ...job, lines: job.lines.filter((line) => line.id !== target.lineId) }
          : job,
      )
      .filter((job) => target.lineId || job.id !== target.jobId);
    void saveWork(jobs, target.lineId ? 'Ligne retirée.' : 'Prestation retirée.');
  }
  const canRemove = (job: RepairOrderJob) =>
    props.isEditable && !props.isDirty && job.amendmentId === null;

  return (
    <section class="card ro-section" aria-labelledby="ro-work-title">
      <h2 id="ro-work-title">Travaux</h2>
      <Show when={props.order.jobs.length === 0}>
        <p class="muted">Aucune prestation pour l’instant.</p>
      </Show>
      <For each={props.order.jobs}>
        {(job) => (
          <article
            class={`ro-job ${isJobAuthorised(props.order, job) ? '' : 'ro-job-waiting'}`}
            data-testid="ro-job"
          >
            <header class="ro-job-header">
              <h3>{job.title}</h3>
              <Show when={canRemove(job)}>
                <button
                  type="button"
                  class="btn btn-ghost btn-small"
                  aria-label={`Retirer la prestation ${job.title}`}
                  onClick={() => setRemoving({ jobId: job.id })}
                >
                  Retirer
                </button>
              </Show>
              <Show when={jobState(props.order, job)}>
                {(state) => (
                  <Badge
                    tone={
                      state().tone === 'success'
                        ? 'success'
                        : state().tone === 'danger'
                          ? 'danger'
                          : 'warning'
                    }
                  >
                    {state().label}
                  </Badge>
                )}
              </Show>
              <span class="ro-time" data-testid="ro-job-time">
                Temps passé {formatMinutes(job.clockedMinutes)} / vendu{' '}
                {formatMinutes(job.soldMinutes)}
                <Show when={job.soldMinutes > 0 && job.clockedMinutes > job.soldMinutes}>
                  {' '}
                  <Badge tone="danger">dépassé</Badge>
                </Show>
              </span>
              <Show when={job.clockedOn.length > 0}>
                <span class="ro-clocked">
                  Pointé : {job.clockedOn.map((person) => person.name).join(', ')}
                </span>
              </Show>
              <span class="ro-job-total">{formatEuros(job.totalExclVatCents)} HT</span>
            </header>
            <table class="table ro-lines">
              <thead>
                <tr>
                  <th scope="col">Désignation</th>
                  <th scope="col" class="num">
                    Qté
                  </th>
                  <th scope="col" class="num">
                    PU HT
                  </th>
                  <th scope="col">Pièce</th>
                  <th scope="col" class="num">
                    Total HT
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={job.lines}>
                  {(line) => (
                    <WorkLineRow
                      line={line}
                      form={props.form}
                      setForm={props.setForm}
                      isEditable={props.isEditable && job.amendmentId === null}
                      isMissing={props.missingPiec.includes(line.id)}
                      onRemove={
                        canRemove(job)
                          ? () => setRemoving({ jobId: job.id, lineId: line.id })
                          : undefined
                      }
                    />
                  )}
                </For>
              </tbody>
            </table>
          </article>
        )}
      </For>
      <Show when={props.missingPiec.length > 0}>
        <div class="alert alert-warning" role="alert">
          Demandez au client s’il accepte une pièce issue de l’économie circulaire sur les lignes
          surlignées, puis enregistrez.
        </div>
      </Show>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show when={props.isEditable}>
        <Show
          when={isAdding()}
          fallback={
            <button
              type="button"
              class="btn btn-secondary"
              disabled={props.isDirty}
              title={props.isDirty ? 'Enregistrez d’abord la réception.' : undefined}
              onClick={() => setAdding(true)}
            >
              + Prestation
            </button>
          }
        >
          <JobForm
            settings={props.settings}
            submitLabel="Ajouter la prestation"
            onSubmit={addJob}
            onCancel={() => setAdding(false)}
          />
        </Show>
      </Show>
      <ConfirmDialog
        open={removing() !== null}
        title={removing()?.lineId ? 'Retirer cette ligne ?' : 'Retirer cette prestation ?'}
        message="Le client ne l’a pas encore signée : elle disparaît de l’ordre de réparation."
        confirmLabel="Retirer"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}
