import { useAction, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { todayInParis } from '../../../domain/dates';
import { checkInvoiceCompliance } from '../../../domain/invoice/compliance';
import { readDetails } from '../../../domain/refusals';
import { type Invoice, InvoiceSchema } from '../../../domain/schemas/invoice';
import { errorMessage } from '../../lib/api';
import { createEditableRecord } from '../../lib/editable-record';
import { Button } from '../../ui/Button';
import { EditorStatus, LeaveGuardDialog } from '../../ui/Collaboration';
import { ConfirmDialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { PaymentsPanel } from '../payments/PaymentsPanel';
import { type ComplianceIssue, ComplianceList } from './ComplianceList';
import { CreditNoteDialog } from './CreditNoteDialog';
import { InvoiceDraftForm } from './InvoiceDraftForm';
import { InvoiceFileActions } from './InvoiceFileActions';
import { InvoiceHeader } from './InvoiceHeader';
import { InvoiceLineEditor } from './InvoiceLineEditor';
import { InvoiceLines } from './InvoiceLines';
import { IssuedFacts } from './IssuedFacts';
import {
  mergeInvoiceValues,
  toInvoicePatch,
  toInvoiceValues,
  validateInvoiceValues,
} from './invoice-values';
import { deleteInvoice, issueInvoice, updateInvoice } from './invoices.api';

type Asking = 'issue' | 'delete' | 'credit' | null;

/** One invoice, live: a draft's editor and its compliance list, or the issued one, read-only. */
export function InvoiceView(props: { initial: Invoice }) {
  const update = useAction(updateInvoice);
  const issue = useAction(issueInvoice);
  const remove = useAction(deleteInvoice);
  const navigate = useNavigate();
  const editor = createEditableRecord(props.initial, {
    entity: 'invoice',
    id: props.initial.id,
    schema: InvoiceSchema,
    toValues: toInvoiceValues,
    merge: mergeInvoiceValues,
    validate: validateInvoiceValues,
    save: ({ values, base, version }) =>
      update(props.initial.id, { ...toInvoicePatch(base, values), version }),
  });
  const invoice = editor.record;
  const isDraft = () => invoice().status === 'draft';
  const [asking, setAsking] = createSignal<Asking>(null);
  const [isBusy, setBusy] = createSignal(false);
  /** What the server said was missing when it refused to issue (its own check, the last word). */
  const [refused, setRefused] = createSignal<ComplianceIssue[] | null>(null);
  const compliance = createMemo(
    (): ComplianceIssue[] =>
      refused() ?? checkInvoiceCompliance(invoice(), { issueDate: todayInParis(new Date()) }),
  );

  async function save() {
    setRefused(null);
    if (await editor.save()) showToast('Brouillon enregistré.');
  }

  async function confirmIssue() {
    setAsking(null);
    setBusy(true);
    editor.setError(null);
    try {
      const issued = await issue(invoice().id, invoice().version);
      editor.adopt(issued);
      setRefused(null);
      showToast(`${issued.number} émise.`);
    } catch (caught) {
      const missing = readDetails(caught, 'compliance_missing');
      if (missing) {
        setRefused(missing.missing);
      }
      editor.setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function confirmDelete() {
    setAsking(null);
    try {
      await remove(invoice().id);
      editor.discard();
      showToast('Brouillon supprimé.');
      navigate('/invoices');
    } catch (caught) {
      editor.setError(errorMessage(caught));
    }
  }

  const issueBlocker = () =>
    editor.isDirty()
      ? 'Enregistrez d’abord vos modifications.'
      : compliance().length > 0
        ? 'Il manque des mentions obligatoires.'
        : undefined;

  return (
    <>
      <InvoiceHeader invoice={invoice()}>
        <InvoiceFileActions invoice={invoice()} isDirty={editor.isDirty()} />
        <Show when={isDraft()}>
          <Button variant="danger" onClick={() => setAsking('delete')}>
            Supprimer le brouillon
          </Button>
          <Button
            variant="primary"
            isLoading={isBusy()}
            disabled={Boolean(issueBlocker())}
            title={issueBlocker()}
            onClick={() => setAsking('issue')}
          >
            {invoice().kind === 'credit_note' ? 'Émettre l’avoir' : 'Émettre la facture'}
          </Button>
        </Show>
        <Show when={!isDraft() && invoice().kind !== 'credit_note'}>
          <Button onClick={() => setAsking('credit')}>Créer un avoir</Button>
        </Show>
      </InvoiceHeader>
      <EditorStatus editor={editor} what="cette facture" />
      <Show when={isDraft()}>
        <ComplianceList issues={compliance()} clientId={invoice().buyer.clientId} />
      </Show>
      <Show
        when={isDraft() && invoice().kind !== 'credit_note'}
        fallback={<InvoiceLines invoice={invoice()} lines={invoice().lines} />}
      >
        <InvoiceLineEditor
          invoice={invoice()}
          values={editor.values}
          setValues={editor.setValues}
        />
      </Show>
      <Show when={!isDraft() && invoice().kind !== 'credit_note'}>
        <PaymentsPanel invoice={invoice()} />
      </Show>
      <Show when={isDraft()} fallback={<IssuedFacts invoice={invoice()} />}>
        <InvoiceDraftForm
          values={editor.values}
          setValues={editor.setValues}
          errors={editor.errors()}
          isDeposit={invoice().kind === 'deposit'}
          hasVehicle={invoice().vehicle !== null}
          isDirty={editor.isDirty()}
          isSaving={editor.isSaving()}
          onSave={() => void save()}
        />
      </Show>
      <LeaveGuardDialog guard={editor.guard} onSave={editor.save} />
      <ConfirmDialog
        open={asking() === 'issue'}
        title={invoice().kind === 'credit_note' ? 'Émettre cet avoir ?' : 'Émettre cette facture ?'}
        message="Elle sera numérotée et verrouillée définitivement : plus aucune modification, une erreur se corrigera par un avoir."
        confirmLabel="Émettre"
        tone="primary"
        onConfirm={() => void confirmIssue()}
        onClose={() => setAsking(null)}
      />
      <ConfirmDialog
        open={asking() === 'delete'}
        title="Supprimer ce brouillon ?"
        message="Il n’a pas de numéro : le supprimer ne laisse aucun trou dans la numérotation."
        confirmLabel="Supprimer"
        tone="danger"
        onConfirm={() => void confirmDelete()}
        onClose={() => setAsking(null)}
      />
      <CreditNoteDialog
        invoice={invoice()}
        open={asking() === 'credit'}
        onClose={() => setAsking(null)}
      />
    </>
  );
}
