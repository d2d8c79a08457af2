import { useAction, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { readDetails } from '../../../domain/refusals';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { createInvoice } from './invoices.api';

/**
 * « Facturer » on a handed-back OR, or on an accepted quote sold over the counter: its draft
 * invoice, or the invoice it already has (one per OR or quote: the server answers
 * `invoice_exists` with it).
 */
export function InvoiceOrderButton(props: {
  origin: { repairOrderId: string } | { quoteId: string };
  label?: string;
}) {
  const create = useAction(createInvoice);
  const navigate = useNavigate();
  const [isBusy, setBusy] = createSignal(false);

  async function invoice() {
    setBusy(true);
    try {
      const draft = await create(props.origin);
      navigate(`/invoices/${draft.id}`);
    } catch (caught) {
      const existing = readDetails(caught, 'invoice_exists');
      if (existing) {
        showToast(`Déjà facturé : ${existing.number ?? 'brouillon en cours'}.`, 'info');
        navigate(`/invoices/${existing.invoiceId}`);
      } else {
        showToast(errorMessage(caught), 'error');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="primary" isLoading={isBusy()} onClick={() => void invoice()}>
      {props.label ?? 'Facturer'}
    </Button>
  );
}
