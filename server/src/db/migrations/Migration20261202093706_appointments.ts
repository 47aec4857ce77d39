import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093706_appointments extends Migration {

  override name = 'Migration20261202093706_appointments';

  override up(): void | Promise<void> {
    this.addSql(`create table "calendar_feed" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "therapist_id" uuid null, "client_id" uuid null, "token_hash" varchar(64) not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "calendar_feed_therapist_id_index" on "calendar_feed" ("therapist_id");`);
    this.addSql(`create index "calendar_feed_client_id_index" on "calendar_feed" ("client_id");`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "appointment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "series_id" uuid not null, "therapist_id" uuid not null, "client_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "minutes" smallint not null, "status" text not null default 'BOOKED', "session_id" uuid null, "cancelled_at" timestamptz null, "cancelled_by" text null, "cancelled_by_account" uuid null, "cancel_reason" text null, "late_cancellation" boolean null, "cancel_requested_at" timestamptz null, "cancel_request_reason" text null, primary key ("id"));`);
    this.addSql(`alter table "appointment" add constraint "appointment_session_id_unique" unique ("session_id");`);
    this.addSql(`create index "appointment_therapist_id_starts_at_index" on "appointment" ("therapist_id", "starts_at");`);
    this.addSql(`create index "appointment_series_id_starts_at_index" on "appointment" ("series_id", "starts_at");`);
    this.addSql(`create index "appointment_client_id_starts_at_index" on "appointment" ("client_id", "starts_at");`);

    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_therapist_id_foreign" foreign key ("therapist_id") references "therapist" ("id") on delete set null;`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete set null;`);

    this.addSql(`alter table "appointment" add constraint "appointment_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
    this.addSql(`alter table "appointment" add constraint "appointment_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id");`);
    this.addSql(`alter table "appointment" add constraint "appointment_therapist_id_foreign" foreign key ("therapist_id") references "therapist" ("id");`);
    this.addSql(`alter table "appointment" add constraint "appointment_client_id_foreign" foreign key ("client_id") references "client" ("id");`);
    this.addSql(`alter table "appointment" add constraint "appointment_session_id_foreign" foreign key ("session_id") references "treatment_session" ("id") on delete set null;`);
    this.addSql(`alter table "appointment" add constraint "appointment_status_check" check ("status" in ('BOOKED', 'CANCELLED', 'NO_SHOW', 'ATTENDED'));`);
    this.addSql(`alter table "appointment" add constraint "appointment_cancelled_by_check" check ("cancelled_by" in ('CLIENT', 'CLINIC'));`);

    // No double booking, decided by PostgreSQL itself: two live appointments of one therapist may not overlap.
    // The equality on therapist_id inside a GiST index needs btree_gist (a trusted contrib extension since
    // PostgreSQL 13, so a database owner may create it; the embedded PostgreSQL ships it).
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`alter table "appointment" add constraint "appointment_no_overlap" exclude using gist ("therapist_id" with =, tstzrange("starts_at", "ends_at", '[)') with &&) where ("status" <> 'CANCELLED');`);
    this.addSql(`alter table "appointment" add constraint "appointment_range_check" check ("ends_at" > "starts_at");`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_owner_check" check (("therapist_id" is null) <> ("client_id" is null));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "calendar_feed" cascade;`);
    this.addSql(`drop table if exists "appointment" cascade;`);
  }

}
