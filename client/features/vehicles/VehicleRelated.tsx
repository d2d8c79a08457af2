import { Show } from 'solid-js';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { QuoteList } from '../quotes/QuoteList';
import { RepairOrderList } from '../repair-orders/RepairOrderList';
import { InspectionForm } from './InspectionForm';
import { MileageForm } from './MileageForm';
import { VehicleHistory } from './VehicleHistory';

/** Under the card: recording a CT or a reading, the vehicle's history, its quotes and its ORs. */
export function VehicleRelated(props: {
  vehicle: Vehicle;
  /**
   * May record a CT or a reading (a writer, the vehicle not archived). Also while the card is
   * edited: a reading bumps the version, and the editor merges that in like any other change.
   */
  canRecord: boolean;
  /** The vehicle as the recording answered it. */
  onRecorded: (vehicle: Vehicle) => void;
}) {
  return (
    <>
      <Show when={props.canRecord}>
        <div class="vehicle-record-forms">
          <InspectionForm vehicleId={props.vehicle.id} onRecorded={props.onRecorded} />
          <MileageForm vehicleId={props.vehicle.id} onRecorded={props.onRecorded} />
        </div>
      </Show>

      <VehicleHistory vehicleId={props.vehicle.id} />

      <section class="card">
        <h2>Devis</h2>
        <QuoteList
          filters={{ vehicleId: props.vehicle.id }}
          empty="Aucun devis pour ce véhicule."
        />
      </section>

      <section class="card">
        <h2>Ordres de réparation</h2>
        <RepairOrderList
          filters={{ vehicleId: props.vehicle.id }}
          empty="Aucun passage à l’atelier pour ce véhicule."
        />
      </section>
    </>
  );
}
