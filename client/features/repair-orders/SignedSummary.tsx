import { For, Show } from 'solid-js';
import { formatEuros, formatQuantity } from '../../../domain/money';
import {
  FUEL_LEVEL_LABELS,
  isJobAuthorised,
  type RepairOrder,
  type SignatureKind,
} from '../../../domain/schemas/repair-order';
import { formatDateTime, formatKm } from '../../lib/format';

/**
 * What the customer reads before signing: the OR at this version, the check-in for the check-in,
 * the extra work line by line for an amendment, the work authorised and its total.
 */
export function SignedSummary(props: {
  order: RepairOrder;
  kind: SignatureKind;
  amendmentId?: string | undefined;
}) {
  const work = () => props.order.jobs.filter((job) => isJobAuthorised(props.order, job));
  const amendment = () => props.order.amendments.find((each) => each.id === props.amendmentId);
  return (
    <div class="ro-sign-summary" data-testid="ro-sign-summary">
      <p>
        <strong>{props.order.number}</strong> · version {props.order.version} ·{' '}
        {props.order.clientName} · {props.order.vehiclePlate} {props.order.vehicleLabel}
      </p>
      <Show when={props.kind === 'check_in'}>
        <p>
          Kilométrage :{' '}
          {props.order.checkIn.mileageKm === null ? '—' : formatKm(props.order.checkIn.mileageKm)} ·
          carburant :{' '}
          {props.order.checkIn.fuelLevel ? FUEL_LEVEL_LABELS[props.order.checkIn.fuelLevel] : '—'} ·
          dommages : {props.order.checkIn.damage ?? 'aucun noté'}
        </p>
        <p>
          Restitution promise :{' '}
          {props.order.promisedAt ? formatDateTime(props.order.promisedAt) : 'non fixée'}
        </p>
      </Show>
      <Show when={amendment()}>
        {(each) => (
          <div class="ro-sign-amendment" data-testid="ro-sign-amendment">
            <p>
              <strong>Travaux supplémentaires : {formatEuros(each().totalExclVatCents)} HT</strong>
              {each().note ? ` — ${each().note}` : ''}
            </p>
            <ul>
              <For each={props.order.jobs.filter((job) => job.amendmentId === each().id)}>
                {(job) => (
                  <li>
                    {job.title} :{' '}
                    {job.lines
                      .map(
                        (line) =>
                          `${formatQuantity(line.quantity)} ${line.unit} ${line.description} (${formatEuros(line.totalExclVatCents)} HT)`,
                      )
                      .join(' ; ')}
                  </li>
                )}
              </For>
            </ul>
            <p class="muted">Déjà autorisés :</p>
          </div>
        )}
      </Show>
      <ul>
        <For each={work()}>
          {(job) => (
            <li>
              {job.title} — {formatEuros(job.totalExclVatCents)} HT
            </li>
          )}
        </For>
      </ul>
      <p>
        Total autorisé : <strong>{formatEuros(props.order.totals.inclVatCents)} TTC</strong>
      </p>
    </div>
  );
}
