import { createSignal, For, Show } from 'solid-js';
import { formatVatRate } from '../../../domain/quote/vat';
import { CLOSURE_LEVEL_LABELS, type Closure } from '../../../domain/schemas/journal';
import { PAYMENT_METHOD_LABELS } from '../../../domain/schemas/payment';
import { formatDateTime, formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge, EmptyState } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import { ClosureDetail } from './ClosureDetail';
import { describePeriodShort } from './closure-view';

const LEVEL_TONES = { day: 'neutral', month: 'info', year: 'success' } as const;

/** The closures, the latest first; each row opens on its totals in full. */
export function ClosuresTable(props: {
  closures: readonly Closure[];
  changedBy: (id: string) => string | undefined;
}) {
  const [openIds, setOpenIds] = createSignal<ReadonlySet<string>>(new Set());
  const isOpen = (id: string) => openIds().has(id);
  const toggle = (id: string) =>
    setOpenIds((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Show
      when={props.closures.length > 0}
      fallback={<EmptyState title="Aucune clôture pour l’instant." />}
    >
      <Table label="Clôtures" class="journal-closures">
        <thead>
          <tr>
            <th scope="col">Période</th>
            <th scope="col" class="num">
              Écritures
            </th>
            <th scope="col" class="num">
              Ventes TTC
            </th>
            <th scope="col">TVA par taux</th>
            <th scope="col">Encaissements</th>
            <th scope="col" class="num hide-narrow">
              Cumul perpétuel TTC
            </th>
            <th scope="col">Clôturée</th>
            <th scope="col">
              <span class="visually-hidden">Détail</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.closures}>
            {(closure) => (
              <>
                <tr data-closure-id={closure.id}>
                  <td>
                    <Badge tone={LEVEL_TONES[closure.level]}>
                      {CLOSURE_LEVEL_LABELS[closure.level]}
                    </Badge>{' '}
                    {describePeriodShort(closure.level, closure.periodStart)}
                    <Show when={props.changedBy(closure.id)}>
                      {(name) => <span class="row-hint">clôturée par {name()}</span>}
                    </Show>
                  </td>
                  <td class="num">{closure.totals.entryCount}</td>
                  <td class="num">{formatEuros(closure.totals.totalInclVatCents)}</td>
                  <td>
                    <ul class="journal-cell-list">
                      <For each={closure.totals.vat} fallback={<li class="muted">—</li>}>
                        {(line) => (
                          <li>
                            {formatVatRate(line.vatRateBp)} : {formatEuros(line.vatCents)}
                          </li>
                        )}
                      </For>
                    </ul>
                  </td>
                  <td>
                    <ul class="journal-cell-list">
                      <For each={closure.totals.payments} fallback={<li class="muted">—</li>}>
                        {(line) => (
                          <li>
                            {PAYMENT_METHOD_LABELS[line.method]} : {formatEuros(line.amountCents)}
                          </li>
                        )}
                      </For>
                    </ul>
                  </td>
                  <td class="num hide-narrow">
                    {formatEuros(closure.perpetual.totalInclVatCents)}
                  </td>
                  <td class="journal-closed-at">
                    {formatDateTime(closure.closedAt)}
                    <span class="journal-by">par {closure.closedByName ?? '—'}</span>
                  </td>
                  <td>
                    <Button
                      variant="ghost"
                      class="btn-small"
                      aria-expanded={isOpen(closure.id)}
                      aria-controls={`closure-detail-${closure.id}`}
                      onClick={() => toggle(closure.id)}
                    >
                      {isOpen(closure.id) ? 'Masquer' : 'Détail'}
                    </Button>
                  </td>
                </tr>
                <Show when={isOpen(closure.id)}>
                  <tr class="journal-detail-row" id={`closure-detail-${closure.id}`}>
                    <td colSpan={8}>
                      <ClosureDetail closure={closure} />
                    </td>
                  </tr>
                </Show>
              </>
            )}
          </For>
        </tbody>
      </Table>
    </Show>
  );
}
