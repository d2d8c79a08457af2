-- The dashboard reads its counters (dashboard_stats) now: nothing filters quotes by sent or
-- decided time, nor changes by time, and every write paid to keep these indexes.
DROP INDEX "changes_at_idx";--> statement-breakpoint
DROP INDEX "quotes_sent_at_idx";--> statement-breakpoint
DROP INDEX "quotes_decided_at_idx";
