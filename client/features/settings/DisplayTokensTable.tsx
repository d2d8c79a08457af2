import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  DISPLAY_MODE_LABELS,
  DISPLAY_MODES,
  type DisplayMode,
  type DisplayToken,
} from '../../../domain/schemas/display-token';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Badge, EmptyState } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import { showToast } from '../../ui/toast';
import { toDisplayMode } from './DisplayTokenForm';
import { revokeDisplayToken, setDisplayTokenMode } from './settings.api';

/** The wall screens' tokens, live; revoking one signs its screen out at once. */
export function DisplayTokensTable(props: {
  tokens: DisplayToken[];
  changedBy: (id: string) => string | undefined;
}) {
  const revoke = useAction(revokeDisplayToken);
  const setMode = useAction(setDisplayTokenMode);
  const [revoking, setRevoking] = createSignal<DisplayToken | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  async function confirmRevoke(token: DisplayToken) {
    setError(null);
    try {
      await revoke(token.id);
      showToast(`« ${token.name} » est révoqué et déconnecté.`);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function changeMode(token: DisplayToken, mode: DisplayMode) {
    setError(null);
    try {
      await setMode(token.id, mode);
      showToast(
        `« ${token.name} » passe en mode « ${DISPLAY_MODE_LABELS[mode]} » à son prochain chargement.`,
      );
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show
        when={props.tokens.length > 0}
        fallback={<EmptyState title="Aucun écran pour l’instant." />}
      >
        <Table label="Écrans d’atelier">
          <thead>
            <tr>
              <th scope="col">Écran</th>
              <th scope="col">Affichage</th>
              <th scope="col">Créé le</th>
              <th scope="col" class="hide-narrow">
                Dernière connexion
              </th>
              <th scope="col">État</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.tokens}>
              {(token) => (
                <tr class={token.revokedAt ? 'row-muted' : ''}>
                  <td>
                    {token.name}
                    <Show when={props.changedBy(token.id)}>
                      {(name) => <span class="row-hint">modifié par {name()}</span>}
                    </Show>
                  </td>
                  <td>
                    <Show when={!token.revokedAt} fallback={DISPLAY_MODE_LABELS[token.mode]}>
                      <select
                        aria-label={`Affichage de ${token.name}`}
                        onChange={(event) =>
                          void changeMode(token, toDisplayMode(event.currentTarget.value))
                        }
                      >
                        <For each={DISPLAY_MODES}>
                          {(mode) => (
                            <option value={mode} selected={mode === token.mode}>
                              {DISPLAY_MODE_LABELS[mode]}
                            </option>
                          )}
                        </For>
                      </select>
                    </Show>
                  </td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td class="hide-narrow">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Jamais'}
                  </td>
                  <td>
                    <Show when={token.revokedAt} fallback={<Badge tone="success">Actif</Badge>}>
                      <Badge>Révoqué</Badge>
                    </Show>
                  </td>
                  <td>
                    <Show when={!token.revokedAt}>
                      <Button
                        variant="danger"
                        class="btn-small"
                        aria-label={`Révoquer ${token.name}`}
                        onClick={() => setRevoking(token)}
                      >
                        Révoquer
                      </Button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </Table>
      </Show>
      <ConfirmDialog
        open={revoking() !== null}
        title="Révoquer cet écran ?"
        message={`« ${revoking()?.name ?? ''} » sera déconnecté tout de suite et son lien ne marchera plus.`}
        confirmLabel="Révoquer"
        onConfirm={() => {
          const token = revoking();
          if (token) void confirmRevoke(token);
        }}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
