import { For } from 'solid-js';
import { formatDateFr } from '../../../domain/dates';
import { formatVatRate } from '../../../domain/quote/vat';
import { PAYMENT_METHOD_LABELS } from '../../../domain/schemas/payment';
import { formatEuros } from '../../lib/format';
import { EmptyState } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import type { B2cRow, B2cTable } from './b2c-summary';

/** Per day: the base and VAT of each rate, the total, the payments per method; totals below. */
export function B2cSummaryTable(props: { table: B2cTable }) {
  const cells = (row: B2cRow) => (
    <>
      <td class="num">{row.invoiceCount}</td>
      <td class="num">{row.creditNoteCount}</td>
      <For each={props.table.rates}>
        {(rate) => (
          <>
            <td class="num">{formatEuros(row.byRate[rate]?.baseCents ?? 0)}</td>
            <td class="num">{formatEuros(row.byRate[rate]?.vatCents ?? 0)}</td>
          </>
        )}
      </For>
      <td class="num">{formatEuros(row.totalInclVatCents)}</td>
      <For each={props.table.methods}>
        {(method) => <td class="num">{formatEuros(row.byMethod[method] ?? 0)}</td>}
      </For>
      <td class="num">{formatEuros(row.paymentsTotalCents)}</td>
    </>
  );
  return (
    <Table label="Synthèse B2C" class="journal-b2c-table">
      <thead>
        <tr>
          <th scope="col">Jour</th>
          <th scope="col" class="num">
            Factures
          </th>
          <th scope="col" class="num">
            Avoirs
          </th>
          <For each={props.table.rates}>
            {(rate) => (
              <>
                <th scope="col" class="num">
                  Base HT {formatVatRate(rate)}
                </th>
                <th scope="col" class="num">
                  TVA {formatVatRate(rate)}
                </th>
              </>
            )}
          </For>
          <th scope="col" class="num">
            Total TTC
          </th>
          <For each={props.table.methods}>
            {(method) => (
              <th scope="col" class="num">
                {PAYMENT_METHOD_LABELS[method]}
              </th>
            )}
          </For>
          <th scope="col" class="num">
            Encaissé
          </th>
        </tr>
      </thead>
      <tbody>
        <For
          each={props.table.rows}
          fallback={
            <tr>
              <td colSpan={4}>
                <EmptyState title="Aucune vente à un particulier sur la période." />
              </td>
            </tr>
          }
        >
          {(row) => (
            <tr>
              <th scope="row">{row.day ? formatDateFr(row.day) : ''}</th>
              {cells(row)}
            </tr>
          )}
        </For>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {cells(props.table.total)}
        </tr>
      </tfoot>
    </Table>
  );
}
