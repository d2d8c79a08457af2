import { For, Show } from 'solid-js';
import type { RepairOrder, SignatureKind } from '../../../domain/schemas/repair-order';
import { formatDateTime } from '../../lib/format';
import { signatureImageUrl } from './repair-orders.api';

const KIND_LABELS: Record<SignatureKind, string> = {
  check_in: 'Réception',
  amendment: 'Travaux supplémentaires',
  hand_back: 'Restitution',
};

/** Who signed what, when, and the version's fingerprint. */
export function SignaturesList(props: { order: RepairOrder }) {
  return (
    <section class="card ro-section" aria-labelledby="ro-signatures-title">
      <h2 id="ro-signatures-title">Signatures</h2>
      <Show when={props.order.signatures.length > 0} fallback={<p class="muted">Aucune.</p>}>
        <ul class="ro-signatures">
          <For each={props.order.signatures}>
            {(signature) => (
              <li data-testid="ro-signature">
                <img
                  src={signatureImageUrl(props.order.id, signature.id)}
                  alt={`Signature de ${signature.signerName}`}
                  class="ro-signature-image"
                  loading="lazy"
                />
                <div>
                  <strong>{KIND_LABELS[signature.kind]}</strong> — {signature.signerName}
                  <br />
                  <span class="muted">
                    le {formatDateTime(signature.signedAt)} · v{signature.version} ·{' '}
                    <code title={signature.versionHash}>{signature.versionHash.slice(0, 12)}</code>
                  </span>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
