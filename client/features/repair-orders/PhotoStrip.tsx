import { createSignal, For, Show } from 'solid-js';
import { AppError } from '../../../domain/errors';
import { PHOTOS_MAX, type RepairOrder } from '../../../domain/schemas/repair-order';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { photoUrl, uploadRepairOrderPhoto } from './repair-orders.api';
import { resizePhoto } from './resize-image';

type Upload = { name: string; progress: number; error: string | null };

/**
 * The check-in photos: thumbnails, and a button that opens the camera on a phone or a tablet
 * (`capture`) and the file picker elsewhere. Each photo is resized, then sent with its progress.
 */
export function PhotoStrip(props: {
  order: RepairOrder;
  mayAdd: boolean;
  onChanged: (order: RepairOrder) => void;
}) {
  const [uploads, setUploads] = createSignal<Upload[]>([]);
  const room = () => PHOTOS_MAX - props.order.photos.length;

  function patch(name: string, change: Partial<Upload>) {
    setUploads((list) => list.map((each) => (each.name === name ? { ...each, ...change } : each)));
  }

  async function send(file: File, name: string) {
    try {
      const resized = await resizePhoto(file);
      const order = await uploadRepairOrderPhoto(props.order.id, resized, (progress) =>
        patch(name, { progress }),
      );
      setUploads((list) => list.filter((each) => each.name !== name));
      props.onChanged(order);
    } catch (error) {
      // The resize's own errors are French sentences too; anything else is the server's AppError.
      const message =
        error instanceof Error && !(error instanceof AppError)
          ? error.message
          : errorMessage(error);
      patch(name, { error: message });
    }
  }

  async function onFiles(files: FileList | null) {
    const picked = [...(files ?? [])].slice(0, Math.max(0, room()));
    const named = picked.map((file, index) => ({
      file,
      name: `${Date.now()}-${index}-${file.name}`,
    }));
    setUploads((list) => [
      ...list,
      ...named.map(({ name }) => ({ name, progress: 0, error: null })),
    ]);
    // One after the other: a phone on the workshop's Wi-Fi sends one photo at a time best.
    for (const { file, name } of named) await send(file, name);
  }

  return (
    <div class="ro-photos">
      <h3>
        Photos{' '}
        <span class="muted">
          ({props.order.photos.length}/{PHOTOS_MAX})
        </span>
      </h3>
      <ul class="ro-photo-list">
        <For each={props.order.photos}>
          {(photo) => (
            <li>
              <a href={photoUrl(props.order.id, photo.id)} target="_blank" rel="noopener">
                <img
                  src={photoUrl(props.order.id, photo.id)}
                  alt={`Véhicule à la réception, ${formatDateTime(photo.createdAt)}`}
                  width={photo.width}
                  height={photo.height}
                  loading="lazy"
                  class="ro-photo"
                />
              </a>
            </li>
          )}
        </For>
        <For each={uploads()}>
          {(upload) => (
            <li class="ro-photo-upload" data-testid="ro-photo-upload">
              <Show
                when={upload.error}
                fallback={
                  <>
                    <progress max="1" value={upload.progress} aria-label="Envoi de la photo" />
                    <span>{Math.round(upload.progress * 100)} %</span>
                  </>
                }
              >
                <span class="field-error" role="alert">
                  {upload.error}
                </span>
                <button
                  type="button"
                  class="btn btn-ghost btn-small"
                  onClick={() =>
                    setUploads((list) => list.filter((each) => each.name !== upload.name))
                  }
                >
                  Fermer
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.mayAdd && room() > 0}>
        <label class="btn btn-secondary ro-photo-add">
          Ajouter des photos
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            class="visually-hidden"
            data-testid="ro-photo-input"
            onChange={(event) => {
              const input = event.currentTarget;
              void onFiles(input.files).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
      </Show>
    </div>
  );
}
