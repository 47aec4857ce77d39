/*
 * Research benchmark (run: `npx -y pnpm@12.21.0 bench:research`; a script, not a test).
 *
 * Starts a throwaway embedded PostgreSQL in a temp folder, COPYs 20,000 clients with about 1,000,000
 * observations (research-bench-data.ts) printing progress, then times the `cohortOutcomes` GraphQL
 * query for NPRS over every consenting client (the real HTTP app in production mode, a researcher's
 * token) against one hand-written SQL statement computing the same statistics, written apart from
 * the app's SQL. Both answers are compared; each is timed BENCH_RUNS times (7), taking turns, after
 * a warm-up; medians are printed with their ratio. Then one CSV export of the cohort is timed.
 * Settings (environment): BENCH_RUNS (7), BENCH_CLIENTS (20,000; fewer for a quick look).
 * Exits 0 whether or not a target is met; non-zero only when the benchmark itself fails.
 */
import 'reflect-metadata';
import os from 'node:os';
import { prepareSchema } from '@fascia/server/db/database.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer } from '@fascia/server/http/app.js';
import { issueSession } from '@fascia/server/modules/accounts/access.service.js';
import { createAccount } from '@fascia/server/modules/accounts/account.service.js';
import { createViewerResolver } from '@fascia/server/modules/accounts/http-credentials.js';
import { findMeasure } from '@fascia/server/modules/measures/measure-catalog.js';
import { maxCountNoise } from '@fascia/server/modules/research/perturbation.js';
import { checkCohortFilter } from '@fascia/server/modules/research/research.input.js';
import { researchWorkMem } from '@fascia/server/modules/research/research.service.js';
import { histogramBounds, outcomeStatement } from '@fascia/server/modules/research/research.sql.js';
import { meanInterval } from '@fascia/server/modules/research/statistics.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino } from 'pino';
import { startBenchDatabase } from './bench-database.js';
import { loadResearchData, researchShape } from './research-bench-data.js';
import { handWrittenSql } from './research-reference-sql.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('BENCH_RUNS must be a whole number from 1 to 50');
const clients = Number(process.env.BENCH_CLIENTS ?? researchShape.clients);
if (!Number.isInteger(clients) || clients < 100 || clients > 200_000)
  throw new Error('BENCH_CLIENTS must be a whole number from 100 to 200,000');
const targets = { observationsPerSecond: 50_000, queryMs: 1000, ratio: 1.2 };
const say = (line: string) => console.log(line);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const graphqlQuery = `{ cohortOutcomes(measureCode: "NPRS") {
  overall { ...cell }
  histogram { from to suppressed n }
  visits { visitNumber value { ...mean } }
  withinSession { ...mean }
  doseResponse {
    totalMinutes { key outcome { ...cell } }
    sessionsPerWeek { key outcome { ...cell } }
    mainModality { key outcome { ...cell } }
    minutesSlope { suppressed n slopePerMinute ciLow ciHigh }
  }
} }
fragment cell on OutcomeCell { suppressed n baselineMean baselineSd meanChange meanChangeCiLow meanChangeCiHigh changeSd effectSize
  standardizedResponseMean responderRate responderRateCiLow responderRateCiHigh }
fragment mean on MeanCell { suppressed n mean sd ciLow ciHigh }`;

/**
 * Do the two answers agree on every figure both give (shown cells only), within the app's cell-key
 * perturbation (research/perturbation.ts): counts by at most 2, a mean or SD of n clients on NPRS (0-10)
 * by at most 10 / n, a rate by 1 / n? Returns the disagreements.
 */
