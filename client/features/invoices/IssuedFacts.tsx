import { For } from 'solid-js';
import type { Invoice } from '../../../domain/schemas/invoice';
import { formatCalendarDate } from '../../lib/format';

/** An issued invoice's dates and payment, as printed. */
export function IssuedFacts(props: { invoice: Invoice }) {
  const rows = () =>
    [
      [
        'Date de la prestation',
        props.invoice.serviceDate && formatCalendarDate(props.invoice.serviceDate),
      ],
      [
        'Échéance',
        props.invoice.payment.dueDate && formatCalendarDate(props.invoice.payment.dueDate),
      ],
      ['Escompte', props.invoice.payment.earlyPaymentDiscount ?? 'Pas d’escompte'],
      ['Conditions de paiement', props.invoice.payment.terms],
      [
        'Pénalités de retard',
        props.invoice.payment.latePenaltyRateBp === null
          ? null
          : `${(props.invoice.payment.latePenaltyRateBp / 100).toLocaleString('fr-FR')} % par an`,
      ],
      ['Note', props.invoice.note],
    ].filter((row): row is [string, string] => Boolean(row[1]));
  return (
    <section class="card">
      <dl class="invoice-facts">
        <For each={rows()}>
          {([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
