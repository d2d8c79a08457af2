-- A session ends with its owner's rights, whoever writes: a staff member deactivated, given
-- another role or a new password, a display token revoked. The staff and display-token features
-- used to delete the auth feature's rows themselves; now neither touches `sessions`
-- (docs/decisions/0010-feature-boundaries.md). Their services still drop the open sockets.
CREATE FUNCTION gp_end_staff_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions WHERE staff_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER staff_end_sessions AFTER UPDATE OF active, role, password_hash ON staff
  FOR EACH ROW WHEN ((OLD.active AND NOT NEW.active) OR OLD.role IS DISTINCT FROM NEW.role
    OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
  EXECUTE FUNCTION gp_end_staff_sessions();--> statement-breakpoint
CREATE FUNCTION gp_end_display_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions WHERE display_token_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER display_tokens_end_sessions AFTER UPDATE OF revoked_at ON display_tokens
  FOR EACH ROW WHEN (NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION gp_end_display_sessions();
