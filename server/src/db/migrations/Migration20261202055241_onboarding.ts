import { Migration } from '@mikro-orm/migrations';

export class Migration20261202055241_onboarding extends Migration {

  override name = 'Migration20261202055241_onboarding';

  override up(): void | Promise<void> {
    this.addSql(`alter table "clinic" add "locale" varchar(35) not null default 'en-CA';`);

    this.addSql(`alter table "client" add "preferred_language" varchar(35) null, add "referral_source" text null, add "referral_clinician_name" varchar(200) null, add "referral_organisation" varchar(200) null, add "referral_contact" varchar(500) null, add "referral_reason" text null, add "referred_on" date null;`);
    this.addSql(`alter table "client" add constraint "client_referral_source_check" check ("referral_source" in ('SELF', 'PHYSICIAN', 'PHYSIOTHERAPIST', 'CHIROPRACTOR', 'OTHER'));`);

    this.addSql(`alter table "intake" add "complaints" jsonb not null default '[]', add "condition_codes" text[] not null default '{}', add "consent_to_share_with_referrer" boolean not null default false, add "consent_to_share_with_referrer_at" timestamptz null, add "red_flags_resolved_at" timestamptz null, add "red_flags_resolution_note" text null;`);

    this.addSql(`alter table "account" add "name" varchar(200) null;`);

    this.addSql(`alter table "treatment_series" add "discharge_reason" text null, add "headline_measure_code" varchar(40) null;`);
    this.addSql(`alter table "treatment_series" add constraint "treatment_series_discharge_reason_check" check ("discharge_reason" in ('GOALS_MET', 'PLATEAU', 'REFERRED_ON', 'CLIENT_CHOICE', 'LOST_TO_FOLLOW_UP'));`);

    this.addSql(`alter table "treatment_session" add "red_flags_acknowledged" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account" drop column "name";`);

    this.addSql(`alter table "client" drop constraint "client_referral_source_check";`);
    this.addSql(`alter table "client" drop column "preferred_language", drop column "referral_source", drop column "referral_clinician_name", drop column "referral_organisation", drop column "referral_contact", drop column "referral_reason", drop column "referred_on";`);

    this.addSql(`alter table "clinic" drop column "locale";`);

    this.addSql(`alter table "intake" drop column "complaints", drop column "condition_codes", drop column "consent_to_share_with_referrer", drop column "consent_to_share_with_referrer_at", drop column "red_flags_resolved_at", drop column "red_flags_resolution_note";`);

    this.addSql(`alter table "treatment_series" drop constraint "treatment_series_discharge_reason_check";`);
    this.addSql(`alter table "treatment_series" drop column "discharge_reason", drop column "headline_measure_code";`);

    this.addSql(`alter table "treatment_session" drop column "red_flags_acknowledged";`);
  }

}
