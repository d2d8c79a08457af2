import { createSignal, For, Show } from 'solid-js';
import type { TillSession } from '../../../domain/schemas/payment';
import { formatDateTime, formatEuros, formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { CashMovementDialog } from './CashMovementDialog';
import { TillCountDialog } from './TillCountDialog';

/** The open session: what the drawer should hold and why, its movements, and its actions. */
export function TillSessionView(props: {
  session: TillSession;
  onClosed: (session: TillSession) => void;
}) {
  const [moving, setMoving] = createSignal<'in' | 'out' | null>(null);
  const [isCounting, setCounting] = createSignal(false);
  const session = () => props.session;
  return (
    <>
      <section class="card till-session" aria-labelledby="till-title">
        <div class="section-header">
          <h2 id="till-title">Caisse ouverte</h2>
          <div class="till-actions">
            <Button onClick={() => setMoving('in')}>Entrée d’espèces</Button>
            <Button onClick={() => setMoving('out')}>Sortie d’espèces</Button>
            <Button variant="primary" onClick={() => setCounting(true)}>
              Compter et fermer
            </Button>
          </div>
        </div>
        <p class="muted">
          Ouverte le {formatDateTime(session().openedAt)}
          {session().openedByName ? ` par ${session().openedByName}` : ''}.
        </p>
        <dl class="payments-figures till-figures">
          <div>
            <dt>Fond de caisse</dt>
            <dd>{formatEuros(session().openingFloatCents)}</dd>
          </div>
          <div>
            <dt>Espèces encaissées</dt>
            <dd data-testid="till-cash">{formatEuros(session().cashPaymentsCents)}</dd>
          </div>
          <div>
            <dt>Entrées et sorties</dt>
            <dd>{formatEuros(session().movementsCents)}</dd>
          </div>
          <div class="till-expected">
            <dt>Attendu en caisse</dt>
            <dd data-testid="till-expected">{formatEuros(session().expectedCents)}</dd>
          </div>
        </dl>
      </section>
      <section class="card" aria-labelledby="till-movements-title">
        <h2 id="till-movements-title">Entrées et sorties d’espèces</h2>
        <Show
          when={session().movements.length > 0}
          fallback={<p class="muted">Aucun mouvement depuis l’ouverture.</p>}
        >
          <Table label="Mouvements de caisse" class="till-movements">
            <thead>
              <tr>
                <th>Heure</th>
                <th>Mouvement</th>
                <th>Motif</th>
                <th class="num">Montant</th>
                <th class="hide-narrow">Par</th>
              </tr>
            </thead>
            <tbody>
              <For each={session().movements}>
                {(movement) => (
                  <tr classList={{ 'payment-refund': movement.amountCents < 0 }}>
                    <td>{formatTime(movement.at)}</td>
                    <td>{movement.amountCents < 0 ? 'Sortie' : 'Entrée'}</td>
                    <td>{movement.reason}</td>
                    <td class="num">{formatEuros(movement.amountCents)}</td>
                    <td class="hide-narrow">{movement.byName ?? '—'}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </Table>
        </Show>
      </section>
      <CashMovementDialog direction={moving()} onClose={() => setMoving(null)} />
      <TillCountDialog
        open={isCounting()}
        expectedCents={session().expectedCents}
        onClose={() => setCounting(false)}
        onClosed={props.onClosed}
      />
    </>
  );
}
