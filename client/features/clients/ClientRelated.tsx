import { createSignal, Show } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import type { Client } from '../../../domain/schemas/client';
import { Button } from '../../ui/Button';
import { InvoiceList } from '../invoices/InvoiceList';
import { SentMessages } from '../mail/SentMessages';
import { ClientAccount } from '../payments/ClientAccount';
import { NewQuoteDialog } from '../quotes/NewQuoteDialog';
import { QuoteList } from '../quotes/QuoteList';
import { RepairOrderList } from '../repair-orders/RepairOrderList';
import { ClientVehicles } from '../vehicles/ClientVehicles';
import { getClientMessages } from './clients.api';

/** A client's vehicles, quotes, repair orders, account, invoices and e-mails, under the card. */
export function ClientRelated(props: { client: Client; canAdd: boolean }) {
  const [isCreatingQuote, setCreatingQuote] = createSignal(false);
  return (
    <>
      <ClientVehicles
        clientId={props.client.id}
        clientName={getClientDisplayName(props.client)}
        canAdd={props.canAdd}
      />
      <section class="card">
        <div class="section-header">
          <h2>Devis</h2>
          <Show when={props.canAdd}>
            <Button onClick={() => setCreatingQuote(true)}>Nouveau devis</Button>
          </Show>
        </div>
        <QuoteList filters={{ clientId: props.client.id }} empty="Aucun devis pour ce client." />
      </section>
      <section class="card">
        <h2>Ordres de réparation</h2>
        <RepairOrderList
          filters={{ clientId: props.client.id }}
          empty="Aucun ordre de réparation pour ce client."
        />
      </section>
      <ClientAccount clientId={props.client.id} canPay={props.canAdd} />
      <section class="card">
        <h2>Factures</h2>
        <InvoiceList
          filters={{ clientId: props.client.id }}
          empty="Aucune facture pour ce client."
        />
      </section>
      <SentMessages
        query={getClientMessages}
        id={props.client.id}
        empty="Aucun message envoyé à ce client."
      />
      <NewQuoteDialog
        open={isCreatingQuote()}
        onClose={() => setCreatingQuote(false)}
        clientId={props.client.id}
      />
    </>
  );
}
