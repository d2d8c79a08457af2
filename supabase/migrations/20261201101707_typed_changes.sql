-- Changes are typed by entity (domain/schemas/change.ts): the alert rules and the alert check's
-- batches get entities of their own instead of borrowing "settings" and "alert".
UPDATE "changes"
SET "entity" = 'alert_rules', "data" = "data" -> 'alertRules'
WHERE "entity" = 'settings' AND "entity_id" = 'alert-rules';--> statement-breakpoint
UPDATE "changes" SET "entity" = 'alert_batch' WHERE "entity" = 'alert' AND "action" = 'checked';
