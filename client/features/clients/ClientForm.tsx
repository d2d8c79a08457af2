import { createEffect, createSignal, For, Index, type JSX, onMount, Show } from 'solid-js';
import { type SetStoreFunction, unwrap } from 'solid-js/store';
import { ClientInputSchema } from '../../../domain/schemas/client';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input, Select, Textarea } from '../../ui/Input';
import { type ClientFormValues, toClientInput, toFormErrorKey } from './client-values';

type Props = {
  /** The form's state, owned by the page (an editable record, or a new client's store). */
  values: ClientFormValues;
  setValues: SetStoreFunction<ClientFormValues>;
  isDirty: boolean;
  submitLabel: string;
  /** Server-side field errors, keyed by API path. */
  serverErrors?: FieldErrors;
  isSubmitting: boolean;
  onSubmit: (values: ClientFormValues) => void;
  /** Leaves the form; asked first when it holds unsaved edits. */
  onCancel?: () => void;
  /** Shown above the buttons (e.g. "someone changed this client"). */
  notice?: JSX.Element;
};

type TextKey = Exclude<keyof ClientFormValues, 'kind' | 'civility' | 'phones' | 'consentReminders'>;

const MAX_PHONES = 5;

/**
 * The client form. It validates with the same zod schema as the server before sending (then on
 * every change once a submit was tried), and shows the server's field errors after. Enter
 * submits; Escape cancels, after asking when something was typed.
 */
