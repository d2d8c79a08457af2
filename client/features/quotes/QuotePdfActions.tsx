import type { Quote } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { PdfActions } from '../../ui/PdfActions';
import { renderQuotePdf } from './quote-pdf';

/** The quote's PDF, drawn in the browser from the saved version. */
export function QuotePdfActions(props: { quote: Quote; settings: Settings; isDirty: boolean }) {
  return (
    <PdfActions
      render={() => renderQuotePdf(props.quote, props.settings)}
      previewTitle="Aperçu du devis"
      disabledReason={
        props.isDirty ? 'Enregistrez d’abord : le PDF reprend la version enregistrée.' : undefined
      }
    />
  );
}
