import type { ClientResponse } from 'hono/client';
import { createSignal } from 'solid-js';
import { callForFile, errorMessage } from './api';

/*
 * Files the server builds (the FEC, a period's archive): read through the typed client, with
 * the bytes received so far for a progress line, then handed to the browser to save under the
 * name the server gave.
 */

export type DownloadProgress = { received: number; total: number | null };

/** The file name of a `Content-Disposition` header (RFC 6266: `filename*` wins), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: the plain `filename` below, if any, still names it.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

/** "12,5 Ko", "3,2 Mo": how much has come. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  const units = ['Ko', 'Mo', 'Go'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** Hands the browser a file to save, under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has taken the file by then; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Body = Pick<Response, 'body' | 'headers' | 'arrayBuffer'>;

async function readBody(
  response: Body,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Blob> {
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  if (!response.body) return new Blob([await response.arrayBuffer()], { type });
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return new Blob(chunks, { type });
}

/**
 * Downloads what `request` answers and saves it; refusals come back as the API's AppError
 * (its French message), as `call`'s do. Returns the name saved under.
 */
export async function downloadFile(
  request: Promise<ClientResponse<unknown>>,
  options: { fallbackName: string; onProgress: (progress: DownloadProgress) => void },
): Promise<string> {
  const response = await callForFile(request);
  options.onProgress({ received: 0, total: null });
  const blob = await readBody(response, options.onProgress);
  const name =
    fileNameFromDisposition(response.headers.get('content-disposition')) ?? options.fallbackName;
  saveBlob(blob, name);
  return name;
}

/**
 * A download's state for a screen: « Préparation… » until the server answers, then the bytes
 * received, the name saved under, or the refusal in French.
 */
export function createDownload() {
  const [isBusy, setBusy] = createSignal(false);
  const [progress, setProgress] = createSignal<DownloadProgress | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [savedAs, setSavedAs] = createSignal<string | null>(null);

  async function run(request: () => Promise<ClientResponse<unknown>>, fallbackName: string) {
    setBusy(true);
    setProgress(null);
    setError(null);
    setSavedAs(null);
    try {
      setSavedAs(await downloadFile(request(), { fallbackName, onProgress: setProgress }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return { isBusy, progress, error, savedAs, run };
}
export type Download = ReturnType<typeof createDownload>;

/** « Préparation du fichier… », « 12,5 Ko reçus », « 40 % (12,5 Ko sur 31 Ko) ». */
export function describeProgress(progress: DownloadProgress | null): string {
  if (progress === null) return 'Préparation du fichier…';
  if (progress.total === null) return `${formatBytes(progress.received)} reçus…`;
  const percent = Math.min(100, Math.floor((progress.received / progress.total) * 100));
  return `${percent} % (${formatBytes(progress.received)} sur ${formatBytes(progress.total)})`;
}
