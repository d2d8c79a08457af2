import { todayInParis } from '../../../domain/dates';
import type { Quote } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { PdfActions } from '../../ui/PdfActions';
import { getClient } from '../clients/clients.api';
import { getVehicle } from '../vehicles/vehicles.api';

/** The quote's PDF, drawn in the browser from the saved version. */
export function QuotePdfActions(props: { quote: Quote; settings: Settings; isDirty: boolean }) {
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

  return (
    <PdfActions
      render={render}
      previewTitle="Aperçu du devis"
      disabledReason={
        props.isDirty ? 'Enregistrez d’abord : le PDF reprend la version enregistrée.' : undefined
      }
    />
  );
}
