CREATE TABLE "attendance_project_people" (
	"project_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"records" integer NOT NULL,
	CONSTRAINT "attendance_project_people_project_id_participant_id_pk" PRIMARY KEY("project_id","participant_id")
);
--> statement-breakpoint
ALTER TABLE "attendance_project_people" ADD CONSTRAINT "attendance_project_people_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_project_people" ADD CONSTRAINT "attendance_project_people_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;