import { Migration } from '@mikro-orm/migrations';

export class Migration20261122063522_accounts extends Migration {

  override name = 'Migration20261122063522_accounts';

  override up(): void | Promise<void> {
    this.addSql(`create table "sign_in_attempt" ("id" uuid not null, "attempted_at" timestamptz not null, "email" varchar(254) not null, "address" varchar(64) not null, "succeeded" boolean not null default false, primary key ("id"));`);
    this.addSql(`create index "sign_in_attempt_email_attempted_at_index" on "sign_in_attempt" ("email", "attempted_at");`);
    this.addSql(`create index "sign_in_attempt_address_attempted_at_index" on "sign_in_attempt" ("address", "attempted_at");`);

    this.addSql(`create table "account" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "password_hash" varchar(200) not null, "role" text not null, "clinic_id" uuid null, "therapist_id" uuid null, "client_id" uuid null, "disabled_at" timestamptz null, "last_sign_in_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "account" add constraint "account_email_unique" unique ("email");`);
    this.addSql(`create index "account_clinic_id_index" on "account" ("clinic_id");`);
    this.addSql(`alter table "account" add constraint "account_therapist_id_unique" unique ("therapist_id");`);
    this.addSql(`alter table "account" add constraint "account_client_id_unique" unique ("client_id");`);

    this.addSql(`create table "invite" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "role" text not null, "email" varchar(254) not null, "token_hash" varchar(64) not null, "invited_by_id" uuid null, "client_id" uuid null, "given_name" varchar(100) null, "family_name" varchar(100) null, "registration_number" varchar(50) null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "account_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "invite_clinic_id_index" on "invite" ("clinic_id");`);
    this.addSql(`alter table "invite" add constraint "invite_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "access_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "kind" text not null, "token_hash" varchar(64) not null, "name" varchar(100) null, "expires_at" timestamptz not null, "last_used_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "access_token_account_id_index" on "access_token" ("account_id");`);
    this.addSql(`alter table "access_token" add constraint "access_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "account" add constraint "account_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id") on delete set null;`);
    this.addSql(`alter table "account" add constraint "account_therapist_id_foreign" foreign key ("therapist_id") references "therapist" ("id") on delete set null;`);
    this.addSql(`alter table "account" add constraint "account_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete set null;`);
    this.addSql(`alter table "account" add constraint "account_clinic_check" check (("role" = 'RESEARCHER') = ("clinic_id" is null));`);
    this.addSql(`alter table "account" add constraint "account_client_check" check (("role" = 'CLIENT') = ("client_id" is not null));`);
    this.addSql(`alter table "account" add constraint "account_therapist_check" check (case "role" when 'THERAPIST' then "therapist_id" is not null when 'ADMIN' then true else "therapist_id" is null end);`);
    this.addSql(`alter table "account" add constraint "account_role_check" check ("role" in ('ADMIN', 'THERAPIST', 'CLIENT', 'RESEARCHER'));`);

    this.addSql(`alter table "invite" add constraint "invite_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
    this.addSql(`alter table "invite" add constraint "invite_invited_by_id_foreign" foreign key ("invited_by_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "invite" add constraint "invite_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete set null;`);
    this.addSql(`alter table "invite" add constraint "invite_account_id_foreign" foreign key ("account_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "invite" add constraint "invite_role_check" check ("role" in ('THERAPIST', 'CLIENT'));`);

    this.addSql(`alter table "access_token" add constraint "access_token_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "access_token" add constraint "access_token_kind_check" check ("kind" in ('SESSION', 'API'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "invite" drop constraint "invite_invited_by_id_foreign";`);
    this.addSql(`alter table "invite" drop constraint "invite_account_id_foreign";`);
    this.addSql(`alter table "access_token" drop constraint "access_token_account_id_foreign";`);

    this.addSql(`drop table if exists "sign_in_attempt" cascade;`);
    this.addSql(`drop table if exists "account" cascade;`);
    this.addSql(`drop table if exists "invite" cascade;`);
    this.addSql(`drop table if exists "access_token" cascade;`);
  }

}
