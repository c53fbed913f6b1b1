import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import countries from 'world-countries';
import type { Country } from 'world-countries';

/**
 * `npm run gazetteer`: writes shared/import/gazetteer-data.ts from the world-countries package
 * (every UN member state, the two observer states, Taiwan and Kosovo) and the short forms and
 * bodies listed below, so the Lambda bundle carries a few kilobytes instead of the whole package.
 */

/** Observer states and the two places readouts often name that the UN does not seat. */
const NON_MEMBERS = new Set(['PS', 'VA', 'TW', 'XK']);

/** Short forms and names the data lacks; abbreviations are matched only in this exact case. */
const EXTRA: Record<string, { names?: string[]; capitals?: string[]; abbreviations?: string[] }> = {
  US: { names: ['America'], capitals: ['Washington'], abbreviations: ['US', 'U.S.', 'USA', 'U.S.A.'] },
  GB: { names: ['Britain'], abbreviations: ['UK', 'U.K.'] },
  KR: { names: ['Korea', 'Korean'], abbreviations: ['ROK'] },
  KP: { abbreviations: ['DPRK'] },
  CN: { abbreviations: ['PRC'] },
  AE: { names: ['Emirates'], abbreviations: ['UAE', 'U.A.E.'] },
  CD: { abbreviations: ['DRC'] },
  TR: { names: ['Turkey'] },
  BA: { names: ['Bosnia'] },
  CZ: { names: ['Czech Republic'] },
  VA: { names: ['Holy See'] },
  MM: { names: ['Burma'] },
  RU: { names: ['Kremlin'] },
  LK: { capitals: ['Colombo'] },
  BO: { capitals: ['La Paz'] },
};

/**
 * Names the data gives that we leave out: "Holland" is two provinces, not the country; "Male"
 * and "Island" are the accent-free forms of Malé and Ísland, and ordinary English words;
 * "Dominique" (Dominica in French) is a first name.
 */
const DROP = new Set(['Holland', 'Male', 'Island', 'Dominique']);

/** "Congo" alone names either Congo, so both stay outsiders unless the track names one. */
const SHARED_NAMES: Record<string, string[]> = { Congo: ['CD'] };

/**
 * Bodies that can be a party. Brussels is listed for the EU and for Belgium (the data gives it):
 * readouts use it for the EU far more often, so the EU comes first when both are parties.
 */
const BODIES: { code: string; names: string[]; capitals?: string[]; abbreviations?: string[] }[] = [
  { code: 'EU', names: ['European Union'], capitals: ['Brussels'], abbreviations: ['EU', 'E.U.'] },
  { code: 'ASEAN', names: ['Association of Southeast Asian Nations'], abbreviations: ['ASEAN'] },
  { code: 'AFU', names: ['African Union'], abbreviations: ['AU'] },
  { code: 'NATO', names: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'], abbreviations: ['NATO'] },
  { code: 'G7', names: ['Group of Seven'], abbreviations: ['G7', 'G-7'] },
  { code: 'G20', names: ['Group of Twenty'], abbreviations: ['G20', 'G-20'] },
  { code: 'UN', names: ['United Nations'], abbreviations: ['UN', 'U.N.'] },
  { code: 'QUAD', names: ['Quad', 'Quadrilateral Security Dialogue'] },
  { code: 'PIF', names: ['Pacific Islands Forum'], abbreviations: ['PIF'] },
  { code: 'APEC', names: ['Asia-Pacific Economic Cooperation'], abbreviations: ['APEC'] },
  { code: 'OECD', names: ['Organisation for Economic Co-operation and Development', 'Organization for Economic Cooperation and Development'], abbreviations: ['OECD'] },
  { code: 'IMF', names: ['International Monetary Fund'], abbreviations: ['IMF'] },
  { code: 'WB', names: ['World Bank'] },
  { code: 'WTO', names: ['World Trade Organization'], abbreviations: ['WTO'] },
  { code: 'WHO', names: ['World Health Organization'], abbreviations: ['WHO'] },
  { code: 'GCC', names: ['Gulf Cooperation Council'], abbreviations: ['GCC'] },
  { code: 'BRICS', names: [], abbreviations: ['BRICS'] },
];

/** The generated module's text for `list` (the installed package, unless a test passes another). */
export function renderGazetteer(list: readonly Country[] = countries): string {
  const rows: string[][] = BODIES.map((b) => [b.code, '', join(b.names), join(b.capitals ?? []), '', join(b.abbreviations ?? []), '']);
  const chosen = list.filter((c) => c.unMember || NON_MEMBERS.has(c.cca2)).sort((a, b) => a.cca2.localeCompare(b.cca2));
  for (const c of chosen) {
    const extra = EXTRA[c.cca2] ?? {};
    const shared = Object.keys(SHARED_NAMES).filter((name) => SHARED_NAMES[name]!.includes(c.cca2));
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter(isEnglishName), ...(extra.names ?? []), ...shared];
    const demonyms = Object.values(c.demonyms['eng'] ?? {}).flatMap((d) => d.split(/,\s*/));
    // Japanese and Korean names as written, with no accent-free twin: NFD would split kana and hangul.
    const local = [c.translations['jpn'], c.translations['kor']].flatMap((t) => (t ? [t.common, t.official] : []));
    rows.push([c.cca2, c.cca3, join(names), join([...c.capital, ...(extra.capitals ?? [])]), join(demonyms), join(extra.abbreviations ?? []), [...new Set(local)].join('|')]);
  }
  const body = rows.map((row) => `  [${row.map((cell) => JSON.stringify(cell).replace(/'/g, "\\'").replace(/^"|"$/g, "'")).join(', ')}],`);
  return [
    '// Generated by `npm run gazetteer` from world-countries; do not edit by hand.',
    '',
    '/** Code, ISO alpha-3, names, capitals, demonyms, case-exact abbreviations, Japanese and Korean names; lists joined by "|". */',
    'export type GazetteerRow = readonly [string, string, string, string, string, string, string];',
    '',
    'export const GAZETTEER_ROWS: readonly GazetteerRow[] = [',
    ...body,
    '];',
    '',
  ].join('\n');
}

/** Spellings in Latin script without the "Korea, Republic of" inversion or a bracket. */
function isEnglishName(name: string): boolean {
  return /^\p{Lu}[\p{Script=Latin}\p{M}\s'’.-]+$/u.test(name) && !/[,()]/.test(name) && !/^[A-Z]{2,3}$/.test(name);
}

/** Distinct names, each with its accent-free twin ("Brasília" also as "Brasilia"), minus DROP. */
function join(names: readonly string[]): string {
  const all = names.flatMap((n) => [n, n.normalize('NFD').replace(/\p{M}/gu, '')]);
  return [...new Set(all)].filter((n) => !DROP.has(n)).join('|');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = path.resolve(import.meta.dirname, '../shared/import/gazetteer-data.ts');
  writeFileSync(out, renderGazetteer());
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
