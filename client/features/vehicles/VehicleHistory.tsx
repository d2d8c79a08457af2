import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, Show, Suspense, startTransition } from 'solid-js';
import { INSPECTION_RESULT_LABELS } from '../../../domain/schemas/vehicle';
import { formatCalendarDate, formatDate, formatEuros, formatKm } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { VehicleHistorySection } from './VehicleHistorySection';
import { getVehicleHistory } from './vehicles.api';

const WORK_STATUS = {
  open: { label: 'À prévoir', tone: 'warning' },
  done: { label: 'Fait', tone: 'success' },
  dismissed: { label: 'Abandonné', tone: 'neutral' },
} as const;

const RESULT_TONE = { pass: 'success', major: 'warning', critical: 'danger' } as const;

/**
 * Travaux à prévoir, CT visits, mileage readings, services and owners, kept live: the change
 * stream drops the cached history (vehicles.api), and this one is read again when what it shows
 * changed: this vehicle (a CT, a reading, a service, a transfer) or one of its quotes (declined
 * work). An owner's new name shows on the next visit. The old history stays on screen while the
 * new one loads.
 */
export function VehicleHistory(props: { vehicleId: string }) {
  const [reads, setReads] = createSignal(0);
  const readAgain = () => void startTransition(() => setReads((count) => count + 1));
  const history = createAsync(() => {
    reads();
    return getVehicleHistory(props.vehicleId);
  });
  useChanges('vehicle', () => props.vehicleId, readAgain);
  useChanges('quote', (change) => {
    if (change.data.vehicleId === props.vehicleId) readAgain();
  });
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <ErrorMessage
          error={error}
          retry={() => {
            // A failed read stays cached: read it again, then show it.
            void revalidate(getVehicleHistory.keyFor(props.vehicleId));
            reset();
          }}
        />
      )}
    >
      <Suspense fallback={<Spinner label="Chargement de l’historique…" />}>
        <Show when={history()}>
          {(past) => (
            <div class="vehicle-history">
              <VehicleHistorySection
                id="history-work"
                title="Travaux à prévoir"
                empty="Rien en attente."
                items={past().declinedWork}
              >
                {(work) => (
                  <>
                    {work.description} — {formatEuros(work.amountExclVatCents)} HT{' '}
                    <Badge tone={WORK_STATUS[work.status].tone}>
                      {WORK_STATUS[work.status].label}
                    </Badge>
                    <div class="vehicle-history-meta">
                      proposé le {formatDate(work.createdAt)}
                      <Show when={work.quoteId}>
                        {(quoteId) => (
                          <>
                            {' '}
                            · <A href={`/quotes/${quoteId()}`}>voir le devis</A>
                          </>
                        )}
                      </Show>
                    </div>
                  </>
                )}
              </VehicleHistorySection>
              <VehicleHistorySection
                id="history-ct"
                title="Contrôles techniques"
                empty="Aucun contrôle enregistré."
                items={past().inspections}
              >
                {(visit) => (
                  <>
                    {formatCalendarDate(visit.date)}{' '}
                    <Badge tone={RESULT_TONE[visit.result]}>
                      {INSPECTION_RESULT_LABELS[visit.result]}
                    </Badge>
                    <Show when={visit.notes}>
                      <div class="vehicle-history-meta">{visit.notes}</div>
                    </Show>
                  </>
                )}
              </VehicleHistorySection>
              <VehicleHistorySection
                id="history-km"
                title="Relevés kilométriques"
                empty="Aucun relevé."
                items={past().mileage}
              >
                {(reading) => (
                  <>
                    {formatCalendarDate(reading.date)} — {formatKm(reading.km)}
                    <Show when={reading.source === 'quote'}>
                      <span class="muted"> (relevé sur devis)</span>
                    </Show>
                  </>
                )}
              </VehicleHistorySection>
              <VehicleHistorySection
                id="history-services"
                title="Entretiens"
                empty="Aucun entretien enregistré."
                items={past().services}
              >
                {(service) => (
                  <>
                    {formatCalendarDate(service.date)}
                    {service.km !== null ? ` — ${formatKm(service.km)}` : ''}
                    <Show when={service.notes}>
                      <div class="vehicle-history-meta">{service.notes}</div>
                    </Show>
                  </>
                )}
              </VehicleHistorySection>
              <VehicleHistorySection
                id="history-owners"
                title="Propriétaires"
                empty="Aucun propriétaire connu."
                items={past().owners}
              >
                {(owner) => (
                  <>
                    <A href={`/clients/${owner.clientId}`}>{owner.clientName}</A>
                    <div class="vehicle-history-meta">
                      du {formatDate(owner.fromAt)}{' '}
                      {owner.toAt ? `au ${formatDate(owner.toAt)}` : 'à aujourd’hui'}
                    </div>
                  </>
                )}
              </VehicleHistorySection>
            </div>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
