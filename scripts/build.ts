import path from 'node:path';
import { FUNCTION_NAMES, PROJECT_ROOT, bundleFunction } from '../infra/bundle.ts';

// Same bundles CDK deploys, written to dist/<name>/ for inspection (meta.json feeds esbuild's analyzer).
const distDir = path.join(PROJECT_ROOT, 'dist');

for (const name of FUNCTION_NAMES) {
  const started = performance.now();
  const { outfile, bytes } = bundleFunction(name, path.join(distDir, name));
  const ms = Math.round(performance.now() - started);
  console.log(`${path.relative(PROJECT_ROOT, outfile)}  ${formatSize(bytes)}  (${ms} ms)`);
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
