/**
 * graphql-js is patched (server/patches, see docs/development.md "Reads are lean"): the objects it builds for each
 * answer and for each field's arguments are instances of a constructor whose prototype has no prototype, instead of
 * `Object.create(null)`, which V8 keeps as hash tables. These tests check that the patch is in effect and that the
 * objects still behave as prototype-less ones: any alias is an own key, nothing is inherited. It also completes scalar
 * and enum fields that the default resolver reads off their object without the general path's objects; the last tests
 * check that each thing such a field can hold gives what graphql-js's general path gives.
 */
import {
  execute,
  GraphQLEnumType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { describe, expect, test } from 'vitest';

const seen: { args: unknown[] } = { args: [] };

const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    name: { type: GraphQLString },
    size: { type: GraphQLInt, resolve: async (item: { size: number }) => item.size },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        resolve: (_root, args) => {
          seen.args.push(args);
          return [
            { name: 'one', size: 1 },
            { name: 'two', size: 2 },
          ];
        },
      },
      echo: { type: GraphQLString, args: { text: { type: GraphQLString } }, resolve: (_root, args) => args.text },
    },
  }),
});

async function run(query: string) {
  seen.args = [];
  const result = await execute({ schema, document: parse(query) });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

/** What the patch builds: an object whose prototype is an empty object with no prototype of its own. */
function isPatchedObject(value: unknown): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype !== null && Object.getPrototypeOf(prototype) === null && Object.keys(prototype).length === 0;
}

describe('the graphql-js patch', () => {
  test('is in effect: answers (with and without promises) and argument objects are made by its constructors', async () => {
    const data = await run('{ items { name size } echo(text: "hi") }');
    expect(isPatchedObject(data)).toBe(true);
    // Each item has a field that resolves to a promise, so it comes through promiseForObject.
    for (const item of data.items) expect(isPatchedObject(item)).toBe(true);
    expect(data.items.map((item: { name: string; size: number }) => [item.name, item.size])).toEqual([
      ['one', 1],
      ['two', 2],
    ]);
    expect(data.echo).toBe('hi');
    expect(seen.args).toHaveLength(1);
    expect(isPatchedObject(seen.args[0])).toBe(true);
    expect(Object.keys(seen.args[0] as object)).toEqual([]);
  });

  test('answers still inherit nothing: __proto__ and constructor as aliases are own keys, in the JSON too', async () => {
    const data = await run(
      '{ __proto__: echo(text: "a") constructor: echo(text: "b") toString: echo(text: "c") items { hasOwnProperty: name } }',
    );
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'toString', 'items']);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe('a');
    expect(data.constructor).toBe('b');
    expect(data.toString).toBe('c');
    expect('valueOf' in data).toBe(false);
    expect(data.items[0].hasOwnProperty).toBe('one');
    expect(JSON.stringify(data)).toBe(
      '{"__proto__":"a","constructor":"b","toString":"c","items":[{"hasOwnProperty":"one"},{"hasOwnProperty":"two"}]}',
    );
  });
});

/** A record whose scalar fields hold each kind of value a property can hold. */
const Record = new GraphQLObjectType({
  name: 'Record',
  fields: {
    text: { type: GraphQLString },
    count: { type: new GraphQLNonNull(GraphQLInt) },
    kind: { type: new GraphQLEnumType({ name: 'Kind', values: { FIRST: { value: 1 }, SECOND: { value: 2 } } }) },
    later: { type: GraphQLString },
    greet: { type: GraphQLString, args: { name: { type: GraphQLString } } },
    broken: { type: GraphQLString },
    odd: { type: new GraphQLScalarType({ name: 'Odd', serialize: (value) => (value === 'bad' ? null : `odd:${value}`) }) },
  },
});
const records = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { records: { type: new GraphQLList(Record), resolve: (root) => root } } }),
});
const recordRows = [
  {
    text: 'a',
    count: 1,
    kind: 2,
    later: Promise.resolve('soon'),
    greet: (args: { name: string }) => `hi ${args.name}`,
    broken: null,
    odd: 1,
  },
  { text: null, count: null, kind: 1, later: null, greet: null, broken: new Error('no broken'), odd: 'bad' },
];

describe('scalar fields read by the default resolver', () => {
  test('values, enums, methods, promises and custom scalars come out as graphql-js gives them', async () => {
    const result = await execute({
      schema: records,
      document: parse('{ records { text kind later greet(name: "Ann") odd } }'),
      rootValue: recordRows.slice(0, 1),
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      records: [{ text: 'a', kind: 'SECOND', later: 'soon', greet: 'hi Ann', odd: 'odd:1' }],
    });
  });

  test('null, an Error as the value, null for a non-null field and a serializer answering null are located errors', async () => {
    const result = await execute({
      schema: records,
      document: parse('{ records { text kind broken odd } nonNull: records { count } }'),
      rootValue: recordRows.slice(1),
    });
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      records: [{ text: null, kind: 'FIRST', broken: null, odd: null }],
      nonNull: [null],
    });
    expect(result.errors?.map((error) => ({ message: error.message, path: error.path }))).toEqual([
      { message: 'no broken', path: ['records', 0, 'broken'] },
      { message: 'Expected `Odd.serialize("bad")` to return non-nullable value, returned: null', path: ['records', 0, 'odd'] },
      { message: 'Cannot return null for non-nullable field Record.count.', path: ['nonNull', 0, 'count'] },
    ]);
  });
});
