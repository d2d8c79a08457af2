import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { type Vehicle, VehicleSchema } from '../../../domain/schemas/vehicle';
import { errorMessage } from '../../lib/api';
import { createEditableRecord } from '../../lib/editable-record';
import { usePresence } from '../../lib/presence';
import { useSession } from '../../lib/session';
import { validateAll } from '../../lib/validate';
import { EditorStatus, LeaveGuardDialog, PresenceNote } from '../../ui/Collaboration';
import { ConfirmDialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { NewQuoteDialog } from '../quotes/NewQuoteDialog';
import { NewRepairOrderDialog } from '../repair-orders/NewRepairOrderDialog';
import { TransferDialog } from './TransferDialog';
import { VehicleCard } from './VehicleCard';
import { VehicleForm } from './VehicleForm';
import { VehicleHeader } from './VehicleHeader';
import { VehicleRelated } from './VehicleRelated';
import {
  mergeVehicleValues,
  toVehicleFields,
  toVehicleFormValues,
  toVehiclePatch,
  VehicleFieldsSchema,
} from './vehicle-values';
import { archiveVehicle, restoreVehicle, updateVehicle } from './vehicles.api';

type OpenDialog = 'archive' | 'transfer' | 'quote' | 'repair_order' | null;

/** One vehicle: the card, or the form while editing, live, with what the others do to it. */
export function VehicleRecord(props: { initial: Vehicle }) {
  const session = useSession();
  const update = useAction(updateVehicle);
  const archive = useAction(archiveVehicle);
  const restore = useAction(restoreVehicle);
  const id = props.initial.id;
  const [isEditing, setEditing] = createSignal(false);
  const [dialog, setDialog] = createSignal<OpenDialog>(null);
  const editor = createEditableRecord(props.initial, {
    entity: 'vehicle',
    id,
    schema: VehicleSchema,
    toValues: toVehicleFormValues,
    merge: mergeVehicleValues,
    validate: (values) => {
      const result = validateAll(VehicleFieldsSchema, toVehicleFields(values));
      return result.success ? null : result.errors;
    },
    save: ({ values, base, version, record }) => {
      const patch = toVehiclePatch(base, values);
      // Only spaces changed: nothing to send (a PATCH would still bump the version).
      if (Object.keys(patch).length === 0) return Promise.resolve(record);
      return update(id, { ...patch, version });
    },
  });
  const vehicle = editor.record;
  const viewers = usePresence('vehicle', () => id, isEditing);
  const mayWrite = () => canWrite(session.user()?.role);

  /**
   * Another action (a CT, a reading, a transfer, archiving) answered with the vehicle: show it,
   * unless the change stream already brought a newer version.
   */
  function show(next: Vehicle) {
    if (next.version > vehicle().version && !editor.isDirty()) editor.adopt(next);
  }

  async function save() {
    if (await editor.save()) {
      setEditing(false);
      showToast(`Véhicule ${vehicle().plate} enregistré.`);
    }
  }

  function stopEditing() {
    editor.discard();
    setEditing(false);
  }

  async function toggleArchive() {
    const wasArchived = Boolean(vehicle().archivedAt);
    editor.setError(null);
    try {
      show(wasArchived ? await restore(id) : await archive(id));
      showToast(wasArchived ? 'Véhicule restauré.' : 'Véhicule archivé.');
    } catch (caught) {
      editor.setError(errorMessage(caught));
    }
  }

  return (
    <>
      <VehicleHeader
        vehicle={vehicle()}
        hasActions={mayWrite() && !isEditing()}
        onArchive={() => setDialog('archive')}
        onTransfer={() => setDialog('transfer')}
        onEdit={() => setEditing(true)}
        onNewQuote={() => setDialog('quote')}
        onNewRepairOrder={() => setDialog('repair_order')}
      />

      <PresenceNote viewers={viewers()} what="cette fiche" />
      {/* Duplicate plate, VIN check digit, mistyped plate: worth a look, never blocking. */}
      <Show when={vehicle().warnings.length > 0}>
        <div class="vehicle-warnings">
          <For each={vehicle().warnings}>
            {(warning) => (
              <div class="alert alert-warning" role="status" data-warning={warning.code}>
                {warning.message}
              </div>
            )}
          </For>
        </div>
      </Show>
      <EditorStatus editor={editor} what="ce véhicule" />

      <Show when={isEditing()} fallback={<VehicleCard vehicle={vehicle()} />}>
        <div class="card">
          <VehicleForm
            values={editor.values}
            setValues={editor.setValues}
            isDirty={editor.isDirty()}
            submitLabel="Enregistrer"
            serverErrors={editor.errors()}
            isSubmitting={editor.isSaving()}
            onCancel={stopEditing}
            onSubmit={() => void save()}
          />
        </div>
      </Show>
      <LeaveGuardDialog guard={editor.guard} onSave={editor.save} />

      <VehicleRelated
        vehicle={vehicle()}
        canRecord={mayWrite() && !vehicle().archivedAt}
        onRecorded={show}
      />

      <ConfirmDialog
        open={dialog() === 'archive'}
        title={vehicle().archivedAt ? 'Restaurer ce véhicule ?' : 'Archiver ce véhicule ?'}
        message={
          vehicle().archivedAt
            ? 'Il réapparaîtra dans les listes.'
            : 'Il disparaîtra des listes ; son historique et ses devis sont conservés et il peut être restauré.'
        }
        confirmLabel={vehicle().archivedAt ? 'Restaurer' : 'Archiver'}
        tone={vehicle().archivedAt ? 'primary' : 'danger'}
        onConfirm={() => void toggleArchive()}
        onClose={() => setDialog(null)}
      />
      {/* Mounted only while open: a fresh search each time, and no request for a closed one. */}
      <Show when={dialog() === 'transfer'}>
        <TransferDialog vehicle={vehicle()} onClose={() => setDialog(null)} onTransferred={show} />
      </Show>
      <Show when={dialog() === 'quote'}>
        <NewQuoteDialog
          open
          onClose={() => setDialog(null)}
          clientId={vehicle().clientId}
          vehicleId={vehicle().id}
        />
      </Show>
      <Show when={dialog() === 'repair_order'}>
        <NewRepairOrderDialog
          onClose={() => setDialog(null)}
          clientId={vehicle().clientId}
          vehicleId={vehicle().id}
        />
      </Show>
    </>
  );
}
