import { createSignal, onCleanup, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import type { RepairOrder } from '../../../domain/schemas/repair-order';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { getClient } from '../clients/clients.api';
import { getVehicle } from '../vehicles/vehicles.api';
import { signatureImageUrl } from './repair-orders.api';

type Action = 'preview' | 'print' | 'download';

/** A drawn signature's PNG, as the data URL the PDF builder takes. */
async function readSignatureImage(orderId: string, signatureId: string): Promise<string> {
  const response = await fetch(signatureImageUrl(orderId, signatureId), {
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error('Image de signature illisible.');
  const blob = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(reader.error);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * Aperçu, Imprimer, Télécharger the OR, as the quote does (QuotePdfActions): drawn in the
 * browser, jsPDF loaded on first use, the signatures' images read from the server.
 */
export function RepairOrderPdfActions(props: { order: RepairOrder; settings: Settings }) {
  const [busy, setBusy] = createSignal<Action | null>(null);
  const [previewUrl, setPreviewUrl] = createSignal<string | null>(null);
  let printFrame: HTMLIFrameElement | undefined;
  const urls: string[] = [];
  onCleanup(() => {
    for (const url of urls) URL.revokeObjectURL(url);
    printFrame?.remove();
  });

  async function render() {
    const order = props.order;
    const [{ buildRepairOrderPdf, repairOrderPdfFileName }, client, vehicle, images] =
      await Promise.all([
        import('./pdf/build-repair-order-pdf'),
        getClient(order.clientId),
        getVehicle(order.vehicleId).catch(() => null),
        Promise.all(
          order.signatures.map(
            async (signature) =>
              [signature.id, await readSignatureImage(order.id, signature.id)] as const,
          ),
        ),
      ]);
    const doc = buildRepairOrderPdf({
      order,
      settings: props.settings,
      client,
      vehicle,
      signatureImages: Object.fromEntries(images),
      today: todayInParis(new Date()),
    });
    return { doc, fileName: repairOrderPdfFileName(order) };
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
        printFrame.className = 'ro-print-frame';
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

  return (
    <div class="ro-pdf-actions">
      <Button isLoading={busy() === 'preview'} onClick={() => void run('preview')}>
        Aperçu
      </Button>
      <Button isLoading={busy() === 'print'} onClick={() => void run('print')}>
        Imprimer
      </Button>
      <Button isLoading={busy() === 'download'} onClick={() => void run('download')}>
        Télécharger
      </Button>
      <Dialog
        open={previewUrl() !== null}
        title="Aperçu de l’ordre de réparation"
        onClose={() => setPreviewUrl(null)}
      >
        <Show when={previewUrl()}>
          {(url) => (
            <iframe class="ro-pdf-preview" src={url()} title="Aperçu de l’ordre de réparation" />
          )}
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => setPreviewUrl(null)}>Fermer</Button>
        </div>
      </Dialog>
    </div>
  );
}
