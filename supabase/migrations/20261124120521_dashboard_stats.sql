CREATE TABLE "dashboard_stats" (
	"metric" text NOT NULL,
	"key" text NOT NULL,
	"day" date NOT NULL,
	"count" integer NOT NULL,
	"value_cents" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_stats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "dashboard_stats_metric_day_idx" ON "dashboard_stats" USING btree ("metric","day");--> statement-breakpoint
-- The dashboard's counters are kept by statement-level triggers: each write statement appends
-- one delta row per (metric, key, day) it moved, inside the write's own transaction. Deltas are
-- only ever inserted, so concurrent writers never wait on a counter row nor deadlock;
-- compactDashboardStats() folds them back into one row each (decision 0008).
CREATE FUNCTION gp_paris_day(at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (at AT TIME ZONE 'Europe/Paris')::date
$$;--> statement-breakpoint
CREATE FUNCTION gp_quote_stats(
  status text, created_at timestamptz, sent_at timestamptz, decided_at timestamptz,
  accepted_excl_vat_cents bigint, archived_at timestamptz, sign integer
) RETURNS TABLE (metric text, key text, day date, count integer, value_cents bigint)
LANGUAGE sql STABLE AS $$
  SELECT 'created', status, gp_paris_day(created_at), sign, 0::bigint
    WHERE archived_at IS NULL
  UNION ALL
  SELECT 'sent', '', gp_paris_day(sent_at), sign, 0::bigint
    WHERE archived_at IS NULL AND sent_at IS NOT NULL
  UNION ALL
  SELECT 'decided', status, gp_paris_day(decided_at), sign,
      sign * coalesce(accepted_excl_vat_cents, 0)::bigint
    WHERE archived_at IS NULL AND decided_at IS NOT NULL
$$;--> statement-breakpoint
-- A statement-level trigger may only name the transition tables its event has: one branch each.
CREATE FUNCTION gp_quote_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
    SELECT d.metric, d.key, d.day, sum(d.count), sum(d.value_cents)
    FROM new_rows q CROSS JOIN LATERAL gp_quote_stats(q.status, q.created_at, q.sent_at,
      q.decided_at, q.accepted_excl_vat_cents, q.archived_at, 1) d
    GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
    SELECT d.metric, d.key, d.day, sum(d.count), sum(d.value_cents)
    FROM old_rows q CROSS JOIN LATERAL gp_quote_stats(q.status, q.created_at, q.sent_at,
      q.decided_at, q.accepted_excl_vat_cents, q.archived_at, -1) d
    GROUP BY 1, 2, 3;
  ELSE
    -- Old and new net out: an edit that moves no counter (notes, lines) appends nothing.
    INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
    SELECT d.metric, d.key, d.day, sum(d.count), sum(d.value_cents)
    FROM (
      SELECT q.status, q.created_at, q.sent_at, q.decided_at, q.accepted_excl_vat_cents,
        q.archived_at, 1 AS sign FROM new_rows q
      UNION ALL
      SELECT q.status, q.created_at, q.sent_at, q.decided_at, q.accepted_excl_vat_cents,
        q.archived_at, -1 FROM old_rows q
    ) q CROSS JOIN LATERAL gp_quote_stats(q.status, q.created_at, q.sent_at, q.decided_at,
      q.accepted_excl_vat_cents, q.archived_at, q.sign) d
    GROUP BY 1, 2, 3
    HAVING sum(d.count) <> 0 OR sum(d.value_cents) <> 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION gp_alert_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
    SELECT 'alert', a.kind || ':' || a.severity, a.due_date, count(*), 0
    FROM new_rows a WHERE a.status <> 'resolved' GROUP BY 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
    SELECT 'alert', a.kind || ':' || a.severity, a.due_date, -count(*), 0
    FROM old_rows a WHERE a.status <> 'resolved' GROUP BY 2, 3;
  ELSE
    INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
    SELECT 'alert', a.kind || ':' || a.severity, a.due_date, sum(a.sign), 0
    FROM (
      SELECT n.kind, n.severity, n.due_date, 1 AS sign FROM new_rows n WHERE n.status <> 'resolved'
      UNION ALL
      SELECT o.kind, o.severity, o.due_date, -1 FROM old_rows o WHERE o.status <> 'resolved'
    ) a
    GROUP BY 2, 3
    HAVING sum(a.sign) <> 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION gp_change_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
  SELECT 'activity', '', gp_paris_day(c.at), count(*), 0 FROM new_rows c GROUP BY 3;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER quotes_stats_insert AFTER INSERT ON quotes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gp_quote_stats_trigger();--> statement-breakpoint
CREATE TRIGGER quotes_stats_update AFTER UPDATE ON quotes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gp_quote_stats_trigger();--> statement-breakpoint
CREATE TRIGGER quotes_stats_delete AFTER DELETE ON quotes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gp_quote_stats_trigger();--> statement-breakpoint
CREATE TRIGGER alerts_stats_insert AFTER INSERT ON alerts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gp_alert_stats_trigger();--> statement-breakpoint
CREATE TRIGGER alerts_stats_update AFTER UPDATE ON alerts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gp_alert_stats_trigger();--> statement-breakpoint
CREATE TRIGGER alerts_stats_delete AFTER DELETE ON alerts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gp_alert_stats_trigger();--> statement-breakpoint
CREATE TRIGGER changes_stats_insert AFTER INSERT ON changes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gp_change_stats_trigger();--> statement-breakpoint
-- Existing databases: the counters of what is already there.
INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
SELECT d.metric, d.key, d.day, sum(d.count), sum(d.value_cents)
FROM quotes q CROSS JOIN LATERAL gp_quote_stats(q.status, q.created_at, q.sent_at,
  q.decided_at, q.accepted_excl_vat_cents, q.archived_at, 1) d
GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
SELECT 'alert', kind || ':' || severity, due_date, count(*), 0
FROM alerts WHERE status <> 'resolved' GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO dashboard_stats (metric, key, day, count, value_cents)
SELECT 'activity', '', gp_paris_day(at), count(*), 0 FROM changes GROUP BY 3;