export function ClientForm(props: Props) {
  const values = props.values;
  const setValues = props.setValues;
  const [isConfirmingCancel, setConfirmingCancel] = createSignal(false);
  const [localErrors, setLocalErrors] = createSignal<FieldErrors>({});
  const [hasTried, setTried] = createSignal(false);
  let form!: HTMLFormElement;

  // Once a submit was refused, errors follow the typing: fixed fields clear at once.
  createEffect(() => {
    if (!hasTried()) return;
    const result = validateAll(ClientInputSchema, toClientInput(values));
    setLocalErrors(result.success ? {} : result.errors);
  });

  /** The API drops empty phone rows, so its `phones.1` may be the form's third row. */
  function apiKey(formKey: string): string {
    const match = /^phones\.(\d+)$/.exec(formKey);
    if (!match) return formKey;
    const index = Number(match[1]);
    if (!values.phones[index]?.trim()) return `phones.-${index}`;
    const position = values.phones.slice(0, index).filter((phone) => phone.trim() !== '').length;
    return `phones.${position}`;
  }
  const errorOf = (formKey: string) => {
    const key = apiKey(formKey);
    const all = { ...(props.serverErrors ?? {}), ...localErrors() };
    return Object.entries(all).find(([path]) => toFormErrorKey(path) === key)?.[1];
  };

  onMount(() => form.querySelector<HTMLElement>('[data-autofocus]')?.focus());

  function cancel() {
    if (props.isDirty) setConfirmingCancel(true);
    else props.onCancel?.();
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setTried(true);
    const current = structuredClone(unwrap(values));
    const result = validateAll(ClientInputSchema, toClientInput(current));
    if (!result.success) {
      setLocalErrors(result.errors);
      // Keyboard users land on the first field to fix.
      queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setLocalErrors({});
    props.onSubmit(current);
  }

  const text = (
    key: TextKey,
    label: string,
    attrs: JSX.InputHTMLAttributes<HTMLInputElement> & { fieldClass?: string } = {},
  ) => {
    const { fieldClass, ...inputAttrs } = attrs;
    return (
      <Field label={label} for={`client-${key}`} error={errorOf(key)} class={fieldClass}>
        <Input
          id={`client-${key}`}
          value={values[key]}
          onInput={(event) => setValues(key, event.currentTarget.value)}
          error={errorOf(key)}
          autocomplete="off"
          {...inputAttrs}
        />
      </Field>
    );
  };

  return (
    <>
      <form
        ref={form}
        class="form client-form"
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && props.onCancel && !event.defaultPrevented) {
            event.preventDefault();
            cancel();
          }
        }}
        noValidate
      >
        <fieldset class="segmented" aria-label="Type de client">
          <For
            each={
              [
                ['person', 'Particulier'],
                ['business', 'Entreprise'],
              ] as const
            }
          >
            {([kind, label]) => (
              <label class={values.kind === kind ? 'selected' : ''}>
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={values.kind === kind}
                  onChange={() => setValues('kind', kind)}
                />
                {label}
              </label>
            )}
          </For>
        </fieldset>

        <Show when={values.kind === 'business'}>
          <fieldset class="form-section">
            <legend>Entreprise</legend>
            <div class="form-grid form-grid-company">
              {text('companyName', 'Raison sociale', {
                fieldClass: 'span-all',
                'data-autofocus': '',
              } as JSX.InputHTMLAttributes<HTMLInputElement>)}
              {text('siret', 'SIRET', { inputMode: 'numeric', placeholder: '14 chiffres' })}
              {text('vatNumber', 'N° de TVA intracommunautaire', { placeholder: 'FR…' })}
            </div>
          </fieldset>
        </Show>

        <fieldset class="form-section">
          <legend>{values.kind === 'business' ? 'Contact' : 'Identité'}</legend>
          <div class="form-grid form-grid-name">
            <Field label="Civilité" for="client-civility" error={errorOf('civility')}>
              <Select
                id="client-civility"
                value={values.civility}
                error={errorOf('civility')}
                onChange={(event) =>
                  setValues('civility', event.currentTarget.value as ClientFormValues['civility'])
                }
              >
                <option value="">—</option>
                <option value="mrs">Mme</option>
                <option value="mr">M.</option>
              </Select>
            </Field>
            {text('firstName', 'Prénom', {
              ...(values.kind === 'person' ? { 'data-autofocus': '' } : {}),
            } as JSX.InputHTMLAttributes<HTMLInputElement>)}
            {text('lastName', values.kind === 'business' ? 'Nom du contact' : 'Nom')}
          </div>
        </fieldset>

        <fieldset class="form-section">
          <legend>Coordonnées</legend>
          <div class="form-grid form-grid-contact">
            {text('email', 'E-mail', { type: 'email', placeholder: 'nom@exemple.fr' })}
            <div class="phones">
              <Index each={values.phones}>
                {(phone, index) => (
                  <Field
                    label={index === 0 ? 'Téléphone' : `Téléphone ${index + 1}`}
                    for={`client-phone-${index}`}
                    error={errorOf(`phones.${index}`)}
                  >
                    <div class="input-row">
                      <Input
                        id={`client-phone-${index}`}
                        type="tel"
                        value={phone()}
                        placeholder="06 12 34 56 78"
                        error={errorOf(`phones.${index}`)}
                        onInput={(event) => setValues('phones', index, event.currentTarget.value)}
                      />
                      <Show when={values.phones.length > 1}>
                        <button
                          type="button"
                          class="btn btn-ghost btn-remove"
                          aria-label={`Retirer le téléphone ${index + 1}`}
                          title="Retirer ce numéro"
                          onClick={() =>
                            setValues('phones', (list) => list.filter((_, i) => i !== index))
                          }
                        >
                          ✕
                        </button>
                      </Show>
                    </div>
                  </Field>
                )}
              </Index>
              <Show when={errorOf('phones')}>
                <p class="field-error">{errorOf('phones')}</p>
              </Show>
              <Show when={values.phones.length < MAX_PHONES}>
                <button
                  type="button"
                  class="btn btn-ghost btn-small add-phone"
                  onClick={() => setValues('phones', (list) => [...list, ''])}
                >
                  + Ajouter un téléphone
                </button>
              </Show>
            </div>
          </div>
        </fieldset>

        <fieldset class="form-section">
          <legend>Adresse</legend>
          <div class="form-grid form-grid-address">
            {text('street', 'Numéro et rue', { fieldClass: 'span-all' })}
            {text('postalCode', 'Code postal', { inputMode: 'numeric', maxLength: 12 })}
            {text('city', 'Ville')}
            {text('country', 'Pays', {
              maxLength: 2,
              class: 'input-country',
              title: 'Code pays à deux lettres : FR, BE, CH…',
              onInput: (event) => setValues('country', event.currentTarget.value.toUpperCase()),
            })}
          </div>
        </fieldset>

        <Field label="Notes" for="client-notes" error={errorOf('notes')}>
          <Textarea
            id="client-notes"
            rows={3}
            value={values.notes}
            error={errorOf('notes')}
            onInput={(event) => setValues('notes', event.currentTarget.value)}
          />
        </Field>

        <label class="checkbox">
          <input
            type="checkbox"
            checked={values.consentReminders}
            onChange={(event) => setValues('consentReminders', event.currentTarget.checked)}
          />
          Accepte de recevoir des rappels (contrôle technique, entretien) — consentement RGPD
        </label>

        {props.notice}

        <div class="form-actions">
          <Show when={props.onCancel}>
            <Button onClick={cancel} title="Échap">
              Annuler
            </Button>
          </Show>
          <Button type="submit" variant="primary" isLoading={props.isSubmitting} title="Entrée">
            {props.submitLabel}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={isConfirmingCancel()}
        title="Abandonner vos modifications ?"
        message="Ce que vous avez saisi dans ce formulaire sera perdu."
        confirmLabel="Abandonner la saisie"
        cancelLabel="Continuer la saisie"
        onConfirm={() => props.onCancel?.()}
        onClose={() => setConfirmingCancel(false)}
      />
    </>
  );
}
