import { Migration } from '@mikro-orm/migrations';

// The generator also proposed the appointment and calendar feed checks: they exist since the appointments
// migration (the snapshot had missed them, and has them now), so only the new table is created here.
export class Migration20261202130943_report_summary extends Migration {

  override name = 'Migration20261202130943_report_summary';

  override up(): void | Promise<void> {
    this.addSql(`create table "report_summary" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "clinic_id" uuid not null, "series_id" uuid not null, "assessment" text null, "plan" text null, "written_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "report_summary_series_id_index" on "report_summary" ("series_id");`);

    this.addSql(`alter table "report_summary" add constraint "report_summary_clinic_id_foreign" foreign key ("clinic_id") references "clinic" ("id");`);
    this.addSql(`alter table "report_summary" add constraint "report_summary_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id");`);
    this.addSql(`alter table "report_summary" add constraint "report_summary_written_by_id_foreign" foreign key ("written_by_id") references "account" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "report_summary" cascade;`);
  }

}
