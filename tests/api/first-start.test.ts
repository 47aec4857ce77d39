import { afterAll, expect, inject, test } from 'vitest';
import { concurrentFirstStart } from '../support/first-start.js';
import { killLeftoverServers } from '../support/server-process.js';

afterAll(() => killLeftoverServers());

test('two instances started at once on an empty database both start; every migration is applied once', async () => {
  const report = await concurrentFirstStart(inject('postgresMaintenanceUrl'), 2);
  expect(
    report.starts.map((start) => start.ok),
    JSON.stringify(report.starts),
  ).toEqual([true, true]);
  expect(report.migrationRows).toBe(report.migrationFiles);
  expect(report.distinctMigrations).toBe(report.migrationFiles);
  expect(report.exitCodes).toEqual([0, 0]);
}, 300_000);
