ALTER TABLE "attendance_project_people" ADD COLUMN "start_dates" datemultirange DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Each person's tally row also holds the start dates of the workshops they attended, so the people
-- of a period are the rows whose dates meet it. Kept by the attendance triggers, and recomputed for a
-- workshop's people when its start date changes.
UPDATE attendance_project_people s SET start_dates = x.start_dates
FROM (
  SELECT w.project_id, a.participant_id, range_agg(daterange(w.start_date, w.start_date, '[]')) AS start_dates
  FROM attendance a JOIN workshops w ON w.id = a.workshop_id
  GROUP BY w.project_id, a.participant_id
) x
WHERE s.project_id = x.project_id AND s.participant_id = x.participant_id;
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
    -- A date leaves only with the person's last record of a workshop starting then: recounted.
    UPDATE attendance_project_people s SET start_dates = (
      SELECT coalesce(range_agg(daterange(w.start_date, w.start_date, '[]')), '{}')
      FROM attendance a JOIN workshops w ON w.id = a.workshop_id
      WHERE a.participant_id = s.participant_id AND w.project_id = s.project_id
    )
    FROM (SELECT DISTINCT w.project_id, o.participant_id FROM removed o JOIN workshops w ON w.id = o.workshop_id) r
    WHERE s.project_id = r.project_id AND s.participant_id = r.participant_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO attendance_project_people (project_id, participant_id, records, sex, start_dates)
    SELECT w.project_id, n.participant_id, count(*)::int, p.sex, range_agg(daterange(w.start_date, w.start_date, '[]'))
    FROM added n JOIN workshops w ON w.id = n.workshop_id JOIN participants p ON p.id = n.participant_id
    GROUP BY w.project_id, n.participant_id, p.sex
    ORDER BY w.project_id, n.participant_id
    ON CONFLICT (project_id, participant_id) DO UPDATE SET
      records = attendance_project_people.records + excluded.records,
      start_dates = attendance_project_people.start_dates + excluded.start_dates;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION attendance_project_people_start_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attendance_project_people s SET start_dates = (
    SELECT coalesce(range_agg(daterange(w.start_date, w.start_date, '[]')), '{}')
    FROM attendance a JOIN workshops w ON w.id = a.workshop_id
    WHERE a.participant_id = s.participant_id AND w.project_id = s.project_id
  )
  WHERE s.project_id = NEW.project_id
    AND s.participant_id IN (SELECT participant_id FROM attendance WHERE workshop_id = NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attendance_project_people_start_dates AFTER UPDATE OF start_date ON workshops
  FOR EACH ROW WHEN (OLD.start_date IS DISTINCT FROM NEW.start_date) EXECUTE FUNCTION attendance_project_people_start_dates();
