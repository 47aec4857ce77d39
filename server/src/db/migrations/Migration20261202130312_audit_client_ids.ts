import { Migration } from '@mikro-orm/migrations';

/**
 * One audit row per request (and root operation) listing every client it touched, instead of one row per
 * client: `client_id` becomes the array `client_ids`, searched through a GIN index. Earlier rows keep their id
 * and become rows of one client (or none). The append-only trigger is set aside for that one rewrite only, in
 * this migration's transaction.
 */
export class Migration20261202130312_audit_client_ids extends Migration {

  override name = 'Migration20261202130312_audit_client_ids';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit_event" add "client_ids" uuid[] not null default '{}';`);
    this.addSql(`alter table "audit_event" disable trigger "audit_event_no_change";`);
    this.addSql(`update "audit_event" set "client_ids" = array["client_id"] where "client_id" is not null;`);
    this.addSql(`alter table "audit_event" enable trigger "audit_event_no_change";`);
    this.addSql(`drop index "audit_event_client_id_at_index";`);
    this.addSql(`alter table "audit_event" drop column "client_id";`);
    this.addSql(`create index "audit_event_client_ids_index" on "audit_event" using gin ("client_ids");`);
  }

  override down(): void | Promise<void> {
    // Back to one row per client: a row of several clients is split into rows of one (new ids, same request id).
    this.addSql(`alter table "audit_event" add "client_id" uuid null;`);
    this.addSql(`insert into "audit_event" ("id", "at", "account_id", "role", "operation", "clinic_id", "client_id", "client_ids", "outcome", "address", "request_id", "detail")
      select gen_random_uuid(), e."at", e."account_id", e."role", e."operation", e."clinic_id", c."client_id", array[c."client_id"], e."outcome", e."address", e."request_id", e."detail"
      from "audit_event" e cross join lateral unnest(e."client_ids"[2:]) as c("client_id") where cardinality(e."client_ids") > 1;`);
    this.addSql(`alter table "audit_event" disable trigger "audit_event_no_change";`);
    this.addSql(`update "audit_event" set "client_id" = "client_ids"[1] where cardinality("client_ids") > 0;`);
    this.addSql(`alter table "audit_event" enable trigger "audit_event_no_change";`);
    this.addSql(`drop index "audit_event_client_ids_index";`);
    this.addSql(`alter table "audit_event" drop column "client_ids";`);
    this.addSql(`create index "audit_event_client_id_at_index" on "audit_event" ("client_id", "at");`);
  }

}
