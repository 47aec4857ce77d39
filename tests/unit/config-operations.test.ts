import { ConfigError, loadConfig } from '@fascia/server/config.js';
import { describe, expect, test } from 'vitest';

describe('operational settings from the environment', () => {
  test('defaults: pool of 10, the documented timeouts, 5 s drain, no metrics', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({
      poolMax: 10,
      acquireTimeoutMs: 1_500,
      statementTimeoutMs: 15_000,
      idleInTransactionTimeoutMs: 15_000,
    });
    expect(config.shutdownGraceMs).toBe(5_000);
    expect(config.admission).toEqual({ concurrent: 20, maxWaitMs: 10_000 });
    expect(config.metricsPort).toBeUndefined();
    expect(config.metricsToken).toBeUndefined();
    expect(config.embeddedPostgresPort).toBeUndefined();
  });

  test('values given are used', () => {
    const config = loadConfig({
      FASCIA_DB_POOL_MAX: '25',
      FASCIA_DB_ACQUIRE_TIMEOUT_MS: '3000',
      FASCIA_DB_STATEMENT_TIMEOUT_MS: '60000',
      FASCIA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '20000',
      FASCIA_SHUTDOWN_GRACE_MS: '25000',
      FASCIA_METRICS_PORT: '9464',
      FASCIA_METRICS_TOKEN: 'a'.repeat(32),
      FASCIA_POSTGRES_PORT: '54329',
    });
    expect(config.database).toEqual({
      poolMax: 25,
      acquireTimeoutMs: 3_000,
      statementTimeoutMs: 60_000,
      idleInTransactionTimeoutMs: 20_000,
    });
    expect(config.shutdownGraceMs).toBe(25_000);
    // Twice the pool unless given.
    expect(config.admission).toEqual({ concurrent: 50, maxWaitMs: 10_000 });
    expect(loadConfig({ FASCIA_CONCURRENT_REQUESTS: '8', FASCIA_QUEUE_WAIT_MS: '2500' }).admission).toEqual({
      concurrent: 8,
      maxWaitMs: 2_500,
    });
    expect(config.metricsPort).toBe(9464);
    expect(config.metricsToken).toBe('a'.repeat(32));
    expect(config.embeddedPostgresPort).toBe(54329);
  });

  test.each([
    ['FASCIA_DB_POOL_MAX', '0', /FASCIA_DB_POOL_MAX must be a whole number from 1 to 500/],
    ['FASCIA_DB_POOL_MAX', '2.5', /from 1 to 500/],
    ['FASCIA_DB_ACQUIRE_TIMEOUT_MS', '-1', /FASCIA_DB_ACQUIRE_TIMEOUT_MS/],
    ['FASCIA_DB_STATEMENT_TIMEOUT_MS', 'soon', /FASCIA_DB_STATEMENT_TIMEOUT_MS/],
    ['FASCIA_SHUTDOWN_GRACE_MS', '1e9', /FASCIA_SHUTDOWN_GRACE_MS/],
    ['FASCIA_CONCURRENT_REQUESTS', '0', /FASCIA_CONCURRENT_REQUESTS must be a whole number from 1 to 10000/],
    ['FASCIA_QUEUE_WAIT_MS', '50', /FASCIA_QUEUE_WAIT_MS must be a whole number from 100 to 300000/],
    ['FASCIA_METRICS_PORT', '70000', /FASCIA_METRICS_PORT/],
    ['FASCIA_METRICS_TOKEN', 'short', /FASCIA_METRICS_TOKEN must be 24 to 256/],
    ['FASCIA_POSTGRES_PORT', 'x', /FASCIA_POSTGRES_PORT/],
  ])('%s=%s is refused at start with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
