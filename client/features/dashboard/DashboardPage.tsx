import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import { formatCalendarDate, formatTime } from '../../lib/format';
import { useLive } from '../../lib/live';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { ApexChart } from './ApexChart';
import { acceptedPerMonth, alertsByKind, funnel, weeklyQuotes } from './charts';
import { createLiveDashboard } from './dashboard.live';
import { FigureCards } from './FigureCards';
import { MoneyCards } from './MoneyCards';
import './dashboard.css';

/** The live dashboard: figures and charts update in place whenever anyone changes something. */
export default function DashboardPage() {
  const live = useLive();
  const dashboard = createLiveDashboard(live.socket);
  return (
    <div class="page page-wide">
      <header class="page-header">
        <div>
          <h1>Tableau de bord</h1>
          <Show when={dashboard.snapshot()}>
            {(snapshot) => (
              <p class="page-lead">
                Mis à jour à {formatTime(snapshot().generatedAt)} — en direct.
              </p>
            )}
          </Show>
        </div>
      </header>
      <Show when={dashboard.error() && !dashboard.snapshot()}>
        <ErrorMessage error={dashboard.error()} retry={() => void dashboard.refresh()} />
      </Show>
      <Show
        when={dashboard.snapshot()}
        fallback={
          <Show when={!dashboard.error()}>
            <Spinner label="Calcul du tableau de bord…" />
          </Show>
        }
      >
        {(snapshot) => (
          <>
            <Show when={snapshot().money}>{(money) => <MoneyCards money={money()} />}</Show>
            <FigureCards snapshot={snapshot()} />
            <div class="charts">
              <section class="card chart-card">
                <h2>Devis par semaine</h2>
                <ApexChart
                  label="Devis créés par semaine, par statut"
                  {...weeklyQuotes(snapshot())}
                />
              </section>
              <section class="card chart-card">
                <h2>Montant accepté par mois (HT)</h2>
                <ApexChart label="Montant accepté par mois" {...acceptedPerMonth(snapshot())} />
              </section>
              <section class="card chart-card">
                <h2>Alertes actives par type</h2>
                <ApexChart label="Alertes actives par type" {...alertsByKind(snapshot())} />
              </section>
              <section class="card chart-card">
                <h2>Entonnoir des devis (12 semaines)</h2>
                <ApexChart label="Devis créés, envoyés, acceptés" {...funnel(snapshot())} />
              </section>
            </div>
            <section class="card">
              <h2>Devis en attente de réponse</h2>
              <Show
                when={snapshot().quotesAwaiting.length > 0}
                fallback={<p class="muted">Aucun devis en attente.</p>}
              >
                <table class="table">
                  <tbody>
                    <For each={snapshot().quotesAwaiting}>
                      {(quote) => (
                        <tr>
                          <td>
                            <A href={`/quotes/${quote.id}`}>{quote.number}</A>
                          </td>
                          <td>{quote.clientName}</td>
                          <td>{quote.vehiclePlate ?? '—'}</td>
                          <td class="num">{formatEuros(quote.totals.inclVatCents)}</td>
                          <td>valable jusqu’au {formatCalendarDate(quote.validUntil)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </section>
          </>
        )}
      </Show>
    </div>
  );
}
