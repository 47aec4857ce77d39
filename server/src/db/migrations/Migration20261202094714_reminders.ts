import { Migration } from '@mikro-orm/migrations';

export class Migration20261202094714_reminders extends Migration {

  override name = 'Migration20261202094714_reminders';

  override up(): void | Promise<void> {
    this.addSql(`create table "reminder" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "client_id" uuid not null, "kind" text not null, "source_id" uuid not null, "source_at" timestamptz not null, "due_at" timestamptz not null, "status" text not null default 'SCHEDULED', "queued_at" timestamptz null, "attempts" smallint not null default 0, "sent_at" timestamptz null, "recipient" varchar(254) null, "problem" text null, "acknowledged_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "reminder_status_due_at_index" on "reminder" ("status", "due_at");`);
    this.addSql(`create index "reminder_clinic_id_status_index" on "reminder" ("clinic_id", "status");`);
    this.addSql(`alter table "reminder" add constraint "reminder_kind_source_id_source_at_due_at_unique" unique ("kind", "source_id", "source_at", "due_at");`);

    this.addSql(`create table "reminder_opt_out" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "client_id" uuid not null, "opted_out_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "reminder_opt_out" add constraint "reminder_opt_out_client_id_unique" unique ("client_id");`);

    this.addSql(`create table "reminder_settings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "appointment_reminders" boolean not null default true, "appointment_lead_hours" smallint not null default 24, "diary_prompts" boolean not null default true, "diary_prompt_hour" smallint not null default 19, "diary_prompt_days" smallint[] not null default '{0,2}', primary key ("id"));`);
    this.addSql(`alter table "reminder_settings" add constraint "reminder_settings_clinic_id_unique" unique ("clinic_id");`);

    this.addSql(`alter table "reminder" add constraint "reminder_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
    this.addSql(`alter table "reminder" add constraint "reminder_client_id_foreign" foreign key ("client_id") references "client" ("id");`);
    this.addSql(`alter table "reminder" add constraint "reminder_kind_check" check ("kind" in ('APPOINTMENT', 'DIARY_PROMPT'));`);
    this.addSql(`alter table "reminder" add constraint "reminder_status_check" check ("status" in ('SCHEDULED', 'SENDING', 'SENT', 'CANCELLED', 'SKIPPED', 'REFUSED', 'FAILED'));`);

    this.addSql(`alter table "reminder_opt_out" add constraint "reminder_opt_out_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
    this.addSql(`alter table "reminder_opt_out" add constraint "reminder_opt_out_client_id_foreign" foreign key ("client_id") references "client" ("id");`);

    this.addSql(`alter table "reminder_settings" add constraint "reminder_settings_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "reminder" cascade;`);
    this.addSql(`drop table if exists "reminder_opt_out" cascade;`);
    this.addSql(`drop table if exists "reminder_settings" cascade;`);
  }

}
