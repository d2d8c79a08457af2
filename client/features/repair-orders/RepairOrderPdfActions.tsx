import { todayInParis } from '../../../domain/dates';
import type { RepairOrder } from '../../../domain/schemas/repair-order';
import type { Settings } from '../../../domain/schemas/settings';
import { PdfActions } from '../../ui/PdfActions';
import { getClient } from '../clients/clients.api';
import { getVehicle } from '../vehicles/vehicles.api';
import { signatureImageUrl } from './repair-orders.api';

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

/** The OR's PDF, drawn in the browser as the quote's, the signatures' images read from the server. */
export function RepairOrderPdfActions(props: { order: RepairOrder; settings: Settings }) {
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

  return <PdfActions render={render} previewTitle="Aperçu de l’ordre de réparation" />;
}
