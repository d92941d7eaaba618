CREATE TABLE "evaluation_answers" (
	"respondent_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "evaluation_answers_respondent_id_statement_id_pk" PRIMARY KEY("respondent_id","statement_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_respondents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"text" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date,
	"period_end" date,
	"scale_size" integer DEFAULT 5 NOT NULL,
	"agree_levels" integer[] NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_scale" CHECK ("evaluations"."scale_size" in (4, 5))
);
--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_respondent_id_evaluation_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."evaluation_respondents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_statement_id_evaluation_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."evaluation_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_groups" ADD CONSTRAINT "evaluation_groups_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_respondents" ADD CONSTRAINT "evaluation_respondents_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_respondents" ADD CONSTRAINT "evaluation_respondents_group_id_evaluation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."evaluation_groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_statements" ADD CONSTRAINT "evaluation_statements_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_answers_statement_idx" ON "evaluation_answers" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "evaluation_respondents_evaluation_idx" ON "evaluation_respondents" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_respondents_external_idx" ON "evaluation_respondents" USING btree ("evaluation_id","external_id");--> statement-breakpoint
CREATE INDEX "evaluations_project_idx" ON "evaluations" USING btree ("project_id");