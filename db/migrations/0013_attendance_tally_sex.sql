ALTER TABLE "attendance_project_people" ADD COLUMN "sex" text DEFAULT 'not_stated' NOT NULL;--> statement-breakpoint
-- The tally carries each person's sex, so the share of women needs no join to the people: set
-- from the person when a row is added, and followed by a trigger when the person's sex changes.
UPDATE attendance_project_people s SET sex = p.sex FROM participants p WHERE p.id = s.participant_id;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION attendance_project_people_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE attendance_project_people s SET records = s.records - r.n
    FROM (
      SELECT w.project_id, o.participant_id, count(*)::int AS n
      FROM removed o JOIN workshops w ON w.id = o.workshop_id
      GROUP BY w.project_id, o.participant_id
    ) r
    WHERE s.project_id = r.project_id AND s.participant_id = r.participant_id;
    DELETE FROM attendance_project_people s
    USING (SELECT DISTINCT w.project_id, o.participant_id FROM removed o JOIN workshops w ON w.id = o.workshop_id) r
    WHERE s.project_id = r.project_id AND s.participant_id = r.participant_id AND s.records <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO attendance_project_people (project_id, participant_id, records, sex)
    SELECT w.project_id, n.participant_id, count(*)::int, p.sex
    FROM added n JOIN workshops w ON w.id = n.workshop_id JOIN participants p ON p.id = n.participant_id
    GROUP BY w.project_id, n.participant_id, p.sex
    ORDER BY w.project_id, n.participant_id
    ON CONFLICT (project_id, participant_id) DO UPDATE SET records = attendance_project_people.records + excluded.records;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION attendance_project_people_sex() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attendance_project_people SET sex = NEW.sex WHERE participant_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attendance_project_people_sex AFTER UPDATE OF sex ON participants
  FOR EACH ROW WHEN (OLD.sex IS DISTINCT FROM NEW.sex) EXECUTE FUNCTION attendance_project_people_sex();
