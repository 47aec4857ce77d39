import { Migration } from '@mikro-orm/migrations';

export class Migration20261122070115_progress_settings extends Migration {

  override name = 'Migration20261122070115_progress_settings';

  override up(): void | Promise<void> {
    this.addSql(`alter table "clinic" add "no_change_after_sessions" smallint not null default 6;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "clinic" drop column "no_change_after_sessions";`);
  }

}
