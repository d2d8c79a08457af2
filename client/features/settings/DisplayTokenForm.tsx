import { useAction, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  DISPLAY_MODE_LABELS,
  DISPLAY_MODES,
  type DisplayMode,
  DisplayTokenCreateSchema,
} from '../../../domain/schemas/display-token';
import { errorMessage, fieldErrors } from '../../lib/api';
import { validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { createDisplayToken } from './settings.api';

/** The mode a select names (its options are the modes). */
export function toDisplayMode(value: string): DisplayMode {
  return DISPLAY_MODES.find((each) => each === value) ?? 'dashboard';
}

/** A new wall screen: its token's link is shown here once (the server keeps only a hash). */
export function DisplayTokenForm() {
  const create = useAction(createDisplayToken);
  const submission = useSubmission(createDisplayToken);
  const [name, setName] = createSignal('');
  const [mode, setMode] = createSignal<DisplayMode>('dashboard');
  const [error, setError] = createSignal<string | undefined>();
  const [created, setCreated] = createSignal<{ name: string; url: string } | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const checked = validateAll(DisplayTokenCreateSchema, { name: name(), mode: mode() });
    if (!checked.success) {
      setError(checked.errors.name);
      return;
    }
    setError(undefined);
    try {
      const token = await create(checked.data.name, checked.data.mode);
      const url = new URL('/wall', location.origin);
      url.searchParams.set('token', token.token);
      setCreated({ name: token.name, url: url.toString() });
      setName('');
    } catch (caught) {
      setError(fieldErrors(caught).name ?? errorMessage(caught));
    }
  }

  function copy(url: string) {
    navigator.clipboard
      .writeText(url)
      .then(() => showToast('Lien copié.'))
      .catch(() => showToast('Copie impossible : sélectionnez le lien.', 'error'));
  }

  return (
    <>
      <form class="card form" onSubmit={submit} noValidate>
        <h2>Nouvel écran</h2>
        <Field
          label="Nom de l’écran"
          for="display-name"
          hint="Par exemple « Atelier » ou « Accueil »."
          error={error()}
        >
          <Input
            id="display-name"
            value={name()}
            error={error()}
            autocomplete="off"
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </Field>
        <Field
          label="Affichage"
          for="display-mode"
          hint="L’atelier n’affiche ni les clients ni les montants."
        >
          <select
            id="display-mode"
            value={mode()}
            onChange={(event) => setMode(toDisplayMode(event.currentTarget.value))}
          >
            <For each={DISPLAY_MODES}>
              {(each) => <option value={each}>{DISPLAY_MODE_LABELS[each]}</option>}
            </For>
          </select>
        </Field>
        <Button
          type="submit"
          variant="primary"
          isLoading={Boolean(submission.pending)}
          disabled={!name().trim()}
        >
          Créer le jeton
        </Button>
      </form>
      <Show when={created()}>
        {(token) => (
          <section class="card settings-token" role="status">
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
              <Button onClick={() => copy(token().url)}>Copier</Button>
            </div>
          </section>
        )}
      </Show>
    </>
  );
}
