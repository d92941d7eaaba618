-- Project names and descriptions, mission titles and evaluation titles become texts in several languages, like findings. What was stored is kept as the French original (the language the team writes in); a manager can say otherwise and add the translations.
ALTER TABLE "projects" ALTER COLUMN "name" SET DATA TYPE jsonb USING jsonb_build_object('original', 'fr', 'fr', "name");--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "description" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "description" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "description" SET DATA TYPE jsonb USING CASE WHEN trim("description") = '' THEN NULL ELSE jsonb_build_object('original', 'fr', 'fr', "description") END;--> statement-breakpoint
ALTER TABLE "missions" ALTER COLUMN "title" SET DATA TYPE jsonb USING jsonb_build_object('original', 'fr', 'fr', "title");--> statement-breakpoint
ALTER TABLE "evaluations" ALTER COLUMN "title" SET DATA TYPE jsonb USING jsonb_build_object('original', 'fr', 'fr', "title");
