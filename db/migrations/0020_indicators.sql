CREATE TABLE "indicator_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"finding_id" uuid,
	"workshop_id" uuid,
	"source_id" uuid,
	CONSTRAINT "indicator_evidence_one_target" CHECK (num_nonnulls("indicator_evidence"."finding_id", "indicator_evidence"."workshop_id", "indicator_evidence"."source_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"indicator_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"code" text NOT NULL,
	"statement" jsonb NOT NULL,
	"definition" jsonb,
	"unit" text NOT NULL,
	"disaggregations" text[] DEFAULT '{}' NOT NULL,
	"data_sources" text DEFAULT '' NOT NULL,
	"collection_methods" text DEFAULT '' NOT NULL,
	"frequency" text DEFAULT 'annual' NOT NULL,
	"responsibility" text DEFAULT '' NOT NULL,
	"data_quality_notes" text DEFAULT '' NOT NULL,
	"baseline_value" double precision,
	"baseline_date" date,
	"baseline_note" text DEFAULT '' NOT NULL,
	"end_target" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_dates" CHECK ("reporting_periods"."end_date" >= "reporting_periods"."start_date")
);
--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_source_id_study_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."study_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_result_id_expected_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."expected_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_evidence_indicator_idx" ON "indicator_evidence" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_idx" ON "indicator_targets" USING btree ("indicator_id","period_id");--> statement-breakpoint
CREATE INDEX "indicator_targets_period_idx" ON "indicator_targets" USING btree ("period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_project_code_idx" ON "indicators" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "indicators_result_idx" ON "indicators" USING btree ("result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_periods_project_name_idx" ON "reporting_periods" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "expected_results_one_ultimate_idx" ON "expected_results" USING btree ("project_id") WHERE "expected_results"."level" = 'ultimate';