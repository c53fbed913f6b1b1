/**
 * `npm run bench`: cold start against a bare Bolt hello-world, warm latency, DynamoDB requests per
 * operation, reminder-sweep scaling and fan-out. Prints a table, writes bench/results/latest.json.
 * Env: COLD_RUNS (default 20), SLACK_LATENCY_MS (150: how late the stand-in Slack answers during the
 * cold runs), WARM_REQUESTS (500), FANOUT_CHANNELS (1000), FANOUT_GLOBAL_PER_SECOND (25).
 * `npm run bench -- --only fanout` runs the fan-out alone and prints it, leaving latest.json as it is;
 * `--only checkins` does the same for the check-in sweep (reads for 10 due among 10 / 1,000 / 10,000
 * items, and a fan-out to FANOUT_CHANNELS owners); `--only cold` for the cold-start lines;
 * `--only hidden` for an outsider's report of a hidden 2,000-item track against a missing slug
 * (HIDDEN_REQUESTS pairs, default 200).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { createSlackWeb } from '#shared/slack/web-api';
import { runSweep } from '#shared/reminders/sweep';
import { createLogger } from '#shared/observe/log';
import { LAMBDA_NODE_OPTIONS, LAMBDA_STUBBED_PACKAGES, PROJECT_ROOT, bundleEntry, bundleFunction } from '../infra/bundle.ts';
import { countRequests } from '#local/request-counter';
import { coldRun, emptyNode, sequenceRun, type ColdSample } from './lib/cold.ts';
import { fanOut, fanOutLine, type FanOutResult } from './lib/fan-out.ts';
import { checkInFanOut, checkInReads } from './lib/check-ins.ts';
import { seedPerson, seededTable, startStack, type Stack } from './lib/stack.ts';
import { startDeployed } from './lib/deployed.ts';
import { percentile, ratio, stats, type Stats } from './lib/stats.ts';
import { trackWithOneItem } from './lib/subscriptions.ts';
import { HIDDEN, hiddenTrack } from './lib/hidden.ts';
import { load, subscriptionItem } from '#local/bulk-subscriptions';

const only = readOnly(process.argv.slice(2));

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const COLD_RUNS = Number(process.env['COLD_RUNS'] ?? 20);
const SLACK_LATENCY_MS = Number(process.env['SLACK_LATENCY_MS'] ?? 150);
const WARM_REQUESTS = Number(process.env['WARM_REQUESTS'] ?? 500);
/** Deployed containers answering 1 + TRACED_LATER_ANSWERS times in a row, whose X-Ray segments are counted. */
const TRACED_CONTAINERS = 3;
const TRACED_LATER_ANSWERS = 3;
const FANOUT_CHANNELS = Number(process.env['FANOUT_CHANNELS'] ?? 1000);
const FANOUT_GLOBAL = Number(process.env['FANOUT_GLOBAL_PER_SECOND'] ?? 25);
const HIDDEN_REQUESTS = Number(process.env['HIDDEN_REQUESTS'] ?? 200);
const silent = createLogger('bench', 'SILENT');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
/** The caller of the cold runs' report, whose person record the table holds. */
const KNOWN_PERSON = 'U0ALICE';
/** A known person whose Slack is in Japanese (issue 26): their first answer in a process loads the Japanese catalog. */
const JAPANESE_PERSON = 'U0HANAKO';

/** What the design says each operation costs (docs/architecture.md, "Access pattern" table), for comparison. */
const HOME = 'after the answer, 1 BatchGetItem (the caller’s records) + 3 Query redrawing the Home tab (tracks, 1 report, subscriptions)';
const REPORT = '1 BatchGetItem (the track, the caller’s and the app manager’s records) + 1 Query (items, once the track is checked)';
const EXPECTED: Record<string, string> = {
  'report (first request)': `${REPORT}; the caller is new to the table: Slack says who they are, and 1 UpdateItem saves their record`,
  report: REPORT,
  'show (first of prefix JK)': '1 BatchGetItem (the prefix’s claim and the caller’s records), then 1 BatchGetItem (item and track)',
  show: '1 BatchGetItem (item, track and the caller’s records; the prefix known)',
  update: `1 BatchGetItem (item, track, the caller’s records) + 1 TransactWriteItems + 1 PutItem (replay guard); ${HOME}`,
  note: `1 BatchGetItem (item, track, the caller’s records) + 1 TransactWriteItems + 1 PutItem (replay guard); ${HOME}`,
  subscribe: `1 BatchGetItem (track and the caller’s records) + 1 GetItem + 1 PutItem subscription + 1 PutItem (replay guard); ${HOME}`,
};

