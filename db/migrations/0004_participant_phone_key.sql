ALTER TABLE "participants" ADD COLUMN "phone_key" text;--> statement-breakpoint
CREATE INDEX "participants_phone_key_idx" ON "participants" USING btree ("phone_key");