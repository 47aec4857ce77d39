import { Migration } from '@mikro-orm/migrations';

export class Migration20261122063135_audit_and_idempotency extends Migration {

  override name = 'Migration20261122063135_audit_and_idempotency';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_event" ("id" uuid not null, "at" timestamptz not null, "account_id" uuid null, "role" varchar(20) not null, "operation" varchar(100) not null, "clinic_id" uuid null, "client_id" uuid null, "outcome" text not null, "address" varchar(64) not null, "request_id" uuid not null, "detail" jsonb null, primary key ("id"));`);
    this.addSql(`create index "audit_event_clinic_id_at_index" on "audit_event" ("clinic_id", "at");`);
    this.addSql(`create index "audit_event_client_id_at_index" on "audit_event" ("client_id", "at");`);

    this.addSql(`create table "idempotency_key" ("id" uuid not null, "owner" varchar(64) not null, "key" varchar(200) not null, "operation" varchar(100) not null, "request_hash" varchar(64) not null, "result_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_owner_key_unique" unique ("owner", "key");`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_outcome_check" check ("outcome" in ('ALLOWED', 'DENIED', 'NOT_FOUND'));`);
    this.addSql(`create or replace function "audit_event_audit_event_no_change_fn"() returns trigger as \$\$ begin raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_event_no_change" BEFORE UPDATE OR DELETE on "audit_event" for each ROW execute function "audit_event_audit_event_no_change_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_event_no_change" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_audit_event_no_change_fn"();`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }

}
