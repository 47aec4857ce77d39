import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093842_diary_note extends Migration {

  override name = 'Migration20261202093842_diary_note';

  override up(): void | Promise<void> {
    this.addSql(`alter table "observation" add "note" varchar(280) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "observation" drop column "note";`);
  }

}
