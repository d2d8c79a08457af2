import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  on,
  onCleanup,
  Show,
  Suspense,
} from 'solid-js';
import { AppError } from '../../../domain/errors';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useChanges, useLive } from '../../lib/live';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { showToast } from '../../ui/toast';
import { NewQuoteDialog } from '../quotes/NewQuoteDialog';
import { QuoteList } from '../quotes/QuoteList';
import { InspectionForm } from './InspectionForm';
import { MileageForm } from './MileageForm';
import { TransferDialog } from './TransferDialog';
import { VehicleCard } from './VehicleCard';
import { VehicleConflictPanel } from './VehicleConflictPanel';
import { VehicleForm } from './VehicleForm';
import { VehicleHistory } from './VehicleHistory';
import {
  changedKeys,
  toVehicleFormValues,
  toVehiclePatch,
  type VehicleFormValues,
} from './vehicle-values';
import {
  archiveVehicle,
  getVehicle,
  getVehicleHistory,
  restoreVehicle,
  updateVehicle,
} from './vehicles.api';
import './vehicles.css';

/** The version is the one the edit started from, so a save never overwrites unseen changes. */
type Editing = { initial: VehicleFormValues; version: number };
type Conflict = {
  current: Vehicle;
  changedBy: string | null;
  changedAt: string | null;
  base: VehicleFormValues;
  mine: VehicleFormValues;
};

