import { createSignal, onCleanup, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import type { Quote } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { getClient } from '../clients/clients.api';
import { getVehicle } from '../vehicles/vehicles.api';

type Action = 'preview' | 'print' | 'download';

/**
 * Aperçu, Imprimer, Télécharger: the PDF is drawn in the browser. jsPDF is loaded here, on
 * first use, so no other screen carries it.
 */
export function QuotePdfActions(props: { quote: Quote; settings: Settings; isDirty: boolean }) {
  const [busy, setBusy] = createSignal<Action | null>(null);
  const [previewUrl, setPreviewUrl] = createSignal<string | null>(null);
  let printFrame: HTMLIFrameElement | undefined;
  const urls: string[] = [];
  onCleanup(() => {
    for (const url of urls) URL.revokeObjectURL(url);
    printFrame?.remove();
  });

  async function render() {
    const [{ buildQuotePdf, quotePdfFileName }, client, vehicle] = await Promise.all([
      import('./pdf/build-quote-pdf'),
      getClient(props.quote.clientId),
      props.quote.vehicleId ? getVehicle(props.quote.vehicleId) : Promise.resolve(null),
    ]);
    const doc = buildQuotePdf({
      quote: props.quote,
      settings: props.settings,
      client,
      vehicle,
      today: todayInParis(new Date()),
    });
    return { doc, fileName: quotePdfFileName(props.quote) };
  }

  function toUrl(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    urls.push(url);
    return url;
  }

  async function run(action: Action) {
    setBusy(action);
    try {
      const { doc, fileName } = await render();
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

  const hint = () =>
    props.isDirty ? 'Enregistrez d’abord : le PDF reprend la version enregistrée.' : undefined;
  return (
    <div class="pdf-actions">
      <Button
        isLoading={busy() === 'preview'}
        disabled={props.isDirty}
        title={hint()}
        onClick={() => void run('preview')}
      >
        Aperçu
      </Button>
      <Button
        isLoading={busy() === 'print'}
        disabled={props.isDirty}
        title={hint()}
        onClick={() => void run('print')}
      >
        Imprimer
      </Button>
      <Button
        isLoading={busy() === 'download'}
        disabled={props.isDirty}
        title={hint()}
        onClick={() => void run('download')}
      >
        Télécharger
      </Button>
      <Dialog
        open={previewUrl() !== null}
        title="Aperçu du devis"
        onClose={() => setPreviewUrl(null)}
      >
        <Show when={previewUrl()}>
          {(url) => <iframe class="pdf-preview" src={url()} title="Aperçu du devis" />}
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => setPreviewUrl(null)}>Fermer</Button>
        </div>
      </Dialog>
    </div>
  );
}
