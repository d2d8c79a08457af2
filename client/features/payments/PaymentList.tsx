import { For, Show } from 'solid-js';
import { PAYMENT_METHOD_LABELS, type Payment } from '../../../domain/schemas/payment';
import { formatCalendarDate, formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { amountOnInvoice, describeAllocations, refundableCents } from './payment-values';

/**
 * Payments and refunds, newest first, refunds negative. On an invoice (`invoiceId`): the part
 * that went to it, and the whole when the payment covered more; on a client: the whole, and
 * where it went (its invoices, its credit).
 */
export function PaymentList(props: {
  invoiceId?: string;
  payments: readonly Payment[];
  canRefund: boolean;
  onRefund: (payment: Payment, refundable: number) => void;
}) {
  return (
    <Show
      when={props.payments.length > 0}
      fallback={<p class="muted">Aucun règlement pour l’instant.</p>}
    >
      <Table label="Règlements" class="payment-list">
        <thead>
          <tr>
            <th>Date</th>
            <th>Moyen</th>
            <th>Référence</th>
            <Show when={!props.invoiceId}>
              <th>Affecté à</th>
            </Show>
            <th class="num">Montant</th>
            <Show when={props.invoiceId}>
              <th class="hide-narrow">Par</th>
            </Show>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={props.payments}>
            {(payment) => {
              const onInvoice = () =>
                props.invoiceId ? amountOnInvoice(payment, props.invoiceId) : payment.amountCents;
              const refundable = () => refundableCents(payment, props.payments);
              return (
                <tr
                  data-payment-id={payment.id}
                  classList={{ 'payment-refund': payment.kind === 'refund' }}
                >
                  <td>{formatCalendarDate(payment.receivedOn)}</td>
                  <td>
                    {payment.kind === 'refund' ? 'Remboursement · ' : ''}
                    {PAYMENT_METHOD_LABELS[payment.method]}
                  </td>
                  <td>
                    {payment.reference ?? '—'}
                    <Show when={payment.note}>
                      {(note) => <span class="cell-detail">{note()}</span>}
                    </Show>
                  </td>
                  <Show when={!props.invoiceId}>
                    <td class="nowrap">{describeAllocations(payment)}</td>
                  </Show>
                  <td class="num">
                    {formatEuros(onInvoice())}
                    <Show when={onInvoice() !== payment.amountCents}>
                      <span class="muted payment-whole">
                        {' '}
                        sur {formatEuros(payment.amountCents)}
                      </span>
                    </Show>
                  </td>
                  <Show when={props.invoiceId}>
                    <td class="hide-narrow">{payment.createdByName ?? '—'}</td>
                  </Show>
                  <td>
                    <div class="row-actions">
                      <Show
                        when={props.canRefund && payment.kind === 'payment' && refundable() > 0}
                      >
                        <Button
                          class="btn-small"
                          variant="ghost"
                          onClick={() => props.onRefund(payment, refundable())}
                        >
                          Rembourser
                        </Button>
                      </Show>
                    </div>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </Table>
    </Show>
  );
}
