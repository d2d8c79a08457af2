import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { InspectionResult, Vehicle } from '../../../domain/schemas/vehicle';
import { formatCalendarDate, formatKm } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge } from '../../ui/Feedback';
import { Table } from '../../ui/Table';

const SHORT_RESULT: Record<
  InspectionResult,
  { label: string; tone: 'success' | 'warning' | 'danger' }
> = {
  pass: { label: 'favorable', tone: 'success' },
  major: { label: 'contre-visite', tone: 'warning' },
  critical: { label: 'critique', tone: 'danger' },
};

/** What the table needs of a live list (`createLiveList`). */
export type VehicleRows = {
  items: () => Vehicle[];
  changedBy: (id: string) => string | undefined;
  hasMore: () => boolean;
  loadMore: () => Promise<void>;
  isLoadingMore: () => boolean;
  loadMoreError: () => string | null;
};

/**
 * Vehicles as rows (the vehicles page, a client's vehicles): a row opens the vehicle, its plate
 * is the link keyboard users reach; rows someone else just changed are flagged with who did it.
 */
export function VehicleTable(props: { rows: VehicleRows; label: string; hasOwner: boolean }) {
  const navigate = useNavigate();
  return (
    <>
      <Table class="vehicles-table" label={props.label}>
        <thead>
          <tr>
            <th scope="col">Immatriculation</th>
            <th scope="col">Véhicule</th>
            <Show when={props.hasOwner}>
              <th scope="col">Propriétaire</th>
            </Show>
            <th scope="col">Dernier CT</th>
            <th scope="col" class="num">
              Kilométrage
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows.items()}>
            {(vehicle) => (
              <tr
                class={props.rows.changedBy(vehicle.id) ? 'row-flash' : ''}
                onClick={() => navigate(`/vehicles/${vehicle.id}`)}
              >
                <td>
                  <A href={`/vehicles/${vehicle.id}`} class="vehicle-plate">
                    {vehicle.plate}
                  </A>
                  <Show when={vehicle.warnings.length > 0}>
                    {' '}
                    <Badge tone="warning">à vérifier</Badge>
                  </Show>
                  <Show when={props.rows.changedBy(vehicle.id)}>
                    {(name) => <span class="row-hint">modifié par {name()}</span>}
                  </Show>
                </td>
                <td>{[vehicle.make, vehicle.model].filter(Boolean).join(' ') || '—'}</td>
                <Show when={props.hasOwner}>
                  <td>{vehicle.clientName}</td>
                </Show>
                <td>
                  <Show when={vehicle.lastInspection} fallback="—">
                    {(ct) => (
                      <>
                        {formatCalendarDate(ct().date)}{' '}
                        <Badge tone={SHORT_RESULT[ct().result].tone}>
                          {SHORT_RESULT[ct().result].label}
                        </Badge>
                      </>
                    )}
                  </Show>
                </td>
                <td class="num">{vehicle.lastMileage ? formatKm(vehicle.lastMileage.km) : '—'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </Table>
      <Show when={props.rows.loadMoreError()}>
        <div class="alert alert-error" role="alert">
          {props.rows.loadMoreError()}
        </div>
      </Show>
      <Show when={props.rows.hasMore()}>
        <div class="load-more">
          <Button onClick={() => void props.rows.loadMore()} isLoading={props.rows.isLoadingMore()}>
            Charger plus
          </Button>
        </div>
      </Show>
    </>
  );
}
