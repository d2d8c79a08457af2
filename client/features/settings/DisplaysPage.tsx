import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import type { DisplayToken } from '../../../domain/schemas/display-token';
import { del, errorMessage, get, post } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Badge, EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { SettingsNav } from './SettingsNav';

const getDisplayTokens = query(
  () => get<{ items: DisplayToken[] }>('/display-tokens'),
  'display-tokens',
);

/** Wall screens: a named token each, its link shown once, revocable (the screen drops at once). */
export default function DisplaysPage() {
  const tokens = createAsync(() => getDisplayTokens());
  const [name, setName] = createSignal('');
  const [created, setCreated] = createSignal<{ name: string; url: string } | null>(null);
  const [revoking, setRevoking] = createSignal<DisplayToken | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  useChanges((change) => {
    if (change.entity === 'display_token') void revalidate(getDisplayTokens.key);
  });

  async function create(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await post<DisplayToken & { token: string }>('/display-tokens', {
        name: name(),
      });
      setCreated({ name: token.name, url: `${location.origin}/wall?token=${token.token}` });
      setName('');
      void revalidate(getDisplayTokens.key);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: DisplayToken) {
    try {
      await del(`/display-tokens/${token.id}`);
      showToast(`« ${token.name} » est révoqué et déconnecté.`);
      void revalidate(getDisplayTokens.key);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <div class="page page-narrow">
      <SettingsNav />
      <header class="page-header">
        <div>
          <h1>Écrans d’atelier</h1>
          <p class="page-lead">
            Un écran mural affiche le tableau de bord en lecture seule, avec son propre jeton.
          </p>
        </div>
      </header>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <form class="card form" onSubmit={create}>
        <h2>Nouvel écran</h2>
        <div class="form-row">
          <Field
            label="Nom de l’écran"
            for="display-name"
            hint="Par exemple « Atelier » ou « Accueil »."
          >
            <input
              id="display-name"
              value={name()}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </Field>
        </div>
        <Button type="submit" variant="primary" isLoading={isBusy()} disabled={!name().trim()}>
          Créer le jeton
        </Button>
      </form>
      <Show when={created()}>
        {(token) => (
          <section class="card created-token" role="status">
            <h2>Lien de l’écran « {token().name} »</h2>
            <p>
              Ouvrez ce lien sur l’écran de l’atelier. Il n’est affiché qu’une fois : le serveur
              n’en garde qu’une empreinte.
            </p>
            <div class="input-row">
              <input
                readOnly
                value={token().url}
                aria-label="Lien de l’écran"
                onFocus={(event) => event.currentTarget.select()}
              />
              <Button
                onClick={() =>
                  void navigator.clipboard
                    .writeText(token().url)
                    .then(() => showToast('Lien copié.'))
                    .catch(() => showToast('Copie impossible : sélectionnez le lien.', 'error'))
                }
              >
                Copier
              </Button>
            </div>
          </section>
        )}
      </Show>
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner />}>
          <Show
            when={(tokens()?.items.length ?? 0) > 0}
            fallback={<EmptyState title="Aucun écran pour l’instant." />}
          >
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Écran</th>
                  <th scope="col">Créé le</th>
                  <th scope="col">Dernière connexion</th>
                  <th scope="col">État</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={tokens()?.items}>
                  {(token) => (
                    <tr class={token.revokedAt ? 'row-muted' : ''}>
                      <td>{token.name}</td>
                      <td>{formatDateTime(token.createdAt)}</td>
                      <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Jamais'}</td>
                      <td>
                        {token.revokedAt ? (
                          <Badge>Révoqué</Badge>
                        ) : (
                          <Badge tone="success">Actif</Badge>
                        )}
                      </td>
                      <td>
                        <Show when={!token.revokedAt}>
                          <Button variant="danger" onClick={() => setRevoking(token)}>
                            Révoquer
                          </Button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Suspense>
      </ErrorBoundary>
      <ConfirmDialog
        open={revoking() !== null}
        title="Révoquer cet écran ?"
        message={`« ${revoking()?.name ?? ''} » sera déconnecté tout de suite et son lien ne marchera plus.`}
        confirmLabel="Révoquer"
        onConfirm={() => revoking() && void revoke(revoking()!)}
        onClose={() => setRevoking(null)}
      />
    </div>
  );
}
