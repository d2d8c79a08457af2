import { For, Show } from 'solid-js';
import { formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { type ClientFormValues, isSameValue } from './client-values';

const LABELS: Partial<Record<keyof ClientFormValues, string>> = {
  kind: 'Type',
  companyName: 'Raison sociale',
  siret: 'SIRET',
  vatNumber: 'N° de TVA',
  civility: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom',
  email: 'E-mail',
  phones: 'Téléphones',
  street: 'Adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  country: 'Pays',
  notes: 'Notes',
  consentReminders: 'Rappels',
};

const KIND_LABELS = { person: 'Particulier', business: 'Entreprise' } as const;
const CIVILITY_LABELS = { mr: 'M.', mrs: 'Mme', '': '—' } as const;

function show(key: keyof ClientFormValues, values: ClientFormValues): string {
  const value = values[key];
  if (key === 'kind') return KIND_LABELS[values.kind];
  if (key === 'civility') return CIVILITY_LABELS[values.civility];
  if (Array.isArray(value)) return value.filter(Boolean).join(', ') || '—';
  if (typeof value === 'boolean') return value ? 'Accepte' : 'Refuse';
  return String(value ?? '').trim() || '—';
}

/**
 * A save refused because someone else saved first: their version beside what you typed, field by
 * field, and the two ways on. Nothing is overwritten silently: reapplying puts back only the
 * fields you changed, so theirs on other fields stay.
 */
export function ConflictPanel(props: {
  changedBy: string | null;
  changedAt: string | null;
  /** The version now on the server. */
  theirs: ClientFormValues;
  /** What you submitted. */
  mine: ClientFormValues;
  /** What your form started from. */
  base: ClientFormValues;
  onTakeTheirs: () => void;
  onReapplyMine: () => void;
  onCancel: () => void;
  isSubmitting: boolean;
}) {
  const rows = () =>
    (Object.keys(LABELS) as Array<keyof ClientFormValues>)
      .map((key) => ({
        key,
        isMine: !isSameValue(key, props.base, props.mine),
        isTheirs: !isSameValue(key, props.base, props.theirs),
      }))
      .filter(
        (row) => (row.isMine || row.isTheirs) && !isSameValue(row.key, props.theirs, props.mine),
      );
  return (
    <section class="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">
        {props.changedBy ?? 'Quelqu’un'} a modifié ce client
        <Show when={props.changedAt}> à {formatTime(props.changedAt!)}</Show>
      </h2>
      <p>
        Votre enregistrement n’a pas été appliqué. Reprenez leur version, ou réappliquez vos
        modifications : seuls les champs que vous avez changés remplacent les leurs.
      </p>
      <Show
        when={rows().length > 0}
        fallback={<p>Vos modifications et les leurs sont identiques.</p>}
      >
        <Table class="conflict-table" label="Différences entre les deux versions">
          <thead>
            <tr>
              <th scope="col">Champ</th>
              <th scope="col">Leur version</th>
              <th scope="col">Votre saisie</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr classList={{ 'conflict-both': row.isMine && row.isTheirs }}>
                  <th scope="row">{LABELS[row.key]}</th>
                  <td classList={{ 'conflict-kept': !row.isMine }}>
                    {show(row.key, props.theirs)}
                    <Show when={!row.isMine}>
                      <span class="conflict-note">conservé</span>
                    </Show>
                  </td>
                  <td classList={{ 'conflict-kept': row.isMine }}>
                    <Show when={row.isMine} fallback={<span class="muted">non modifié</span>}>
                      {show(row.key, props.mine)}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </Table>
        <p class="field-hint">En gras : ce qui sera enregistré si vous réappliquez.</p>
      </Show>
      <div class="form-actions">
        <Button variant="ghost" onClick={() => props.onCancel()}>
          Annuler la modification
        </Button>
        <Button onClick={() => props.onTakeTheirs()}>Reprendre leurs modifications</Button>
        <Button
          variant="primary"
          isLoading={props.isSubmitting}
          onClick={() => props.onReapplyMine()}
        >
          Réappliquer mes modifications
        </Button>
      </div>
    </section>
  );
}
