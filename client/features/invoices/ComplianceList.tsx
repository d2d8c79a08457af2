import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';

/** One missing mention: the local check's or the server's refusal (`compliance_missing`). */
export type ComplianceIssue = { code: string; message: string; where: string };

/** What the invoice lacks before it may be issued, each with where to fix it. */
export function ComplianceList(props: { issues: ComplianceIssue[]; clientId: string | null }) {
  return (
    <section class="card compliance" aria-label="Mentions obligatoires">
      <h2>Mentions obligatoires</h2>
      <Show
        when={props.issues.length > 0}
        fallback={<p class="ok">Tout y est : la facture peut être émise.</p>}
      >
        <p>Il manque avant l’émission :</p>
        <ul>
          <For each={props.issues}>
            {(issue) => (
              <li>
                {issue.message}
                <Show when={issue.where === 'settings'}>
                  {' '}
                  <A href="/settings">(paramètres du garage)</A>
                </Show>
                <Show when={issue.where === 'client' && props.clientId}>
                  {' '}
                  <A href={`/clients/${props.clientId}`}>(fiche client)</A>
                </Show>
                <Show when={issue.where === 'invoice'}>
                  {' '}
                  <span class="muted">(ci-dessous)</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
