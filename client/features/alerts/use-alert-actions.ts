import { useAction } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { formatDateFr } from '../../../domain/dates';
import { readDetails } from '../../../domain/refusals';
import { type Alert, AlertSchema } from '../../../domain/schemas/alert';
import { errorMessage } from '../../lib/api';
import { showToast } from '../../ui/toast';
import {
  acknowledgeAlert,
  assignAlert,
  resolveAlert,
  runAlertCheck,
  snoozeAlert,
} from './alerts.api';
import type { LiveInbox } from './inbox.live';

/**
 * The alert as it is now, when the server refused because the copy on screen was not: resolved
 * meanwhile (`alert_resolved`), or changed by someone (`stale_version`).
 */
function currentOf(error: unknown): Alert | null {
  const resolved = readDetails(error, 'alert_resolved');
  if (resolved) return resolved.current;
  const stale = readDetails(error, 'stale_version');
  const parsed = stale ? AlertSchema.safeParse(stale.current) : null;
  return parsed?.success ? parsed.data : null;
}

function refusalMessage(error: unknown): string {
  if (readDetails(error, 'alert_resolved')) {
    return 'Cette alerte a été résolue entre-temps : elle n’est plus à traiter.';
  }
  const stale = readDetails(error, 'stale_version');
  if (stale) {
    const who = stale.changedBy?.name ?? 'Quelqu’un';
    return `${who} a modifié cette alerte entre-temps : elle est affichée à jour, vérifiez-la puis recommencez si besoin.`;
  }
  return errorMessage(error);
}

/**
 * Acknowledge, snooze, assign, resolve: each a live action whose answer goes into the inbox at
 * once (the change that follows is then a no-op). A refusal shows its French message and puts
 * the alert as it is now in its row.
 */
export function useAlertActions(inbox: LiveInbox) {
  const [error, setError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal<string | null>(null);
  const ack = useAction(acknowledgeAlert);
  const snooze = useAction(snoozeAlert);
  const assign = useAction(assignAlert);
  const resolve = useAction(resolveAlert);
  const check = useAction(runAlertCheck);

  async function act(alert: Alert, write: () => Promise<Alert>, success: string) {
    setError(null);
    setPending(alert.id);
    try {
      inbox.put(await write());
      showToast(success);
      return true;
    } catch (caught) {
      const current = currentOf(caught);
      if (current) inbox.put(current);
      setError(refusalMessage(caught));
      return false;
    } finally {
      setPending(null);
    }
  }

  return {
    error,
    setError,
    /** The alert whose action is on its way (its buttons wait). */
    isPending: (id: string) => pending() === id,
    acknowledge: (alert: Alert) => act(alert, () => ack(alert), 'Alerte prise en compte.'),
    snooze: (alert: Alert, until: string) =>
      act(alert, () => snooze(alert, until), `Alerte reportée au ${formatDateFr(until)}.`),
    assign: (alert: Alert, assigneeId: string | null) =>
      act(
        alert,
        () => assign(alert, assigneeId),
        assigneeId ? 'Alerte assignée.' : 'Alerte désassignée.',
      ),
    resolve: (alert: Alert) => act(alert, () => resolve(alert), 'Alerte résolue.'),
    /** "Vérifier maintenant" (admins); the inbox is read again once it ran. */
    async checkNow(): Promise<void> {
      setError(null);
      try {
        const { ran, summary } = await check();
        showToast(
          ran && summary
            ? `Vérification faite : ${summary.created} nouvelle(s), ${summary.resolved} résolue(s), ${summary.reopened} revenue(s).`
            : 'Une vérification est déjà en cours sur un autre poste.',
          'info',
        );
        inbox.refresh();
      } catch (caught) {
        setError(errorMessage(caught));
      }
    },
  };
}

export type AlertActions = ReturnType<typeof useAlertActions>;
