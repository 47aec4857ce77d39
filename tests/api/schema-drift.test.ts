import { readFile } from 'node:fs/promises';
import { printFasciaSchema } from '@fascia/server/graphql/print-schema.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('checked-in contracts match the code', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  test('the migrations build exactly the schema the entities describe', async () => {
    // The test database was built by running the checked-in migrations; any
    // difference left to the entities means a migration is missing.
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    // MikroORM's schema model has no exclusion constraints, so it would drop the one against double
    // booking, which the appointments migration creates (appointments-concurrency.test.ts proves it works).
    const modelled = diff
      .split('\n')
      .filter((line) => line !== 'alter table "appointment" drop constraint "appointment_no_overlap";')
      .join('\n');
    expect(modelled.trim(), 'run `pnpm migration:create <name>` and commit the file').toBe('');
  });

  test('schema/schema.graphql is the schema the server builds', async () => {
    const checkedIn = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn, 'run `pnpm schema` and commit schema/schema.graphql').toBe(await printFasciaSchema());
  });

  test('every type and field of the schema has a description', async () => {
    const { buildSchema, isObjectType, isInputObjectType, isEnumType } = await import('graphql');
    const schema = buildSchema(await printFasciaSchema());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // The root operation types are described by their fields.
      const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
      if (!type.description && !isRoot) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
