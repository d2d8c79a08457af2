import { createSignal, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { errorMessage } from '../../lib/api';
import { toCsv } from '../../lib/csv';
import { saveBlob } from '../../lib/download';
import { Button } from '../../ui/Button';
import { B2cSummaryTable } from './B2cSummaryTable';
import { type B2cTable, toB2cCsvRows, toB2cTable } from './b2c-summary';
import { DateRangeFields } from './DateRangeFields';
import { checkDateRange, type DateRange, monthToDate } from './export-ranges';
import { getB2cSummary } from './journal.api';

type Shown = { range: DateRange; table: B2cTable; json: string };

/**
 * « Synthèse B2C »: the sales to private customers and their payments, day by day, on screen
 * (asked for, never preloaded: it reads the journal), then as CSV or JSON.
 */
export function B2cSummaryExport() {
  const [range, setRange] = createSignal<DateRange>(monthToDate(todayInParis(new Date())));
  const [errors, setErrors] = createSignal<ReturnType<typeof checkDateRange>>(null);
  const [shown, setShown] = createSignal<Shown | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const asked = range();
    const checked = checkDateRange(asked);
    setErrors(checked);
    if (checked) return;
    setBusy(true);
    setError(null);
    try {
      const summary = await getB2cSummary(asked.from, asked.to);
      setShown({
        range: asked,
        table: toB2cTable(summary),
        json: JSON.stringify(summary, null, 2),
      });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const baseName = (done: Shown) => `synthese-b2c-${done.range.from}-${done.range.to}`;

  return (
    <form
      class="journal-export journal-b2c"
      aria-labelledby="journal-b2c-title"
      noValidate
      onSubmit={submit}
    >
      <h3 id="journal-b2c-title">Synthèse B2C</h3>
      <p class="muted">
        Les ventes aux particuliers et leurs encaissements, jour par jour, par taux de TVA et par
        moyen de paiement (e-reporting). Par défaut : le mois en cours.
      </p>
      <DateRangeFields idPrefix="b2c" range={range()} errors={errors()} onChange={setRange} />
      <Button type="submit" variant="primary" isLoading={isBusy()}>
        Afficher la synthèse
      </Button>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show when={shown()}>
        {(done) => (
          <>
            <B2cSummaryTable table={done().table} />
            <div class="journal-b2c-actions">
              <Button
                onClick={() =>
                  saveBlob(
                    new Blob([toCsv(toB2cCsvRows(done().table))], {
                      type: 'text/csv;charset=utf-8',
                    }),
                    `${baseName(done())}.csv`,
                  )
                }
              >
                Télécharger en CSV
              </Button>
              <Button
                onClick={() =>
                  saveBlob(
                    new Blob([done().json], { type: 'application/json' }),
                    `${baseName(done())}.json`,
                  )
                }
              >
                Télécharger en JSON
              </Button>
            </div>
          </>
        )}
      </Show>
    </form>
  );
}
