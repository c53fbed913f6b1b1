// Cold-start probe, run as a fresh `node bench/cold-child.mjs <bundle> <mode>` by bench/run.ts
// (mode import, serve: one request, or sequence: the requests of BENCH_EVENTS in turn).
// Plain JS on purpose: no loader may run before the bundle. performance.now() counts from process start.
import { pathToFileURL } from 'node:url';

const scriptStart = performance.now();
// CPU time of the whole process (all threads), ms: what a run costs apart from waiting, which a busy machine inflates less than wall time.
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const [bundle, mode = 'serve'] = process.argv.slice(2);
const mod = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const out = { scriptStart, imported, importedCpu: cpu() };
if (mode === 'serve') {
  const event = JSON.parse(process.env.BENCH_EVENT ?? '{}');
  const context = { functionName: 'bench', getRemainingTimeInMillis: () => 3000 };
  const result = await mod.handler(event, context);
  out.responded = performance.now();
  out.respondedCpu = cpu();
  out.statusCode = result.statusCode;
  out.body = String(result.body ?? '').slice(0, 200);
} else if (mode === 'sequence') {
  // Several requests one after another in this one process (BENCH_EVENTS), each timed on its own: what a warm container pays for each.
  out.steps = [];
  for (const event of JSON.parse(process.env.BENCH_EVENTS ?? '[]')) {
    const started = performance.now();
    const startedCpu = cpu();
    const result = await mod.handler(event, { functionName: 'bench', getRemainingTimeInMillis: () => 3000 });
    out.steps.push({ ms: performance.now() - started, cpuMs: cpu() - startedCpu, statusCode: result.statusCode, body: String(result.body ?? '').slice(0, 200) });
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
// Keep-alive sockets (DynamoDB, Slack) would hold the process open; Lambda freezes it instead.
process.exit(0);
