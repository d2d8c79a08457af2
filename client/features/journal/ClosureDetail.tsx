import { For, Show } from 'solid-js';
import { formatVatRate } from '../../../domain/quote/vat';
import type { Closure } from '../../../domain/schemas/journal';
import { PAYMENT_METHOD_LABELS } from '../../../domain/schemas/payment';
import { formatEuros } from '../../lib/format';

/** A closure's totals in full: sales per VAT rate, payments per method, the perpetual totals. */
export function ClosureDetail(props: { closure: Closure }) {
  const totals = () => props.closure.totals;
  return (
    <div class="journal-closure-detail">
      <section>
        <h4>Ventes</h4>
        <table class="table journal-mini-table">
          <thead>
            <tr>
              <th scope="col">Taux</th>
              <th scope="col" class="num">
                Base HT
              </th>
              <th scope="col" class="num">
                TVA
              </th>
            </tr>
          </thead>
          <tbody>
            <For
              each={totals().vat}
              fallback={
                <tr>
                  <td colSpan={3} class="muted">
                    Aucune vente.
                  </td>
                </tr>
              }
            >
              {(line) => (
                <tr>
                  <td>{formatVatRate(line.vatRateBp)}</td>
                  <td class="num">{formatEuros(line.baseCents)}</td>
                  <td class="num">{formatEuros(line.vatCents)}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="num">{formatEuros(totals().totalExclVatCents)}</td>
              <td class="num">{formatEuros(totals().totalVatCents)}</td>
            </tr>
          </tfoot>
        </table>
        <p class="muted">
          {totals().invoiceCount} facture{totals().invoiceCount > 1 ? 's' : ''},{' '}
          {totals().creditNoteCount} avoir{totals().creditNoteCount > 1 ? 's' : ''} · TTC{' '}
          <strong>{formatEuros(totals().totalInclVatCents)}</strong>
        </p>
      </section>
      <section>
        <h4>Encaissements</h4>
        <table class="table journal-mini-table">
          <tbody>
            <For
              each={totals().payments}
              fallback={
                <tr>
                  <td colSpan={2} class="muted">
                    Aucun encaissement.
                  </td>
                </tr>
              }
            >
              {(line) => (
                <tr>
                  <td>{PAYMENT_METHOD_LABELS[line.method]}</td>
                  <td class="num">{formatEuros(line.amountCents)}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="num">{formatEuros(totals().paymentsTotalCents)}</td>
            </tr>
          </tfoot>
        </table>
        <Show when={totals().depositsInclVatCents !== 0}>
          <p class="muted">
            Acomptes facturés (avances, hors ventes) : {formatEuros(totals().depositsInclVatCents)}
          </p>
        </Show>
        <Show when={totals().cashMovementsCents !== 0}>
          <p class="muted">Mouvements de caisse : {formatEuros(totals().cashMovementsCents)}</p>
        </Show>
      </section>
      <section>
        <h4>Totaux perpétuels</h4>
        <dl class="journal-facts">
          <dt>Ventes TTC cumulées</dt>
          <dd>{formatEuros(props.closure.perpetual.totalInclVatCents)}</dd>
          <dt>Cumul absolu TTC</dt>
          <dd>{formatEuros(props.closure.perpetual.absoluteInclVatCents)}</dd>
          <dt>Encaissements cumulés</dt>
          <dd>{formatEuros(props.closure.perpetual.paymentsTotalCents)}</dd>
          <dt>Écritures totalisées</dt>
          <dd>{totals().entryCount}</dd>
          <dt>Écriture de la clôture</dt>
          <dd>n° {props.closure.journalSeq}</dd>
        </dl>
      </section>
    </div>
  );
}
