ALTER TABLE "users" ADD COLUMN "mail_opt_out" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "topic" text;