import { useAction } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { readDetails } from '../../../domain/refusals';
import { hashRepairOrderVersion } from '../../../domain/repair-order/version-hash';
import type { RepairOrder, SignatureKind } from '../../../domain/schemas/repair-order';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { signRepairOrder } from './repair-orders.api';
import { type PadHandle, SignaturePadField } from './SignaturePadField';
import { SignedSummary } from './SignedSummary';

/**
 * The customer signs what the screen shows: a summary of the OR at this version and its hash
 * (`hashRepairOrderVersion`, the one the server recomputes). A stale version (someone changed
 * the OR meanwhile) shows the new one and asks again; nothing is signed unseen.
 */
export function SignatureDialog(props: {
  open: boolean;
  order: RepairOrder;
  kind: SignatureKind;
  amendmentId?: string;
  title: string;
  intro: string;
  onSigned: (order: RepairOrder, signatureId: string) => void;
  onStale: (current: RepairOrder) => void;
  onPiecMissing?: (lineIds: string[]) => void;
  onClose: () => void;
}) {
  const sign = useAction(signRepairOrder);
  const [hash, setHash] = createSignal<string | null>(null);
  const [name, setName] = createSignal('');
  const [hasDrawing, setDrawing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [isSending, setSending] = createSignal(false);
  let pad: PadHandle | undefined;

  // The hash of exactly the version on screen, recomputed whenever it changes.
  createEffect(
    on(
      () => [props.open, props.order] as const,
      ([open, order]) => {
        setHash(null);
        if (!open) return;
        void hashRepairOrderVersion(order).then((value) => {
          if (props.order === order) setHash(value);
        });
      },
    ),
  );
  /** The version the customer started reading: a newer one arriving live is said, not slipped in. */
  let openedVersion = 0;
  /** Signed: the versions that follow are the signature's own and what it answers. */
  let isSigned = false;
  createEffect(
    on(
      () => props.order.version,
      (version) => {
        if (!props.open || isSigned || version === openedVersion) return;
        openedVersion = version;
        pad?.clear();
        setError(
          'L’ordre de réparation vient d’être modifié sur un autre poste : relisez le résumé avec le client, qui signe à nouveau.',
        );
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        openedVersion = props.order.version;
        isSigned = false;
        setError(null);
        setDrawing(false);
        // The customer usually signs; someone else collecting the car types their own name.
        if (!name()) setName(props.order.clientName);
      },
    ),
  );

  const blocker = () => {
    if (!hash()) return 'Calcul de l’empreinte…';
    if (name().trim().length < 2) return 'Saisissez le nom du signataire.';
    if (!hasDrawing()) return 'Le client signe dans le cadre.';
    return undefined;
  };

  async function submit() {
    const versionHash = hash();
    if (!pad || !versionHash || blocker()) return;
    setSending(true);
    setError(null);
    try {
      const order = await sign(props.order.id, {
        version: props.order.version,
        kind: props.kind,
        signerName: name().trim(),
        image: pad.toPng(),
        versionHash,
        ...(props.amendmentId ? { amendmentId: props.amendmentId } : {}),
      });
      isSigned = true;
      const signature = order.signatures.at(-1);
      if (signature) props.onSigned(order, signature.id);
    } catch (caught) {
      const stale = readDetails(caught, 'signature_stale');
      const missing = readDetails(caught, 'piec_choice_missing');
      if (stale) {
        openedVersion = stale.current.version;
        props.onStale(stale.current);
        pad.clear();
        setError(
          'L’ordre de réparation a changé entre-temps : relisez-le avec le client, qui signe à nouveau.',
        );
      } else if (missing && props.onPiecMissing) {
        props.onPiecMissing(missing.lineIds);
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      <Show when={props.open}>
        <div class="ro-sign">
          <p>{props.intro}</p>
          <SignedSummary order={props.order} kind={props.kind} amendmentId={props.amendmentId} />
          <p class="muted ro-hash" title={hash() ?? ''}>
            Empreinte de cette version : <code>{hash()?.slice(0, 16) ?? '…'}</code>
          </p>
          <Show when={error()}>
            <div class="alert alert-error" role="alert">
              {error()}
            </div>
          </Show>
          <Field label="Nom du signataire" for="ro-signer">
            <Input
              id="ro-signer"
              value={name()}
              maxLength={150}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </Field>
          <div class="ro-sign-box">
            <SignaturePadField
              label="Signature du client"
              onReady={(handle) => {
                pad = handle;
              }}
              onDraw={() => setDrawing(!(pad?.isEmpty() ?? true))}
            />
            <Button variant="ghost" class="btn-small" onClick={() => pad?.clear()}>
              Effacer
            </Button>
          </div>
          <div class="dialog-actions">
            <Button onClick={() => props.onClose()}>Annuler</Button>
            <Button
              variant="primary"
              isLoading={isSending()}
              disabled={Boolean(blocker())}
              title={blocker()}
              onClick={() => void submit()}
            >
              Valider la signature
            </Button>
          </div>
        </div>
      </Show>
    </Dialog>
  );
}
