import { Migration } from '@mikro-orm/migrations';

export class Migration20261202131551_pregnancy_intake extends Migration {

  override name = 'Migration20261202131551_pregnancy_intake';

  override up(): void | Promise<void> {
    this.addSql(`alter table "intake" add "gestation_weeks" smallint null, add "obstetric_clearance" boolean null, add "obstetric_clearance_on" date null, add "obstetric_clearance_by" varchar(200) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "intake" drop column "gestation_weeks", drop column "obstetric_clearance", drop column "obstetric_clearance_on", drop column "obstetric_clearance_by";`);
  }

}