if (only === 'fanout') {
  const stack = await startStack();
  try {
    // In a full run the sections before warm DynamoDB Local's JVM; a throwaway fan-out stands in for them.
    log('fan-out only: warming DynamoDB Local with 200 channels first');
    await fanOut(stack, { channels: 200, globalPerSecond: 200, tableName: 'bench-fanout-warm-up' });
    log(`fan-out only: ${FANOUT_CHANNELS} channels, ${FANOUT_GLOBAL}/s global, 1/s per channel, 20% faults`);
    const f = await fanOut(stack, { channels: FANOUT_CHANNELS, globalPerSecond: FANOUT_GLOBAL });
    console.log(`${JSON.stringify({ when: new Date().toISOString(), node: process.version, fanOut: f }, null, 2)}\n${fanOutLine(f)}`);
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

if (only === 'checkins') {
  const stack = await startStack();
  try {
    log('check-ins only: sweep reads for 10 due among 10 / 1,000 / 10,000 items');
    const reads = await checkInReads(stack, [10, 1_000, 10_000]);
    log(`check-ins only: fan-out to ${FANOUT_CHANNELS} owners, ${FANOUT_GLOBAL}/s global, 20% faults`);
    const f = await checkInFanOut(stack, { owners: FANOUT_CHANNELS, globalPerSecond: FANOUT_GLOBAL });
    console.log(JSON.stringify({ when: new Date().toISOString(), node: process.version, checkIns: { reads, fanOut: f } }, null, 2));
    console.log(checkInLines({ reads, fanOut: f }).join('\n'));
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

if (only === 'hidden') {
  const stack = await startStack();
  try {
    const hidden = await hiddenReport(stack, bundleFunction('slack', path.join(PROJECT_ROOT, 'dist', 'slack')).outfile);
    console.log(JSON.stringify({ when: new Date().toISOString(), node: process.version, hiddenReport: hidden }, null, 2));
    console.log(hiddenLine(hidden));
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

if (only === 'cold') {
  const stack = await startStack();
  try {
    const { table: _table, bundleFiles: _files, ...cold } = await coldStart(stack);
    console.log(JSON.stringify({ when: new Date().toISOString(), node: process.version, ...cold }, null, 2));
    console.log(coldLines(cold).join('\n'));
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

const started = performance.now();
const stack = await startStack();
try {
  const results: Record<string, unknown> = {
    when: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
  };

  // 1. Cold start ------------------------------------------------------------------------------
  const { table, bundleFiles: bundles, ...cold } = await coldStart(stack);
  Object.assign(results, cold);

  // 2 + 3. Warm latency and requests per operation ----------------------------------------------
  log(`warm: ${WARM_REQUESTS} report requests in one process, each`);
  const warmOurs = await child(['warm-child.ts', bundles.ours, 'warm', String(WARM_REQUESTS)], stack.env(table));
  const warmBase = await child(['warm-child.ts', bundles.baseline, 'warm', String(WARM_REQUESTS)], stack.env(table));
  results['warm'] = { requests: WARM_REQUESTS, ours: warmOurs, baseline: warmBase, dynamodbLocalQueryMs: await rawQueryLatency(stack, table) };
  log('adversarial: a 40 KB command of unclosed quotes and brackets, 50 times');
  results['adversarial'] = await child(['warm-child.ts', bundles.ours, 'adversarial', '50'], stack.env(table));
  log('requests per operation (bundle, through a counting proxy)');
  const opsTable = await seededTable(stack, 'bench-ops');
  const ops = (await child(['warm-child.ts', bundles.ours, 'ops'], stack.env(opsTable))) as {
    ops: { name: string; requests: Record<string, number>; total: number; afterAnswer: Record<string, number>; statusCode: number; reply?: string }[];
  };
  results['requestsPerOperation'] = ops.ops.map((op) => ({ ...op, expected: EXPECTED[op.name] }));

  // 4. Sweep scaling ----------------------------------------------------------------------------
  log('sweep scaling: 10 due among 100, 1,000, 10,000');
  results['sweepScaling'] = await sweepScaling(stack);

  // 5. Fan-out ----------------------------------------------------------------------------------
  log(`fan-out: ${FANOUT_CHANNELS} channels, ${FANOUT_GLOBAL}/s global, 1/s per channel, 20% faults`);
  results['fanOut'] = await fanOut(stack, { channels: FANOUT_CHANNELS, globalPerSecond: FANOUT_GLOBAL });

  // 6. Check-ins --------------------------------------------------------------------------------
  log(`check-ins: sweep reads for 10 due among 10 / 1,000 / 10,000 items, then ${FANOUT_CHANNELS} owners at once`);
  results['checkIns'] = {
    reads: await checkInReads(stack, [10, 1_000, 10_000]),
    fanOut: await checkInFanOut(stack, { owners: FANOUT_CHANNELS, globalPerSecond: FANOUT_GLOBAL }),
  };

  // 7. A hidden track's report -------------------------------------------------------------------
  log(`hidden track: an outsider's report of a private ${HIDDEN.items}-item track against a missing slug, ${HIDDEN_REQUESTS} pairs`);
  results['hiddenReport'] = await hiddenReport(stack, bundles.ours);

  results['totalSeconds'] = Math.round((performance.now() - started) / 1000);
  mkdirSync(path.join(BENCH, 'results'), { recursive: true });
  writeFileSync(path.join(BENCH, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
} finally {
  await stack.stop();
}

// ------------------------------------------------------------------------------------------------


/** `--only fanout`, `--only checkins` or `--only cold`: the sections that run alone (the rest share the bundles and the stack). */
function readOnly(args: string[]): 'fanout' | 'checkins' | 'cold' | 'hidden' | undefined {
  const at = args.indexOf('--only');
  if (at === -1) return undefined;
  const section = args[at + 1];
  if (section !== 'fanout' && section !== 'checkins' && section !== 'cold' && section !== 'hidden') throw new Error(`--only takes fanout, checkins, cold or hidden; got ${section ?? 'nothing'}`);
  return section;
}

type HiddenResult = { items: number; answersAlike: boolean; hidden: Stats; missing: Stats; pairedRatio: number; owner: Stats };

/**
 * An outsider's report of a private track with 2,000 items against one of a slug no track uses,
 * in one warm process of our bundle, alternated: both must answer alike and cost alike (the
 * issue's bar: within 2×). The owner's full report of the same track shows what reading it costs.
 */
async function hiddenReport(s: Stack, bundle: string): Promise<HiddenResult> {
  const table = await seededTable(s, 'bench-hidden');
  await hiddenTrack(s.client, table);
  await seedPerson(s, table, HIDDEN.outsider);
  await seedPerson(s, table, HIDDEN.owner);
  return (await child(['warm-child.ts', bundle, 'hidden', String(HIDDEN_REQUESTS)], s.env(table))) as HiddenResult;
}

function hiddenLine(h: HiddenResult): string {
  return `Hidden ${h.items.toLocaleString('en')}-item track's report to an outsider vs a missing slug, alternated: ${h.hidden.median} vs ${h.missing.median} ms median (paired ratio ×${h.pairedRatio}, bar ×2; answers ${h.answersAlike ? 'alike' : 'DIFFER'}); the owner's full report ${h.owner.median} ms.`;
}

/**
 * Cold starts, each a fresh `node` answering one signed `/commitments japan-korea`, alternated
 * with bare Bolt's so each ratio is measured side by side. The stand-in Slack answers
 * SLACK_LATENCY_MS late; bare Bolt only acks, so it never waits on it. Ours runs three ways:
 * a known person (their record in the table: no Slack call), someone new each run (users.info
 * first), as deployed (X-Ray tracing, secrets from Secrets Manager, a known person), and a known
 * person whose Slack is Japanese (the first Japanese answer of the process loads its catalog).
 * Then, in one process each, an English report three times and a Japanese one twice: what the first
 * Japanese answer of a warm container costs over the next.
 */
async function coldStart(s: Stack) {
  log('building bundles');
  const ours = bundleFunction('slack', path.join(PROJECT_ROOT, 'dist', 'slack'));
  const baseline = bundleEntry('bench/baseline/handler.ts', path.join(tmpdir(), 'commitments-bench', 'baseline'), { lambdaStubs: false });
  const table = await seededTable(s, 'bench-slack');
  await seedPerson(s, table, KNOWN_PERSON);
  await seedPerson(s, table, JAPANESE_PERSON, 'ja-JP');
  const deployed = await startDeployed(s, s.env(table)['SLACK_BOT_TOKEN']!);
  const env = { ...s.env(table), NODE_OPTIONS: LAMBDA_NODE_OPTIONS };
  const deployedEnv = { ...deployed.env(table), NODE_OPTIONS: LAMBDA_NODE_OPTIONS };
  const bundles = { ours: ours.outfile, baseline: baseline.outfile };
  type Line = 'ours' | 'baseline' | 'newcomer' | 'deployed' | 'japanese';
  const runs: Record<Line, { bundle: string; env: NodeJS.ProcessEnv; user?: (i: number) => string }> = {
    ours: { bundle: bundles.ours, env },
    baseline: { bundle: bundles.baseline, env },
    newcomer: { bundle: bundles.ours, env, user: (i) => `U0NEW${i}` },
    deployed: { bundle: bundles.ours, env: deployedEnv },
    japanese: { bundle: bundles.ours, env, user: () => JAPANESE_PERSON },
  };
  const lines = Object.keys(runs) as Line[];
  const serve = Object.fromEntries(lines.map((l) => [l, [] as ColdSample[]])) as Record<Line, ColdSample[]>;
  const importOnly = Object.fromEntries(lines.map((l) => [l, [] as ColdSample[]])) as Record<Line, ColdSample[]>;
  const slackCalls = Object.fromEntries(lines.map((l) => [l, [] as number[]])) as Record<Line, number[]>;
  const empty: number[] = [];
  const warmJapanese: { englishWarm: number; japaneseFirst: number; japaneseWarm: number; englishWarmCpu: number; japaneseFirstCpu: number; japaneseWarmCpu: number }[] = [];
  let segments = 0;
  let tracedLater = 0;
  s.setSlackLatency(SLACK_LATENCY_MS);
  try {
    // Page cache, JIT of nothing: just disk. (The newcomer's warm-up is someone else again.)
    for (const l of lines) await coldRun(runs[l].bundle, 'serve', runs[l].env, 'japan-korea', { userId: runs[l].user?.(-1) ?? KNOWN_PERSON });
    log(`cold start: ${COLD_RUNS} runs each, alternated; the stand-in Slack answers ${SLACK_LATENCY_MS} ms late`);
    const segmentsBefore = deployed.segments();
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const l of lines) {
        const calls = s.slack.calls.length;
        serve[l].push(await coldRun(runs[l].bundle, 'serve', runs[l].env, 'japan-korea', { userId: runs[l].user?.(i) ?? KNOWN_PERSON }));
        slackCalls[l].push(s.slack.calls.length - calls);
      }
      // The newcomer's and the Japanese person's bundle and environment are the known person's: their import is theirs.
      for (const l of lines) if (l !== 'newcomer' && l !== 'japanese') importOnly[l].push(await coldRun(runs[l].bundle, 'import', runs[l].env));
      empty.push(await emptyNode(env));
    }
    segments = deployed.segments() - segmentsBefore;
    const english = { text: 'japan-korea', command: { userId: KNOWN_PERSON } };
    // The tracer loads once a container's first answer is out: what the answers after it send X-Ray.
    const tracedBefore = deployed.segments();
    for (let i = 0; i < TRACED_CONTAINERS; i++) {
      const steps = await sequenceRun(bundles.ours, deployedEnv, Array.from({ length: 1 + TRACED_LATER_ANSWERS }, () => english));
      if (steps.some((x) => x.statusCode !== 200)) throw new Error(`deployed, warm: ${JSON.stringify(steps)}`);
    }
    await delay(100); // the last datagrams
    tracedLater = deployed.segments() - tracedBefore;
    log(`warm Japanese: ${COLD_RUNS} processes, each answering English three times, then Japanese twice`);
    for (let i = 0; i < COLD_RUNS; i++) {
      const japanese = { text: 'japan-korea', command: { userId: JAPANESE_PERSON } };
      // Three English answers first, so the last is as warm as the second Japanese one.
      const steps = await sequenceRun(bundles.ours, env, [english, english, english, japanese, japanese]);
      const bad = steps.find((x) => x.statusCode !== 200 || !x.body.includes('"ephemeral"'));
      if (bad) throw new Error(`warm Japanese did not answer the report: ${bad.statusCode} ${bad.body}`);
      if (!/\p{Script=Hiragana}/u.test(steps[3]!.body) || /\p{Script=Hiragana}/u.test(steps[2]!.body)) throw new Error(`warm Japanese answered in the wrong language: ${steps[2]!.body} / ${steps[3]!.body}`);
      warmJapanese.push({
        englishWarm: steps[2]!.ms,
        japaneseFirst: steps[3]!.ms,
        japaneseWarm: steps[4]!.ms,
        englishWarmCpu: steps[2]!.cpuMs,
        japaneseFirstCpu: steps[3]!.cpuMs,
        japaneseWarmCpu: steps[4]!.cpuMs,
      });
    }
  } finally {
    s.setSlackLatency(0);
    await deployed.stop();
  }
  for (const l of lines) {
    const bad = serve[l].filter((x) => x.statusCode !== 200 || !x.body?.includes('"ephemeral"'));
    if (bad.length) throw new Error(`${l} did not answer the report: ${bad[0]?.statusCode} ${bad[0]?.body}`);
    if (l !== 'baseline' && !serve[l][0]?.body?.includes('Japan')) throw new Error(`${l} answered without the report: ${serve[l][0]?.body}`);
    if (l !== 'baseline' && /\p{Script=Hiragana}/u.test(serve[l][0]?.body ?? '') !== (l === 'japanese')) throw new Error(`${l} answered in the wrong language: ${serve[l][0]?.body}`);
  }
  const summary = (l: Line) => ({
    importMs: stats(serve[l].map((x) => x.importedMs)),
    firstResponseMs: stats(serve[l].map((x) => x.respondedMs!)),
    firstResponseCpuMs: stats(serve[l].map((x) => x.respondedCpuMs!)),
    wallMs: stats(serve[l].map((x) => x.wallMs)),
    importOnlyWallMs: stats((l === 'newcomer' || l === 'japanese' ? importOnly.ours : importOnly[l]).map((x) => x.wallMs)),
    slackCallsPerRun: stats(slackCalls[l]).median,
  });
  const [coldOurs, coldBase, coldNew, coldDeployed, coldJapanese] = lines.map(summary) as [ColdLine, ColdLine, ColdLine, ColdLine, ColdLine];
  const emptyStats = stats(empty);
  const versus = (x: ColdLine, key: 'firstResponseMs' | 'firstResponseCpuMs' | 'importMs' | 'wallMs') => ratio(x[key].median, coldBase[key].median);
  // Each run against bare Bolt's run of the same round, a second or so apart: a machine busy for a while slows both.
  const paired = (l: Line, over: Line = 'baseline', key: 'respondedMs' | 'respondedCpuMs' = 'respondedMs') => {
    const ratios = serve[l].map((x, i) => x[key]! / serve[over][i]![key]!).sort((a, b) => a - b);
    return ratio(percentile(ratios, 50), 1);
  };
  const medianOf = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return {
    table,
    bundleFiles: bundles,
    coldStart: {
      runsEach: COLD_RUNS,
      nodeOptions: LAMBDA_NODE_OPTIONS,
      slackLatencyMs: SLACK_LATENCY_MS,
      note: 'ms from process start (performance.now in the child); wall = spawn to exit, measured by the parent. ours: a known person; newcomer: someone with no record each run; deployed: X-Ray tracing on, secrets from Secrets Manager, a known person',
      ours: coldOurs,
      baseline: coldBase,
      newcomer: coldNew,
      deployed: { ...coldDeployed, xraySegmentsPerRun: Math.round((segments / COLD_RUNS) * 10) / 10, xraySegmentsLaterAnswers: Math.round((tracedLater / TRACED_CONTAINERS) * 10) / 10 },
      japanese: coldJapanese,
      /** In one process each: the third English report, then the first Japanese one (its catalog loaded and its messages compiled) and the next. */
      warmJapanese: {
        processes: warmJapanese.length,
        englishWarmMs: stats(warmJapanese.map((x) => x.englishWarm)),
        japaneseFirstMs: stats(warmJapanese.map((x) => x.japaneseFirst)),
        japaneseWarmMs: stats(warmJapanese.map((x) => x.japaneseWarm)),
        /** Median of each process's first Japanese answer less its next one. */
        firstExtraMs: stats(warmJapanese.map((x) => x.japaneseFirst - x.japaneseWarm)),
        pairedFirstOverWarm: ratio(medianOf(warmJapanese.map((x) => x.japaneseFirst / x.japaneseWarm)), 1),
        pairedWarmOverEnglish: ratio(medianOf(warmJapanese.map((x) => x.japaneseWarm / x.englishWarm)), 1),
        /** The same in CPU time. */
        englishWarmCpuMs: stats(warmJapanese.map((x) => x.englishWarmCpu)),
        japaneseFirstCpuMs: stats(warmJapanese.map((x) => x.japaneseFirstCpu)),
        japaneseWarmCpuMs: stats(warmJapanese.map((x) => x.japaneseWarmCpu)),
        firstExtraCpuMs: stats(warmJapanese.map((x) => x.japaneseFirstCpu - x.japaneseWarmCpu)),
      },
      emptyNodeWallMs: emptyStats,
      ratio: {
        firstResponse: versus(coldOurs, 'firstResponseMs'),
        import: versus(coldOurs, 'importMs'),
        wall: versus(coldOurs, 'wallMs'),
        firstResponseNewcomer: versus(coldNew, 'firstResponseMs'),
        firstResponseDeployed: versus(coldDeployed, 'firstResponseMs'),
        firstResponseJapanese: versus(coldJapanese, 'firstResponseMs'),
        importDeployed: versus(coldDeployed, 'importMs'),
        baselineFirstResponseVsEmptyNode: ratio(coldBase.firstResponseMs.median, emptyStats.median),
        /** Median of each run's first response over bare Bolt's in the same round. */
        pairedFirstResponse: { ours: paired('ours'), newcomer: paired('newcomer'), deployed: paired('deployed'), japanese: paired('japanese') },
        /** The Japanese person's first response over the English known person's of the same round, wall and CPU. */
        pairedJapaneseOverEnglish: { firstResponse: paired('japanese', 'ours'), cpu: paired('japanese', 'ours', 'respondedCpuMs') },
        /** CPU time to the first response, medians over bare Bolt's. */
        firstResponseCpu: { ours: versus(coldOurs, 'firstResponseCpuMs'), newcomer: versus(coldNew, 'firstResponseCpuMs'), deployed: versus(coldDeployed, 'firstResponseCpuMs'), japanese: versus(coldJapanese, 'firstResponseCpuMs') },
      },
      target: { ratio: 1.0, stretch: 0.8, deployed: 1.3 },
    },
    bundles: { ours: bundleFacts(ours.outfile, ours.metafile), baseline: bundleFacts(baseline.outfile, baseline.metafile) },
  };
}

type ColdLine = { importMs: Stats; firstResponseMs: Stats; firstResponseCpuMs: Stats; wallMs: Stats; importOnlyWallMs: Stats; slackCallsPerRun: number; xraySegmentsPerRun?: number; xraySegmentsLaterAnswers?: number };
type ColdResults = Omit<Awaited<ReturnType<typeof coldStart>>, 'table' | 'bundleFiles'>;

function bundleFacts(outfile: string, metafile: Metafile) {
  // Chunks loaded with import() are entry points too: the function's own is the one at `outfile`.
  const [entryFile, output] = Object.entries(metafile.outputs).find(([file]) => path.resolve(PROJECT_ROOT, file) === outfile)!;
  // What a cold start loads: the entry and the chunks it imports statically, transitively; the rest waits for import().
  const loaded = new Set<string>([entryFile]);
  for (const file of loaded) for (const i of metafile.outputs[file]?.imports ?? []) if (!i.external && i.kind === 'import-statement') loaded.add(i.path);
  const allCode = Object.keys(metafile.outputs).filter((f) => f.endsWith('.mjs'));
  const sizeOf = (files: string[]) => files.reduce((n, f) => n + metafile.outputs[f]!.bytes, 0);
  const atStart = Buffer.concat([...loaded].map((f) => readFileSync(path.resolve(PROJECT_ROOT, f))));
  const byPackage = new Map<string, number>();
  for (const file of loaded) {
    for (const [input, part] of Object.entries(metafile.outputs[file]!.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = match ? match[1]! : input.startsWith('<') || input.includes('data:') ? 'stubs' : input.split('/').slice(0, 2).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + part.bytesInOutput);
    }
  }
  const boltExtras = ['express', 'body-parser', 'iconv-lite', 'mime-db', 'undici', 'ws', '@slack/socket-mode', '@slack/oauth', 'jsonwebtoken', 'axios', 'raw-body'];
  return {
    entryBytes: readFileSync(outfile).byteLength,
    bytes: atStart.byteLength,
    gzipBytes: gzipSync(atStart).byteLength,
    lazyBytes: sizeOf(allCode.filter((f) => !loaded.has(f))),
    topInputs: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, b]) => ({ name, bytes: b })),
    boltExtrasBundled: boltExtras.filter((p) => byPackage.has(p)),
    stubbed: Object.keys(output.inputs).some((f) => f.includes('data:')) ? [...LAMBDA_STUBBED_PACKAGES] : [],
  };
}

function child(args: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: BENCH, env: { ...env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) fail(new Error(`${args.join(' ')} failed (${code}): ${err.slice(0, 600)}`));
      else done(JSON.parse(line) as Record<string, unknown>);
    });
  });
}

/** One report Query straight to DynamoDB Local, warm: the emulator's own share of a request. */
async function rawQueryLatency(s: Stack, tableName: string): Promise<Stats> {
  const store = createStore({ client: s.client, tableName });
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await store.getReport('T0TEST', 'japan-korea');
    times.push(performance.now() - t);
  }
  return stats(times.slice(10));
}

