CREATE TABLE "expected_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"statement" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expected_results" ADD CONSTRAINT "expected_results_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_results" ADD CONSTRAINT "expected_results_parent_id_expected_results_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."expected_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expected_results_project_code_idx" ON "expected_results" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "expected_results_parent_idx" ON "expected_results" USING btree ("parent_id");