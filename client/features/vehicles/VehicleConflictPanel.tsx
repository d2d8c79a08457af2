import { For, Show } from 'solid-js';
import { FUEL_LABELS, type Fuel, VEHICLE_CATEGORY_LABELS } from '../../../domain/schemas/vehicle';
import { formatCalendarDate, formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { VEHICLE_FIELD_LABELS, type VehicleFormValues } from './vehicle-values';

function show(key: keyof VehicleFormValues, values: VehicleFormValues): string {
  const value = values[key].trim();
  if (!value) return '—';
  if (key === 'category') return VEHICLE_CATEGORY_LABELS[value as never] ?? value;
  if (key === 'fuel') return FUEL_LABELS[value as Fuel] ?? value;
  if (key === 'firstRegistrationDate') return formatCalendarDate(value);
  return value;
}

/**
 * A save refused because someone else saved first (409): their version beside what you typed,
 * for the fields you changed, and the two ways on. Nothing is overwritten silently.
 */
export function VehicleConflictPanel(props: {
  changedBy: string | null;
  changedAt: string | null;
  theirs: VehicleFormValues;
  mine: VehicleFormValues;
  keys: Array<keyof VehicleFormValues>;
  isSubmitting: boolean;
  onTakeTheirs: () => void;
  onReapplyMine: () => void;
}) {
  const differences = () =>
    props.keys.filter((key) => show(key, props.theirs) !== show(key, props.mine));
  return (
    <section class="conflict" role="alert" aria-labelledby="vehicle-conflict-title">
      <h2 id="vehicle-conflict-title">
        {props.changedBy ?? 'Quelqu’un'} a modifié ce véhicule
        <Show when={props.changedAt}>{(at) => <> à {formatTime(at())}</>}</Show>
      </h2>
      <p>Votre enregistrement n’a pas été appliqué. Comparez puis choisissez :</p>
      <Show
        when={differences().length > 0}
        fallback={<p>Vos modifications ne touchent pas les mêmes champs que les siennes.</p>}
      >
        <table class="table conflict-table">
          <thead>
            <tr>
              <th scope="col">Champ</th>
              <th scope="col">Leur version</th>
              <th scope="col">Votre saisie</th>
            </tr>
          </thead>
          <tbody>
            <For each={differences()}>
              {(key) => (
                <tr>
                  <th scope="row">{VEHICLE_FIELD_LABELS[key]}</th>
                  <td>{show(key, props.theirs)}</td>
                  <td>{show(key, props.mine)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <div class="form-actions">
        <Button onClick={() => props.onTakeTheirs()}>Reprendre leurs modifications</Button>
        <Button
          variant="primary"
          isLoading={props.isSubmitting}
          onClick={() => props.onReapplyMine()}
        >
          Réappliquer mes modifications
        </Button>
      </div>
    </section>
  );
}
