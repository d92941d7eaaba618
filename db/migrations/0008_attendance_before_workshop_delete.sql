-- A workshop's attendance is removed before the workshop itself, while the tally trigger can
-- still find the workshop's project (a cascade would run after the workshop row is gone).
CREATE FUNCTION workshop_attendance_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM attendance WHERE workshop_id = OLD.id;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER workshop_attendance_first BEFORE DELETE ON workshops
  FOR EACH ROW EXECUTE FUNCTION workshop_attendance_first();
