// Cold-start probe, run as a fresh `node bench/cold-child.mjs <bundle> <mode>` by bench/run.ts.
// Plain JS on purpose: no loader may run before the bundle. performance.now() counts from process start.
import { pathToFileURL } from 'node:url';

const scriptStart = performance.now();
const [bundle, mode = 'serve'] = process.argv.slice(2);
const mod = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const out = { scriptStart, imported };
if (mode === 'serve') {
  const event = JSON.parse(process.env.BENCH_EVENT ?? '{}');
  const context = { functionName: 'bench', getRemainingTimeInMillis: () => 3000 };
  const result = await mod.handler(event, context);
  out.responded = performance.now();
  out.statusCode = result.statusCode;
  out.body = String(result.body ?? '').slice(0, 200);
}
process.stdout.write(JSON.stringify(out) + '\n');
// Keep-alive sockets (DynamoDB, Slack) would hold the process open; Lambda freezes it instead.
process.exit(0);
