import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130858_measure_thresholds extends Migration {

  override name = 'Migration20261202130858_measure_thresholds';

  override up(): void | Promise<void> {
    this.addSql(`alter table "measure" add "mcid_percent" double precision null, add "threshold_kind" text null;`);
    this.addSql(`alter table "measure" add constraint "measure_threshold_kind_check" check ("threshold_kind" in ('MCID', 'MDC'));`);

  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "measure" drop constraint "measure_threshold_kind_check";`);
    this.addSql(`alter table "measure" drop column "mcid_percent", drop column "threshold_kind";`);
  }

}
