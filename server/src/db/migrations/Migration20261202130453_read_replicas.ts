import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130453_read_replicas extends Migration {
  override name = 'Migration20261202130453_read_replicas';

  override up(): void | Promise<void> {
    // Read your writes with read replicas: the primary's WAL position after the account's latest mutation.
    this.addSql(`alter table "account" add "written_lsn" pg_lsn null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account" drop column "written_lsn";`);
  }
}
