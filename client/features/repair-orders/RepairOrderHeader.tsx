import { A, createAsync, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  availableTransitions,
  checkRepairOrderTransition,
} from '../../../domain/repair-order/transitions';
import {
  REPAIR_ORDER_ORIGIN_LABELS,
  REPAIR_ORDER_STATUS_LABELS,
  type RepairOrder,
  type RepairOrderStatus,
} from '../../../domain/schemas/repair-order';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge } from '../../ui/Feedback';
import { showToast } from '../../ui/toast';
import { getColleagues } from '../alerts/alerts.api';
import { DepositButton } from '../invoices/DepositButton';
import { InvoiceOrderButton } from '../invoices/InvoiceOrderButton';
import { RepairOrderPdfActions } from './RepairOrderPdfActions';
import { assignRepairOrder, moveRepairOrder } from './repair-orders.api';

const STATUS_TONES: Record<RepairOrderStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  todo: 'neutral',
  in_progress: 'info',
  waiting_parts: 'warning',
  waiting_approval: 'warning',
  done: 'success',
  handed_back: 'success',
};

/** The button that moves the OR to `to`, in the counter's words. */
const MOVE_LABELS: Partial<Record<RepairOrderStatus, string>> = {
  todo: 'Remettre à faire',
  in_progress: 'Passer en cours',
  waiting_parts: 'En attente de pièces',
  waiting_approval: 'En attente d’accord',
  done: 'Travaux terminés',
};

/** Number, status, origin, parties, technician, promise; the moves and the PDF. */
export function RepairOrderHeader(props: {
  order: RepairOrder;
  settings: Settings;
  isDirty: boolean;
  mayWrite: boolean;
  onChanged: (order: RepairOrder) => void;
  onError: (message: string | null) => void;
}) {
  const move = useAction(moveRepairOrder);
  const assign = useAction(assignRepairOrder);
  const canAssign = () => props.mayWrite && props.order.status !== 'handed_back';
  // The same colleagues an alert is assigned to: every active member (no technician role).
  const colleagues = createAsync(() =>
    canAssign() ? getColleagues().catch(() => null) : Promise.resolve(null),
  );
  const [busy, setBusy] = createSignal<RepairOrderStatus | null>(null);
  // Waiting for an answer is the server's move (an amendment added), not a button.
  const moves = () =>
    availableTransitions(props.order.status).filter((to) => to !== 'waiting_approval');
  const blocker = (to: RepairOrderStatus) =>
    props.isDirty
      ? 'Enregistrez d’abord vos modifications.'
      : checkRepairOrderTransition(props.order, to)?.message;

  async function go(to: RepairOrderStatus) {
    setBusy(to);
    props.onError(null);
    try {
      props.onChanged(await move(props.order.id, to, props.order.version));
      showToast(`OR ${REPAIR_ORDER_STATUS_LABELS[to].toLowerCase()}.`);
    } catch (error) {
      props.onError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  async function pickTechnician(technicianId: string | null) {
    props.onError(null);
    try {
      props.onChanged(await assign(props.order.id, { version: props.order.version, technicianId }));
      showToast(technicianId ? 'Technicien attribué.' : 'Technicien retiré.');
    } catch (error) {
      props.onError(errorMessage(error));
    }
  }

  return (
    <header class="page-header ro-header">
      <div>
        <p class="breadcrumb">
          <A href="/">Atelier</A>
        </p>
        <h1>
          {props.order.number}{' '}
          <Badge tone={STATUS_TONES[props.order.status]}>
            {REPAIR_ORDER_STATUS_LABELS[props.order.status]}
          </Badge>
        </h1>
        <p class="page-lead">
          {REPAIR_ORDER_ORIGIN_LABELS[props.order.origin]}
          <Show when={props.order.quoteId}>
            {' '}
            <A href={`/quotes/${props.order.quoteId}`}>{props.order.quoteNumber ?? 'devis'}</A>
          </Show>
          {' · '}
          <A href={`/clients/${props.order.clientId}`}>{props.order.clientName}</A>
          {' · '}
          <A href={`/vehicles/${props.order.vehicleId}`}>
            <span class="ro-plate">{props.order.vehiclePlate}</span>
          </A>{' '}
          {props.order.vehicleLabel}
        </p>
        <p class="ro-facts">
          <Show
            when={canAssign() && colleagues()}
            fallback={
              <span>
                Technicien : <strong>{props.order.technicianName ?? 'non attribué'}</strong>
              </span>
            }
          >
            {(list) => (
              <label class="ro-technician">
                Technicien :{' '}
                <select
                  class="input"
                  value={props.order.technicianId ?? ''}
                  onChange={(event) => void pickTechnician(event.currentTarget.value || null)}
                >
                  <option value="">non attribué</option>
                  <For each={list().items}>
                    {(person) => (
                      <option value={person.id} selected={person.id === props.order.technicianId}>
                        {person.name}
                      </option>
                    )}
                  </For>
                </select>
              </label>
            )}
          </Show>
          <span data-testid="ro-promise">
            Restitution promise :{' '}
            <strong>
              {props.order.promisedAt ? formatDateTime(props.order.promisedAt) : 'non fixée'}
            </strong>
          </span>
          <span>Ouvert le {formatDateTime(props.order.createdAt)}</span>
        </p>
      </div>
      <div class="header-actions">
        <RepairOrderPdfActions order={props.order} settings={props.settings} />
        <Show when={props.mayWrite && props.order.status === 'handed_back'}>
          <InvoiceOrderButton origin={{ repairOrderId: props.order.id }} />
        </Show>
        <Show when={props.mayWrite && props.order.status !== 'handed_back'}>
          <DepositButton
            repairOrderId={props.order.id}
            orderNumber={props.order.number}
            settings={props.settings}
          />
        </Show>
        <Show when={props.mayWrite}>
          <For each={moves()}>
            {(to) => (
              <Button
                variant={to === 'done' || to === 'in_progress' ? 'primary' : 'secondary'}
                isLoading={busy() === to}
                disabled={Boolean(blocker(to))}
                title={blocker(to)}
                onClick={() => void go(to)}
              >
                {props.order.status === 'done' && to === 'in_progress'
                  ? 'Reprendre les travaux'
                  : (MOVE_LABELS[to] ?? REPAIR_ORDER_STATUS_LABELS[to])}
              </Button>
            )}
          </For>
        </Show>
      </div>
    </header>
  );
}
