CREATE TABLE "import_header_choices" (
	"kind" text NOT NULL,
	"header" text NOT NULL,
	"field" text NOT NULL,
	"chosen_by_id" uuid,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_header_choices_kind_header_pk" PRIMARY KEY("kind","header")
);
--> statement-breakpoint
ALTER TABLE "import_header_choices" ADD CONSTRAINT "import_header_choices_chosen_by_id_users_id_fk" FOREIGN KEY ("chosen_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;