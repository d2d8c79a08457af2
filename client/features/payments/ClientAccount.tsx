import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import type { ClientBalance } from '../../../domain/schemas/payment';
import { formatCalendarDate, formatEuros } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { Button } from '../../ui/Button';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import { ClientPayments } from './ClientPayments';
import { CreditDialog } from './CreditDialog';
import { PaymentDialog } from './PaymentDialog';
import { getClientBalance } from './payments.api';
import { createReads } from './payments.live';
import './payments.css';

/**
 * « Compte client »: the open invoices with what each still asks, what is overdue, the credit;
 * « Encaisser » takes one payment over the invoices ticked (all, unless unticked), the oldest
 * first; « Utiliser le crédit » puts the client's credit on them (CreditDialog). Live: a payment
 * taken at another counter updates it.
 */
export function ClientAccount(props: { clientId: string; canPay: boolean }) {
  const [reads, readAgain] = createReads();
  const account = createAsync(() => {
    reads();
    return getClientBalance(props.clientId);
  });
  // This client's payments and refunds, its invoices issued or credited.
  useChanges('payment', (change) => {
    if (change.data.clientId === props.clientId) readAgain();
  });
  useChanges('invoice', (change) => {
    if (change.data.buyer.clientId === props.clientId) readAgain();
  });
  return (
    <section class="card client-account" aria-labelledby="client-account-title">
      <ErrorBoundary
        fallback={(error, reset) => (
          <ErrorMessage
            error={error}
            retry={() => {
              void revalidate(getClientBalance.keyFor(props.clientId));
              reset();
            }}
          />
        )}
      >
        <Suspense fallback={<Spinner label="Chargement du compte client…" />}>
          <Show when={account()}>
            {(balance) => <AccountBody balance={balance()} canPay={props.canPay} />}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

function AccountBody(props: { balance: ClientBalance; canPay: boolean }) {
  // Unticked rather than ticked: an invoice issued while the page is open comes in ticked.
  const [unticked, setUnticked] = createSignal<ReadonlySet<string>>(new Set());
  const [isPaying, setPaying] = createSignal(false);
  const [isUsingCredit, setUsingCredit] = createSignal(false);
  const canUseCredit = () =>
    props.canPay && props.balance.creditCents > 0 && props.balance.invoices.length > 0;
  const ticked = () =>
    props.balance.invoices.filter((invoice) => !unticked().has(invoice.invoiceId));
  function toggle(id: string, isTicked: boolean) {
    const next = new Set(unticked());
    if (isTicked) next.delete(id);
    else next.add(id);
    setUnticked(next);
  }
  return (
    <>
      <div class="section-header">
        <h2 id="client-account-title">Compte client</h2>
        <div class="header-actions">
          <Show when={canUseCredit()}>
            <Button onClick={() => setUsingCredit(true)}>Utiliser le crédit</Button>
          </Show>
          <Show when={props.canPay}>
            <Button variant="primary" onClick={() => setPaying(true)}>
              Encaisser
              <Show when={ticked().length > 0}>
                {' '}
                ({ticked().length} facture{ticked().length > 1 ? 's' : ''})
              </Show>
            </Button>
          </Show>
        </div>
      </div>
      <dl class="payments-figures account-figures">
        <div class="payments-due">
          <dt>Reste dû</dt>
          <dd data-testid="client-balance">{formatEuros(props.balance.balanceDueCents)}</dd>
        </div>
        <div>
          <dt>Dont en retard</dt>
          <dd classList={{ 'till-difference-negative': props.balance.overdueCents > 0 }}>
            {formatEuros(props.balance.overdueCents)}
          </dd>
        </div>
        <div>
          <dt>Crédit du client</dt>
          <dd data-testid="client-credit">{formatEuros(props.balance.creditCents)}</dd>
        </div>
      </dl>
      <Show
        when={props.balance.invoices.length > 0}
        fallback={<p class="muted">Aucune facture en attente de règlement.</p>}
      >
        <Table label="Factures à régler" class="account-invoices">
          <thead>
            <tr>
              <th>
                <span class="visually-hidden">À encaisser</span>
              </th>
              <th>Facture</th>
              <th>Émise le</th>
              <th>Échéance</th>
              <th class="num">Reste dû</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.balance.invoices}>
              {(invoice) => (
                <tr data-invoice-id={invoice.invoiceId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Encaisser ${invoice.number}`}
                      checked={!unticked().has(invoice.invoiceId)}
                      onChange={(event) => toggle(invoice.invoiceId, event.currentTarget.checked)}
                    />
                  </td>
                  <td>
                    <A href={`/invoices/${invoice.invoiceId}`}>{invoice.number}</A>
                  </td>
                  <td>{formatCalendarDate(invoice.issueDate)}</td>
                  <td>
                    {formatCalendarDate(invoice.dueDate)}{' '}
                    <Show when={invoice.isOverdue}>
                      <Badge tone="danger">En retard</Badge>
                    </Show>
                  </td>
                  <td class="num">{formatEuros(invoice.balanceCents)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </Table>
      </Show>
      <ClientPayments clientId={props.balance.clientId} canRefund={props.canPay} />
      <PaymentDialog
        open={isPaying()}
        onClose={() => setPaying(false)}
        clientId={props.balance.clientId}
        invoices={ticked()}
      />
      <CreditDialog
        open={isUsingCredit()}
        onClose={() => setUsingCredit(false)}
        clientId={props.balance.clientId}
        creditCents={props.balance.creditCents}
        invoices={props.balance.invoices}
      />
    </>
  );
}
