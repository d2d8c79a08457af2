import { Show } from 'solid-js';
import { ROLE_LABELS, type Staff } from '../../../domain/schemas/staff';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Badge } from '../../ui/Feedback';

const ROLE_TONES = { admin: 'info', staff: 'neutral', display: 'warning' } as const;

/** One account: who, role, state, last sign-in, and what an admin may do with it. */
export function StaffRow(props: {
  member: Staff;
  isMe: boolean;
  /** Who just changed this account, on another screen. */
  changedBy: string | undefined;
  onEdit: (mode: 'role' | 'password') => void;
  onToggleActive: () => void;
}) {
  return (
    <tr class={props.member.active ? '' : 'row-muted'}>
      <td>
        <span class="cell-title">
          {props.member.name}
          <Show when={props.isMe}>
            <span class="muted"> (vous)</span>
          </Show>
          <Show when={props.changedBy}>
            {(name) => <span class="row-hint">modifié par {name()}</span>}
          </Show>
        </span>
        <span class="cell-detail">{props.member.email}</span>
      </td>
      <td>
        <Badge tone={ROLE_TONES[props.member.role]}>{ROLE_LABELS[props.member.role]}</Badge>
      </td>
      <td>
        <Show when={props.member.active} fallback={<Badge tone="danger">Désactivé</Badge>}>
          <Badge tone="success">Actif</Badge>
        </Show>
      </td>
      <td class="hide-narrow">
        {props.member.lastLoginAt ? formatDateTime(props.member.lastLoginAt) : 'Jamais'}
      </td>
      <td>
        <div class="row-actions">
          <Show when={!props.isMe}>
            <Button
              class="btn-small"
              aria-label={`Changer le rôle de ${props.member.name}`}
              onClick={() => props.onEdit('role')}
            >
              Rôle
            </Button>
          </Show>
          <Button
            class="btn-small"
            aria-label={`Nouveau mot de passe pour ${props.member.name}`}
            onClick={() => props.onEdit('password')}
          >
            Mot de passe
          </Button>
          <Show when={!props.isMe}>
            <Button
              class="btn-small"
              variant={props.member.active ? 'danger' : 'secondary'}
              onClick={() => props.onToggleActive()}
            >
              {props.member.active ? 'Désactiver' : 'Réactiver'}
            </Button>
          </Show>
        </div>
      </td>
    </tr>
  );
}
