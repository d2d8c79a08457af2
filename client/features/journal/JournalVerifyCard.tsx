import { createSignal, Show } from 'solid-js';
import { JOURNAL_PROBLEM_LABELS, type JournalVerification } from '../../../domain/schemas/journal';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { countWords } from './closure-view';
import { verifyJournal } from './journal.api';

/**
 * « Vérifier le journal »: the server recomputes every hash of the chain (and one signature in a
 * thousand, or all of them) and names the first entry altered, removed or inserted.
 */
export function JournalVerifyCard() {
  const [report, setReport] = createSignal<JournalVerification | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  async function run(allSignatures: boolean) {
    setBusy(true);
    setError(null);
    try {
      setReport(await verifyJournal(allSignatures));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card journal-verify" aria-labelledby="journal-verify-title">
      <h2 id="journal-verify-title">Vérification du journal</h2>
      <p class="muted">
        Chaque facture émise, encaissement, mouvement de caisse et clôture est une écriture chaînée
        (SHA-256) et signée (Ed25519). La vérification recalcule toute la chaîne.
      </p>
      <div class="journal-actions">
        <Button variant="primary" isLoading={isBusy()} onClick={() => void run(false)}>
          Vérifier le journal
        </Button>
        <Button isLoading={isBusy()} onClick={() => void run(true)}>
          Vérification complète (toutes les signatures)
        </Button>
      </div>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show when={report()}>
        {(done) => (
          <div
            class={`alert ${done().ok ? 'alert-success' : 'alert-error'} journal-report`}
            role="status"
          >
            <Show
              when={done().problem}
              fallback={
                <p>
                  <strong>Journal intègre.</strong>{' '}
                  {countWords(done().entryCount, 'écriture vérifiée', 'écritures vérifiées')},{' '}
                  {countWords(
                    done().signaturesChecked,
                    'signature contrôlée',
                    'signatures contrôlées',
                  )}
                  .
                </p>
              }
            >
              {(problem) => (
                <p>
                  <strong>
                    {JOURNAL_PROBLEM_LABELS[problem().kind]} — écriture n° {problem().seq}.
                  </strong>{' '}
                  {problem().message}
                </p>
              )}
            </Show>
            <p class="muted">
              {/* Verification stops at a problem: the last entry it reached is the one before. */}
              <Show
                when={done().problem === null && done().lastSeq > 0}
                fallback={done().problem ? 'Vérification arrêtée à cette écriture' : 'Journal vide'}
              >
                Dernière écriture n° {done().lastSeq} · empreinte{' '}
                <code>{done().lastHash?.slice(0, 16)}</code>
              </Show>{' '}
              · clé <code>{done().keyId}</code> · vérifié le {formatDateTime(done().checkedAt)}
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}
