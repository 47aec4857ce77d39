import { ConfigError, loadConfig } from '@fascia/server/config.js';
import { parseLsn } from '@fascia/server/db/read-replicas.js';
import { describe, expect, test } from 'vitest';

describe('read replica settings', () => {
  test('none by default; a 5 s lag bound', () => {
    const config = loadConfig({});
    expect(config.readReplicaUrls).toEqual([]);
    expect(config.readReplicaMaxLagMs).toBe(5_000);
  });

  test('comma-separated postgres URLs, spaces around them dropped', () => {
    const config = loadConfig({
      FASCIA_READ_REPLICA_URLS: 'postgresql://r:s@replica-1:5432/fascia, postgres://r:s@replica-2/fascia',
      FASCIA_READ_REPLICA_MAX_LAG_MS: '2000',
    });
    expect(config.readReplicaUrls).toEqual(['postgresql://r:s@replica-1:5432/fascia', 'postgres://r:s@replica-2/fascia']);
    expect(config.readReplicaMaxLagMs).toBe(2_000);
  });

  test.each([
    ['mysql://replica/fascia', /item 1 is not/],
    ['postgresql://r@replica/fascia,,', /item 2 is not/],
    ['postgresql:///fascia', /item 1 is not/],
  ])('FASCIA_READ_REPLICA_URLS=%s stops the server', (value, message) => {
    expect(() => loadConfig({ FASCIA_READ_REPLICA_URLS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ FASCIA_READ_REPLICA_URLS: value })).toThrow(message);
  });

  test('a lag bound out of range stops the server', () => {
    expect(() => loadConfig({ FASCIA_READ_REPLICA_MAX_LAG_MS: '50' })).toThrow(
      /FASCIA_READ_REPLICA_MAX_LAG_MS must be a whole number from 100/,
    );
  });

  test('WAL positions compare as numbers of bytes', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')).toBe(0x100000000n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  });
});
