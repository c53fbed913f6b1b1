/**
 * English NLP library comparison for the readout extractor: bundle size, cold start, throughput and
 * linearity, and the quality of POS, lemma, subject, pronoun and tense on readout sentences.
 * `npx tsx bench/nlp-compare.ts`; results go to the console only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import winkNLP, { type ItemSentence, type ItemToken, type TokenItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ACT_CASES, FILLER_SENTENCES, type ActCase } from './lib/readout-sentences.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const COLD_RUNS = 7;
const THROUGHPUT_LIMIT_MS = Number(process.env['NLP_LIMIT_MS'] ?? 60_000);
const PROBE = 'Japan intends to double its scholarships for Pacific students.';

interface Token { start: number; end: number; text: string; pos: string; lemma: string; sentence: number }
interface Reading { tokens: Token[]; referent?: (pronoun: Token) => string | undefined }
interface Library { name: string; entry: string; read: (text: string) => Reading }

const wink = winkNLP(model);
const its = wink.its;
// wink's typings give `its.lemma` a signature `out` does not accept; `out` only runs its own helpers, so no wrapper
const lemmaOf = its.lemma as TokenItsFunction<string>;

function readWithWink(text: string): Reading {
  const doc = wink.readDoc(text);
  const tokens: Token[] = [];
  let at = 0;
  doc.sentences().each((sentence: ItemSentence, index: number) => {
    sentence.tokens().each((t: ItemToken) => {
      at += t.out(its.precedingSpaces).length;
      const value = t.out(its.value);
      tokens.push({ start: at, end: at + value.length, text: value, pos: t.out(its.pos), lemma: t.out(lemmaOf), sentence: index });
      at += value.length;
    });
  });
  return { tokens };
}

const LIBRARIES: Library[] = [
  {
    name: 'wink-nlp + wink-eng-lite-web-model',
    entry: `import winkNLP, { type ItemSentence, type ItemToken, type TokenItsFunction } from 'wink-nlp'; import model from 'wink-eng-lite-web-model';
      const nlp = winkNLP(model); const its = nlp.its;
      export function analyse(text) { const doc = nlp.readDoc(text); return [doc.tokens().out(its.pos), doc.tokens().out(its.lemma)]; }`,
    read: readWithWink,
  },
];

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);
const VERBAL = new Set(['VERB', 'AUX', 'ADV']);

/** Walks left from the act to the nearest noun that a verb group follows: the subject head. */
function findSubjectByTags(tokens: Token[], target: number): string | undefined {
  for (let i = target - 1; i >= 0 && tokens[i]!.sentence === tokens[target]!.sentence; i -= 1) {
    const next = tokens[i + 1]!;
    if (NOMINAL.has(tokens[i]!.pos) && (VERBAL.has(next.pos) || next.text.toLowerCase() === 'to')) return tokens[i]!.text.toLowerCase();
  }
  return undefined;
}

function findPastByTags(tokens: Token[], target: number): boolean {
  const before = tokens.slice(Math.max(0, target - 3), target).map((t) => t.text.toLowerCase());
  if (before.some((w) => ['will', 'shall', 'would', 'to', 'on'].includes(w))) return false;
  const t = tokens[target]!;
  const normal = t.text.toLowerCase();
  return t.pos === 'VERB' && t.lemma !== normal && !normal.endsWith('ing') && !normal.endsWith('s');
}

const foldSpelling = (lemma: string) => lemma.replace(/is(e|ing)$/, 'iz$1');

function findTarget(tokens: Token[], c: ActCase): number {
  const cueAt = c.text.indexOf(c.cue);
  const match = new RegExp(`\\b${c.verb}\\b`).exec(c.text.slice(cueAt + c.cue.length));
  const start = cueAt + c.cue.length + (match?.index ?? 0);
  return tokens.findIndex((t) => t.start <= start && start < t.end);
}

