import { createAsync } from '@solidjs/router';
import { createSignal, Show, Suspense } from 'solid-js';
import type { Payment } from '../../../domain/schemas/payment';
import { useChanges } from '../../lib/live';
import { Spinner } from '../../ui/Feedback';
import { PaymentList } from './PaymentList';
import { getClientPayments } from './payments.api';
import { createReads } from './payments.live';
import { RefundDialog } from './RefundDialog';

/**
 * A client's payments and refunds, under the account: where each went, and « Rembourser »
 * (the credit left by a payment is given back from here). Live on this client's payments.
 */
export function ClientPayments(props: { clientId: string; canRefund: boolean }) {
  const [reads, readAgain] = createReads();
  useChanges('payment', (change) => {
    if (change.data.clientId === props.clientId) readAgain();
  });
  const payments = createAsync(() => {
    reads();
    return getClientPayments(props.clientId);
  });
  const [refunding, setRefunding] = createSignal<{ payment: Payment; cents: number } | null>(null);
  return (
    <>
      <h3 class="client-payments-title">Règlements</h3>
      <Suspense fallback={<Spinner label="Chargement des règlements…" />}>
        <Show when={payments()}>
          {(list) => (
            <PaymentList
              payments={list()}
              canRefund={props.canRefund}
              onRefund={(payment, cents) => setRefunding({ payment, cents })}
            />
          )}
        </Show>
      </Suspense>
      <RefundDialog
        payment={refunding()?.payment ?? null}
        refundableCents={refunding()?.cents ?? 0}
        onClose={() => setRefunding(null)}
      />
    </>
  );
}
