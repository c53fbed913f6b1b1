import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractOptions } from '#shared/import/proposal';
import type { Label } from '#shared/import/score';

/** A labelled readout: `<name>.txt` and `<name>.labels.json` side by side in its set's folder. */
export interface LabelledReadout extends ExtractOptions {
  name: string;
  title: string;
  text: string;
  expected: Label[];
}

/**
 * The labelled sets, each a folder of test/fixtures/readouts: `first-sight` (written before the
 * rules were changed, scored as it stood), `regression` (the four the first rules were written
 * from), `development` (written while the rules were being improved), `held-out` (written after
 * them, scored as it came, then tuned on), `blind` (written after the last rule, never tuned on) and `genres`
 * (minutes, press releases, news, declarations, multi-party texts; scored as it came, for issue 24), with
 * `genres-blind` (scored once, then tuned on) and `genres-blind-2` (written for the same issue by someone
 * who had read neither the extractor nor a set, scored once when the work was done).
 */
export const READOUT_SETS = ['first-sight', 'regression', 'development', 'held-out', 'blind', 'genres', 'genres-blind', 'genres-blind-2'] as const;
export type ReadoutSet = (typeof READOUT_SETS)[number];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'readouts');

export function loadReadouts(set: ReadoutSet): LabelledReadout[] {
  const folder = join(ROOT, set);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.labels.json'))
    .sort()
    .map((file) => {
      const name = basename(file, '.labels.json');
      const labels = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Omit<LabelledReadout, 'name' | 'text'>;
      return { ...labels, name, text: readFileSync(join(folder, `${name}.txt`), 'utf8') };
    });
}