function scoreQuality(library: Library) {
  let verb = 0, verbFolded = 0, subject = 0, pronoun = 0, pronouns = 0, tense = 0;
  const misses: string[] = [];
  for (const c of ACT_CASES) {
    const reading = library.read(c.text);
    const { tokens } = reading;
    const i = findTarget(tokens, c);
    const target = tokens[i]!;
    const heads = c.subject.split('|');
    const verbOk = target.pos === 'VERB' && target.lemma.toLowerCase() === c.lemma;
    // the model lemmatises British -ise verbs to their -ize spelling
    if (target.pos === 'VERB' && foldSpelling(target.lemma.toLowerCase()) === foldSpelling(c.lemma)) verbFolded += 1;
    if (verbOk) verb += 1; else misses.push(`verb ${c.verb}: ${target.text}/${target.pos}/${target.lemma}`);
    const head = findSubjectByTags(tokens, i);
    if (head !== undefined && heads.includes(head)) subject += 1; else misses.push(`subject ${c.subject}: ${head}`);
    const past = findPastByTags(tokens, i);
    if (past === (c.tense === 'past')) tense += 1; else misses.push(`tense ${c.verb}: ${c.tense}`);
    if (c.referent !== undefined) {
      pronouns += 1;
      const pron = tokens.find((t) => t.sentence === target.sentence && t.text.toLowerCase() === c.subject);
      const found = pron === undefined ? undefined : reading.referent?.(pron);
      if (found !== undefined && c.referent.split('|').some((r) => found.split(/\W+/).includes(r))) pronoun += 1;
    }
  }
  const n = ACT_CASES.length;
  const pct = (k: number, of = n) => `${k}/${of} (${Math.round((100 * k) / of)}%)`;
  console.log(`\n${library.name}: verb tagged and lemmatised ${pct(verb)} (${pct(verbFolded)} with -ise/-ize folded), ` +
    `subject by tags ${pct(subject)}, pronoun resolved ${pct(pronoun, pronouns)} (no coreference), past read by tags ${pct(tense)}`);
  console.log(`  misses: ${misses.join('; ')}`);
}

async function bundle(library: Library, dir: string, tag: string) {
  const outfile = path.join(dir, `${tag}.mjs`);
  await build({ stdin: { contents: library.entry, resolveDir: ROOT, loader: 'js' }, bundle: true, platform: 'node', target: 'node22', format: 'esm', minify: true, outfile, logLevel: 'error' });
  const code = readFileSync(outfile);
  return { outfile, minified: code.length / 1024, gzip: gzipSync(code).length / 1024 };
}

function measureCold(outfile: string) {
  const script = `const t0 = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(outfile).href)}); m.analyse(${JSON.stringify(PROBE)});
    console.log(JSON.stringify({ ms: performance.now() - t0, heap: process.memoryUsage().heapUsed / 2 ** 20 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; heap: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function buildText(words: number, stops: boolean): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const s = FILLER_SENTENCES[i % FILLER_SENTENCES.length]!;
    const sentence = stops ? s : s.replaceAll('.', '');
    parts.push(sentence);
    count += sentence.split(' ').length;
  }
  return parts.join(' ');
}

/** Runs in a fresh process with a time limit, as one input can take a library minutes. */
function measureThroughput(outfile: string, dir: string, text: string): { ms: number; perKb: number } | undefined {
  const file = path.join(dir, 'input.txt');
  writeFileSync(file, text);
  const script = `import { readFileSync } from 'node:fs'; const m = await import(${JSON.stringify(pathToFileURL(outfile).href)});
    const text = readFileSync(${JSON.stringify(file)}, 'utf8'); m.analyse(${JSON.stringify(PROBE)}); m.analyse(text.slice(0, 2000));
    const cpu = process.cpuUsage(); m.analyse(text); const used = process.cpuUsage(cpu); console.log((used.user + used.system) / 1000);`;
  try {
    const ms = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: THROUGHPUT_LIMIT_MS }));
    return { ms, perKb: ms / (Buffer.byteLength(text) / 1024) };
  } catch {
    return undefined;
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'nlp-compare-'));
for (const [index, library] of LIBRARIES.entries()) {
  if (process.env['NLP_ONLY'] && !library.name.startsWith(process.env['NLP_ONLY'])) continue;
  if (process.env['NLP_QUALITY']) { scoreQuality(library); continue; }
  const b = await bundle(library, dir, `lib${index}`);
  const cold = Array.from({ length: COLD_RUNS }, () => measureCold(b.outfile));
  console.log(`\n${library.name}: bundle ${b.minified.toFixed(0)} kB minified, ${b.gzip.toFixed(0)} kB gzip; ` +
    `cold import + first sentence median ${median(cold.map((c) => c.ms)).toFixed(0)} ms, heap ${median(cold.map((c) => c.heap)).toFixed(1)} MB`);
  for (const stops of [false, true]) {
    for (const words of [300, 3000, 30000]) {
      const r = measureThroughput(b.outfile, dir, buildText(words, stops));
      console.log(`  ${stops ? 'with full stops' : 'no full stops'}, ${words} words: ` +
        (r === undefined ? `over ${THROUGHPUT_LIMIT_MS / 1000} s` : `${r.ms.toFixed(0)} ms (${r.perKb.toFixed(2)} ms/kB)`));
    }
  }
  scoreQuality(library);
}
