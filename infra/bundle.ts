import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, type Metafile } from 'esbuild';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every Lambda of the project and its entry file, relative to the project root. */
export const FUNCTIONS = {
  slack: 'functions/slack/handler.ts',
  reminders: 'functions/reminders/handler.ts',
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

export const BUNDLE_FILE = 'index.mjs';

// The handler lives in index.mjs and exports `handler`.
export const BUNDLE_HANDLER = 'index.handler';

/**
 * How Lambda starts Node for every function (and how the bench and the test workers start it):
 * - no `--enable-source-maps`: with it, Node reads and measures every module's map as the module
 *   loads, 26 ms of each cold start. The logger maps a logged error's stack itself, reading a
 *   map the first time an error needs it (`shared/observe/mapped-stack.ts`);
 * - AsyncLocalStorage (which holds each request's after-answer jobs) on V8's continuation data,
 *   Node 24's default, instead of async hooks: with hooks, every promise the first request makes
 *   calls back into JavaScript, about 6 ms of CPU in a cold known person's answer. The test
 *   workers run with it too, so the suite checks the jobs land where they should under it.
 */
export const ASYNC_CONTEXT_FLAG = '--experimental-async-context-frame';
export const LAMBDA_NODE_OPTIONS = ASYNC_CONTEXT_FLAG;

export interface BundleOptions {
  /** Write esbuild's metafile as `meta.json` beside the bundle (default true). */
  readonly metafile?: boolean;
  /**
   * Replace the packages of Bolt's HTTP, Express and Socket Mode receivers with throwing stubs
   * (default true). The Lambda only uses AwsLambdaReceiver; the benchmark's Bolt baseline turns it off.
   */
  readonly lambdaStubs?: boolean;
  /** Further esbuild `alias` entries, laid over the definition's: for bundling experiments. */
  readonly alias?: Readonly<Record<string, string>>;
}

export interface BundleResult {
  readonly outfile: string;
  readonly bytes: number;
  readonly metafile: Metafile;
}

// ESM output has no `require`/`__dirname`; CommonJS dependencies (Bolt, express) still call them.
const ESM_SHIMS = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  "import { dirname as __pathDirname } from 'node:path';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  'const __dirname = __pathDirname(__filename);',
].join(' ');

/**
 * Packages Bolt's index requires at load time for receivers a Lambda never constructs: Express
 * (with body-parser, iconv-lite, mime-db), Socket Mode (undici, ws), OAuth (jsonwebtoken) and
 * raw-body. Stubbed, they cost neither bytes nor parse time at cold start (2.6 MB → 1.1 MB);
 * constructing one of those receivers throws. (`alias`, because buildSync takes no plugins.)
 */
export const LAMBDA_STUBBED_PACKAGES = ['express', '@slack/socket-mode', '@slack/oauth', 'raw-body'] as const;

/** A CommonJS module whose every export throws when called or constructed. */
export function stubModule(name: string): string {
  const message = JSON.stringify(`${name} is not bundled: this Lambda only uses AwsLambdaReceiver (infra/bundle.ts)`);
  const code = `const u=function(){throw new Error(${message})};module.exports=new Proxy(u,{get:(t,k)=>k==='__esModule'?undefined:u});`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

/**
 * node:http without its module facade: importing it as a module reads every export, and the
 * lazy WebSocket, CloseEvent and MessageEvent getters load undici (~85 ms of a cold start, for
 * nothing the functions use). The SDK's HTTP handler and the bot's Slack calls import it that way.
 */
const HTTP_EXPORTS = [
  'Agent', 'ClientRequest', 'IncomingMessage', 'METHODS', 'OutgoingMessage', 'STATUS_CODES', 'Server', 'ServerResponse',
  'createServer', 'get', 'globalAgent', 'maxHeaderSize', 'request', 'setMaxIdleHTTPParsers', 'validateHeaderName', 'validateHeaderValue',
];
const HTTP_MODULE = `data:text/javascript,${encodeURIComponent(
  `const m=process.getBuiltinModule('node:http');export default m;export const {${HTTP_EXPORTS.join(',')}}=m;`,
)}`;

const LAMBDA_STUBS: Record<string, string> = {
  ...Object.fromEntries(LAMBDA_STUBBED_PACKAGES.map((name) => [name, stubModule(name)])),
  '@aws-sdk/credential-provider-node': path.join(PROJECT_ROOT, 'infra/lambda-credentials.ts'),
};

/**
 * Bundles one function into `<outdir>/index.mjs` (+ `.map`, and `meta.json` unless turned off).
 * The one bundling definition: `npm run build` and the CDK assets both call it.
 */
export function bundleFunction(name: FunctionName, outdir: string, options: BundleOptions = {}): BundleResult {
  return bundleEntry(FUNCTIONS[name], outdir, options);
}

/**
 * Bundles any entry file (relative to the project root, or absolute) with exactly the options
 * the functions get; the benchmark uses it for its Bolt baseline so both are built alike.
 */
export function bundleEntry(entry: string, outdir: string, options: BundleOptions = {}): BundleResult {
  const outfile = path.join(outdir, BUNDLE_FILE);
  const result = buildSync({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [path.resolve(PROJECT_ROOT, entry)],
    outdir,
    entryNames: path.basename(BUNDLE_FILE, '.mjs'),
    outExtension: { '.js': '.mjs' },
    // What is loaded with import() (the tracer, the Lambda and Secrets Manager clients) goes to
    // chunks of its own, so a cold start neither parses nor maps it until it is used.
    splitting: true,
    chunkNames: 'chunks/[hash]',
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // ESM entry points of dependencies tree-shake better than their CommonJS builds.
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: 'linked',
    // The logger maps a logged error's frames through it; the sources would double its size.
    sourcesContent: false,
    banner: { js: ESM_SHIMS },
    metafile: true,
    write: false,
    logLevel: 'warning',
    alias: { ...((options.lambdaStubs ?? true) ? LAMBDA_STUBS : {}), 'node:http': HTTP_MODULE, http: HTTP_MODULE, ...options.alias },
  });
  rmSync(outdir, { recursive: true, force: true });
  let bytes = 0;
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    const contents = file.path.endsWith('.map') ? rootRelativeSourceMap(file.text, path.dirname(file.path)) : file.contents;
    writeFileSync(file.path, contents);
    if (file.path === outfile) bytes = file.contents.byteLength;
  }
  if (options.metafile ?? true) writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  return { outfile, bytes, metafile: result.metafile };
}

// Sources relative to the project root, so the map (and the CDK asset hash) do not depend on where it was built.
function rootRelativeSourceMap(text: string, outdir: string): string {
  const map = JSON.parse(text) as { sources: string[] };
  map.sources = map.sources.map((source) =>
    // The stubs above come from data: URLs; a path would make no sense for them.
    /^(dataurl:|<?data:)/.test(source)
      ? 'stub:infra/bundle.ts'
      : path.relative(PROJECT_ROOT, path.resolve(outdir, source)).split(path.sep).join('/'),
  );
  return JSON.stringify(map);
}