export default function VehicleDetailPage() {
  const params = useParams<{ id: string }>();
  const live = useLive();
  const session = useSession();
  const vehicle = createAsync(() => getVehicle(params.id));
  const [editing, setEditing] = createSignal<Editing | null>(null);
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const [changedMeanwhile, setChangedMeanwhile] = createSignal<{ name: string; at: string } | null>(
    null,
  );
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const [isTransferring, setTransferring] = createSignal(false);
  const [isConfirmingArchive, setConfirmingArchive] = createSignal(false);
  const [isCreatingQuote, setCreatingQuote] = createSignal(false);
  const canWrite = () => session.user()?.role !== 'display';
  const refresh = () =>
    void revalidate([getVehicle.keyFor(params.id), getVehicleHistory.keyFor(params.id)]);

  // Presence: the others see who looks at, or edits, this vehicle.
  let viewedId = params.id;
  createEffect(
    on([() => params.id, () => editing() !== null], ([id, isEditing]) => {
      viewedId = id;
      live.view('vehicle', id, isEditing);
    }),
  );
  onCleanup(() => live.leave('vehicle', viewedId));
  const others = () =>
    live
      .presence()
      .filter((entry) => entry.staffId !== session.user()?.id)
      .flatMap((entry) =>
        entry.views
          .filter((view) => view.entity === 'vehicle' && view.id === params.id)
          .map((view) => ({ name: entry.name, editing: view.editing })),
      );

  useChanges((change) => {
    if (change.entity !== 'vehicle' || change.id !== params.id) return;
    refresh();
    if (editing() && change.actor?.id !== session.user()?.id) {
      setChangedMeanwhile({ name: change.actor?.name ?? 'Quelqu’un', at: change.at });
    }
  });

  function startEditing(current: Vehicle) {
    setErrors({});
    setError(null);
    setChangedMeanwhile(null);
    setEditing({ initial: toVehicleFormValues(current), version: current.version });
  }

  function stopEditing() {
    setEditing(null);
    setConflict(null);
    setChangedMeanwhile(null);
  }

  /** Sends only the fields changed since `base`, against `version`. */
  async function save(values: VehicleFormValues, base: VehicleFormValues, version: number) {
    const changes = toVehiclePatch(base, values);
    if (Object.keys(changes).length === 0) {
      stopEditing();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const saved = await updateVehicle(params.id, { ...changes, version });
      stopEditing();
      showToast(`Véhicule ${saved.plate} enregistré.`);
      refresh();
    } catch (caught) {
      if (caught instanceof AppError && caught.code === 'conflict') {
        const details = caught.details as {
          current: Vehicle;
          changedBy: { name: string } | null;
          changedAt: string | null;
        };
        setChangedMeanwhile(null);
        setConflict({
          current: details.current,
          changedBy: details.changedBy?.name ?? null,
          changedAt: details.changedAt,
          base,
          mine: values,
        });
      } else {
        setErrors(fieldErrors(caught));
        setError(errorMessage(caught));
      }
    } finally {
      setSubmitting(false);
    }
  }

  async function toggleArchive(current: Vehicle) {
    setError(null);
    try {
      if (current.archivedAt) {
        await restoreVehicle(current.id);
        showToast('Véhicule restauré.');
      } else {
        await archiveVehicle(current.id);
        showToast('Véhicule archivé.');
      }
      refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <div class="page page-narrow">
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement du véhicule…" />}>
          <Show when={vehicle()}>
            {(current) => (
              <>
                <header class="page-header">
                  <div>
                    <p class="breadcrumb">
                      <A href="/vehicles">Véhicules</A>
                    </p>
                    <h1>
                      <span class="plate plate-big">{current().plate}</span>{' '}
                      <Show when={current().archivedAt}>
                        <Badge tone="warning">Archivé</Badge>
                      </Show>
                    </h1>
                    <p class="page-lead">
                      {[current().make, current().model].filter(Boolean).join(' ') || 'Véhicule'} ·
                      propriétaire{' '}
                      <A href={`/clients/${current().clientId}`}>{current().clientName}</A>
                    </p>
                  </div>
                  <Show when={canWrite() && !editing()}>
                    <div class="header-actions">
                      <Button onClick={() => setConfirmingArchive(true)}>
                        {current().archivedAt ? 'Restaurer' : 'Archiver'}
                      </Button>
                      <Button
                        onClick={() => setTransferring(true)}
                        disabled={Boolean(current().archivedAt)}
                      >
                        Changer de propriétaire
                      </Button>
                      <Button
                        onClick={() => startEditing(current())}
                        disabled={Boolean(current().archivedAt)}
                      >
                        Modifier
                      </Button>
                      <Button
                        variant="primary"
                        onClick={() => setCreatingQuote(true)}
                        disabled={Boolean(current().archivedAt)}
                      >
                        Nouveau devis
                      </Button>
                    </div>
                  </Show>
                </header>

                <Show when={others().length > 0}>
                  <div class="presence-note" role="status">
                    <For each={others()}>
                      {(other) => (
                        <span>
                          {other.name} {other.editing ? 'modifie' : 'consulte'} aussi cette fiche.{' '}
                        </span>
                      )}
                    </For>
                  </div>
                </Show>
                <Show when={current().warnings.length > 0}>
                  <div class="warnings">
                    <For each={current().warnings}>
                      {(warning) => (
                        <div class="alert alert-warning" role="status">
                          {warning.message}
                        </div>
                      )}
                    </For>
                  </div>
                </Show>
                <Show when={error()}>
                  <div class="alert alert-error" role="alert">
                    {error()}
                  </div>
                </Show>

                <Show when={conflict()}>
                  {(state) => (
                    <VehicleConflictPanel
                      changedBy={state().changedBy}
                      changedAt={state().changedAt}
                      theirs={toVehicleFormValues(state().current)}
                      mine={state().mine}
                      keys={changedKeys(state().base, state().mine)}
                      isSubmitting={isSubmitting()}
                      onTakeTheirs={() => {
                        setConflict(null);
                        startEditing(state().current);
                      }}
                      onReapplyMine={() =>
                        void save(state().mine, state().base, state().current.version)
                      }
                    />
                  )}
                </Show>

                <Show when={editing()} keyed fallback={<VehicleCard vehicle={current()} />}>
                  {(edit) => (
                    <div class="card">
                      <VehicleForm
                        clientId={current().clientId}
                        initial={edit.initial}
                        submitLabel="Enregistrer"
                        serverErrors={errors()}
                        isSubmitting={isSubmitting()}
                        onCancel={stopEditing}
                        onSubmit={(values) => void save(values, edit.initial, edit.version)}
                        notice={
                          <Show when={changedMeanwhile()}>
                            {(meanwhile) => (
                              <div class="alert alert-warning" role="status">
                                {meanwhile().name} a modifié ce véhicule à{' '}
                                {formatTime(meanwhile().at)}. En enregistrant, vous verrez ses
                                changements à côté des vôtres.
                              </div>
                            )}
                          </Show>
                        }
                      />
                    </div>
                  )}
                </Show>

                <Show when={canWrite() && !current().archivedAt && !editing()}>
                  <div class="record-forms">
                    <InspectionForm vehicleId={current().id} onDone={refresh} />
                    <MileageForm vehicleId={current().id} onDone={refresh} />
                  </div>
                </Show>

                <VehicleHistory vehicleId={current().id} />

                <section class="card">
                  <h2>Devis</h2>
                  <QuoteList
                    filters={{ vehicleId: current().id }}
                    empty="Aucun devis pour ce véhicule."
                  />
                </section>

                <TransferDialog
                  open={isTransferring()}
                  vehicle={current()}
                  onClose={() => setTransferring(false)}
                  onDone={refresh}
                />
                <ConfirmDialog
                  open={isConfirmingArchive()}
                  title={
                    current().archivedAt ? 'Restaurer ce véhicule ?' : 'Archiver ce véhicule ?'
                  }
                  message={
                    current().archivedAt
                      ? 'Il réapparaîtra dans les listes.'
                      : 'Il disparaîtra des listes ; son historique et ses devis sont conservés et il peut être restauré.'
                  }
                  confirmLabel={current().archivedAt ? 'Restaurer' : 'Archiver'}
                  tone={current().archivedAt ? 'primary' : 'danger'}
                  onConfirm={() => void toggleArchive(current())}
                  onClose={() => setConfirmingArchive(false)}
                />
                <NewQuoteDialog
                  open={isCreatingQuote()}
                  onClose={() => setCreatingQuote(false)}
                  clientId={current().clientId}
                  vehicleId={current().id}
                />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
