import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

test('.env.example names exactly the environment variables config.ts reads', () => {
  const read_ = [...read('server/src/config.ts').matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]);
  const listed = [...read('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
  expect(new Set(read_).size).toBeGreaterThan(10);
  expect([...new Set(listed)].sort()).toEqual([...new Set(read_)].sort());
  // Each once.
  expect(listed.length).toBe(new Set(listed).size);
});
