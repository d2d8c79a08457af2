import { createSignal } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { createDownload } from '../../lib/download';
import { Button } from '../../ui/Button';
import { DownloadStatus } from '../../ui/DownloadStatus';
import { DateRangeFields } from './DateRangeFields';
import { checkDateRange, type DateRange, fiscalYearToDate } from './export-ranges';
import { requestFec } from './journal.api';

/** « Fichier des écritures comptables »: the FEC of a date range, for the accountant. */
export function FecExport(props: { fiscalYearStartMonth?: number }) {
  const [range, setRange] = createSignal<DateRange>(
    fiscalYearToDate(todayInParis(new Date()), props.fiscalYearStartMonth),
  );
  const [errors, setErrors] = createSignal<ReturnType<typeof checkDateRange>>(null);
  const download = createDownload();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const checked = checkDateRange(range());
    setErrors(checked);
    if (checked) return;
    const { from, to } = range();
    void download.run(() => requestFec(from, to), `FEC-${from}-${to}.txt`);
  }

  return (
    <form class="journal-export" aria-labelledby="journal-fec-title" noValidate onSubmit={submit}>
      <h3 id="journal-fec-title">Fichier des écritures comptables (FEC)</h3>
      <p class="muted">
        Les factures, avoirs et encaissements de la période, au format de l’article A47 A-1 du LPF
        (texte, 18 colonnes séparées par des tabulations). Par défaut : l’exercice en cours jusqu’à
        aujourd’hui.
      </p>
      <DateRangeFields idPrefix="fec" range={range()} errors={errors()} onChange={setRange} />
      <Button type="submit" variant="primary" isLoading={download.isBusy()}>
        Télécharger le FEC
      </Button>
      <DownloadStatus download={download} />
    </form>
  );
}
