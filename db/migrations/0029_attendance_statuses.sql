CREATE TABLE "attendance_excuses" (
	"workshop_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_excuses_workshop_id_day_participant_id_pk" PRIMARY KEY("workshop_id","day","participant_id")
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "status" text DEFAULT 'present' NOT NULL;--> statement-breakpoint
ALTER TABLE "attendance_excuses" ADD CONSTRAINT "attendance_excuses_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_excuses" ADD CONSTRAINT "attendance_excuses_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_excuses" ADD CONSTRAINT "attendance_excuses_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_excuses_participant_idx" ON "attendance_excuses" USING btree ("participant_id");--> statement-breakpoint
CREATE CONSTRAINT TRIGGER attendance_excuses_version AFTER INSERT OR UPDATE OR DELETE ON attendance_excuses DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION raise_record_version('SELECT ''project:'' || project_id FROM workshops WHERE id = ($1).workshop_id');
