import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { PaymentRefusal as Refusal } from './payment-values';

/** Why the server refused, in French; a closed till gets a link to open it. */
export function PaymentRefusal(props: { refusal: Refusal | null }) {
  return (
    <Show when={props.refusal}>
      {(refusal) => (
        <div class="alert alert-error" role="alert">
          <span>
            {refusal().message}
            <Show when={refusal().isTillClosed}>
              {' '}
              <A href="/caisse">Ouvrir la caisse</A>
            </Show>
          </span>
        </div>
      )}
    </Show>
  );
}
