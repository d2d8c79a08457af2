CREATE TABLE "login_known_addresses" (
	"staff_id" uuid NOT NULL,
	"address" text NOT NULL,
	"last_success_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_known_addresses_staff_id_address_pk" PRIMARY KEY("staff_id","address")
);
--> statement-breakpoint
ALTER TABLE "login_known_addresses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_throttle" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "generation" integer;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "session_generation" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "login_known_addresses" ADD CONSTRAINT "login_known_addresses_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Sessions opened before this migration belong to generation 1, every account's default.
UPDATE "sessions" SET "generation" = 1 WHERE "staff_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_generation" CHECK (("sessions"."staff_id" IS NULL) = ("sessions"."generation" IS NULL));--> statement-breakpoint
-- An account's credential generation moves whenever its sessions must end, whoever writes: it is
-- deactivated, given another role or a new password (and "log out everywhere" moves it itself).
-- A session carries the generation it was issued for and opens nothing once they differ, so a
-- login whose session row lands after this update ran cannot keep a working session
-- (docs/decisions/0013-login-limits-and-sessions.md).
CREATE FUNCTION gp_bump_session_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.session_generation := OLD.session_generation + 1;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER staff_bump_session_generation BEFORE UPDATE OF active, role, password_hash ON staff
  FOR EACH ROW WHEN ((OLD.active AND NOT NEW.active) OR OLD.role IS DISTINCT FROM NEW.role
    OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
  EXECUTE FUNCTION gp_bump_session_generation();--> statement-breakpoint
-- The rows of the sessions that ended go with them (the generation check alone would refuse them).
-- No column list: the generation is often moved by the trigger above, not by the UPDATE itself.
DROP TRIGGER staff_end_sessions ON staff;--> statement-breakpoint
CREATE TRIGGER staff_end_sessions AFTER UPDATE ON staff
  FOR EACH ROW WHEN (OLD.session_generation IS DISTINCT FROM NEW.session_generation)
  EXECUTE FUNCTION gp_end_staff_sessions();
