import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildFasciaSchema } from './schema.js';

/** The SDL checked in as schema/schema.graphql; sorted so the file changes only when the schema does. */
export async function printFasciaSchema(): Promise<string> {
  const sdl = printSchema(lexicographicSortSchema(await buildFasciaSchema()));
  return `# Generated from the server's type-graphql classes by \`pnpm schema\`. Do not edit.\n\n${sdl}\n`;
}
