-- Issue 13, defects 3-5: each six-month refusal ground carries its own event (date, and for ground 2
-- the member who refused); defect 4: a family exactly at the poverty line is assigned 0 tenge (ADR 016).
ALTER TABLE "decisions" ADD COLUMN "ground_events" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Earlier refusals kept one date for all their grounds: it becomes each barring ground's own date.
ALTER TABLE "decisions" DISABLE TRIGGER "decisions_append_only";--> statement-breakpoint
UPDATE "decisions" d SET "ground_events" = (
  SELECT coalesce(jsonb_object_agg(g, jsonb_build_object('date', d."ground_event_date"::text)), '{}'::jsonb)
    FROM jsonb_array_elements_text(d."grounds") AS g
   WHERE g IN ('refused_employment_measures', 'social_contract_broken', 'false_information')
) WHERE d."ground_event_date" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ENABLE TRIGGER "decisions_append_only";--> statement-breakpoint
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_shape";--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_shape" CHECK (("decisions"."kind" = 'assignment' AND "decisions"."amount_tiyn" >= 0 AND "decisions"."period_from" IS NOT NULL AND "decisions"."period_to" IS NOT NULL)
       OR ("decisions"."kind" = 'refusal' AND jsonb_array_length("decisions"."grounds") > 0));--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_ground_events_object" CHECK (jsonb_typeof("decisions"."ground_events") = 'object');
