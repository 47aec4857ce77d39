import { Migration } from '@mikro-orm/migrations';

export class Migration20261202061157_research_privacy extends Migration {

  override name = 'Migration20261202061157_research_privacy';

  override up(): void | Promise<void> {
    this.addSql(`create table "research_release" ("id" bigserial primary key, "created_at" timestamptz not null, "measure_code" varchar(40) not null, "size" int not null, "set_hash" varchar(32) not null);`);
    this.addSql(`create index "research_release_measure_code_size_index" on "research_release" ("measure_code", "size");`);
    this.addSql(`create index "research_release_measure_code_set_hash_index" on "research_release" ("measure_code", "set_hash");`);

    this.addSql(`create table "research_release_member" ("release_id" bigint not null, "client_id" uuid not null, primary key ("release_id", "client_id"));`);

    this.addSql(`alter table "clinic" add "research_opted_in_at" timestamptz null;`);

    this.addSql(`alter table "client" add "research_key" bigint not null default floor(random() * 4294967296)::bigint;`);

    this.addSql(`alter table "research_release_member" add constraint "research_release_member_release_id_foreign" foreign key ("release_id") references "research_release" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "research_release_member" drop constraint "research_release_member_release_id_foreign";`);

    this.addSql(`drop table if exists "research_release" cascade;`);
    this.addSql(`drop table if exists "research_release_member" cascade;`);

    this.addSql(`alter table "client" drop column "research_key";`);

    this.addSql(`alter table "clinic" drop column "research_opted_in_at";`);
  }

}
