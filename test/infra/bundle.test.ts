import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, PROJECT_ROOT, bundleFunction } from '../../infra/bundle.ts';

const resolvable = (specifier: string): boolean => {
  try {
    createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve(specifier);
    return true;
  } catch {
    return false;
  }
};

const outRoot = mkdtempSync(path.join(tmpdir(), 'commitments-bundle-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe.each(FUNCTION_NAMES)('bundleFunction(%s)', (name) => {
  const outdir = path.join(outRoot, name);
  const result = bundleFunction(name, outdir);
  const code = readFileSync(result.outfile, 'utf8');
  // Chunks loaded with import() are entry points too: the function's own is the one at index.mjs.
  const output = Object.entries(result.metafile.outputs).find(([file]) => path.resolve(PROJECT_ROOT, file) === result.outfile)?.[1];

  it('writes an ESM entry that exports handler, with a linked source map and a metafile', () => {
    expect(path.basename(result.outfile)).toBe('index.mjs');
    expect(output?.exports).toContain('handler');
    expect(code.trimEnd()).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map$/);
    expect(existsSync(path.join(outdir, 'index.mjs.map'))).toBe(true);
    expect(existsSync(path.join(outdir, 'meta.json'))).toBe(true);
    expect(result.bytes).toBe(Buffer.byteLength(code));
  });

  it('defines require for CommonJS dependencies inside the ESM bundle', () => {
    expect(code.startsWith("import { createRequire as __createRequire } from 'node:module';")).toBe(true);
    expect(code).toContain('const require = __createRequire(import.meta.url);');
  });

  it('bundles every installed dependency, the AWS SDK included, leaving only Node built-ins external', () => {
    const external = output?.imports.filter((i) => i.external).map((i) => i.path) ?? [];
    // Newer built-ins (node:sqlite) are unknown to an older local Node; uninstalled optional
    // requires inside try/catch (debug's supports-color) stay external by design.
    const packages = external.filter((p) => !isBuiltin(p) && !p.startsWith('node:'));
    expect(packages.filter(resolvable)).toEqual([]);
    expect(Object.keys(result.metafile.inputs)).toContain(`functions/${name}/handler.ts`);
  });

  it('maps sources relative to the project root, wherever the bundle is written', () => {
    const map = JSON.parse(readFileSync(path.join(outdir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources).toContain(`functions/${name}/handler.ts`);
    expect(map.sources.filter((s) => s.startsWith('..') || path.isAbsolute(s))).toEqual([]);
  });

  it('leaves out the packages of the Bolt receivers a Lambda never constructs (express, Socket Mode, OAuth, raw-body)', () => {
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => /node_modules\/(express|@slack\/socket-mode|@slack\/oauth|raw-body|undici|iconv-lite)\//.test(f))).toEqual([]);
  });

  it('imports node:http as its CommonJS object, so its WebSocket getters never load undici', () => {
    const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
    const facadeImports = outputs.flatMap(([, o]) => o.imports).filter((i) => i.external && /^(node:)?http$/.test(i.path) && i.kind !== 'require-call');
    expect(facadeImports).toEqual([]);
    const everything = outputs.map(([file]) => readFileSync(path.resolve(PROJECT_ROOT, file), 'utf8')).join('\n');
    expect(/process\.getBuiltinModule\(["']node:http["']\)/.test(everything)).toBe(true);
  });

  it('keeps what is loaded with import() out of the entry, in chunks beside it', () => {
    const chunks = Object.entries(result.metafile.outputs).filter(([file]) => file.includes('/chunks/') && !file.endsWith('.map'));
    const lazy = output?.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => i.path) ?? [];
    expect(lazy.length).toBeGreaterThan(0);
    for (const file of lazy) expect(chunks.map(([f]) => f)).toContain(file);
    for (const [file] of chunks) expect(existsSync(path.resolve(PROJECT_ROOT, file))).toBe(true);
  });

  it('skips meta.json when asked, as the CDK asset does', () => {
    const bare = path.join(outRoot, `${name}-bare`);
    bundleFunction(name, bare, { metafile: false });
    expect(existsSync(path.join(bare, 'meta.json'))).toBe(false);
  });
});
