import { Show } from 'solid-js';
import { type Download, describeProgress } from '../lib/download';

/** Under a download button: its progress, the file saved, or why it failed. */
export function DownloadStatus(props: { download: Download }) {
  return (
    <>
      <Show when={props.download.isBusy()}>
        <p class="download-status" role="status">
          <span class="spinner spinner-small" aria-hidden="true" />{' '}
          {describeProgress(props.download.progress())}
        </p>
      </Show>
      <Show when={props.download.savedAs()}>
        {(name) => (
          <p class="download-status muted" role="status">
            Fichier enregistré : <code>{name()}</code>
          </p>
        )}
      </Show>
      <Show when={props.download.error()}>
        {(message) => (
          <div class="alert alert-error" role="alert">
            {message()}
          </div>
        )}
      </Show>
    </>
  );
}
