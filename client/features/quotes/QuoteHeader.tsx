import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { QUOTE_STATUS_LABELS, type Quote } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { Badge } from '../../ui/Feedback';
import { QuoteActions } from './QuoteActions';
import { STATUS_TONES } from './QuoteList';
import { QuotePdfActions } from './QuotePdfActions';

/** The quote's number, status, client and vehicle, earlier revisions, PDF and status actions. */
export function QuoteHeader(props: {
  quote: Quote;
  settings: Settings;
  isDirty: boolean;
  canSend: boolean;
  onChanged: (quote: Quote) => void;
  onError: (message: string) => void;
}) {
  const session = useSession();
  const revisions = () => Array.from({ length: props.quote.revision - 1 }, (_, i) => i + 1);
  return (
    <header class="page-header">
      <div>
        <p class="breadcrumb">
          <A href="/quotes">Devis</A>
        </p>
        <h1>
          {props.quote.number ?? 'Devis brouillon'}
          <Show when={props.quote.revision > 1}>
            <span class="revision"> · révision {props.quote.revision}</span>
          </Show>{' '}
          <Badge tone={STATUS_TONES[props.quote.status]}>
            {QUOTE_STATUS_LABELS[props.quote.status]}
          </Badge>
        </h1>
        <p class="page-lead">
          <A href={`/clients/${props.quote.clientId}`}>{props.quote.clientName}</A>
          <Show when={props.quote.vehicleId}>
            {' · '}
            <A href={`/vehicles/${props.quote.vehicleId}`}>{props.quote.vehiclePlate}</A>
          </Show>
          {' · '}créé le {formatDateTime(props.quote.createdAt)}
          <Show when={props.quote.createdBy}> par {props.quote.createdBy!.name}</Show>
          <Show when={props.quote.revision > 1}>
            {' · '}révisions précédentes :{' '}
            <For each={revisions()}>
              {(revision) => (
                <A href={`/quotes/${props.quote.id}/revisions/${revision}`} class="revision-link">
                  v{revision}
                </A>
              )}
            </For>
          </Show>
        </p>
      </div>
      <div class="header-actions">
        <QuotePdfActions quote={props.quote} settings={props.settings} isDirty={props.isDirty} />
      </div>
      <Show when={canWrite(session.user()?.role)}>
        <QuoteActions
          quote={props.quote}
          settings={props.settings}
          isDirty={props.isDirty}
          canSend={props.canSend}
          onChanged={props.onChanged}
          onError={props.onError}
        />
      </Show>
    </header>
  );
}
