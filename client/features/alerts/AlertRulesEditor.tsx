import { useAction } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { canAdminister } from '../../../domain/access';
import {
  type AlertRulesRecord,
  AlertRulesSchema,
  SERVICE_POLICIES,
} from '../../../domain/alerts/rules';
import { createEditableRecord } from '../../lib/editable-record';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { EditorStatus, LeaveGuardDialog } from '../../ui/Collaboration';
import { Field } from '../../ui/Field';
import { Input, Select } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { AlertSchedule } from './AlertSchedule';
import { ALERT_RULES_ID, patchAlertRules } from './alert-rules.api';
import {
  mergeAlertRulesValues,
  NUMBER_FIELDS,
  POLICY_LABELS,
  toAlertRulesPatch,
  toAlertRulesValues,
  validateAlertRulesValues,
} from './alert-rules-values';
import { describeCron } from './describe-cron';

/**
 * The alert rules as their own editable record (entity `alert_rules`, id `alert-rules`): saving
 * them is never a settings change, so no settings form can take them for its own.
 */
export function AlertRulesEditor(props: { initial: AlertRulesRecord }) {
  const session = useSession();
  const patch = useAction(patchAlertRules);
  const editor = createEditableRecord(props.initial, {
    entity: 'alert_rules',
    id: ALERT_RULES_ID,
    schema: AlertRulesSchema,
    toValues: toAlertRulesValues,
    merge: mergeAlertRulesValues,
    validate: validateAlertRulesValues,
    save: ({ values, base, version }) => patch(toAlertRulesPatch(base, values, version)),
  });
  const isAdmin = () => canAdminister(session.user()?.role);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!isAdmin()) return;
    const isSaved = await editor.save();
    if (isSaved) showToast('Règles enregistrées ; la planification est appliquée.');
  }

  return (
    <>
      <form class="form" onSubmit={submit} noValidate>
        <header class="page-header">
          <div>
            <h1>Règles des alertes</h1>
            <p class="page-lead">
              Contrôle technique, entretien, relances de devis : quand une alerte s’ouvre et quand
              la vérifier.
              <Show when={!isAdmin()}> Seul un administrateur peut les modifier.</Show>
            </p>
          </div>
          <Show when={isAdmin()}>
            <div class="header-actions">
              <Show when={editor.isDirty()}>
                <Button onClick={() => editor.discard()}>Annuler les modifications</Button>
              </Show>
              <Button
                type="submit"
                variant="primary"
                isLoading={editor.isSaving()}
                disabled={!editor.isDirty() || editor.conflict() !== null}
              >
                {editor.isDirty() ? 'Enregistrer' : 'Enregistré'}
              </Button>
            </div>
          </Show>
        </header>
        <EditorStatus editor={editor} what="les règles" />
        <section class="card form">
          <h2>Seuils</h2>
          <div class="form-grid">
            <For each={NUMBER_FIELDS}>
              {([field, label]) => (
                <Field label={label} for={`rule-${field}`} error={editor.errors()[field]}>
                  <Input
                    id={`rule-${field}`}
                    inputMode="numeric"
                    value={editor.values[field]}
                    disabled={!isAdmin()}
                    error={editor.errors()[field]}
                    onInput={(event) => editor.setValues(field, event.currentTarget.value)}
                  />
                </Field>
              )}
            </For>
          </div>
          <Field label="Entretien fait en avance" for="rule-policy">
            <Select
              id="rule-policy"
              disabled={!isAdmin()}
              onChange={(event) => {
                const value = event.currentTarget.value;
                const policy = SERVICE_POLICIES.find((known) => known === value);
                if (policy) editor.setValues('servicePolicy', policy);
              }}
            >
              <For each={SERVICE_POLICIES}>
                {(policy) => (
                  <option value={policy} selected={policy === editor.values.servicePolicy}>
                    {POLICY_LABELS[policy]}
                  </option>
                )}
              </For>
            </Select>
          </Field>
        </section>
        <section class="card form">
          <h2>Vérification automatique</h2>
          <Field
            label="Planification (cron, heure de Paris)"
            for="rule-schedule"
            error={editor.errors().schedule}
            hint={
              describeCron(editor.values.schedule) ??
              'Expression cron à 5 champs : minute heure jour mois jour-de-semaine.'
            }
          >
            <Input
              id="rule-schedule"
              class="mono"
              value={editor.values.schedule}
              disabled={!isAdmin()}
              error={editor.errors().schedule}
              onInput={(event) => editor.setValues('schedule', event.currentTarget.value)}
            />
          </Field>
          <AlertSchedule />
        </section>
      </form>
      <LeaveGuardDialog guard={editor.guard} onSave={editor.save} />
    </>
  );
}
