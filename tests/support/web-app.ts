import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer, type HttpServer } from '@fascia/server/http/app.js';
import { createViewerResolver, sessionCookieName } from '@fascia/server/modules/accounts/http-credentials.js';
import { pino } from 'pino';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium.js';
import type { TestDatabase } from './database.js';
import { createDemoDatabase } from './demo-seed.js';

/*
 * The browser tests' app: the built web client served by the server in this process, on a test database of its
 * own, and one Chromium to open pages in.
 */

/** Where browser tests save their screenshots (tests/artifacts/). */
export const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

export interface Account {
  email: string;
  password: string;
}

export interface PageOptions extends BrowserContextOptions {
  /**
   * Console errors to collect besides uncaught page errors: all of them (`true`), those a test picks, or none
   * (the default: a refused request, e.g. a wrong password, logs one that is no fault of the page).
   */
  consoleErrors?: boolean | ((text: string) => boolean);
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Page errors (and the console errors asked for), which should stay empty. */
  errors: string[];
}

export interface WebApp {
  readonly db: TestDatabase;
  /** The app's address, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly browser: Browser;
  /** One GraphQL request over HTTP, with a session token or none; throws on errors. */
  send<Data>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<Data>;
  /** A new session token of an account, signed in over the API. */
  signInOverApi(account: Account): Promise<string>;
  /** A session token of an account, signed in over the API once per app and then reused. */
  tokenOf(account: Account): Promise<string>;
  /**
   * A page in a new browser context (no cookies), with reduced motion and, below 500 px wide, a phone's touch
   * screen. The caller closes the context.
   */
  newPage(options?: PageOptions): Promise<OpenPage>;
  /** Signs in through the form on `page` and waits for the header to name the person. */
  signIn(page: Page, account: Account): Promise<void>;
  /** `newPage`, then `signIn`. */
  signInPage(account: Account, options?: PageOptions): Promise<OpenPage>;
  /** Gives a browser context the session cookie of an account (`tokenOf`), as a sign-in would. */
  addSessionCookie(context: BrowserContext, account: Account): Promise<void>;
  /** Closes the browser, stops the server and drops the database, each even when another fails. */
  stop(): Promise<void>;
}

/**
 * Serves the web client on `db` (which the app drops when it stops) and launches Chromium. `production` runs the
 * server in the mode users run, with its stricter headers (CSP, secure cookies).
 */
export async function startWebApp(db: TestDatabase, options: { production?: boolean } = {}): Promise<WebApp> {
  let http: HttpServer | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await http?.stop().catch(() => {});
    await db.drop();
  };
  try {
    if (!existsSync(chromiumPath)) {
      throw new Error(`Chromium not found at ${chromiumPath}: run \`node tests/ensure-chromium.mjs\` or set CHROMIUM_PATH`);
    }
    await mkdir(artifactsDir, { recursive: true });
    http = await createHttpServer({
      orm: db.orm,
      schema: await buildFasciaSchema(),
      log: pino({ level: 'silent' }),
      resolveViewer: createViewerResolver(db.orm),
      production: options.production ?? false,
      clientDistDir: inject('clientDistDir'),
    });
    const url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    return webApp(db, url, browser, options.production ?? false, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `startWebApp` on a fresh copy of the demo data set. */
export async function startDemoApp(options: { production?: boolean } = {}): Promise<WebApp> {
  return startWebApp(await createDemoDatabase(), options);
}

function webApp(db: TestDatabase, url: string, browser: Browser, production: boolean, stop: () => Promise<void>): WebApp {
  const tokens = new Map<string, Promise<string>>();
  const app: WebApp = {
    db,
    url,
    browser,
    stop,
    async send<Data>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<Data> {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Data; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async signInOverApi({ email, password }) {
      const { signIn } = await app.send<{ signIn: { token: string } }>(
        null,
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
        { email, password },
      );
      return signIn.token;
    },
    tokenOf(account) {
      const known = tokens.get(account.email);
      if (known) return known;
      const token = app.signInOverApi(account);
      tokens.set(account.email, token);
      return token;
    },
    async newPage({ consoleErrors = false, ...options } = {}) {
      const collects = consoleErrors === true ? () => true : consoleErrors || (() => false);
      const phone = (options.viewport?.width ?? 1280) < 500;
      const context = await browser.newContext({
        reducedMotion: 'reduce',
        ...(phone ? { isMobile: true, hasTouch: true } : {}),
        ...options,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && collects(message.text())) errors.push(`console: ${message.text()}`);
      });
      return { context, page, errors };
    },
    async signIn(page, account) {
      await page.goto(url);
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.who-person').waitFor();
    },
    async signInPage(account, options) {
      const opened = await app.newPage(options);
      await app.signIn(opened.page, account);
      return opened;
    },
    async addSessionCookie(context, account) {
      await context.addCookies([
        { name: sessionCookieName, value: await app.tokenOf(account), url, httpOnly: true, secure: production, sameSite: 'Lax' },
      ]);
    },
  };
  return app;
}
