DROP INDEX "proactive_offers_recipient_idx";--> statement-breakpoint
CREATE INDEX "proactive_offers_recipient_idx" ON "proactive_offers" USING btree ("recipient_iin","id");