async function sweepScaling(s: Stack) {
  const teamId = 'T0COST';
  const created = new Date('2026-05-01T00:00:00Z');
  const now = new Date('2026-05-04T00:00:30Z'); // just after Monday 09:00 in Tokyo
  const due = Array.from({ length: 10 }, (_, i) => subscriptionItem(teamId, `C0DUE${i}`, 'every monday 09:00', created, created));
  const rows = [];
  // The first sweep of the process pays for JIT and connections: a throwaway 10-among-10 sweep first.
  for (const total of [10, 100, 1_000, 10_000]) {
    const tableName = await s.table(`bench-sweep-${total}`);
    const client = createDynamoClient(s.endpoint);
    await trackWithOneItem(client, tableName, teamId, created);
    const later = Array.from({ length: Math.max(0, total - 10) }, (_, i) => subscriptionItem(teamId, `C0LATER${i}`, `${['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][i % 7]} 09:00`, created, now));
    const loadStarted = performance.now();
    await load(client, tableName, [...due, ...later]);
    const loadMs = performance.now() - loadStarted;
    const counter = countRequests(client);
    const t = performance.now();
    const summary = await runSweep(
      {
        store: createStore({ client, tableName }),
        subscriptions: createSubscriptionStore({ client, tableName }),
        slack: createSlackWeb({ apiUrl: s.slack.apiUrl, token: 'xoxb-bench' }),
        log: silent,
      },
      { now, remainingMs: () => 60_000 },
    );
    const ms = performance.now() - t;
    const counts = Object.fromEntries(counter.counts);
    const reads = counter.reads();
    if (total === 10) continue;
    rows.push({ subscriptions: total, due: summary.due, posted: summary.posted, readRequests: reads, requests: counts, sweepMs: Math.round(ms), loadMs: Math.round(loadMs) });
    client.destroy();
  }
  const [small, , large] = rows;
  return { rows, readRatioLargestToSmallest: ratio(large!.readRequests, small!.readRequests), timeRatioLargestToSmallest: ratio(large!.sweepMs, small!.sweepMs), target: 1.0 };
}

