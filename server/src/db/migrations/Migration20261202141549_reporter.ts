import { Migration } from '@mikro-orm/migrations';

/**
 * Who reported a value (self, proxy, therapist observing) and proxy accounts. Existing rows: a diary value is the
 * client's own; at a visit, pain and questionnaire scores are the client's self-report (typed in by the therapist)
 * and what the therapist measures (range of motion, flexibility, strength) is observed; every questionnaire was
 * answered by the client. So every value of a measure had one reporter, and the stored outcomes belong to it.
 */
export class Migration20261202141549_reporter extends Migration {

  override name = 'Migration20261202141549_reporter';

  override up(): void | Promise<void> {
    this.addSql(`alter table "account" add "proxy_relation" text null;`);
    this.addSql(`alter table "account" add constraint "account_proxy_check" check ("proxy_relation" is null or "role" = 'CLIENT');`);
    this.addSql(`alter table "account" add constraint "account_proxy_relation_check" check ("proxy_relation" in ('PARENT', 'GUARDIAN', 'FAMILY_MEMBER', 'CAREGIVER'));`);

    this.addSql(`alter table "invite" add "proxy_relation" text null;`);
    this.addSql(`alter table "invite" add constraint "invite_proxy_relation_check" check ("proxy_relation" in ('PARENT', 'GUARDIAN', 'FAMILY_MEMBER', 'CAREGIVER'));`);

    this.addSql(`alter table "observation" add "reporter" text null, add "proxy_relation" text null;`);
    this.addSql(`update "observation" o set "reporter" = case when o.recorded_by_role = 'CLIENT' or m.kind in ('PAIN', 'QUESTIONNAIRE') then 'CLIENT' else 'THERAPIST' end from "measure" m where m.code = o.measure_code;`);
    this.addSql(`alter table "observation" alter column "reporter" set not null;`);
    this.addSql(`alter table "observation" add constraint "observation_proxy_relation_check" check ("proxy_relation" in ('PARENT', 'GUARDIAN', 'FAMILY_MEMBER', 'CAREGIVER'));`);
    this.addSql(`alter table "observation" add constraint "observation_reporter_check" check ("reporter" in ('CLIENT', 'PROXY', 'THERAPIST'));`);
    this.addSql(`alter table "observation" add constraint "observation_proxy_check" check (("reporter" = 'PROXY') = ("proxy_relation" is not null));`);

    this.addSql(`alter table "questionnaire_response" add "reporter" text null, add "proxy_relation" text null;`);
    this.addSql(`update "questionnaire_response" set "reporter" = 'CLIENT';`);
    this.addSql(`alter table "questionnaire_response" alter column "reporter" set not null;`);
    this.addSql(`alter table "questionnaire_response" add constraint "questionnaire_response_proxy_relation_check" check ("proxy_relation" in ('PARENT', 'GUARDIAN', 'FAMILY_MEMBER', 'CAREGIVER'));`);
    this.addSql(`alter table "questionnaire_response" add constraint "questionnaire_response_reporter_check" check ("reporter" in ('CLIENT', 'PROXY', 'THERAPIST'));`);
    this.addSql(`alter table "questionnaire_response" add constraint "questionnaire_response_proxy_check" check (("reporter" = 'PROXY') = ("proxy_relation" is not null));`);

    // MikroORM's model of the new composite key names the foreign keys without cascades.
    this.addSql(`alter table "series_measure_outcome" drop constraint "series_measure_outcome_measure_code_foreign";`);
    this.addSql(`alter table "series_measure_outcome" drop constraint "series_measure_outcome_series_id_foreign";`);
    this.addSql(`alter table "series_measure_outcome" drop constraint "series_measure_outcome_pkey";`);
    this.addSql(`alter table "series_measure_outcome" add "reporter" text null;`);
    this.addSql(`update "series_measure_outcome" o set "reporter" = case when m.kind in ('PAIN', 'QUESTIONNAIRE') then 'CLIENT' else 'THERAPIST' end from "measure" m where m.code = o.measure_code;`);
    this.addSql(`alter table "series_measure_outcome" alter column "reporter" set not null;`);
    this.addSql(`alter table "series_measure_outcome" add constraint "series_measure_outcome_measure_code_foreign" foreign key ("measure_code") references "measure" ("code");`);
    this.addSql(`alter table "series_measure_outcome" add constraint "series_measure_outcome_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id");`);
    this.addSql(`alter table "series_measure_outcome" add primary key ("series_id", "measure_code", "reporter");`);
    this.addSql(`alter table "series_measure_outcome" add constraint "series_measure_outcome_reporter_check" check ("reporter" in ('CLIENT', 'PROXY', 'THERAPIST'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account" drop constraint "account_proxy_check";`);
    this.addSql(`alter table "account" drop constraint "account_proxy_relation_check";`);
    this.addSql(`alter table "account" drop column "proxy_relation";`);
    this.addSql(`alter table "invite" drop constraint "invite_proxy_relation_check";`);
    this.addSql(`alter table "invite" drop column "proxy_relation";`);
    this.addSql(`alter table "observation" drop column "reporter", drop column "proxy_relation";`);
    this.addSql(`alter table "questionnaire_response" drop column "reporter", drop column "proxy_relation";`);
    this.addSql(`alter table "series_measure_outcome" drop constraint "series_measure_outcome_pkey";`);
    this.addSql(`delete from "series_measure_outcome" where "reporter" <> case when (select kind from measure m where m.code = measure_code) in ('PAIN', 'QUESTIONNAIRE') then 'CLIENT' else 'THERAPIST' end;`);
    this.addSql(`alter table "series_measure_outcome" drop column "reporter";`);
    this.addSql(`alter table "series_measure_outcome" add primary key ("series_id", "measure_code");`);
  }

}
