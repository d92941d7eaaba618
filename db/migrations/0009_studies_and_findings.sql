CREATE TABLE "finding_institutions" (
	"finding_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "finding_institutions_finding_id_institution_id_role_pk" PRIMARY KEY("finding_id","institution_id","role")
);
--> statement-breakpoint
CREATE TABLE "finding_sources" (
	"finding_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	CONSTRAINT "finding_sources_finding_id_source_id_pk" PRIMARY KEY("finding_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "finding_workshops" (
	"finding_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"day" date
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"theme" text,
	"project_theme_id" uuid,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "findings_one_theme" CHECK (("findings"."theme" is null) <> ("findings"."project_theme_id" is null))
);
--> statement-breakpoint
CREATE TABLE "project_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date,
	"period_end" date,
	"status" text DEFAULT 'planning' NOT NULL,
	"methodology" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"date" date,
	"url" text,
	"workshop_id" uuid,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"file_data" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "finding_institutions" ADD CONSTRAINT "finding_institutions_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_institutions" ADD CONSTRAINT "finding_institutions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_sources" ADD CONSTRAINT "finding_sources_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_sources" ADD CONSTRAINT "finding_sources_source_id_study_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."study_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_workshops" ADD CONSTRAINT "finding_workshops_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_workshops" ADD CONSTRAINT "finding_workshops_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_project_theme_id_project_themes_id_fk" FOREIGN KEY ("project_theme_id") REFERENCES "public"."project_themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_themes" ADD CONSTRAINT "project_themes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_institutions_institution_idx" ON "finding_institutions" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "finding_workshops_finding_idx" ON "finding_workshops" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "finding_workshops_workshop_idx" ON "finding_workshops" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "findings_study_idx" ON "findings" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "studies_project_idx" ON "studies" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "study_sources_study_idx" ON "study_sources" USING btree ("study_id");