function printTable(r: Record<string, unknown>): void {
  const b = r['bundles'] as Record<'ours' | 'baseline', { bytes: number; gzipBytes: number; lazyBytes: number }>;
  const w = r['warm'] as { ours: { latency: Stats }; baseline: { latency: Stats }; dynamodbLocalQueryMs: Stats };
  const s = r['sweepScaling'] as { rows: { subscriptions: number; readRequests: number; sweepMs: number }[]; readRatioLargestToSmallest: number; timeRatioLargestToSmallest: number };
  const f = r['fanOut'] as FanOutResult;
  const a = r['adversarial'] as { bytes: number; latency: Stats; failures: number };
  const ops = r['requestsPerOperation'] as { name: string; total: number; requests: Record<string, number>; afterAnswer: Record<string, number>; expected: string }[];
  const lines = [
    ...coldLines(r as ColdResults),
    `| Code loaded at cold start, bytes / gzip (more loaded on first use) | ${b.ours.bytes} / ${b.ours.gzipBytes} (+${b.ours.lazyBytes}) | ${b.baseline.bytes} / ${b.baseline.gzipBytes} (+${b.baseline.lazyBytes}) | |`,
    `| Warm report p50 / p99, ms | ${w.ours.latency.median} / ${w.ours.latency.p99} | ${w.baseline.latency.median} / ${w.baseline.latency.p99} | |`,
    `| DynamoDB Local report Query alone p50 / p99, ms | ${w.dynamodbLocalQueryMs.median} / ${w.dynamodbLocalQueryMs.p99} | | |`,
    `| Adversarial ${Math.round(a.bytes / 1024)} KB command, ms to answer p50 / p99 (refusals that failed: ${a.failures}) | ${a.latency.median} / ${a.latency.p99} | | |`,
    '',
    `| Operation | DynamoDB requests | expected (design) |`,
    `|---|---|---|`,
    ...ops.map((o) => `| ${o.name} | ${o.total}: ${counted(o.requests)}${Object.keys(o.afterAnswer).length ? `; after the answer ${counted(o.afterAnswer)}` : ''} | ${o.expected} |`),
    '',
    `| Sweep: 10 due among | ${s.rows.map((x) => x.subscriptions).join(' | ')} | largest/smallest |`,
    `|---|${s.rows.map(() => '---').join('|')}|---|`,
    `| read requests | ${s.rows.map((x) => x.readRequests).join(' | ')} | ${s.readRatioLargestToSmallest} |`,
    `| sweep time, ms | ${s.rows.map((x) => x.sweepMs).join(' | ')} | ${s.timeRatioLargestToSmallest} |`,
    '',
    fanOutLine(f),
    ...checkInLines(r['checkIns'] as CheckInResults),
    hiddenLine(r['hiddenReport'] as HiddenResult),
    `Total ${String(r['totalSeconds'])} s. Figures: bench/results/latest.json`,
  ];
  console.log(lines.join('\n'));
}

