import { createSignal, Show } from 'solid-js';
import { type Invoice, isIssuedInvoice } from '../../../domain/schemas/invoice';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { PdfActions } from '../../ui/PdfActions';
import { showToast } from '../../ui/toast';
import { ciiXmlUrl } from './invoices.api';

/** Hands the browser a file to save, under `fileName`. */
function saveBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The invoice's files, drawn in the browser from the saved invoice: the PDF (Aperçu, Imprimer,
 * Télécharger) and, once issued, the Factur-X (the PDF/A-3 with `factur-x.xml`) and the CII
 * alone, which the server builds (decision 0017).
 */
export function InvoiceFileActions(props: { invoice: Invoice; isDirty: boolean }) {
  const [isBuilding, setBuilding] = createSignal(false);

  async function render() {
    const [{ buildInvoicePdf, invoicePdfFileName }, { loadEmbeddedFonts }] = await Promise.all([
      import('./pdf/build-invoice-pdf'),
      import('../../lib/pdf/embedded-fonts'),
    ]);
    const doc = buildInvoicePdf({ invoice: props.invoice, fonts: await loadEmbeddedFonts() });
    return { doc, fileName: invoicePdfFileName(props.invoice) };
  }

  async function downloadFacturX() {
    const invoice = props.invoice;
    if (!isIssuedInvoice(invoice)) return;
    setBuilding(true);
    try {
      const [{ buildInvoiceFacturX, facturXFileName }, { loadFacturXAssets }] = await Promise.all([
        import('./pdf/facturx'),
        import('./pdf/facturx-assets'),
      ]);
      const bytes = await buildInvoiceFacturX(invoice, await loadFacturXAssets());
      saveBytes(bytes, facturXFileName(invoice));
    } catch (error) {
      showToast(`Factur-X impossible : ${errorMessage(error)}`, 'error');
    } finally {
      setBuilding(false);
    }
  }

  return (
    <div class="invoice-files">
      <PdfActions
        render={render}
        previewTitle={
          props.invoice.kind === 'credit_note' ? 'Aperçu de l’avoir' : 'Aperçu de la facture'
        }
        disabledReason={
          props.isDirty ? 'Enregistrez d’abord : le PDF reprend la version enregistrée.' : undefined
        }
      />
      <Show when={props.invoice.status === 'issued'}>
        <Button isLoading={isBuilding()} onClick={() => void downloadFacturX()}>
          Télécharger Factur-X
        </Button>
        <a class="btn btn-secondary" href={ciiXmlUrl(props.invoice.id)} download="">
          XML CII
        </a>
      </Show>
    </div>
  );
}
