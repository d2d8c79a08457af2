import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { ComplianceIssue } from '../../../domain/quote/compliance';
import type { QuoteTotals } from '../../../domain/quote/totals';
import { QUOTE_STATUS_LABELS, type Quote } from '../../../domain/schemas/quote';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { AcceptedAmount } from './AcceptedAmount';
import { QuoteMessages } from './QuoteMessages';
import type { QuoteDraft } from './quote-draft';
import { TotalsPanel } from './TotalsPanel';

/** Beside the lines: the live totals, what was accepted, the quote's fields, what is missing. */
export function QuoteSidePanel(props: {
  quote: Quote;
  draft: QuoteDraft;
  setDraft: SetStoreFunction<QuoteDraft>;
  totals: QuoteTotals;
  compliance: ComplianceIssue[];
  errors: Record<string, string>;
  isEditable: boolean;
  isDirty: boolean;
  isSaving: boolean;
  hasConflict: boolean;
  onSave: () => void;
}) {
  return (
    <aside class="editor-side">
      <TotalsPanel totals={props.totals} vatExempt={props.quote.vatExempt} />
      <Show when={props.quote.acceptedTotals}>
        {(accepted) => (
          <AcceptedAmount
            accepted={accepted()}
            isPartial={props.quote.status === 'partially_accepted'}
            vatExempt={props.quote.vatExempt}
          />
        )}
      </Show>
      <section class="card quote-meta">
        <Field
          label="Valable jusqu’au"
          for="quote-valid-until"
          error={props.errors['fields.validUntil']}
        >
          <input
            id="quote-valid-until"
            type="date"
            value={props.draft.fields.validUntil}
            disabled={!props.isEditable}
            onInput={(event) => props.setDraft('fields', 'validUntil', event.currentTarget.value)}
          />
        </Field>
        <Field
          label="Kilométrage au devis"
          for="quote-mileage"
          error={props.errors['fields.mileageKm']}
        >
          <input
            id="quote-mileage"
            inputMode="numeric"
            value={props.draft.fields.mileageKm}
            disabled={!props.isEditable || !props.quote.vehicleId}
            onInput={(event) => props.setDraft('fields', 'mileageKm', event.currentTarget.value)}
          />
        </Field>
        <Field label="Notes" for="quote-notes">
          <textarea
            id="quote-notes"
            rows={3}
            value={props.draft.fields.notes}
            disabled={!props.isEditable}
            onInput={(event) => props.setDraft('fields', 'notes', event.currentTarget.value)}
          />
        </Field>
        <Show when={props.isEditable}>
          <Button
            variant="primary"
            class="btn-block"
            isLoading={props.isSaving}
            disabled={!props.isDirty || props.hasConflict}
            title={props.hasConflict ? 'Choisissez d’abord entre les deux versions.' : undefined}
            onClick={() => props.onSave()}
          >
            {props.isDirty ? 'Enregistrer' : 'Enregistré'}
          </Button>
        </Show>
        <Show when={props.quote.status !== 'draft'}>
          <p class="muted">Valable jusqu’au {formatCalendarDate(props.quote.validUntil)}.</p>
        </Show>
      </section>
      <Show when={props.quote.status === 'draft'}>
        <section class="card compliance" aria-label="Mentions obligatoires">
          <h2>Mentions obligatoires</h2>
          <Show
            when={props.compliance.length > 0}
            fallback={<p class="ok">Tout y est : le devis peut être envoyé.</p>}
          >
            <p>Il manque avant l’envoi :</p>
            <ul>
              <For each={props.compliance}>
                {(issue) => (
                  <li>
                    {issue.message}
                    <Show when={issue.where === 'settings'}>
                      {' '}
                      <span class="muted">(paramètres du garage)</span>
                    </Show>
                    <Show when={issue.where === 'client'}>
                      {' '}
                      <A href={`/clients/${props.quote.clientId}`}>(fiche client)</A>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Show>
      <Show when={props.quote.decision}>
        {(decision) => (
          <section class="card">
            <h2>Décision du client</h2>
            <p>
              {QUOTE_STATUS_LABELS[props.quote.status]} le {formatDateTime(decision().decidedAt)}
              <Show when={decision().signerName}> — signé par {decision().signerName}</Show>
              <Show when={decision().reason}> — motif : {decision().reason}</Show>
            </p>
          </section>
        )}
      </Show>
      <Show when={props.quote.status !== 'draft'}>
        <QuoteMessages quoteId={props.quote.id} />
      </Show>
    </aside>
  );
}
