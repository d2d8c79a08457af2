import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import {
  REPAIR_ORDER_STATUS_LABELS,
  type RepairOrderCard,
  type RepairOrderStatus,
  toRepairOrderCard,
} from '../../../domain/schemas/repair-order';
import { formatDate, formatDateTime } from '../../lib/format';
import { createLiveList } from '../../lib/live-list';
import { Button } from '../../ui/Button';
import { Badge, Spinner } from '../../ui/Feedback';
import { getRepairOrdersPage } from './repair-orders.api';

export const REPAIR_ORDER_STATUS_TONES: Record<
  RepairOrderStatus,
  'neutral' | 'info' | 'success' | 'warning' | 'danger'
> = {
  todo: 'neutral',
  in_progress: 'info',
  waiting_parts: 'warning',
  waiting_approval: 'warning',
  done: 'success',
  handed_back: 'neutral',
};

/** The server's order: newest first (opened at, then id). */
function byNewest(a: RepairOrderCard, b: RepairOrderCard): number {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/** A vehicle's or a client's repair orders, newest first, live: the vehicle's workshop history. */
export function RepairOrderList(props: {
  filters: { vehicleId?: string; clientId?: string };
  empty: string;
}) {
  const firstPage = createAsync(() => getRepairOrdersPage(props.filters));
  const orders = createLiveList({
    entity: 'repair_order',
    firstPage,
    fetchPage: (cursor) =>
      cursor ? getRepairOrdersPage(props.filters, cursor) : getRepairOrdersPage(props.filters),
    compare: byNewest,
    place: (change) => {
      const item = toRepairOrderCard(change.data);
      const { vehicleId, clientId } = props.filters;
      const isListed =
        (!vehicleId || item.vehicleId === vehicleId) && (!clientId || item.clientId === clientId);
      return { item, isListed };
    },
  });
  return (
    <Suspense fallback={<Spinner />}>
      <Show when={orders.items().length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <table class="table" aria-label="Ordres de réparation">
          <tbody>
            <For each={orders.items()}>
              {(order) => (
                <tr classList={{ flash: Boolean(orders.changedBy(order.id)) }}>
                  <td>
                    <A href={`/repair-orders/${order.id}`}>{order.number}</A>
                  </td>
                  <td>
                    <Badge tone={REPAIR_ORDER_STATUS_TONES[order.status]}>
                      {REPAIR_ORDER_STATUS_LABELS[order.status]}
                    </Badge>
                  </td>
                  <td>{order.vehiclePlate}</td>
                  <td>{order.technicianName ?? '—'}</td>
                  <td>
                    Ouvert le {formatDate(order.createdAt)}
                    <Show when={order.status !== 'handed_back' && order.promisedAt}>
                      {(promised) => <> · promis le {formatDateTime(promised())}</>}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={orders.hasMore()}>
          <Button onClick={() => void orders.loadMore()} isLoading={orders.isLoadingMore()}>
            Charger plus
          </Button>
        </Show>
      </Show>
    </Suspense>
  );
}
