import { Migration } from '@mikro-orm/migrations';

export class Migration20261202094511_admin_console extends Migration {

  override name = 'Migration20261202094511_admin_console';

  override up(): void | Promise<void> {
    this.addSql(`alter table "clinic" add "client_api_tokens_allowed" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "clinic" drop column "client_api_tokens_allowed";`);
  }

}
