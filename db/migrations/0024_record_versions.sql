CREATE TABLE "record_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
-- Raises the counter of the scope a changed row belongs to, once per transaction and scope.
-- TG_ARGV[0] is the query that finds the scope from the row ($1). The triggers are deferred, so
-- this runs as the transaction commits: concurrent writers queue on a counter only for the moment
-- of their commit, and a rolled-back change raises nothing.
CREATE FUNCTION raise_record_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_scope text;
  new_scope text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    EXECUTE TG_ARGV[0] INTO old_scope USING OLD;
    PERFORM raise_record_version_of(old_scope);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    EXECUTE TG_ARGV[0] INTO new_scope USING NEW;
    IF new_scope IS DISTINCT FROM old_scope THEN
      PERFORM raise_record_version_of(new_scope);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A transaction-local setting remembers the scopes already raised: a thousand imported records
-- raise their project's counter once, not a thousand times over one row.
CREATE FUNCTION raise_record_version_of(changed_scope text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  marker text := 'record_versions.x' || md5(changed_scope);
BEGIN
  IF changed_scope IS NULL OR current_setting(marker, true) = 'raised' THEN
    RETURN;
  END IF;
  PERFORM set_config(marker, 'raised', true);
  INSERT INTO record_versions (scope, version) VALUES (changed_scope, 1)
  ON CONFLICT (scope) DO UPDATE SET version = record_versions.version + 1;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER workshops_version AFTER INSERT OR UPDATE OR DELETE ON workshops DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || ($1).project_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER attendance_version AFTER INSERT OR UPDATE OR DELETE ON attendance DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM workshops WHERE id = ($1).workshop_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER workshop_invitations_version AFTER INSERT OR UPDATE OR DELETE ON workshop_invitations DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM workshops WHERE id = ($1).workshop_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER expected_results_version AFTER INSERT OR UPDATE OR DELETE ON expected_results DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || ($1).project_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER result_links_version AFTER INSERT OR UPDATE OR DELETE ON result_links DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM expected_results WHERE id = ($1).result_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER improvement_actions_version AFTER INSERT OR UPDATE OR DELETE ON improvement_actions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || ($1).project_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER action_findings_version AFTER INSERT OR UPDATE OR DELETE ON action_findings DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM improvement_actions WHERE id = ($1).action_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER action_updates_version AFTER INSERT OR UPDATE OR DELETE ON action_updates DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM improvement_actions WHERE id = ($1).action_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER studies_version AFTER INSERT OR UPDATE OR DELETE ON studies DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || ($1).project_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER findings_version AFTER INSERT OR UPDATE OR DELETE ON findings DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM studies WHERE id = ($1).study_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evaluations_version AFTER INSERT OR UPDATE OR DELETE ON evaluations DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || ($1).project_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evaluation_groups_version AFTER INSERT OR UPDATE OR DELETE ON evaluation_groups DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM evaluations WHERE id = ($1).evaluation_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evaluation_statements_version AFTER INSERT OR UPDATE OR DELETE ON evaluation_statements DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM evaluations WHERE id = ($1).evaluation_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evaluation_respondents_version AFTER INSERT OR UPDATE OR DELETE ON evaluation_respondents DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM evaluations WHERE id = ($1).evaluation_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evaluation_answers_version AFTER INSERT OR UPDATE OR DELETE ON evaluation_answers DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || e.project_id FROM evaluation_respondents r JOIN evaluations e ON e.id = r.evaluation_id WHERE r.id = ($1).respondent_id');
--> statement-breakpoint
-- A new person or institution changes no figure until a record names them; an edit or an erasure does.
CREATE CONSTRAINT TRIGGER participants_version AFTER UPDATE OR DELETE ON participants DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''directory''');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER institutions_version AFTER UPDATE OR DELETE ON institutions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''directory''');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER coordination_bodies_version AFTER UPDATE OR DELETE ON coordination_bodies DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''directory''');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER body_memberships_version AFTER INSERT OR UPDATE OR DELETE ON body_memberships DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''directory''');
