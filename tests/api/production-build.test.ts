import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { type GraphQLResponse, retryWhileUnavailable } from '../support/api.js';
import { scaledMs } from '../support/machine.js';
import { killLeftoverServers, type ServerProcess, startServerProcess } from '../support/server-process.js';

/**
 * The container image's build steps without a container runtime: server/Dockerfile runs
 * `node server/production-build.mjs /out` and starts `node dist/main.js` from /out/server; so does this test,
 * into a temporary folder, against an empty database, in production mode.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const migrationCount = readdirSync(path.join(repoRoot, 'server/src/db/migrations')).filter((name) => name.endsWith('.ts')).length;
const adminEmail = 'owner@built.example.com';
const adminPassword = 'a long built-image admin passphrase';

let outDir: string;
let databaseUrl: string;
let dropDatabase: () => Promise<void> = async () => {};
let server: ServerProcess | undefined;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[], options: { cwd: string; env?: Record<string, string>; stdin?: string }): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** The built image's environment: production, an external database, no demo data. */
const imageEnv = () => ({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, FASCIA_SEED_DEMO: 'false', LOG_LEVEL: 'warn' });

/** Names of the packages installed in the built server's node_modules (pnpm's store folder names them all). */
function installedPackages(): string[] {
  return readdirSync(path.join(outDir, 'server/node_modules/.pnpm'));
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'fascia-image-'));
  const maintenanceUrl = inject('postgresMaintenanceUrl');
  const name = `fascia_image_${randomBytes(6).toString('hex')}`;
  // Empty, not a copy of the migrated template: the built server's migrations must create everything.
  await ensureDatabase(maintenanceUrl, name);
  databaseUrl = maintenanceUrl.replace(/\/postgres$/, `/${name}`);
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: maintenanceUrl });
    await client.connect();
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
  };
  // pnpm deploy from the store, tsc and vite: 2 to 2.5 minutes on a 2-core machine at load average 20 to 30.
  const built = await run(['server/production-build.mjs', outDir], { cwd: repoRoot });
  if (built.code !== 0) throw new Error(`the production build failed:\n${built.stdout}\n${built.stderr}`);
  console.info(`production build: ${(built.ms / 1000).toFixed(1)} s`);
}, scaledMs(240_000));

afterAll(async () => {
  killLeftoverServers();
  await dropDatabase();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the production build', () => {
  test('is compiled JavaScript with production dependencies only, and the web page without GraphiQL', () => {
    const dist = path.join(outDir, 'server/dist');
    const files = readdirSync(dist, { recursive: true }).map(String);
    expect(files).toContain('main.js');
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(files.filter((file) => /^db\/migrations\/Migration\w+\.js$/.test(file))).toHaveLength(migrationCount);
    expect(existsSync(path.join(dist, 'modules/accounts/common-passwords.txt'))).toBe(true);
    expect(existsSync(path.join(outDir, 'server/src'))).toBe(false);

    const packages = installedPackages();
    expect(packages.some((name) => name.startsWith('@apollo+server@'))).toBe(true);
    // Development tools (and GraphiQL's editor, about 100 MB) stay out of the image.
    for (const tool of [
      'tsx@',
      'typescript@',
      'vite@',
      'vitest@',
      'graphiql@',
      '@graphiql+',
      'monaco-editor@',
      'pino-pretty@',
      '@types+express@',
    ]) {
      expect(
        packages.filter((name) => name.startsWith(tool)),
        tool,
      ).toEqual([]);
    }

    expect(existsSync(path.join(outDir, 'client/dist/index.html'))).toBe(true);
    expect(existsSync(path.join(outDir, 'client/dist/graphiql'))).toBe(false);
  });

  test(
    'migrates an empty database from the JavaScript migrations (`node dist/cli/migrate.js`), twice without harm',
    async () => {
      const serverDir = path.join(outDir, 'server');
      for (const attempt of [1, 2]) {
        const migrated = await run(['dist/cli/migrate.js'], { cwd: serverDir, env: { ...imageEnv(), LOG_LEVEL: 'info' } });
        expect(migrated.code, migrated.stderr).toBe(0);
        const lines = migrated.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
        const applied = lines.find((line) => line.msg === 'applied migrations')?.migrations ?? [];
        expect(applied, `attempt ${attempt}`).toHaveLength(attempt === 1 ? migrationCount : 0);
        expect(lines.find((line) => line.msg === 'database is up to date')?.migrations).toBe(migrationCount);
      }
    },
    scaledMs(60_000),
  );

  test(
    'the command line creates a clinic; the built server answers health, GraphQL and the web page, and stops cleanly',
    async () => {
      const serverDir = path.join(outDir, 'server');
      const created = await run(
        ['dist/cli/fascia.js', 'clinic:create', '--name', 'Built Clinic', '--time-zone', 'Europe/Berlin', '--admin-email', adminEmail],
        { cwd: serverDir, env: imageEnv(), stdin: `${adminPassword}\n` },
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);

      server = await startServerProcess({ ...imageEnv(), LOG_LEVEL: 'info', HOST: '127.0.0.1' }, { builtServerDir: serverDir });
      // As a load balancer does: ready once its first database connections are made (seconds on a busy machine).
      await vi.waitFor(async () => expect((await fetch(`${server?.url}/health/ready`)).status).toBe(200), {
        timeout: scaledMs(10_000),
        interval: 200,
      });

      // A client retries SERVICE_UNAVAILABLE (a busy machine's wait for a new connection).
      const graphql = (query: string, variables: Record<string, unknown>, token?: string) =>
        retryWhileUnavailable(async (): Promise<GraphQLResponse<Record<string, any>>> => {
          const response = await fetch(`${server?.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query, variables }),
          });
          return { status: response.status, ...(await response.json()) };
        });
      const signIn = await graphql(
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token role } }',
        {
          email: adminEmail,
          password: adminPassword,
        },
      );
      expect(signIn.errors).toBeUndefined();
      expect(signIn.data?.signIn.role).toBe('ADMIN');
      const viewer = await graphql('{ viewer { role clinic { name timeZone } } clients { totalCount } }', {}, signIn.data?.signIn.token);
      expect(viewer).toEqual({
        data: { viewer: { role: 'ADMIN', clinic: { name: 'Built Clinic', timeZone: 'Europe/Berlin' } }, clients: { totalCount: 0 } },
      });
      // Production mode: no introspection.
      expect((await graphql('{ __schema { queryType { name } } }', {})).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

      const indexHtml = readFileSync(path.join(outDir, 'client/dist/index.html'), 'utf8');
      for (const route of ['/', '/clients/some-client']) {
        const page = await fetch(`${server.url}${route}`);
        expect(page.status, route).toBe(200);
        expect(await page.text(), route).toBe(indexHtml);
      }
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${server.url}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);

      const stopped = await server.stop('SIGTERM');
      expect(stopped.code).toBe(0);
      expect(server.messages).toContain('shutdown complete');
    },
    scaledMs(90_000),
  );
});
