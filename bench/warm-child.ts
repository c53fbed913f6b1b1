/**
 * Runs inside one process: `tsx bench/warm-child.ts <bundle> warm <n>` times n report requests;
 * `... adversarial <n>` times n 40 KB commands of unclosed quotes and brackets;
 * `... ops` sends a fixed sequence of commands and counts the DynamoDB requests of each through a
 * counting proxy; `... hidden <n>` times an outsider's report of a hidden 2,000-item track and of a
 * missing slug, alternated, n of each (and a few of the owner's full report, for contrast).
 * Prints one JSON line. Started by bench/run.ts with the stack's environment.
 */
import { pathToFileURL } from 'node:url';
import { commandEvent } from '#local/slack-request';
import { startCountingProxy } from '#local/counting-proxy';
import { HIDDEN } from './lib/hidden.ts';
import { percentile, ratio, stats } from './lib/stats.ts';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body?: string }>;
const [bundle, mode = 'warm', n = '500'] = process.argv.slice(2);
const context = { functionName: 'bench', getRemainingTimeInMillis: () => 3000 };
const proxy = mode === 'ops' ? await startCountingProxy(process.env['DYNAMODB_ENDPOINT']!) : undefined;
if (proxy) process.env['DYNAMODB_ENDPOINT'] = proxy.endpoint;
const { handler } = (await import(pathToFileURL(bundle!).href)) as { handler: Handler };

if (mode === 'warm') {
  await handler(commandEvent('japan-korea'), context); // the cold request is not part of this figure
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < Number(n); i++) {
    const event = commandEvent('japan-korea');
    const started = performance.now();
    const result = await handler(event, context);
    times.push(performance.now() - started);
    if (result.statusCode !== 200 || !String(result.body).includes('ephemeral')) failures++;
  }
  console.log(JSON.stringify({ latency: stats(times), failures }));
} else if (mode === 'adversarial') {
  // What once cost seconds of CPU: a preview at every quote, an indexOf from every `<`.
  const text = `add japan-korea ${'"a \u201cb \'c <<'.repeat(4_000)}`.slice(0, 40 * 1024);
  await handler(commandEvent('japan-korea'), context); // the cold request is not part of this figure
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < Number(n); i++) {
    const event = commandEvent(text);
    const started = performance.now();
    const result = await handler(event, context);
    times.push(performance.now() - started);
    if (result.statusCode !== 200 || !String(result.body).includes('at most 4,000')) failures++;
  }
  console.log(JSON.stringify({ bytes: text.length, latency: stats(times), failures }));
} else if (mode === 'hidden') {
  const ask = async (slug: string, userId: string = HIDDEN.outsider) => {
    const started = performance.now();
    const result = await handler(commandEvent(slug, { userId }), context);
    return { ms: performance.now() - started, body: String(result.body) };
  };
  // The first of each fills the container's caches (and the two answers must read alike).
  const [hiddenFirst, missingFirst] = [await ask(HIDDEN.slug), await ask(HIDDEN.missing)];
  const answersAlike = hiddenFirst.body.replaceAll(HIDDEN.slug, '<slug>') === missingFirst.body.replaceAll(HIDDEN.missing, '<slug>');
  const hidden: number[] = [];
  const missing: number[] = [];
  const paired: number[] = [];
  for (let i = 0; i < Number(n); i++) {
    // Alternated, the order of each pair swapped every time, so drift touches both alike.
    let secret, absent;
    if (i % 2 === 0) {
      secret = await ask(HIDDEN.slug);
      absent = await ask(HIDDEN.missing);
    } else {
      absent = await ask(HIDDEN.missing);
      secret = await ask(HIDDEN.slug);
    }
    hidden.push(secret.ms);
    missing.push(absent.ms);
    paired.push(secret.ms / absent.ms);
  }
  const owner: number[] = [];
  for (let i = 0; i < 10; i++) owner.push((await ask(HIDDEN.slug, HIDDEN.owner)).ms);
  paired.sort((x, y) => x - y);
  console.log(JSON.stringify({ items: HIDDEN.items, answersAlike, hidden: stats(hidden), missing: stats(missing), pairedRatio: ratio(percentile(paired, 50), 1), owner: stats(owner) }));
} else {
  const steps: [string, string][] = [
    ['report (first request)', 'japan-korea'],
    ['report', 'japan-korea'],
    ['show (first of prefix JK)', 'show JK-4'],
    ['show', 'show JK-3'],
    ['update', 'update JK-4 in-progress "committee date set"'],
    ['note', 'note JK-2 "working group met in Seoul"'],
    ['subscribe', 'subscribe japan-korea every monday 09:00 tz Asia/Tokyo'],
  ];
  const results = [];
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [name, text] of steps) {
    proxy!.reset();
    const result = await handler(commandEvent(text), context);
    const requests = proxy!.snapshot();
    // Work after the answer (the Home redraw) runs in-process here: counted apart, once it is quiet.
    const afterAnswer = await quietCounts(requests);
    const body = String(result.body ?? '');
    results.push({ name, text, statusCode: result.statusCode, requests, total: total(requests), afterAnswer, reply: (JSON.parse(body || '{}') as { text?: string }).text?.slice(0, 100) });
  }
  console.log(JSON.stringify({ ops: results }));
  await proxy!.stop();
}
process.exit(0);

/** The requests made after `before` was taken, once none has come for 300 ms (at most 5 s). */
async function quietCounts(before: Record<string, number>): Promise<Record<string, number>> {
  let last = JSON.stringify(proxy!.snapshot());
  for (let quietFor = 0, waited = 0; quietFor < 300 && waited < 5000; waited += 50) {
    await new Promise((done) => setTimeout(done, 50));
    const now = JSON.stringify(proxy!.snapshot());
    quietFor = now === last ? quietFor + 50 : 0;
    last = now;
  }
  const after: Record<string, number> = {};
  for (const [op, n] of Object.entries(proxy!.snapshot())) if (n - (before[op] ?? 0) > 0) after[op] = n - (before[op] ?? 0);
  return after;
}
