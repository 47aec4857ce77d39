import { Migration } from '@mikro-orm/migrations';

export class Migration20261202055225_record_corrections extends Migration {

  override name = 'Migration20261202055225_record_corrections';

  override up(): void | Promise<void> {
    this.addSql(`create table "record_revision" ("id" uuid not null, "clinic_id" uuid not null, "client_id" uuid not null, "record_type" text not null, "record_id" uuid not null, "kind" text not null, "previous" jsonb not null, "changes" jsonb not null, "reason" text not null, "by_account_id" uuid null, "by_role" text not null, "by_name" varchar(220) not null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "record_revision_record_id_at_index" on "record_revision" ("record_id", "at");`);
    this.addSql(`create index "record_revision_clinic_id_client_id_at_index" on "record_revision" ("clinic_id", "client_id", "at");`);

    this.addSql(`alter table "treatment_session" add "status" text not null default 'FINAL';`);
    this.addSql(`alter table "treatment_session" add constraint "treatment_session_status_check" check ("status" in ('FINAL', 'AMENDED', 'ENTERED_IN_ERROR'));`);

    this.addSql(`alter table "questionnaire_response" add "status" text not null default 'FINAL';`);
    this.addSql(`alter table "questionnaire_response" add constraint "questionnaire_response_status_check" check ("status" in ('FINAL', 'AMENDED', 'ENTERED_IN_ERROR'));`);

    this.addSql(`alter table "observation" add "status" text not null default 'FINAL';`);
    this.addSql(`alter table "observation" add constraint "observation_status_check" check ("status" in ('FINAL', 'AMENDED', 'ENTERED_IN_ERROR'));`);

    this.addSql(`alter table "record_revision" add constraint "record_revision_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
    this.addSql(`alter table "record_revision" add constraint "record_revision_client_id_foreign" foreign key ("client_id") references "client" ("id");`);
    this.addSql(`alter table "record_revision" add constraint "record_revision_record_type_check" check ("record_type" in ('SESSION', 'OBSERVATION', 'QUESTIONNAIRE_RESPONSE'));`);
    this.addSql(`alter table "record_revision" add constraint "record_revision_kind_check" check ("kind" in ('AMENDED', 'ENTERED_IN_ERROR'));`);
    this.addSql(`alter table "record_revision" add constraint "record_revision_by_role_check" check ("by_role" in ('ADMIN', 'THERAPIST', 'CLIENT', 'RESEARCHER'));`);
    this.addSql(`create or replace function "record_revision_record_revision_no_change_fn"() returns trigger as \$\$ begin raise exception 'record_revision is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "record_revision_no_change" BEFORE UPDATE OR DELETE on "record_revision" for each ROW execute function "record_revision_record_revision_no_change_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "record_revision_no_change" on "record_revision";`);
    this.addSql(`drop function if exists "record_revision_record_revision_no_change_fn"();`);
    this.addSql(`drop table if exists "record_revision" cascade;`);

    this.addSql(`alter table "observation" drop constraint "observation_status_check";`);
    this.addSql(`alter table "observation" drop column "status";`);

    this.addSql(`alter table "questionnaire_response" drop constraint "questionnaire_response_status_check";`);
    this.addSql(`alter table "questionnaire_response" drop column "status";`);

    this.addSql(`alter table "treatment_session" drop constraint "treatment_session_status_check";`);
    this.addSql(`alter table "treatment_session" drop column "status";`);
  }

}