function disagreements(api: any, sql: any): string[] {
  const out: string[] = [];
  const within = (what: string, a: number | null, b: number | null, bound: number) => {
    if (a === null || b === null || Math.abs(a - b) > bound + 1e-9 * Math.max(1, Math.abs(b))) out.push(`${what}: ${a} vs ${b}`);
  };
  const n = sql.overall.n as number;
  const close = (what: string, a: number | null, b: number | null, cellN = n) => within(what, a, b, 10 / cellN);
  within('n', api.overall.n, sql.overall.n, maxCountNoise);
  close('mean change', api.overall.meanChange, sql.overall.mean);
  close('change SD', api.overall.changeSd, sql.overall.sd);
  close('baseline mean', api.overall.baselineMean, sql.overall.baseline);
  within('responder rate', api.overall.responderRate, sql.overall.responders / sql.overall.n, 1 / n);
  for (const [i, bin] of api.histogram.entries())
    if (!bin.suppressed) within(`histogram bin ${i}`, bin.n, sql.histogram[i] ?? 0, maxCountNoise);
  const bands = [
    ['totalMinutes', 'minutes'],
    ['sessionsPerWeek', 'perWeek'],
  ] as const;
  for (const [kind, key] of bands) {
    for (const [i, band] of api.doseResponse[kind].entries()) {
      if (!band.outcome.suppressed)
        close(`${kind} ${i}`, band.outcome.meanChange, sql[key][i]?.mean ?? null, band.outcome.n - maxCountNoise);
    }
  }
  for (const band of api.doseResponse.mainModality) {
    if (!band.outcome.suppressed)
      close(`modality ${band.key}`, band.outcome.meanChange, sql.modality[band.key]?.mean ?? null, band.outcome.n - maxCountNoise);
  }
  // The slope's perturbation (10 x range of minutes / Sxx) is not in the reference's output: a loose 5%.
  within('slope', api.doseResponse.minutesSlope.slopePerMinute, sql.slope.slope, Math.abs(sql.slope.slope) * 0.05);
  for (const visit of api.visits)
    if (!visit.value.suppressed)
      close(`visit ${visit.visitNumber}`, visit.value.mean, sql.visits[visit.visitNumber]?.mean ?? null, visit.value.n - maxCountNoise);
  close('within-session', api.withinSession.mean, sql.prePost.mean);
  return out;
}

