import { createSignal, For, Show } from 'solid-js';
import type { Closure } from '../../../domain/schemas/journal';
import { createDownload } from '../../lib/download';
import { Button } from '../../ui/Button';
import { DownloadStatus } from '../../ui/DownloadStatus';
import { Field } from '../../ui/Field';
import { Select } from '../../ui/Input';
import { listArchivePeriods } from './closure-view';
import { requestArchive } from './journal.api';

/** « Archive d’une période clôturée »: its entries, chained and signed, for an auditor. */
export function ArchiveExport(props: { closures: readonly Closure[] }) {
  const periods = () => listArchivePeriods(props.closures);
  const [picked, setPicked] = createSignal<string | null>(null);
  const period = () => picked() ?? periods()[0]?.name ?? null;
  const download = createDownload();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const name = period();
    if (name) void download.run(() => requestArchive(name), `archive-${name}.json`);
  }

  return (
    <form
      class="journal-export"
      aria-labelledby="journal-archive-title"
      noValidate
      onSubmit={submit}
    >
      <h3 id="journal-archive-title">Archive d’une période clôturée</h3>
      <p class="muted">
        Les écritures de la période telles que le journal les garde (texte canonique, empreintes et
        signatures) avec sa clôture : un contrôleur la vérifie avec la clé publique.
      </p>
      <Show
        when={periods().length > 0}
        fallback={<p class="muted">Aucune période clôturée : clôturez d’abord une journée.</p>}
      >
        <Field label="Période" for="archive-period">
          <Select id="archive-period" onChange={(event) => setPicked(event.currentTarget.value)}>
            <For each={periods()}>
              {(option) => (
                <option value={option.name} selected={option.name === period()}>
                  {option.label}
                </option>
              )}
            </For>
          </Select>
        </Field>
        <Button type="submit" variant="primary" isLoading={download.isBusy()}>
          Télécharger l’archive
        </Button>
      </Show>
      <DownloadStatus download={download} />
    </form>
  );
}
