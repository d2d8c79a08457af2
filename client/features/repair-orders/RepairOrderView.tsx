import { useAction } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { isDeepEqual } from '../../../domain/merge/deep-equal';
import { isCheckInSigned } from '../../../domain/repair-order/transitions';
import { type RepairOrder, RepairOrderSchema } from '../../../domain/schemas/repair-order';
import type { Settings } from '../../../domain/schemas/settings';
import { createEditableRecord } from '../../lib/editable-record';
import { formatDateTime } from '../../lib/format';
import { usePresence } from '../../lib/presence';
import { useSession } from '../../lib/session';
import { EditorStatus, LeaveGuardDialog, PresenceNote } from '../../ui/Collaboration';
import { AmendmentsPanel } from './AmendmentsPanel';
import { CheckInPanel } from './CheckInPanel';
import { HandBackPanel } from './HandBackPanel';
import { RepairOrderHeader } from './RepairOrderHeader';
import { RepairOrderTotals } from './RepairOrderTotals';
import {
  createRepairOrderMerge,
  toRepairOrderForm,
  toRepairOrderPatch,
  validateRepairOrderForm,
} from './repair-order-form';
import { updateRepairOrder } from './repair-orders.api';
import { SignaturesList } from './SignaturesList';
import { WorkPanel } from './WorkPanel';

/**
 * The OR page: one editable record (the check-in, the promise, the PIEC answers) until the
 * customer signs; then the work, the amendments, the hand-back, each an action whose answer (or
 * the change stream's) is the new OR.
 */
export function RepairOrderView(props: { initial: RepairOrder; settings: Settings }) {
  const session = useSession();
  const update = useAction(updateRepairOrder);
  let current = () => props.initial;
  const editor = createEditableRecord(props.initial, {
    entity: 'repair_order',
    id: props.initial.id,
    schema: RepairOrderSchema,
    toValues: toRepairOrderForm,
    merge: createRepairOrderMerge(() => current()),
    validate: validateRepairOrderForm,
    save: ({ values, base, version, record }) =>
      update(props.initial.id, toRepairOrderPatch(record, base, values, version)),
  });
  current = editor.record;
  const order = editor.record;
  const viewers = usePresence('repair_order', () => props.initial.id, editor.isDirty);
  /** Lines the server said still need the customer's PIEC answer. */
  const [missingPiec, setMissingPiec] = createSignal<string[]>([]);
  const mayWrite = () => canWrite(session.user()?.role);
  const isLocked = () => order().status === 'handed_back';
  const isSigned = () => isCheckInSigned(order());
  const isEditable = () => mayWrite() && !isLocked() && !isSigned();

  /**
   * An action answered with the OR: show it unless the user has unsaved edits (then the change
   * stream's copy merges into them) or a newer version already arrived.
   */
  function show(next: RepairOrder) {
    if (editor.isDirty() || next.version < order().version) return;
    // The same version may come back different: names are joined live (a client renamed since),
    // which is what a `signature_stale` refusal's `current` shows.
    if (next.version > order().version || !isDeepEqual(next, order())) editor.adopt(next);
  }

  return (
    <div class="ro-page">
      <RepairOrderHeader
        order={order()}
        settings={props.settings}
        isDirty={editor.isDirty()}
        mayWrite={mayWrite()}
        onChanged={show}
        onError={editor.setError}
      />
      <Show when={isLocked() && order().handBack}>
        {(handBack) => (
          <div class="alert alert-info ro-locked" role="status">
            Restitué le {formatDateTime(handBack().handedBackAt)}
            <Show when={handBack().handedBackBy}> par {handBack().handedBackBy!.name}</Show> :
            l’ordre de réparation est clos et ne se modifie plus.
          </div>
        )}
      </Show>
      <PresenceNote viewers={viewers()} what="cet ordre de réparation" />
      <EditorStatus editor={editor} what="cet ordre de réparation" />
      <div class="ro-layout">
        <div class="ro-main">
          <CheckInPanel
            order={order()}
            editor={editor}
            isEditable={isEditable()}
            mayWrite={mayWrite() && !isLocked()}
            onChanged={show}
            onPiecMissing={setMissingPiec}
          />
          <WorkPanel
            order={order()}
            settings={props.settings}
            form={editor.values}
            setForm={editor.setValues}
            isEditable={isEditable()}
            isDirty={editor.isDirty()}
            missingPiec={missingPiec()}
            onChanged={show}
          />
          <AmendmentsPanel
            order={order()}
            settings={props.settings}
            mayWrite={mayWrite() && !isLocked() && isSigned()}
            onChanged={show}
          />
          <HandBackPanel order={order()} mayWrite={mayWrite()} onChanged={show} />
        </div>
        <aside class="ro-side">
          <RepairOrderTotals order={order()} />
          <SignaturesList order={order()} />
        </aside>
      </div>
      <LeaveGuardDialog guard={editor.guard} onSave={editor.save} />
    </div>
  );
}
