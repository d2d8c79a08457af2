import { type AlertRulesPatch, AlertRulesSchema } from '../../../domain/alerts/rules';
import { api, call } from '../../lib/api';
import { liveAction, recordQuery, staleOnQuery } from '../../lib/queries';

/** The alert rules are one record, their own entity (`alert_rules`): its id in the change log. */
export const ALERT_RULES_ID = 'alert-rules';

const rulesRecord = recordQuery('alert_rules', 'alert-rules', async () =>
  // The answer also carries the schedule (below); the record is what a change carries.
  AlertRulesSchema.parse(await call(api['alert-rules'].$get())),
);

/** The rules, kept current in the router's cache by `alert_rules` changes. */
export const getAlertRules = () => rulesRecord(ALERT_RULES_ID);

/** The check's last run and next runs, which follow the rules: a rules change drops them. */
export const getAlertSchedule = staleOnQuery(['alert_rules'], 'alert-schedule', async () => {
  const { lastRun, nextRuns } = await call(api['alert-rules'].$get());
  return { lastRun, nextRuns };
});

/** The fields that changed and their version; the answer has the new schedule's next runs. */
export const patchAlertRules = liveAction('alert-rules-patch', (patch: AlertRulesPatch) =>
  call(api['alert-rules'].$patch({ json: patch })),
);
