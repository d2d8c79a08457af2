import { formatEuros } from '../../../domain/money';
import type { DashboardMoney } from '../../../domain/schemas/dashboard';

/**
 * The counter's money, TTC: what clients owe, how much of it is late, today's takings and
 * today's invoicing. Only a counter snapshot carries it (the wall's has `money: null`).
 */
export function MoneyCards(props: { money: DashboardMoney }) {
  const m = () => props.money;
  const card = (label: string, cents: number, testId: string, hint?: string) => (
    <div class="figure">
      <span class="figure-value" data-testid={testId}>
        {formatEuros(cents)}
      </span>
      <span class="figure-label">{label}</span>
      {hint ? <span class="figure-hint">{hint}</span> : null}
    </div>
  );
  return (
    <section class="figures dashboard-money" aria-label="Encaissements et encours">
      {card('Encours clients', m().outstandingCents, 'money-outstanding', 'factures émises, TTC')}
      {card('Dont en retard', m().overdueCents, 'money-overdue', 'échéance dépassée')}
      {card(
        'Encaissé aujourd’hui',
        m().collectedTodayCents,
        'money-collected',
        `dont ${formatEuros(m().collectedTodayCashCents)} en espèces`,
      )}
      {card('Facturé aujourd’hui', m().invoicedTodayCents, 'money-invoiced', 'TTC, avoirs déduits')}
    </section>
  );
}
