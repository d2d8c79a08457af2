import { createSignal, For, Index, Show } from 'solid-js';
import { formatEuros } from '../../../domain/money';
import type { QuoteTotals } from '../../../domain/quote/totals';
import type { Settings } from '../../../domain/schemas/settings';
import { ConfirmDialog } from '../../ui/Dialog';
import { focusCell, type GridMoves } from './grid-keys';
import { LineRow } from './LineRow';
import {
  centsToText,
  type DraftJob,
  type DraftLine,
  emptyLine,
  packageToLines,
} from './quote-draft';

export type JobEdits = {
  setTitle: (title: string) => void;
  setLine: (lineIndex: number, changes: Partial<DraftLine>) => void;
  setLines: (update: (lines: DraftLine[]) => DraftLine[]) => void;
  remove: () => void;
};

const isBlank = (line: DraftLine) => !line.description.trim() && !line.unitPrice.trim();

/** One job ("prestation"): its title, its lines grid, what can be added to it. */
export function JobCard(props: {
  job: DraftJob;
  jobIndex: number;
  totals: QuoteTotals;
  settings: Settings;
  isEditable: boolean;
  errorOf: (key: string, field: string) => string | undefined;
  edits: JobEdits;
  titlePlaceholder?: string;
}) {
  const [isConfirmingRemove, setConfirmingRemove] = createSignal(false);
  const defaultVat = () => props.settings.defaultVatRateBp;

  function addLine(line: DraftLine = emptyLine(defaultVat())) {
    props.edits.setLines((lines) => [...lines, line]);
    focusCell(props.jobIndex, props.job.lines.length - 1, 'description');
  }

  function removeLine(lineIndex: number) {
    props.edits.setLines((lines) => lines.filter((_, index) => index !== lineIndex));
    const remaining = props.job.lines.length;
    if (remaining > 0) focusCell(props.jobIndex, Math.min(lineIndex, remaining - 1), 'description');
  }

  const moves: GridMoves = {
    lineCount: () => props.job.lines.length,
    addLine: () => addLine(),
    removeLine,
  };

  /** A job with something typed in it is removed only once confirmed. */
  function askRemove() {
    if (props.job.title.trim() || props.job.lines.some((line) => !isBlank(line))) {
      setConfirmingRemove(true);
    } else {
      props.edits.remove();
    }
  }

  const lineTotal = (lineIndex: number) =>
    props.totals.lines.find(
      (line) => line.jobIndex === props.jobIndex && line.lineIndex === lineIndex,
    )?.lineTotalCents ?? 0;

  return (
    <section class="job card" aria-label={`Prestation ${props.jobIndex + 1}`}>
      <div class="job-header">
        <label class="visually-hidden" for={`job-title-${props.jobIndex}`}>
          Intitulé de la prestation {props.jobIndex + 1}
        </label>
        <input
          id={`job-title-${props.jobIndex}`}
          data-job-title={props.jobIndex}
          class={`job-title ${props.errorOf(props.job.key, 'title') ? 'cell-invalid' : ''}`}
          placeholder={props.titlePlaceholder ?? 'Intitulé de la prestation (ex. Freinage avant)'}
          value={props.job.title}
          readOnly={!props.isEditable}
          onInput={(event) => props.edits.setTitle(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Entrée in the title goes to the job's first line, as in the grid.
            if (event.key === 'Enter') {
              event.preventDefault();
              if (props.job.lines.length === 0) addLine();
              else focusCell(props.jobIndex, 0, 'description');
            }
          }}
        />
        <span class="job-total">
          {formatEuros(props.totals.jobs[props.jobIndex]?.totalExclVatCents ?? 0)} HT
        </span>
      </div>
      <div class="table-wrap">
        <table class="lines">
          <colgroup>
            <col class="col-kind" />
            <col />
            <col class="col-ref" />
            <col class="col-qty" />
            <col class="col-unit" />
            <col class="col-price" />
            <col class="col-discount" />
            <col class="col-vat" />
            <col class="col-total" />
            <col class="col-remove" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col">Réf.</th>
              <th scope="col" class="num">
                Qté
              </th>
              <th scope="col">Unité</th>
              <th scope="col" class="num">
                PU HT (€)
              </th>
              <th scope="col" class="num">
                Remise %
              </th>
              <th scope="col">TVA</th>
              <th scope="col" class="num">
                Total HT
              </th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <Index each={props.job.lines}>
              {(line, lineIndex) => (
                <LineRow
                  line={line()}
                  jobIndex={props.jobIndex}
                  lineIndex={lineIndex}
                  totalCents={lineTotal(lineIndex)}
                  isEditable={props.isEditable}
                  errorOf={(field) => props.errorOf(line().key, field)}
                  onChange={(changes) => props.edits.setLine(lineIndex, changes)}
                  moves={moves}
                />
              )}
            </Index>
          </tbody>
        </table>
      </div>
      <Show when={props.isEditable}>
        <div class="job-actions">
          <button type="button" class="btn btn-ghost" onClick={() => addLine()}>
            + Ligne
          </button>
          <select
            aria-label="Ajouter un taux horaire"
            value=""
            onChange={(event) => {
              const rate = props.settings.labourRates.find(
                (item) => item.id === event.currentTarget.value,
              );
              event.currentTarget.value = '';
              if (!rate) return;
              addLine(
                emptyLine(rate.vatRateBp, {
                  kind: 'labour',
                  description: `Main-d’œuvre ${rate.name.toLowerCase()}`,
                  unit: 'h',
                  unitPrice: centsToText(rate.hourlyRateCents),
                }),
              );
            }}
          >
            <option value="">+ Main-d’œuvre…</option>
            <For each={props.settings.labourRates}>
              {(rate) => (
                <option value={rate.id}>
                  {rate.name} — {formatEuros(rate.hourlyRateCents)}/h
                </option>
              )}
            </For>
          </select>
          <Show when={props.settings.packages.length > 0}>
            <select
              aria-label="Ajouter un forfait"
              value=""
              onChange={(event) => {
                const pack = props.settings.packages.find(
                  (item) => item.id === event.currentTarget.value,
                );
                event.currentTarget.value = '';
                if (!pack) return;
                props.edits.setLines((lines) => [
                  ...lines.filter((line) => !isBlank(line)),
                  ...packageToLines(pack),
                ]);
                if (!props.job.title) props.edits.setTitle(pack.name);
              }}
            >
              <option value="">+ Forfait…</option>
              <For each={props.settings.packages}>
                {(pack) => <option value={pack.id}>{pack.name}</option>}
              </For>
            </select>
          </Show>
          {/* Last in the tab order, and asked first: Tab then Entrée from the title once removed the job. */}
          <button type="button" class="btn btn-ghost job-remove" onClick={askRemove}>
            Retirer la prestation
          </button>
        </div>
      </Show>
      <ConfirmDialog
        open={isConfirmingRemove()}
        title="Retirer cette prestation ?"
        message={`« ${props.job.title.trim() || 'Sans intitulé'} » et ses ${props.job.lines.length} ligne(s) seront retirées du devis (tant que vous n’enregistrez pas, rien n’est perdu).`}
        confirmLabel="Retirer la prestation"
        cancelLabel="Garder"
        onConfirm={() => props.edits.remove()}
        onClose={() => setConfirmingRemove(false)}
      />
    </section>
  );
}
