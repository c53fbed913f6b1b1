/**
 * Cold-start experiments: scratch builds with candidate changes (bundling options here, source
 * changes in a scratch copy of the project given as `project`), measured alternately.
 * `npx tsx bench/experiments.ts [runs] [variant-name-filter]`; results go to the console only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FUNCTIONS, LAMBDA_NODE_OPTIONS, PROJECT_ROOT, type BundleOptions, type BundleResult } from '../infra/bundle.ts';
import { coldRun, type ColdSample } from './lib/cold.ts';
import { seededTable, startStack } from './lib/stack.ts';
import { fmt, stats } from './lib/stats.ts';

interface Variant {
  name: string;
  entry: string;
  /** A scratch copy of the project with a source change; its own infra/bundle.ts builds it. */
  project?: string;
  options?: BundleOptions;
}

const SCRATCH = process.env['SCRATCH_PROJECT'] ?? '/tmp/scratch-proj';
/** Lambda always has credentials in its environment; the default chain's SSO/STS/INI/IMDS providers never run there. */
const ENV_CREDENTIALS = {
  '@aws-sdk/credential-provider-node': `data:text/javascript,${encodeURIComponent(
    'export const defaultProvider=()=>async()=>{const e=process.env;if(!e.AWS_ACCESS_KEY_ID||!e.AWS_SECRET_ACCESS_KEY)throw new Error("no AWS credentials in the environment");' +
      'return{accessKeyId:e.AWS_ACCESS_KEY_ID,secretAccessKey:e.AWS_SECRET_ACCESS_KEY,sessionToken:e.AWS_SESSION_TOKEN}};',
  )}`,
};

const variants: Variant[] = [
  { name: 'ours-unstubbed', entry: FUNCTIONS.slack, options: { lambdaStubs: false } },
  { name: 'ours (stub receivers)', entry: FUNCTIONS.slack },
  { name: '+zod star import', entry: FUNCTIONS.slack, project: SCRATCH },
  { name: '+env credentials only', entry: FUNCTIONS.slack, project: SCRATCH, options: { alias: ENV_CREDENTIALS } },
  { name: 'baseline', entry: 'bench/baseline/handler.ts', options: { lambdaStubs: false } },
  { name: 'baseline+stubs', entry: 'bench/baseline/handler.ts' },
];

const runs = Number(process.argv[2] ?? 8);
const only = process.argv[3];
const root = path.join(tmpdir(), 'commitments-bench-experiments');
const stack = await startStack();
try {
  const table = await seededTable(stack, 'bench-exp');
  const env = { ...stack.env(table), NODE_OPTIONS: LAMBDA_NODE_OPTIONS };
  const built: (Variant & BundleResult & { gzip: number; samples: ColdSample[] })[] = [];
  for (const v of variants.filter((x) => (!only || x.name.includes(only) || x.name.startsWith('baseline')) && (!x.project || existsSync(x.project)))) {
    const { bundleEntry } = (await import(path.join(v.project ?? PROJECT_ROOT, 'infra/bundle.ts'))) as typeof import('../infra/bundle.ts');
    const r = bundleEntry(v.entry, path.join(root, v.name.replace(/\W+/g, '-')), v.options ?? {});
    built.push({ ...v, ...r, gzip: gzipSync(readFileSync(r.outfile)).byteLength, samples: [] });
  }
  for (const b of built) await coldRun(b.outfile, 'serve', env); // page cache
  for (let i = 0; i < runs; i++) for (const b of built) b.samples.push(await coldRun(b.outfile, 'serve', env));
  for (const b of built) {
    const bad = b.samples.find((s) => s.statusCode !== 200 || !s.body?.includes('ephemeral'));
    console.log(
      `${b.name.padEnd(24)} ${(b.bytes / 1e6).toFixed(2)} MB gz ${(b.gzip / 1e3).toFixed(0)} kB | import ${fmt(stats(b.samples.map((s) => s.importedMs)))} | response ${fmt(stats(b.samples.map((s) => s.respondedMs!)))} | wall ${fmt(stats(b.samples.map((s) => s.wallMs)))}${bad ? ` | BAD ${bad.statusCode} ${bad.body}` : ''}`,
    );
  }
} finally {
  await stack.stop();
}
