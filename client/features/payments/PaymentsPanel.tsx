import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, Show, Suspense } from 'solid-js';
import type { Invoice } from '../../../domain/schemas/invoice';
import type { Payment } from '../../../domain/schemas/payment';
import { formatCalendarDate, formatEuros } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { Button } from '../../ui/Button';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { PaymentDialog } from './PaymentDialog';
import { PaymentList } from './PaymentList';
import { getInvoiceBalance, getInvoicePayments } from './payments.api';
import { createReads } from './payments.live';
import { RefundDialog } from './RefundDialog';
import './payments.css';

/**
 * « Règlements » on an issued invoice: what is left due, paid and credited, the payments and
 * refunds, « Encaisser » and « Rembourser »; live, so another counter's payment shows here.
 */
export function PaymentsPanel(props: { invoice: Invoice }) {
  const id = () => props.invoice.id;
  const [reads, readAgain] = createReads();
  const balance = createAsync(() => {
    reads();
    return getInvoiceBalance(id());
  });
  const payments = createAsync(() => {
    reads();
    return getInvoicePayments(id());
  });
  // A payment or refund on this invoice; any refund of this client's (it may be of a payment
  // listed here, whose refundable amount it changes); a credit note on this invoice.
  useChanges('payment', (change) => {
    const isOnInvoice = change.data.allocations.some((line) => line.invoiceId === id());
    const isClientRefund =
      change.data.kind === 'refund' && change.data.clientId === props.invoice.buyer.clientId;
    if (isOnInvoice || isClientRefund) readAgain();
  });
  useChanges('invoice', (change) => {
    if (change.id === id() || change.data.corrects?.invoiceId === id()) readAgain();
  });
  const [isPaying, setPaying] = createSignal(false);
  const [refunding, setRefunding] = createSignal<{ payment: Payment; cents: number } | null>(null);

  return (
    <section class="card payments-panel" aria-labelledby="payments-title">
      <ErrorBoundary
        fallback={(error, reset) => (
          <ErrorMessage
            error={error}
            retry={() => {
              void revalidate([getInvoiceBalance.keyFor(id()), getInvoicePayments.keyFor(id())]);
              reset();
            }}
          />
        )}
      >
        <Suspense fallback={<Spinner label="Chargement des règlements…" />}>
          <Show when={balance()}>
            {(due) => (
              <>
                <div class="section-header">
                  <h2 id="payments-title">Règlements</h2>
                  <Button
                    variant="primary"
                    disabled={due().balanceCents <= 0}
                    title={due().balanceCents <= 0 ? 'Facture soldée' : undefined}
                    onClick={() => setPaying(true)}
                  >
                    Encaisser
                  </Button>
                </div>
                <dl class="payments-figures">
                  <div class="payments-due">
                    <dt>Reste dû</dt>
                    <dd data-testid="invoice-balance">{formatEuros(due().balanceCents)}</dd>
                    <Show when={due().isOverdue}>
                      <Badge tone="danger">
                        En retard (échéance {formatCalendarDate(due().dueDate)})
                      </Badge>
                    </Show>
                    <Show when={due().balanceCents <= 0}>
                      <Badge tone="success">Soldée</Badge>
                    </Show>
                  </div>
                  <div>
                    <dt>Réglé</dt>
                    <dd data-testid="invoice-paid">{formatEuros(due().paidCents)}</dd>
                  </div>
                  <div>
                    <dt>Avoirs</dt>
                    <dd>{formatEuros(due().creditedCents)}</dd>
                  </div>
                  <div>
                    <dt>Total dû</dt>
                    <dd>{formatEuros(due().duePayableCents)}</dd>
                  </div>
                </dl>
                <PaymentList
                  invoiceId={id()}
                  payments={payments() ?? []}
                  canRefund
                  onRefund={(payment, cents) => setRefunding({ payment, cents })}
                />
                <PaymentDialog
                  open={isPaying()}
                  onClose={() => setPaying(false)}
                  clientId={props.invoice.buyer.clientId}
                  invoices={[due()]}
                />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
      <RefundDialog
        payment={refunding()?.payment ?? null}
        refundableCents={refunding()?.cents ?? 0}
        onClose={() => setRefunding(null)}
      />
    </section>
  );
}
