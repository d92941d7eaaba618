DROP INDEX "indicator_targets_idx";--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "group" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_idx" ON "indicator_targets" USING btree ("indicator_id","period_id","group");