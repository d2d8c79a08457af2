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
  const fuel = () => {
    const value = v().fuel;
    return value ? FUEL_LABELS[value] : '—';
  };
  const inspection = () => {
    const last = v().lastInspection;
    return last
      ? `${formatCalendarDate(last.date)} — ${INSPECTION_RESULT_LABELS[last.result]}`
      : '—';
  };
  const mileage = () => {
    const last = v().lastMileage;
    return last ? `${formatKm(last.km)} le ${formatCalendarDate(last.date)}` : '—';
  };
  return (
    <div class="card">
      <dl class="details">
        <dt>Catégorie</dt>
        <dd>{VEHICLE_CATEGORY_LABELS[v().category]}</dd>
        <dt>Marque et modèle</dt>
        <dd>{[v().make, v().model].filter(Boolean).join(' ') || '—'}</dd>
        <dt>VIN</dt>
        <dd class="vehicle-mono">{v().vin ?? '—'}</dd>
        <dt>Énergie</dt>
        <dd>{fuel()}</dd>
        <dt>1re mise en circulation</dt>
        <dd>{formatCalendarDate(v().firstRegistrationDate)}</dd>
        <dt>Dernier contrôle technique</dt>
        <dd>{inspection()}</dd>
        <dt>Dernier kilométrage</dt>
        <dd>{mileage()}</dd>
        <dt>Notes</dt>
        <dd class="notes">{v().notes ?? '—'}</dd>
      </dl>
    </div>
  );
}
