CREATE TABLE "result_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"workshop_id" uuid,
	"mission_id" uuid,
	"action_id" uuid,
	"finding_id" uuid,
	CONSTRAINT "result_links_one_target" CHECK (num_nonnulls("result_links"."workshop_id", "result_links"."mission_id", "result_links"."action_id", "result_links"."finding_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "result_links" ADD CONSTRAINT "result_links_result_id_expected_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."expected_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_links" ADD CONSTRAINT "result_links_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_links" ADD CONSTRAINT "result_links_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_links" ADD CONSTRAINT "result_links_action_id_improvement_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_links" ADD CONSTRAINT "result_links_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_links_result_idx" ON "result_links" USING btree ("result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_links_workshop_idx" ON "result_links" USING btree ("workshop_id","result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_links_mission_idx" ON "result_links" USING btree ("mission_id","result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_links_action_idx" ON "result_links" USING btree ("action_id","result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_links_finding_idx" ON "result_links" USING btree ("finding_id");