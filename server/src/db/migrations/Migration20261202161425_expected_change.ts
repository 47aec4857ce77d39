import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161425_expected_change extends Migration {

  override name = 'Migration20261202161425_expected_change';

  override up(): void | Promise<void> {
    // The expected-change models (modules/expected-change); refitted from the research population, so no backfill.
    this.addSql(`create table "expected_change_model" ("condition_code" varchar(40) not null, "measure_code" varchar(40) not null, "clients" int not null, "points" int not null, "intercept" double precision not null, "baseline_coef" double precision not null, "visit_coef" double precision not null, "r_squared" double precision not null, "residual_sd" double precision not null, "xtx_inverse" jsonb not null, "max_visit" int not null, "baseline_tenths" jsonb not null, "performance_mean" double precision null, "performance_sd" double precision null, "cell_key" double precision not null, "fitted_at" timestamptz not null, primary key ("condition_code", "measure_code"));`);

  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "expected_change_model" cascade;`);

  }

}
