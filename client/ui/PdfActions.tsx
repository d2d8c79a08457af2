import type { jsPDF } from 'jspdf';
import { createSignal, onCleanup, Show } from 'solid-js';
import { errorMessage } from '../lib/api';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { showToast } from './toast';
import './pdf-actions.css';

type Action = 'preview' | 'print' | 'download';

/**
 * Aperçu, Imprimer, Télécharger a document drawn in the browser (a quote, a repair order):
 * `render` loads the builder (jsPDF comes with it, on first use: no other screen carries it)
 * and what the document needs, and draws it.
 */
export function PdfActions(props: {
  render: () => Promise<{ doc: jsPDF; fileName: string }>;
  /** « Aperçu du devis »: the preview's title. */
  previewTitle: string;
  /** Why the document cannot be drawn now (unsaved edits), if it cannot. */
  disabledReason?: string;
}) {
  const [busy, setBusy] = createSignal<Action | null>(null);
  const [previewUrl, setPreviewUrl] = createSignal<string | null>(null);
  let printFrame: HTMLIFrameElement | undefined;
  const urls: string[] = [];
  onCleanup(() => {
    for (const url of urls) URL.revokeObjectURL(url);
    printFrame?.remove();
  });

  function toUrl(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    urls.push(url);
    return url;
  }

  async function run(action: Action) {
    setBusy(action);
    try {
      const { doc, fileName } = await props.render();
      if (action === 'download') {
        doc.save(fileName);
      } else if (action === 'preview') {
        setPreviewUrl(toUrl(doc.output('blob')));
      } else {
        // The browser's print dialog on the PDF itself, from a hidden frame.
        printFrame?.remove();
        printFrame = document.createElement('iframe');
        printFrame.className = 'print-frame';
        printFrame.title = fileName;
        printFrame.src = toUrl(doc.output('blob'));
        printFrame.onload = () => printFrame?.contentWindow?.print();
        document.body.append(printFrame);
      }
    } catch (error) {
      showToast(`PDF impossible : ${errorMessage(error)}`, 'error');
    } finally {
      setBusy(null);
    }
  }

  const button = (action: Action, label: string) => (
    <Button
      isLoading={busy() === action}
      disabled={Boolean(props.disabledReason)}
      title={props.disabledReason}
      onClick={() => void run(action)}
    >
      {label}
    </Button>
  );
  return (
    <div class="pdf-actions">
      {button('preview', 'Aperçu')}
      {button('print', 'Imprimer')}
      {button('download', 'Télécharger')}
      <Dialog
        open={previewUrl() !== null}
        title={props.previewTitle}
        onClose={() => setPreviewUrl(null)}
      >
        <Show when={previewUrl()}>
          {(url) => <iframe class="pdf-preview" src={url()} title={props.previewTitle} />}
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => setPreviewUrl(null)}>Fermer</Button>
        </div>
      </Dialog>
    </div>
  );
}