async function main(): Promise<void> {
  const log = pino({ level: 'warn' });
  let t = Date.now();
  const { url, folder, cleanup } = await startBenchDatabase('fascia-research-bench-', log);
  try {
    say(`Fascia research benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, ${runs} runs`);
    const orm = await MikroORM.init(ormConfig({ clientUrl: url }));
    const sql = new pg.Client({ connectionString: url });
    let http: Awaited<ReturnType<typeof createHttpServer>> | undefined;
    try {
      await prepareSchema(orm, log);
      say(`PostgreSQL started and migrated in ${((Date.now() - t) / 1000).toFixed(1)} s (${folder})`);
      say('Loading data (COPY)');
      await sql.connect();
      const load = await loadResearchData(sql, say, clients);
      const overallRate = load.observations / load.seconds;
      const copyRate = load.observations / load.observationSeconds;
      say(
        `  loaded in ${load.seconds.toFixed(1)} s: ${Object.entries(load.counts)
          .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
          .join(', ')}`,
      );

      const em = orm.em.fork();
      const account = await createAccount(em, {
        role: 'RESEARCHER',
        email: 'bench.researcher@bench.example.com',
        password: 'bench researcher password 2026',
      });
      const token = (await issueSession(em, account)).secret;
      http = await createHttpServer({
        orm,
        schema: await buildFasciaSchema(),
        log,
        resolveViewer: createViewerResolver(orm),
        production: true,
      });
      const port = await http.listen(0, '127.0.0.1');
      const graphql = async () => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: graphqlQuery }),
        });
        const body = (await response.json()) as { data?: { cohortOutcomes: any }; errors?: unknown };
        if (response.status !== 200 || body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body).slice(0, 500)}`);
        return body.data.cohortOutcomes;
      };
      // The same memory for sorts and hashes as the research service gives its statement.
      await sql.query(`set work_mem = '${researchWorkMem}'`);
      const handWritten = async () => (await sql.query(handWrittenSql)).rows[0].result;

      say('Checking that both give the same statistics');
      const [apiAnswer, sqlAnswer] = [await graphql(), await handWritten()];
      const differ = disagreements(apiAnswer, sqlAnswer);
      if (differ.length > 0) throw new Error(`the answers differ:\n  ${differ.join('\n  ')}`);
      const o = apiAnswer.overall;
      say(
        `  agree: NPRS over ${o.n.toLocaleString('en')} consenting clients, mean change ${o.meanChange.toFixed(3)} ` +
          `[${o.meanChangeCiLow.toFixed(3)}, ${o.meanChangeCiHigh.toFixed(3)}], responders ${(100 * o.responderRate).toFixed(1)}%, ` +
          `${apiAnswer.visits.length} visit numbers, slope ${apiAnswer.doseResponse.minutesSlope.slopePerMinute.toExponential(3)}/min`,
      );

      const times = { graphql: [] as number[], sql: [] as number[] };
      for (let run = 1; run <= runs; run++) {
        for (const [name, call] of [
          ['graphql', graphql],
          ['sql', handWritten],
        ] as const) {
          t = performance.now();
          await call();
          times[name].push(performance.now() - t);
        }
        say(`  run ${run}: GraphQL ${times.graphql.at(-1)?.toFixed(0)} ms, SQL ${times.sql.at(-1)?.toFixed(0)} ms`);
      }
      const [g, s] = [median(times.graphql), median(times.sql)];

      // Utility of the perturbed answers: published vs exact (the app's own statement, unperturbed) for
      // cohorts of 1,000+ clients and a few small ones. Each cohort is a different set (no overlap refusal).
      say('Utility: published (perturbed) against exact figures');
      const nprs = findMeasure('NPRS');
      if (!nprs) throw new Error('NPRS missing');
      const cohorts: [string, Record<string, unknown>][] = [
        ['all consenting', {}],
        ['NECK_PAIN', { conditionCode: 'NECK_PAIN' }],
        ['WHIPLASH, women', { conditionCode: 'WHIPLASH', sex: 'FEMALE' }],
        ['POSTURAL_PAIN, 40-59', { conditionCode: 'POSTURAL_PAIN', ageBands: ['AGE_40_49', 'AGE_50_59'] }],
        [
          'TENSION_TYPE_HEADACHE, men, 60+',
          { conditionCode: 'TENSION_TYPE_HEADACHE', sex: 'MALE', ageBands: ['AGE_60_69', 'AGE_70_79', 'AGE_80_89'] },
        ],
        ['WHIPLASH, men, 80-89', { conditionCode: 'WHIPLASH', sex: 'MALE', ageBands: ['AGE_80_89'] }],
      ];
      const utility: string[] = [];
      for (const [label, filter] of cohorts) {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `query($f: CohortFilterInput) { cohortOutcomes(measureCode: "NPRS", filter: $f) {
              overall { suppressed n meanChange meanChangeCiLow meanChangeCiHigh responderRate }
              histogram { suppressed } visits { value { suppressed } } doseResponse { totalMinutes { outcome { suppressed } } } } }`,
            variables: { f: filter },
          }),
        });
        const body = (await response.json()) as any;
        if (body.errors) {
          utility.push(`| ${label} | refused: ${body.errors[0].extensions.code} | | | | |`);
          continue;
        }
        const published = body.data.cohortOutcomes;
        const statement = outcomeStatement(checkCohortFilter(filter as never), 'NPRS', histogramBounds(nprs));
        const [row] = await orm.em.fork().execute<{ result: any }[]>(statement.sql, statement.params);
        const exact = row?.result.overall;
        const cells = [
          ...published.histogram,
          ...published.visits.map((v: any) => v.value),
          ...published.doseResponse.totalMinutes.map((b: any) => b.outcome),
        ];
        const hidden = `${cells.filter((c: any) => c.suppressed).length}/${cells.length}`;
        if (published.overall.suppressed) {
          utility.push(`| ${label} | ${exact.n} | suppressed | | | ${hidden} |`);
          continue;
        }
        const ci = meanInterval(exact.change_mean, exact.change_sd, exact.n);
        const dMean = Math.abs(published.overall.meanChange - exact.change_mean);
        const dCi = Math.max(
          Math.abs(published.overall.meanChangeCiLow - (ci?.low ?? 0)),
          Math.abs(published.overall.meanChangeCiHigh - (ci?.high ?? 0)),
        );
        const dRate =
          published.overall.responderRate === null ? null : Math.abs(published.overall.responderRate - exact.responders / exact.n);
        const ok = (d: number, of: number) => d <= 0.05 || d <= 0.01 * Math.abs(of);
        const verdict =
          exact.n >= 1000
            ? ok(dMean, exact.change_mean) &&
              ok(dCi, ci?.low ?? 0) &&
              (dRate === null || dRate <= 0.0005 || ok(dRate * 100, (100 * exact.responders) / exact.n))
              ? 'met'
              : 'MISSED'
            : '(small)';
        utility.push(
          `| ${label} | ${exact.n.toLocaleString('en')} (published ${published.overall.n.toLocaleString('en')}) | ${dMean.toFixed(4)} of ${exact.change_mean.toFixed(3)} (${((100 * dMean) / Math.abs(exact.change_mean)).toFixed(2)}%) | ${dCi.toFixed(4)} | ${dRate === null ? 'withheld' : `${(100 * dRate).toFixed(3)} points`} | ${hidden} | ${verdict}`,
        );
      }

      say('Exporting the NPRS rows of the cohort as CSV');
      t = performance.now();
      const exported = await fetch(`http://127.0.0.1:${port}/research/export.csv`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ measureCode: 'NPRS' }),
      });
      const csv = await exported.text();
      if (exported.status !== 200) say(`  export refused: ${csv.slice(0, 300)}`);
      else say(`  k-anonymity: ${exported.headers.get('x-export-generalization')}`);
      const exportMs = performance.now() - t;
      const exportRows = csv.split('\r\n').length - 2;

      const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
      say('');
      say('| figure | value | target |');
      say('| --- | --- | --- |');
      say(
        `| load, all tables | ${Math.round(overallRate).toLocaleString('en')} observations/s | ≥ ${targets.observationsPerSecond.toLocaleString('en')}: ${mark(overallRate >= targets.observationsPerSecond)} |`,
      );
      say(`| load, observation COPY | ${Math.round(copyRate).toLocaleString('en')} observations/s | |`);
      say(`| cohortOutcomes (GraphQL over HTTP), median | ${g.toFixed(0)} ms | < ${targets.queryMs} ms: ${mark(g < targets.queryMs)} |`);
      say(`| hand-written SQL, median | ${s.toFixed(0)} ms | |`);
      say(`| ratio GraphQL / SQL | ${(g / s).toFixed(2)} | ≤ ${targets.ratio}: ${mark(g / s <= targets.ratio)} |`);
      say('');
      say(
        '| cohort | clients | mean change: |published - exact| | CI ends: largest difference | responder rate: difference | cells suppressed (histogram, visits, minute bands) | within 1% or 0.05 points (n ≥ 1,000) |',
      );
      say('| --- | --- | --- | --- | --- | --- | --- |');
      for (const line of utility) say(`${line} |`);
      say('');
      say(
        `| CSV export (NPRS) | ${exportRows.toLocaleString('en')} rows in ${(exportMs / 1000).toFixed(1)} s (${Math.round(exportRows / (exportMs / 1000)).toLocaleString('en')} rows/s) | |`,
      );
    } finally {
      await http?.stop();
      await sql.end().catch(() => undefined);
      await orm.close();
    }
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('The benchmark failed:', error);
    process.exit(1);
  },
);
