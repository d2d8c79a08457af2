import { createAsync, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { computeCtDue } from '../../../domain/alerts/ct-rules';
import { todayInParis } from '../../../domain/dates';
import { formatEuros } from '../../../domain/money';
import type { RepairOrder } from '../../../domain/schemas/repair-order';
import { errorMessage } from '../../lib/api';
import { formatCalendarDate, formatDateTime, formatKm } from '../../lib/format';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { getVehicle, getVehicleHistory } from '../vehicles/vehicles.api';
import { handBackRepairOrder } from './repair-orders.api';
import { SignatureDialog } from './SignatureDialog';

/** "au plus tard le 15/03/2027", or overdue: the customer must hear it before driving off. */
function describeCtDue(dueDate: string | null): string {
  if (!dueDate) return 'non calculable (mise en circulation et contrôles inconnus)';
  const isOverdue = dueDate < todayInParis(new Date());
  return `${isOverdue ? 'dépassé depuis le' : 'au plus tard le'} ${formatCalendarDate(dueDate)}`;
}

const CHECKS = [
  ['workDone', 'Travaux réalisés expliqués au client'],
  ['declinedWorkReminded', 'Travaux refusés ou à prévoir rappelés'],
  ['nextDueReminded', 'Prochain contrôle technique et prochain entretien rappelés'],
] as const;
type Check = (typeof CHECKS)[number][0];

/**
 * The hand-back once the work is done: the checklist, what to remind the customer of (the work
 * they declined, the next CT), the customer's signature, then the OR is closed and locked.
 */
export function HandBackPanel(props: {
  order: RepairOrder;
  mayWrite: boolean;
  onChanged: (order: RepairOrder) => void;
}) {
  const handBack = useAction(handBackRepairOrder);
  const isShown = () => props.order.status === 'done' || props.order.status === 'handed_back';
  const vehicle = createAsync(() =>
    isShown() ? getVehicle(props.order.vehicleId).catch(() => null) : Promise.resolve(null),
  );
  const history = createAsync(() =>
    isShown() ? getVehicleHistory(props.order.vehicleId).catch(() => null) : Promise.resolve(null),
  );
  const [checks, setChecks] = createSignal<Record<Check, boolean>>({
    workDone: false,
    declinedWorkReminded: false,
    nextDueReminded: false,
  });
  const [isSigning, setSigning] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const isComplete = () => CHECKS.every(([key]) => checks()[key]);
  const declined = () => (history()?.declinedWork ?? []).filter((work) => work.status === 'open');
  const ctDue = () => {
    const found = vehicle();
    const inspections = history()?.inspections;
    if (!found || !inspections) return null;
    return computeCtDue({
      category: found.category,
      firstRegistrationDate: found.firstRegistrationDate,
      inspections,
    });
  };

  async function finish(order: RepairOrder, signatureId: string) {
    setError(null);
    try {
      const next = await handBack(order.id, {
        version: order.version,
        checklist: checks(),
        signatureId,
      });
      props.onChanged(next);
      showToast('Véhicule restitué : l’ordre de réparation est clos.');
    } catch (caught) {
      props.onChanged(order);
      setError(errorMessage(caught));
    } finally {
      setSigning(false);
    }
  }

  return (
    <Show when={isShown()}>
      <section class="card ro-section" aria-labelledby="ro-hand-back-title">
        <h2 id="ro-hand-back-title">Restitution du véhicule</h2>
        <Show
          when={props.order.handBack}
          fallback={
            <>
              <div class="ro-reminders">
                <h3>À rappeler au client</h3>
                <ul>
                  <For each={declined()}>
                    {(work) => (
                      <li>
                        À prévoir : {work.description} ({formatEuros(work.amountExclVatCents)} HT)
                      </li>
                    )}
                  </For>
                  <Show when={declined().length === 0}>
                    <li>Aucun travail à prévoir noté sur le véhicule.</li>
                  </Show>
                  <li data-testid="ro-next-ct">
                    Prochain contrôle technique : {describeCtDue(ctDue()?.dueDate ?? null)}
                  </li>
                  <Show when={vehicle()?.lastMileage}>
                    {(reading) => (
                      <li>
                        Dernier kilométrage relevé : {formatKm(reading().km)} le{' '}
                        {formatCalendarDate(reading().date)}
                      </li>
                    )}
                  </Show>
                </ul>
              </div>
              <fieldset class="ro-checklist" disabled={!props.mayWrite}>
                <legend>Liste de contrôle</legend>
                <For each={CHECKS}>
                  {([key, label]) => (
                    <label>
                      <input
                        type="checkbox"
                        checked={checks()[key]}
                        onChange={(event) =>
                          setChecks({ ...checks(), [key]: event.currentTarget.checked })
                        }
                      />{' '}
                      {label}
                    </label>
                  )}
                </For>
              </fieldset>
              <Show when={error()}>
                <div class="alert alert-error" role="alert">
                  {error()}
                </div>
              </Show>
              <Show when={props.mayWrite}>
                <div class="ro-actions">
                  <Button
                    variant="primary"
                    disabled={!isComplete()}
                    title={isComplete() ? undefined : 'Cochez chaque point de la liste.'}
                    onClick={() => setSigning(true)}
                  >
                    Faire signer la restitution
                  </Button>
                </div>
              </Show>
            </>
          }
        >
          {(done) => (
            <p data-testid="ro-handed-back">
              Restitué le {formatDateTime(done().handedBackAt)}
              <Show when={done().handedBackBy}> par {done().handedBackBy!.name}</Show>.
            </p>
          )}
        </Show>
        <SignatureDialog
          open={isSigning()}
          order={props.order}
          kind="hand_back"
          title="Signature de la restitution"
          intro="Le client reprend son véhicule, les travaux ci-dessous réalisés."
          onStale={props.onChanged}
          onClose={() => setSigning(false)}
          onSigned={(order, signatureId) => void finish(order, signatureId)}
        />
      </section>
    </Show>
  );
}
