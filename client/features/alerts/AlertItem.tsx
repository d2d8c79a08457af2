import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { AlertSeverity } from '../../../domain/alerts/rules';
import {
  ALERT_KIND_LABELS,
  ALERT_SEVERITY_LABELS,
  ALERT_STATUS_LABELS,
  type Alert,
} from '../../../domain/schemas/alert';
import { formatCalendarDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge } from '../../ui/Feedback';
import { viewOf } from './inbox';
import type { AlertActions } from './use-alert-actions';

const SEVERITY_TONES: Record<AlertSeverity, 'info' | 'warning' | 'danger'> = {
  soon: 'info',
  urgent: 'warning',
  overdue: 'danger',
};

function subjectLink(alert: Alert): string {
  if (alert.subject.type === 'quote') return `/quotes/${alert.subject.id}`;
  if (alert.subject.type === 'vehicle') return `/vehicles/${alert.subject.id}`;
  if (alert.subject.type === 'invoice') return `/invoices/${alert.subject.id}`;
  return `/clients/${alert.subject.id}`;
}

/** One alert of the inbox, with its actions for those who may write. */
export function AlertItem(props: {
  alert: Alert;
  colleagues: Array<{ id: string; name: string }>;
  canWrite: boolean;
  /** Someone else just changed it. */
  changedBy: string | undefined;
  actions: AlertActions;
  onSnooze: () => void;
  /** Today in Paris: a snoozed alert whose date has come is back, before the check reopens it. */
  today: string;
}) {
  const alert = () => props.alert;
  const isBusy = () => props.actions.isPending(alert().id);
  const isBack = () => viewOf(alert(), props.today) === 'todo' && alert().status === 'snoozed';
  const status = () =>
    isBack()
      ? `revenue le ${formatCalendarDate(alert().snoozedUntil)}`
      : alert().status === 'snoozed'
        ? `${ALERT_STATUS_LABELS.snoozed} jusqu’au ${formatCalendarDate(alert().snoozedUntil)}`
        : ALERT_STATUS_LABELS[alert().status];

  async function assign(select: HTMLSelectElement) {
    await props.actions.assign(alert(), select.value || null);
    // Refused: the row shows the alert as it is now, the select says so too.
    select.value = alert().assigneeId ?? '';
  }

  return (
    <li
      class={`alerts-item alerts-item-${alert().severity}`}
      classList={{ 'row-flash': Boolean(props.changedBy) }}
      data-testid="alert-item"
    >
      <div class="alerts-main">
        <div class="alerts-tags">
          <Badge tone={SEVERITY_TONES[alert().severity]}>
            {ALERT_SEVERITY_LABELS[alert().severity]}
          </Badge>
          <span class="alerts-kind">{ALERT_KIND_LABELS[alert().kind]}</span>
          <Show when={alert().status !== 'open'}>
            <span class="muted">· {status()}</span>
          </Show>
          <Show when={alert().assigneeName}>{(name) => <span class="muted">· {name()}</span>}</Show>
          <Show when={props.changedBy}>
            {(name) => <span class="row-hint">modifiée par {name()}</span>}
          </Show>
        </div>
        <p class="alerts-title">
          {alert().title} — <A href={subjectLink(alert())}>{alert().subject.label}</A>
        </p>
        <p class="alerts-detail">
          Échéance {formatCalendarDate(alert().dueDate)}
          <Show when={alert().detail}> · {alert().detail}</Show>
        </p>
      </div>
      <Show when={props.canWrite && alert().status !== 'resolved'}>
        <div class="alerts-actions">
          <select
            aria-label={`Assigner « ${alert().title} »`}
            disabled={isBusy()}
            onChange={(event) => void assign(event.currentTarget)}
          >
            <option value="" selected={alert().assigneeId === null}>
              Non assignée
            </option>
            <For each={props.colleagues}>
              {(colleague) => (
                <option value={colleague.id} selected={colleague.id === alert().assigneeId}>
                  {colleague.name}
                </option>
              )}
            </For>
          </select>
          <Show when={alert().status === 'open' || isBack()}>
            <Button disabled={isBusy()} onClick={() => void props.actions.acknowledge(alert())}>
              Vu
            </Button>
          </Show>
          <Button disabled={isBusy()} onClick={() => props.onSnooze()}>
            Reporter
          </Button>
          <Button
            variant="primary"
            disabled={isBusy()}
            onClick={() => void props.actions.resolve(alert())}
          >
            Résoudre
          </Button>
        </div>
      </Show>
    </li>
  );
}
