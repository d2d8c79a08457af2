import {
  FUEL_LABELS,
  INSPECTION_RESULT_LABELS,
  VEHICLE_CATEGORY_LABELS,
  type Vehicle,
} from '../../../domain/schemas/vehicle';
import { formatCalendarDate, formatKm } from '../../lib/format';

/** The vehicle's details, read-only. */
export function VehicleCard(props: { vehicle: Vehicle }) {
  const v = () => props.vehicle;
  return (
    <div class="card">
      <dl class="details">
        <dt>Catégorie</dt>
        <dd>{VEHICLE_CATEGORY_LABELS[v().category]}</dd>
        <dt>Marque et modèle</dt>
        <dd>{[v().make, v().model].filter(Boolean).join(' ') || '—'}</dd>
        <dt>VIN</dt>
        <dd class="mono">{v().vin ?? '—'}</dd>
        <dt>Énergie</dt>
        <dd>{v().fuel ? FUEL_LABELS[v().fuel!] : '—'}</dd>
        <dt>1re mise en circulation</dt>
        <dd>{formatCalendarDate(v().firstRegistrationDate)}</dd>
        <dt>Dernier contrôle technique</dt>
        <dd>
          {v().lastInspection
            ? `${formatCalendarDate(v().lastInspection!.date)} — ${INSPECTION_RESULT_LABELS[v().lastInspection!.result]}`
            : '—'}
        </dd>
        <dt>Dernier kilométrage</dt>
        <dd>
          {v().lastMileage
            ? `${formatKm(v().lastMileage!.km)} le ${formatCalendarDate(v().lastMileage!.date)}`
            : '—'}
        </dd>
        <dt>Notes</dt>
        <dd class="notes">{v().notes ?? '—'}</dd>
      </dl>
    </div>
  );
}
