import { Index, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { VatRateBp } from '../../../domain/quote/vat';
import { formatEuros } from '../../lib/format';
import type { FieldErrors } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { computeDraftTotals } from '../quotes/quote-draft';
import { CellErrors } from './CellErrors';
import { focusSoon } from './focus';
import { PackageLineRow } from './PackageLineRow';
import {
  newPackageLine,
  type PackageLineValues,
  type PackageValues,
  type SettingsFormValues,
} from './settings-values';

const LINE_CELLS: Record<string, string> = {
  kind: 'type',
  description: 'description',
  reference: 'référence',
  quantity: 'quantité',
  unit: 'unité',
  unitPriceCents: 'prix unitaire',
  discountBp: 'remise',
  vatRateBp: 'TVA',
};

/** One package: its name (the quote job's title it becomes) and its lines. */
export function PackageCard(props: {
  pack: PackageValues;
  index: number;
  setValues: SetStoreFunction<SettingsFormValues>;
  errors: FieldErrors;
  isEditable: boolean;
  defaultVatRateBp: VatRateBp;
  onRemove: () => void;
}) {
  const path = () => `packages.${props.index}`;
  const lineId = (lineIndex: number) => `package-${props.pack.id}-line-${lineIndex}`;
  const totalExclVat = () =>
    computeDraftTotals(
      [
        {
          key: props.pack.id,
          title: props.pack.name,
          lines: props.pack.lines.map((line) => ({ key: '', ...line })),
        },
      ],
      false,
    ).exclVatCents;

  function setLine<K extends keyof PackageLineValues>(
    lineIndex: number,
    field: K,
    value: PackageLineValues[K],
  ) {
    props.setValues('packages', props.index, 'lines', lineIndex, field, value);
  }

  function addLine() {
    props.setValues('packages', props.index, 'lines', (lines) => [
      ...lines,
      newPackageLine(props.defaultVatRateBp),
    ]);
    focusSoon(`${lineId(props.pack.lines.length - 1)}-description`);
  }

  function removeLine(lineIndex: number) {
    props.setValues('packages', props.index, 'lines', (lines) =>
      lines.filter((_, index) => index !== lineIndex),
    );
    focusSoon(`package-${props.pack.id}-add-line`);
  }

  function nextLine(lineIndex: number) {
    if (lineIndex === props.pack.lines.length - 1) addLine();
    else focusSoon(`${lineId(lineIndex + 1)}-description`);
  }

  return (
    <article class="settings-package" aria-label={`Forfait ${props.pack.name || 'sans nom'}`}>
      <Field
        label="Nom du forfait"
        for={`package-${props.pack.id}-name`}
        error={props.errors[`${path()}.name`]}
      >
        <Input
          id={`package-${props.pack.id}-name`}
          value={props.pack.name}
          placeholder="Ex. Vidange + filtre à huile"
          disabled={!props.isEditable}
          error={props.errors[`${path()}.name`]}
          onInput={(event) =>
            props.setValues('packages', props.index, 'name', event.currentTarget.value)
          }
        />
      </Field>
      <div class="table-wrap">
        <table class="table settings-lines">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col">Réf.</th>
              <th scope="col">Qté</th>
              <th scope="col">Unité</th>
              <th scope="col">PU HT</th>
              <th scope="col">Remise %</th>
              <th scope="col">TVA</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <Index each={props.pack.lines}>
              {(line, lineIndex) => (
                <PackageLineRow
                  line={line()}
                  idPrefix={lineId(lineIndex)}
                  errorPath={`${path()}.lines.${lineIndex}`}
                  errors={props.errors}
                  isEditable={props.isEditable}
                  onChange={(field, value) => setLine(lineIndex, field, value)}
                  onEnter={() => nextLine(lineIndex)}
                  onRemove={() => removeLine(lineIndex)}
                />
              )}
            </Index>
          </tbody>
        </table>
      </div>
      <CellErrors
        errors={props.errors}
        prefix={`${path()}.lines`}
        describe={([lineIndex, field]) =>
          lineIndex === undefined
            ? 'Lignes'
            : `Ligne ${Number(lineIndex) + 1}, ${LINE_CELLS[field ?? ''] ?? 'valeur'}`
        }
      />
      <div class="settings-package-footer">
        <Show when={props.isEditable}>
          <Button id={`package-${props.pack.id}-add-line`} variant="ghost" onClick={addLine}>
            + Ajouter une ligne
          </Button>
        </Show>
        <span class="settings-package-total">Total HT : {formatEuros(totalExclVat())}</span>
        <Show when={props.isEditable}>
          <Button variant="danger" class="btn-small" onClick={() => props.onRemove()}>
            Retirer ce forfait
          </Button>
        </Show>
      </div>
    </article>
  );
}
