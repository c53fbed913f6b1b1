/**
 * Runs inside one process: `tsx bench/warm-child.ts <bundle> warm <n>` times n report requests;
 * `... adversarial <n>` times n 40 KB commands of unclosed quotes and brackets;
 * `... ops` sends a fixed sequence of commands and counts the DynamoDB requests of each through a
 * counting proxy. Prints one JSON line. Started by bench/run.ts with the stack's environment.
 */
import { pathToFileURL } from 'node:url';
import { commandEvent } from '#local/slack-request';
import { startCountingProxy } from '#local/counting-proxy';
import { stats } from './lib/stats.ts';

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
  for (const [name, text] of steps) {
    proxy!.reset();
    const result = await handler(commandEvent(text), context);
    const body = String(result.body ?? '');
    results.push({ name, text, statusCode: result.statusCode, requests: proxy!.snapshot(), total: [...proxy!.counts.values()].reduce((a, b) => a + b, 0), reply: (JSON.parse(body || '{}') as { text?: string }).text?.slice(0, 100) });
  }
  console.log(JSON.stringify({ ops: results }));
  await proxy!.stop();
}
process.exit(0);
