import { Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import type { Dashboard } from '../../../domain/schemas/dashboard';

const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** The key figures, as large numbers; `wall` makes them readable across the workshop. */
export function FigureCards(props: { snapshot: Dashboard; wall?: boolean }) {
  const f = () => props.snapshot.figures;
  const card = (label: string, value: string, hint?: string, testId?: string) => (
    <div class="figure">
      <span class="figure-value" data-testid={testId}>
        {value}
      </span>
      <span class="figure-label">{label}</span>
      <Show when={hint}>
        <span class="figure-hint">{hint}</span>
      </Show>
    </div>
  );
  return (
    <div class={`figures ${props.wall ? 'figures-wall' : ''}`}>
      {card(
        'Devis envoyés ce mois',
        String(f().quotesSentThisMonth),
        undefined,
        'figure-sent-month',
      )}
      {card(
        'Accepté ce mois (HT)',
        formatEuros(f().acceptedValueThisMonthCents),
        undefined,
        'figure-accepted-month',
      )}
      {card(
        'Taux d’acceptation (30 j)',
        f().acceptanceRate30d === null ? '—' : PERCENT.format(f().acceptanceRate30d!),
        undefined,
        'figure-rate',
      )}
      {card(
        'Devis en attente',
        String(f().openQuotes.count),
        `${formatEuros(f().openQuotes.valueCents)} HT`,
        'figure-open',
      )}
      {card(
        'Expirent cette semaine',
        String(f().quotesExpiringThisWeek),
        undefined,
        'figure-expiring',
      )}
      {card(
        'Alertes en retard / urgentes',
        `${f().openAlerts.overdue} / ${f().openAlerts.urgent}`,
        `${f().openAlerts.soon} bientôt`,
        'figure-alerts',
      )}
      {card('CT à faire sous 30 j', String(f().ctDueNext30Days), undefined, 'figure-ct')}
      {card('Activité aujourd’hui', String(f().activityToday), 'modifications', 'figure-activity')}
    </div>
  );
}
