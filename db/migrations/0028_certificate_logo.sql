ALTER TABLE "certificate_rules" ADD COLUMN "logo_data" "bytea";--> statement-breakpoint
ALTER TABLE "certificate_rules" ADD COLUMN "logo_type" text;