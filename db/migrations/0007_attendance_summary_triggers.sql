-- Keeps attendance_project_people in step with attendance, whatever writes to it (check-in,
-- imports, merges, seeds), one statement at a time. Branches name only the transition tables
-- their operation has: PL/pgSQL plans a statement when it first runs.
CREATE FUNCTION attendance_project_people_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO attendance_project_people (project_id, participant_id, records)
    SELECT w.project_id, n.participant_id, count(*)::int
    FROM added n JOIN workshops w ON w.id = n.workshop_id
    GROUP BY w.project_id, n.participant_id
    ORDER BY w.project_id, n.participant_id
    ON CONFLICT (project_id, participant_id) DO UPDATE SET records = attendance_project_people.records + excluded.records;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attendance_project_people_insert AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION attendance_project_people_sync();
--> statement-breakpoint
CREATE TRIGGER attendance_project_people_delete AFTER DELETE ON attendance
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION attendance_project_people_sync();
--> statement-breakpoint
CREATE TRIGGER attendance_project_people_update AFTER UPDATE ON attendance
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION attendance_project_people_sync();
--> statement-breakpoint
INSERT INTO attendance_project_people (project_id, participant_id, records)
SELECT w.project_id, a.participant_id, count(*)::int
FROM attendance a JOIN workshops w ON w.id = a.workshop_id
GROUP BY w.project_id, a.participant_id;
