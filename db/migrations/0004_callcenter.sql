CREATE TABLE "callcenter_lookups" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agent_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"call_reference" varchar(40) NOT NULL,
	"query_kind" varchar(20) NOT NULL,
	"query" varchar(20) NOT NULL,
	"subject_iin" char(12),
	"language" varchar(2) NOT NULL,
	"outcome" varchar(20) NOT NULL,
	"shown" jsonb,
	CONSTRAINT "callcenter_lookups_query_kind" CHECK ("callcenter_lookups"."query_kind" in ('iin', 'registration_number')),
	CONSTRAINT "callcenter_lookups_outcome" CHECK ("callcenter_lookups"."outcome" in ('found', 'not_found', 'rate_limited')),
	CONSTRAINT "callcenter_lookups_language" CHECK ("callcenter_lookups"."language" in ('ru', 'kk')),
	CONSTRAINT "callcenter_lookups_shown" CHECK (("callcenter_lookups"."outcome" = 'rate_limited') = ("callcenter_lookups"."shown" is null))
);
--> statement-breakpoint
CREATE TABLE "data_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_iin" char(12) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_role" "staff_role" NOT NULL,
	"actor_id" bigint NOT NULL,
	"purpose" varchar(40) NOT NULL,
	"reference" varchar(64),
	"shown" jsonb
);
--> statement-breakpoint
ALTER TABLE "callcenter_lookups" ADD CONSTRAINT "callcenter_lookups_agent_id_staff_accounts_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_access_log" ADD CONSTRAINT "data_access_log_actor_id_staff_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callcenter_lookups_agent_at_idx" ON "callcenter_lookups" USING btree ("agent_id","at");--> statement-breakpoint
CREATE INDEX "callcenter_lookups_at_idx" ON "callcenter_lookups" USING btree ("at");--> statement-breakpoint
CREATE INDEX "data_access_log_subject_at_idx" ON "data_access_log" USING btree ("subject_iin","at");