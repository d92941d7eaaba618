CREATE TABLE "distinct_participants" (
	"first_id" uuid NOT NULL,
	"second_id" uuid NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distinct_participants_first_id_second_id_pk" PRIMARY KEY("first_id","second_id")
);
--> statement-breakpoint
CREATE TABLE "participant_affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"institution_id" uuid,
	"position" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "participant_name_keys" (
	"participant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"is_full" boolean DEFAULT false NOT NULL,
	"has_full" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"sex" text DEFAULT 'not_stated' NOT NULL,
	"institution_id" uuid,
	CONSTRAINT "participant_name_keys_key_participant_id_pk" PRIMARY KEY("key","participant_id")
);
--> statement-breakpoint
CREATE TABLE "participant_projects" (
	"participant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participant_projects_participant_id_project_id_pk" PRIMARY KEY("participant_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_names" text DEFAULT '' NOT NULL,
	"family_names" text DEFAULT '' NOT NULL,
	"sex" text DEFAULT 'not_stated' NOT NULL,
	"institution_id" uuid,
	"position" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"phone_key" text,
	"preferred_language" text,
	"consent_date" date,
	"consent_form" text,
	"consent_recorded_by_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"is_erased" boolean DEFAULT false NOT NULL,
	"erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "distinct_participants" ADD CONSTRAINT "distinct_participants_first_id_participants_id_fk" FOREIGN KEY ("first_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distinct_participants" ADD CONSTRAINT "distinct_participants_second_id_participants_id_fk" FOREIGN KEY ("second_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distinct_participants" ADD CONSTRAINT "distinct_participants_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_affiliations" ADD CONSTRAINT "participant_affiliations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_affiliations" ADD CONSTRAINT "participant_affiliations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_name_keys" ADD CONSTRAINT "participant_name_keys_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_projects" ADD CONSTRAINT "participant_projects_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_projects" ADD CONSTRAINT "participant_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_consent_recorded_by_id_users_id_fk" FOREIGN KEY ("consent_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participant_affiliations_participant_idx" ON "participant_affiliations" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "participant_affiliations_institution_idx" ON "participant_affiliations" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "participant_name_keys_participant_idx" ON "participant_name_keys" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "participant_projects_project_idx" ON "participant_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "participants_search_idx" ON "participants" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "participants_institution_idx" ON "participants" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "participants_email_idx" ON "participants" USING btree ("email");--> statement-breakpoint
CREATE INDEX "participants_phone_key_idx" ON "participants" USING btree ("phone_key");