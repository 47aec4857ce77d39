import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Viewer } from '@fascia/server/common/viewer.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer } from '@fascia/server/http/app.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** Security headers on every response, caching of the built client, no source maps in production. */

let db: TestDatabase;
let dist: string;
const servers: { stop: () => Promise<void> }[] = [];
const urls: Record<'production' | 'development', string> = { production: '', development: '' };

beforeAll(async () => {
  db = await createTestDatabase();
  dist = mkdtempSync(path.join(tmpdir(), 'fascia-dist-'));
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<title>Fascia</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("fascia")');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js.map'), '{"version":3}');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
  const schema = await buildFasciaSchema();
  for (const production of [true, false]) {
    const http = await createHttpServer({
      orm: db.orm,
      schema,
      log: pino({ level: 'silent' }),
      resolveViewer: async () => ({ role: 'ANONYMOUS' }) as Viewer,
      production,
      clientDistDir: dist,
    });
    servers.push(http);
    urls[production ? 'production' : 'development'] = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  }
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await db?.drop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const requests: [string, string, RequestInit?][] = [
  ['the page', '/'],
  ['a client-side route', '/clients/123'],
  ['a hashed asset', '/assets/index-abc123.js'],
  ['a missing asset', '/assets/nope.js'],
  ['GraphQL', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }],
  [
    'a GraphQL error',
    '/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ clients { totalCount } }"}' },
  ],
  ['a body that is not JSON', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
  ['a method not allowed', '/graphql', { method: 'DELETE' }],
  ['health', '/health/live'],
  ['readiness', '/health/ready'],
  ['the FHIR export', '/fhir/export?client=x'],
  ['the research dictionary', '/research/export-dictionary.csv'],
  ['GraphiQL', '/graphiql'],
];

describe('security headers', () => {
  test.each(requests)('on %s, in both modes', async (_name, target, init) => {
    for (const mode of ['production', 'development'] as const) {
      const response = await fetch(`${urls[mode]}${target}`, init);
      await response.arrayBuffer();
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, mode).toMatch(/(^|;)script-src 'self'(;|$)/);
      expect(csp, mode).not.toMatch(/unsafe-inline[^;]*;?.*script|script-src[^;]*unsafe/);
      expect(csp, mode).toMatch(/frame-ancestors 'none'/);
      expect(csp, mode).toMatch(/object-src 'none'/);
      expect(response.headers.get('x-content-type-options'), mode).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), mode).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), mode).toBe('DENY');
      expect(response.headers.get('x-powered-by'), mode).toBeNull();
      // HSTS in production only (development runs on plain http://localhost).
      if (mode === 'production') expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      else expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('the built client', () => {
  test('index.html is revalidated every time; hashed assets are immutable', async () => {
    for (const target of ['/', '/clients/123', '/index.html']) {
      const response = await fetch(`${urls.production}${target}`);
      expect(response.status, target).toBe(200);
      expect(response.headers.get('cache-control'), target).toBe('no-cache');
    }
    const asset = await fetch(`${urls.production}/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test('source maps are not served in production', async () => {
    expect((await fetch(`${urls.production}/assets/index-abc123.js.map`)).status).toBe(404);
    expect((await fetch(`${urls.development}/assets/index-abc123.js.map`)).status).toBe(200);
  });
});
