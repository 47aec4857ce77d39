import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { type GraphQLField, GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, test } from 'vitest';

/** Fields read with graphql's default resolver are only those with nothing to check or compute (schema.ts). */
describe('plain fields read directly', () => {
  let field: (type: string, name: string) => GraphQLField<unknown, unknown>;
  beforeAll(async () => {
    const schema = await buildFasciaSchema();
    field = (type, name) => {
      const found = schema.getType(type);
      if (!(found instanceof GraphQLObjectType)) throw new Error(`${type} is not an object type`);
      const fields = found.getFields();
      const result = fields[name];
      if (!result) throw new Error(`${type}.${name} is not a field`);
      return result;
    };
  });

  test("a property's value is handed out by graphql itself", () => {
    expect(field('Client', 'givenName').resolve).toBeUndefined();
    expect(field('TreatmentSession', 'startedAt').resolve).toBeUndefined();
    expect(field('Observation', 'value').resolve).toBeUndefined();
  });

  test('every field with a role check keeps it, and every field resolver runs', () => {
    // The object-type fields under @Authorized: SOAP notes (staff only) and the audit trail's details (admin only).
    for (const [type, name] of [
      ['TreatmentSession', 'soap'],
      ['AuditEvent', 'address'],
      ['AuditEvent', 'accountEmail'],
      ['AuditEvent', 'requestedIds'],
      ['AuditEvent', 'moreRequestedIds'],
    ] as const) {
      expect(field(type, name).resolve, `${type}.${name}`).toBeTypeOf('function');
    }
    expect(field('TreatmentSeries', 'sessions').resolve).toBeTypeOf('function');
    expect(field('Client', 'series').resolve).toBeTypeOf('function');
  });
});
