CREATE TABLE "questionnaire_answers" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"choice" integer,
	"text" text,
	"correct" boolean,
	CONSTRAINT "questionnaire_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"text" jsonb NOT NULL,
	"choices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"correct" integer,
	"points" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"participant_id" uuid,
	"pairing_code" text,
	"source" text NOT NULL,
	"score" integer,
	"max_score" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by_id" uuid,
	CONSTRAINT "questionnaire_responses_pairing_code" CHECK ("questionnaire_responses"."pairing_code" is null or "questionnaire_responses"."pairing_code" ~ '^[A-Z]{2}[0-3][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "questionnaire_answers" ADD CONSTRAINT "questionnaire_answers_response_id_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_answers" ADD CONSTRAINT "questionnaire_answers_question_id_questionnaire_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questionnaire_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_questions" ADD CONSTRAINT "questionnaire_questions_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questionnaire_answers_question_idx" ON "questionnaire_answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "questionnaire_questions_questionnaire_idx" ON "questionnaire_questions" USING btree ("questionnaire_id","position");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_questionnaire_idx" ON "questionnaire_responses" USING btree ("questionnaire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_person_idx" ON "questionnaire_responses" USING btree ("questionnaire_id","participant_id") WHERE "questionnaire_responses"."participant_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_workshop_kind_idx" ON "questionnaires" USING btree ("workshop_id","kind");--> statement-breakpoint
CREATE CONSTRAINT TRIGGER questionnaires_version AFTER INSERT OR UPDATE OR DELETE ON questionnaires DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM workshops WHERE id = ($1).workshop_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER questionnaire_questions_version AFTER INSERT OR UPDATE OR DELETE ON questionnaire_questions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || w.project_id FROM questionnaires q JOIN workshops w ON w.id = q.workshop_id WHERE q.id = ($1).questionnaire_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER questionnaire_responses_version AFTER INSERT OR UPDATE OR DELETE ON questionnaire_responses DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || w.project_id FROM questionnaires q JOIN workshops w ON w.id = q.workshop_id WHERE q.id = ($1).questionnaire_id');
