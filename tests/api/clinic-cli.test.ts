import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GraphQLResponse, startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * Setting up a real clinic from the command line (`pnpm fascia clinic:create`), then onboarding over HTTP:
 * the new admin signs in, invites a therapist, who accepts and invites a client.
 */

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, null);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

/** Runs the command line against the test database, `stdin` piped in (so not a terminal). */
function fascia(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/fascia.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

function dataOf(response: GraphQLResponse): Record<string, any> {
  if (!response.data || response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const adminPassword = 'a long harbour admin passphrase';
/** Each command starts a process that loads the server code and opens the database: seconds each on a busy machine. */
const cliTimeout = 240_000;

describe('fascia clinic:create and clinic:list', () => {
  test(
    'refuses a weak password, a bad time zone and missing options, writing nothing',
    async () => {
      const base = ['clinic:create', '--name', 'Nowhere', '--admin-email', 'x@nowhere.example.com'];
      const weak = await fascia([...base, '--time-zone', 'UTC'], 'password\n');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/password/);
      const zone = await fascia([...base, '--time-zone', 'Mars/Base'], `${adminPassword}\n`);
      expect(zone.code).toBe(1);
      expect(zone.stderr).toMatch(/timeZone.*IANA/);
      const missing = await fascia(['clinic:create', '--name', 'Nowhere'], `${adminPassword}\n`);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/usage/);
      expect(await db.count('clinic')).toBe(0);
      expect(await db.count('account')).toBe(0);
    },
    cliTimeout,
  );

  test(
    'creates the clinic and its admin, who signs in, invites a therapist, who invites a client',
    async () => {
      const created = await fascia(
        [
          'clinic:create',
          '--name',
          'Harbour Massage',
          '--time-zone',
          'America/Halifax',
          '--locale',
          'fr-ca',
          '--admin-email',
          'Owner@Harbour.example.com',
          '--admin-name',
          'Olive Owner',
        ],
        `${adminPassword}\n`,
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/created clinic "Harbour Massage" .*America\/Halifax, locale fr-CA/);
      // The password never reaches argv, logs or output.
      expect(created.stdout).not.toContain(adminPassword);

      const [row] = await db.orm.em
        .fork()
        .execute(
          `select c.name, c.time_zone, c.locale, a.email, a.role, a.name as admin_name, a.therapist_id from clinic c join account a on a.clinic_id = c.id`,
        );
      expect(row).toEqual({
        name: 'Harbour Massage',
        time_zone: 'America/Halifax',
        locale: 'fr-CA',
        email: 'owner@harbour.example.com',
        role: 'ADMIN',
        admin_name: 'Olive Owner',
        therapist_id: null,
      });

      const listed = await fascia(['clinic:list']);
      expect(listed.code).toBe(0);
      expect(listed.stdout.trim().split('\n')).toEqual([
        'id\tname\ttime zone\tlocale\taccounts\tclients',
        expect.stringMatching(/^[0-9a-f-]{36}\tHarbour Massage\tAmerica\/Halifax\tfr-CA\t1\t0$/),
      ]);

      // The admin signs in over HTTP and sees their clinic.
      const signIn = dataOf(
        await api.request(
          'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token role } }',
          { email: 'owner@harbour.example.com', password: adminPassword },
          { as: null },
        ),
      ).signIn;
      expect(signIn.role).toBe('ADMIN');
      const asAdmin = { as: { token: signIn.token as string } };
      const viewer = dataOf(await api.request('{ viewer { role clinic { name timeZone locale } } }', undefined, asAdmin)).viewer;
      expect(viewer).toEqual({ role: 'ADMIN', clinic: { name: 'Harbour Massage', timeZone: 'America/Halifax', locale: 'fr-CA' } });

      // The admin invites a therapist, who accepts and adds and invites a client.
      const therapistInvite = dataOf(
        await api.request(
          'mutation { inviteTherapist(email: "tess@harbour.example.com", givenName: "Tess", familyName: "Hands", registrationNumber: "RMT-9") { token } }',
          undefined,
          asAdmin,
        ),
      ).inviteTherapist.token as string;
      const accepted = dataOf(
        await api.request(
          'mutation($token: String!, $password: String!) { acceptInvite(token: $token, password: $password) { token role } }',
          { token: therapistInvite, password: 'a therapist passphrase of my own' },
          { as: null },
        ),
      ).acceptInvite;
      expect(accepted.role).toBe('THERAPIST');
      const asTherapist = { as: { token: accepted.token as string } };
      const clientId = dataOf(
        await api.request(
          'mutation { createClient(input: { givenName: "Cara", familyName: "Client", dateOfBirth: "1990-02-03", sex: FEMALE }) { id } }',
          undefined,
          asTherapist,
        ),
      ).createClient.id as string;
      const clientInvite = dataOf(
        await api.request(
          'mutation($id: ID!) { inviteClient(clientId: $id, email: "cara@example.com") { token } }',
          { id: clientId },
          asTherapist,
        ),
      ).inviteClient.token as string;
      const portal = dataOf(
        await api.request(
          'mutation($token: String!, $password: String!) { acceptInvite(token: $token, password: $password) { role } }',
          { token: clientInvite, password: 'my own portal passphrase' },
          { as: null },
        ),
      ).acceptInvite;
      expect(portal.role).toBe('CLIENT');

      const after = await fascia(['clinic:list']);
      expect(after.stdout).toMatch(/\tHarbour Massage\tAmerica\/Halifax\tfr-CA\t3\t1\n/);
    },
    cliTimeout,
  );

  test(
    'account:create makes a researcher and prints a generated password once',
    async () => {
      const made = await fascia(['account:create', '--role', 'RESEARCHER', '--email', 'ann@research.example.org']);
      expect(made.code).toBe(0);
      const password = /password \(shown once\): (\S+)/.exec(made.stdout)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(20);
      const signIn = await api.request(
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { role } }',
        { email: 'ann@research.example.org', password },
        { as: null },
      );
      expect(dataOf(signIn).signIn.role).toBe('RESEARCHER');
    },
    cliTimeout,
  );

  test(
    'an unknown command prints the usage',
    async () => {
      const unknown = await fascia(['clinic:destroy']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/clinic:create/);
    },
    cliTimeout,
  );
});
