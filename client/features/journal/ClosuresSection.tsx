import { createSignal, For } from 'solid-js';
import {
  CLOSURE_LEVEL_LABELS,
  CLOSURE_LEVELS,
  type Closure,
  type ClosureLevel,
} from '../../../domain/schemas/journal';
import { CloseForms } from './CloseForms';
import { ClosuresTable } from './ClosuresTable';
import { filterClosures } from './closure-view';

/**
 * « Clôtures »: close a day, a month or a year, and the closures made (live: another admin's
 * closure appears as it is made).
 */
export function ClosuresSection(props: {
  closures: readonly Closure[];
  changedBy: (id: string) => string | undefined;
  onClosed: (closure: Closure) => void;
}) {
  const [level, setLevel] = createSignal<ClosureLevel | ''>('');
  return (
    <section class="card journal-closures-card" aria-labelledby="journal-closures-title">
      <h2 id="journal-closures-title">Clôtures</h2>
      <p class="muted">
        Une clôture totalise les ventes et les encaissements de la période et les inscrit au journal
        ; la période n’accepte ensuite plus aucune facture ni aucun encaissement. Clôturez chaque
        journée, puis chaque mois et chaque exercice.
      </p>
      <CloseForms closures={props.closures} onClosed={props.onClosed} />
      <div class="journal-list-header">
        <h3>Clôtures enregistrées</h3>
        <label class="journal-filter">
          Afficher{' '}
          <select
            aria-label="Niveau de clôture affiché"
            onChange={(event) => {
              const value = event.currentTarget.value;
              setLevel(CLOSURE_LEVELS.find((known) => known === value) ?? '');
            }}
          >
            <option value="">Toutes</option>
            <For each={CLOSURE_LEVELS}>
              {(known) => <option value={known}>{CLOSURE_LEVEL_LABELS[known]}</option>}
            </For>
          </select>
        </label>
      </div>
      <ClosuresTable
        closures={filterClosures(props.closures, level())}
        changedBy={props.changedBy}
      />
    </section>
  );
}
