import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { INSPECTION_RESULT_LABELS } from '../../../domain/schemas/vehicle';
import { formatCalendarDate, formatDate, formatEuros, formatKm } from '../../lib/format';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { getVehicleHistory } from './vehicles.api';

const WORK_STATUS = {
  open: { label: 'À prévoir', tone: 'warning' },
  done: { label: 'Fait', tone: 'success' },
  dismissed: { label: 'Abandonné', tone: 'neutral' },
} as const;

const RESULT_TONE = { pass: 'success', major: 'warning', critical: 'danger' } as const;

/** Travaux à prévoir, CT visits, mileage readings and owners; the page revalidates it live. */
export function VehicleHistory(props: { vehicleId: string }) {
  const history = createAsync(() => getVehicleHistory(props.vehicleId));
  return (
    <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
      <Suspense fallback={<Spinner label="Chargement de l’historique…" />}>
        <Show when={history()}>
          {(past) => (
            <div class="history">
              <section class="card" aria-labelledby="history-work">
                <h2 id="history-work">Travaux à prévoir</h2>
                <Show
                  when={past().declinedWork.length > 0}
                  fallback={<p class="muted">Rien en attente.</p>}
                >
                  <ul class="plain-list">
                    <For each={past().declinedWork}>
                      {(work) => (
                        <li>
                          {work.description} — {formatEuros(work.amountExclVatCents)} HT{' '}
                          <Badge tone={WORK_STATUS[work.status].tone}>
                            {WORK_STATUS[work.status].label}
                          </Badge>
                          <div class="history-meta">
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
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <section class="card" aria-labelledby="history-ct">
                <h2 id="history-ct">Contrôles techniques</h2>
                <Show
                  when={past().inspections.length > 0}
                  fallback={<p class="muted">Aucun contrôle enregistré.</p>}
                >
                  <ul class="plain-list">
                    <For each={past().inspections}>
                      {(visit) => (
                        <li>
                          {formatCalendarDate(visit.date)}{' '}
                          <Badge tone={RESULT_TONE[visit.result]}>
                            {INSPECTION_RESULT_LABELS[visit.result]}
                          </Badge>
                          <Show when={visit.notes}>
                            <div class="history-meta">{visit.notes}</div>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <section class="card" aria-labelledby="history-km">
                <h2 id="history-km">Relevés kilométriques</h2>
                <Show
                  when={past().mileage.length > 0}
                  fallback={<p class="muted">Aucun relevé.</p>}
                >
                  <ul class="plain-list">
                    <For each={past().mileage}>
                      {(reading) => (
                        <li>
                          {formatCalendarDate(reading.date)} — {formatKm(reading.km)}
                          <Show when={reading.source === 'quote'}>
                            <span class="muted"> (relevé sur devis)</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <section class="card" aria-labelledby="history-owners">
                <h2 id="history-owners">Propriétaires</h2>
                <ul class="plain-list">
                  <For each={past().owners}>
                    {(owner) => (
                      <li>
                        <A href={`/clients/${owner.clientId}`}>{owner.clientName}</A>
                        <div class="history-meta">
                          du {formatDate(owner.fromAt)}{' '}
                          {owner.toAt ? `au ${formatDate(owner.toAt)}` : 'à aujourd’hui'}
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </div>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