/** The cold-start rows: each line of ours against bare Bolt measured in the same run. */
function coldLines({ coldStart: c }: ColdResults): string[] {
  const m = (x: Stats) => `${x.median} (${x.p10}–${x.p90})`;
  const slack = `Slack ${c.slackLatencyMs} ms late`;
  const w = c.warmJapanese;
  return [
    `| Measure | ours | baseline (bare Bolt) | ratio |`,
    `|---|---|---|---|`,
    `| Cold: import done, ms from process start (p10–p90) | ${m(c.ours.importMs)} | ${m(c.baseline.importMs)} | ${c.ratio.import} |`,
    `| Cold: first response, ms from process start — a known person, ${slack} (${c.ours.slackCallsPerRun} Slack calls) | ${m(c.ours.firstResponseMs)} | ${m(c.baseline.firstResponseMs)} | **${c.ratio.firstResponse}** (paired ${c.ratio.pairedFirstResponse.ours}) |`,
    `| Cold: first response — someone new, ${slack} (${c.newcomer.slackCallsPerRun} Slack calls) | ${m(c.newcomer.firstResponseMs)} | ${m(c.baseline.firstResponseMs)} | **${c.ratio.firstResponseNewcomer}** (paired ${c.ratio.pairedFirstResponse.newcomer}) |`,
    `| Cold: import done as deployed (X-Ray tracing on, secrets from Secrets Manager) | ${m(c.deployed.importMs)} | ${m(c.baseline.importMs)} | ${c.ratio.importDeployed} |`,
    `| Cold: first response as deployed — a known person, ${slack} (${c.deployed.slackCallsPerRun} Slack calls, ${c.deployed.xraySegmentsPerRun} X-Ray segments: the tracer loads after it; ${c.deployed.xraySegmentsLaterAnswers} from the container's next ${TRACED_LATER_ANSWERS}, answered back to back) | ${m(c.deployed.firstResponseMs)} | ${m(c.baseline.firstResponseMs)} | **${c.ratio.firstResponseDeployed}** (paired ${c.ratio.pairedFirstResponse.deployed}) |`,
    `| Cold: first response — a known person whose Slack is Japanese (ja-JP: the catalog loaded on first use), ${slack} (${c.japanese.slackCallsPerRun} Slack calls) | ${m(c.japanese.firstResponseMs)} | ${m(c.baseline.firstResponseMs)} | **${c.ratio.firstResponseJapanese}** (paired ${c.ratio.pairedFirstResponse.japanese}; over the English known person's, paired ×${c.ratio.pairedJapaneseOverEnglish.firstResponse}, CPU ×${c.ratio.pairedJapaneseOverEnglish.cpu}) |`,
    `| Cold: CPU time to the first response, ms — known / new / deployed / Japanese | ${m(c.ours.firstResponseCpuMs)} / ${m(c.newcomer.firstResponseCpuMs)} / ${m(c.deployed.firstResponseCpuMs)} / ${m(c.japanese.firstResponseCpuMs)} | ${m(c.baseline.firstResponseCpuMs)} | ${c.ratio.firstResponseCpu.ours} / ${c.ratio.firstResponseCpu.newcomer} / ${c.ratio.firstResponseCpu.deployed} / ${c.ratio.firstResponseCpu.japanese} |`,
    `| Cold: child wall time, ms (known person) | ${m(c.ours.wallMs)} | ${m(c.baseline.wallMs)} | ${c.ratio.wall} |`,
    `| Import-only child wall time, ms (as deployed) | ${m(c.ours.importOnlyWallMs)} (${m(c.deployed.importOnlyWallMs)}) | ${m(c.baseline.importOnlyWallMs)} | |`,
    `| \`node -e 0\` wall time, ms | ${m(c.emptyNodeWallMs)} | | |`,
    '',
    `Warm container (${w.processes} processes, each answering the English report three times, then the Japanese one twice): the first Japanese report ${m(w.japaneseFirstMs)} ms, the next ${m(w.japaneseWarmMs)} ms, the English one ${m(w.englishWarmMs)} ms; loading and compiling the Japanese catalog adds ${m(w.firstExtraMs)} ms once per container (paired ×${w.pairedFirstOverWarm}; warm Japanese over English ×${w.pairedWarmOverEnglish}). CPU time: ${m(w.japaneseFirstCpuMs)} / ${m(w.japaneseWarmCpuMs)} / ${m(w.englishWarmCpuMs)} ms, the first Japanese answer's extra ${m(w.firstExtraCpuMs)} ms.`,
  ];
}

