import { createSignal, For, Index, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { z } from 'zod';
import { parseEurosToCents } from '../../../domain/money';
import {
  PIEC_CATEGORIES,
  PIEC_CATEGORY_LABELS,
  type PiecCategory,
  type RepairOrderJobEditSchema,
} from '../../../domain/schemas/repair-order';
import type { Settings } from '../../../domain/schemas/settings';
import { Button } from '../../ui/Button';
import { parseQuantity } from '../quotes/quote-draft';

export type NewJob = z.input<typeof RepairOrderJobEditSchema>;

const KINDS = ['labour', 'part', 'fee'] as const;
type Kind = (typeof KINDS)[number];
type LineText = {
  kind: Kind;
  description: string;
  quantity: string;
  unitPrice: string;
  piecCategory: PiecCategory | '';
};

const KIND_LABELS: Record<Kind, string> = { labour: 'Main-d’œuvre', part: 'Pièce', fee: 'Frais' };
const UNITS = { labour: 'h', part: 'pièce', fee: 'forfait' } as const;
const emptyLine = (kind: Kind): LineText => ({
  kind,
  description: '',
  quantity: '1',
  unitPrice: '',
  piecCategory: '',
});

/**
 * A new job typed at the counter (before the check-in is signed, or as extra work): a title and
 * its lines, labour in hours at the settings' default VAT rate.
 */
export function JobForm(props: {
  settings: Settings;
  submitLabel: string;
  /** Fields shown above the job (the amendment's note). */
  children?: JSX.Element;
  onSubmit: (job: NewJob) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = createSignal('');
  const [lines, setLines] = createStore<LineText[]>([emptyLine('labour')]);
  const [error, setError] = createSignal<string | null>(null);
  const [isSending, setSending] = createSignal(false);

  function toJob(): NewJob | string {
    if (!title().trim()) return 'Saisissez un intitulé de prestation.';
    const parsed = [];
    for (const line of lines) {
      const quantity = parseQuantity(line.quantity);
      const price = parseEurosToCents(line.unitPrice || '0');
      if (!line.description.trim()) return 'Saisissez la désignation de chaque ligne.';
      if (quantity === null) return `Quantité invalide sur « ${line.description} ».`;
      if (!price.ok) return price.message;
      parsed.push({
        kind: line.kind,
        description: line.description.trim(),
        reference: null,
        quantity,
        unit: UNITS[line.kind],
        unitPriceCents: price.cents,
        vatRateBp: props.settings.defaultVatRateBp,
        discountBp: 0,
        piecCategory: line.kind === 'part' && line.piecCategory ? line.piecCategory : null,
        piecChoice: line.kind === 'part' && line.piecCategory ? 'proposed' : null,
        partCondition: line.kind === 'part' ? 'new' : null,
      } as const);
    }
    return { title: title().trim(), technicianId: null, lines: parsed };
  }

  async function submit(event: Event) {
    event.preventDefault();
    const job = toJob();
    if (typeof job === 'string') {
      setError(job);
      return;
    }
    setError(null);
    setSending(true);
    try {
      await props.onSubmit(job);
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="ro-job-form" onSubmit={(event) => void submit(event)}>
      {props.children}
      <label class="ro-inline-field">
        Intitulé de la prestation
        <input
          class="input"
          value={title()}
          maxLength={200}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </label>
      <Index each={lines}>
        {(line, index) => (
          <div class="ro-job-form-line" data-testid="ro-new-line">
            <select
              class="input"
              aria-label="Type de ligne"
              value={line().kind}
              onChange={(event) => {
                const value = event.currentTarget.value;
                const kind = KINDS.find((each) => each === value);
                if (kind) setLines(index, 'kind', kind);
              }}
            >
              <For each={KINDS}>{(kind) => <option value={kind}>{KIND_LABELS[kind]}</option>}</For>
            </select>
            <input
              class="input ro-grow"
              aria-label="Désignation"
              placeholder="Désignation"
              value={line().description}
              onInput={(event) => setLines(index, 'description', event.currentTarget.value)}
            />
            <input
              class="input num ro-narrow"
              aria-label={line().kind === 'labour' ? 'Heures' : 'Quantité'}
              inputMode="decimal"
              value={line().quantity}
              onInput={(event) => setLines(index, 'quantity', event.currentTarget.value)}
            />
            <input
              class="input num ro-narrow"
              aria-label="Prix unitaire HT"
              inputMode="decimal"
              placeholder="0,00"
              value={line().unitPrice}
              onInput={(event) => setLines(index, 'unitPrice', event.currentTarget.value)}
            />
            <Show when={line().kind === 'part'}>
              <select
                class="input"
                aria-label="Catégorie PIEC"
                value={line().piecCategory}
                onChange={(event) =>
                  setLines(
                    index,
                    'piecCategory',
                    PIEC_CATEGORIES.find((each) => each === event.currentTarget.value) ?? '',
                  )
                }
              >
                <option value="">Hors PIEC</option>
                <For each={PIEC_CATEGORIES}>
                  {(category) => <option value={category}>{PIEC_CATEGORY_LABELS[category]}</option>}
                </For>
              </select>
            </Show>
            <Show when={lines.length > 1}>
              <button
                type="button"
                class="btn btn-ghost btn-small"
                aria-label="Supprimer la ligne"
                onClick={() => setLines((all) => all.filter((_, at) => at !== index))}
              >
                ×
              </button>
            </Show>
          </div>
        )}
      </Index>
      <div class="ro-actions">
        <Button onClick={() => setLines(lines.length, emptyLine('labour'))}>+ Main-d’œuvre</Button>
        <Button onClick={() => setLines(lines.length, emptyLine('part'))}>+ Pièce</Button>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="ro-actions">
        <Button onClick={() => props.onCancel()}>Annuler</Button>
        <Button type="submit" variant="primary" isLoading={isSending()}>
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
