import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge } from '../../ui/Feedback';

/** The plate, the owner, and the vehicle's actions (for those who may write, when not editing). */
export function VehicleHeader(props: {
  vehicle: Vehicle;
  hasActions: boolean;
  onArchive: () => void;
  onTransfer: () => void;
  onEdit: () => void;
  onNewQuote: () => void;
  onNewRepairOrder: () => void;
}) {
  const isArchived = () => Boolean(props.vehicle.archivedAt);
  return (
    <header class="page-header">
      <div>
        <p class="breadcrumb">
          <A href="/vehicles">Véhicules</A>
        </p>
        <h1>
          <span class="vehicle-plate vehicle-plate-big">{props.vehicle.plate}</span>{' '}
          <Show when={isArchived()}>
            <Badge tone="warning">Archivé</Badge>
          </Show>
        </h1>
        <p class="page-lead">
          {[props.vehicle.make, props.vehicle.model].filter(Boolean).join(' ') || 'Véhicule'} ·
          propriétaire <A href={`/clients/${props.vehicle.clientId}`}>{props.vehicle.clientName}</A>{' '}
          · modifié le {formatDateTime(props.vehicle.updatedAt)}
        </p>
      </div>
      <Show when={props.hasActions}>
        <div class="header-actions">
          <Button onClick={() => props.onArchive()}>
            {isArchived() ? 'Restaurer' : 'Archiver'}
          </Button>
          <Button onClick={() => props.onTransfer()} disabled={isArchived()}>
            Changer de propriétaire
          </Button>
          <Button onClick={() => props.onEdit()} disabled={isArchived()}>
            Modifier
          </Button>
          <Button onClick={() => props.onNewRepairOrder()} disabled={isArchived()}>
            Nouvel OR
          </Button>
          <Button variant="primary" onClick={() => props.onNewQuote()} disabled={isArchived()}>
            Nouveau devis
          </Button>
        </div>
      </Show>
    </header>
  );
}