type CheckInResults = { reads: Awaited<ReturnType<typeof checkInReads>>; fanOut: Awaited<ReturnType<typeof checkInFanOut>> };

/** The check-in sweep's two lines: reads as the table grows, and the owners' fan-out. */
function checkInLines({ reads, fanOut: f }: CheckInResults): string[] {
  return [
    `Check-in sweep, 10 due among ${reads.map((r) => r.items.toLocaleString('en')).join(' / ')} items: ${reads.map((r) => r.reads).join(' / ')} read requests.`,
    ...(
      [
        ['day one, no person records', f],
        ['steady state, records with the DM channel', f.steadyState],
      ] as const
    ).map(
      ([when, run]) =>
        `Check-in fan-out (${when}): ${run.owners} owners, ${run.limits.globalPerSecond}/s global, 20% faults: delivered ${run.delivered}, duplicates ${run.duplicates}, lost ${run.lost}; ${(run.wallMs / 1000).toFixed(1)} s vs lower bound ${(run.lowerBoundMs / 1000).toFixed(0)} s (×${run.wallToLowerBound}${run === f.steadyState ? `; ${verdict(run)}` : ''}); ${run.slackCalls['chat.postMessage']} post attempts.`,
    ),
    `Check-in fan-out (steady state) with the faults drawn from other seeds, beside the bench's seed ${f.steadyState.limits.seed} the bar is judged on: ${f.otherSeeds
      .map((o) => `seed ${o.seed} ${(o.wallMs / 1000).toFixed(1)} s (×${o.wallToLowerBound}, ${o.bar.held ? 'within' : 'over'} ×${o.bar.ratio}; delivered ${o.delivered}, duplicates ${o.duplicates}, lost ${o.lost})`)
      .join(', ')}.`,
  ];
}

/** Whether a fan-out held the bar, said from its times (the printed ratio is rounded). */
function verdict(run: { wallMs: number; bar: { ratio: number; ms: number; held: boolean } }): string {
  const by = `${(Math.abs(run.wallMs - run.bar.ms) / 1000).toFixed(2)} s`;
  return `bar ×${run.bar.ratio} (${(run.bar.ms / 1000).toFixed(0)} s): ${run.bar.held ? `held, ${by} to spare` : `MISSED${run.wallMs > run.bar.ms ? ` by ${by}` : ', with duplicates or losses'}`}`;
}

function counted(requests: Record<string, number>): string {
  return Object.entries(requests).map(([k, v]) => `${v} ${k}`).join(', ');
}
