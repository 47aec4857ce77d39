/** Writes schema/schema.graphql from the resolver classes. Usage: pnpm schema */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { printFasciaSchema } from './print-schema.js';

const file = path.join(repoRoot, 'schema', 'schema.graphql');
await writeFile(file, await printFasciaSchema());
console.log(`wrote ${path.relative(repoRoot, file)}`);
