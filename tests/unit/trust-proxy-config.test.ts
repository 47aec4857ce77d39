import { ConfigError, loadConfig, parseTrustProxy } from '@fascia/server/config.js';
import { describe, expect, test } from 'vitest';

describe('FASCIA_TRUST_PROXY', () => {
  test('unset, empty, false and 0 trust no proxy', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const raw of ['', ' ', 'false', 'FALSE', '0']) expect(parseTrustProxy('FASCIA_TRUST_PROXY', raw)).toBe(false);
  });

  test('a hop count, or addresses, subnets and the named ranges of Express', () => {
    expect(loadConfig({ FASCIA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseTrustProxy('X', '10.0.0.1, 10.0.1.0/24, loopback, ::1, fd00::/8, uniquelocal')).toEqual([
      '10.0.0.1',
      '10.0.1.0/24',
      'loopback',
      '::1',
      'fd00::/8',
      'uniquelocal',
    ]);
  });

  test.each(['true', '11', '-1', '1.5', 'proxy.example.com', '10.0.0.1/33', '10.0.0.1/24/1', '300.1.1.1', 'loopback,,'])(
    '%s stops the server with a message naming the variable',
    (raw) => {
      expect(() => loadConfig({ FASCIA_TRUST_PROXY: raw })).toThrow(ConfigError);
      expect(() => loadConfig({ FASCIA_TRUST_PROXY: raw })).toThrow(/FASCIA_TRUST_PROXY/);
    },
  );
});
