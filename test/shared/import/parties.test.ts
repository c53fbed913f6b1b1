import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import { GAZETTEER_ROWS } from '#shared/import/gazetteer-data';
import { detectParties, mentions, namedParties, namesOutsider, partyLexicon, type PartyRef } from '#shared/import/parties';
import { renderGazetteer } from '../../../scripts/gazetteer.ts';

const none = partyLexicon([]);
const codesIn = (text: string, parties: readonly PartyRef[] = []) => mentions(text, parties.length ? partyLexicon(parties) : none).map((m) => m.codes.join('/'));
const JK: PartyRef[] = [
  { code: 'JP', name: 'Japan' },
  { code: 'KR', name: 'South Korea' },
];

describe('the generated gazetteer', () => {
  it('is what the generator writes from the installed world-countries today', () => {
    const file = readFileSync(path.resolve(import.meta.dirname, '../../../shared/import/gazetteer-data.ts'), 'utf8');
    expect(file).toBe(renderGazetteer());
  });

  it('holds every UN member state, the two observer states, Taiwan and Kosovo', () => {
    const codes = new Set(GAZETTEER_ROWS.map((row) => row[0]));
    const members = countries.filter((c) => c.unMember).map((c) => c.cca2);
    expect(members.length).toBeGreaterThanOrEqual(193);
    for (const code of [...members, 'PS', 'VA', 'TW', 'XK']) expect(codes, code).toContain(code);
  });

  it.each(countries.filter((c) => c.unMember || ['PS', 'TW', 'XK'].includes(c.cca2)).map((c) => [c.name.common, c]))(
    'recognises %s by its common name, capital and English demonym',
    (_name, country) => {
      const words = [country.name.common, ...country.capital, ...country.demonyms['eng']!.m.split(/,\s*/)];
      for (const word of words) {
        const found = mentions(word, none);
        expect(found, word).toHaveLength(1);
        expect(found[0]!.codes, word).toContain(country.cca2);
        expect([found[0]!.start, found[0]!.end], word).toEqual([0, word.length]);
      }
    },
  );
});

describe('mentions', () => {
  it('gives each country or body with its offsets, the party code for a party', () => {
    const text = "Tokyo and the ROK agreed; China's envoy and the EU watched.";
    expect(mentions(text, partyLexicon(JK))).toEqual([
      { code: 'JP', codes: ['JP'], party: true, start: 0, end: 5 },
      { code: 'KR', codes: ['KR'], party: true, start: 14, end: 17 },
      { code: 'CN', codes: ['CN'], party: false, start: 26, end: 31 },
      { code: 'EU', codes: ['EU'], party: false, start: 48, end: 50 },
    ]);
  });

  it('matches a track party by the gazetteer entry of its country', () => {
    const rok = partyLexicon([{ code: 'ROK', name: 'South Korea' }, { code: 'JP', name: 'Japan' }]);
    for (const text of ['Seoul will host it.', 'South Korean officials will visit.', 'the Republic of Korea will send experts.', 'The ROK will send experts.']) {
      expect(namedParties(text, rok), text).toEqual(['ROK']);
    }
  });

  it('keeps a track party’s own aliases and a code of three letters or more', () => {
    const lexicon = partyLexicon([{ code: 'ACME', name: 'Acme Union', aliases: ['Smith'] }]);
    expect(namedParties('Smith said ACME and the Acme Union agree.', lexicon)).toEqual(['ACME', 'ACME', 'ACME']);
  });

  it('reads the United States as US, U.S., USA and America, never as the pronoun us', () => {
    expect(codesIn('The US, the U.S., the USA and America; let us talk.')).toEqual(['US', 'US', 'US', 'US']);
    const parties = [{ code: 'US', name: 'United States' }, ...JK];
    expect(detectParties('The US will send experts.', parties)).toEqual(['US']);
    expect(detectParties('Japan told us it will send experts.', parties)).toEqual(['US', 'JP', 'KR']);
  });

  it('never reads the preposition in, or IN, as India', () => {
    const lexicon = partyLexicon([{ code: 'IN', name: 'India' }, ...JK]);
    expect(mentions('Talks IN Tokyo in the morning.', lexicon).map((m) => m.code)).toEqual(['JP']);
    expect(namedParties('New Delhi will send Indian experts to India.', lexicon)).toEqual(['IN', 'IN']);
  });

  it('never counts North Korea as Korea', () => {
    const lexicon = partyLexicon(JK);
    expect(namedParties('North Korea and the North Korean envoy', lexicon)).toEqual([]);
    expect(namesOutsider('North Korea will test', lexicon)).toBe(true);
    expect(codesIn('Korea, South Korea, North Korea, DPRK, Pyongyang')).toEqual(['KR', 'KR', 'KP', 'KP', 'KP']);
  });

  it.each([
    ['Guinea, Papua New Guinea, Equatorial Guinea and Guinea-Bissau', ['GN', 'PG', 'GQ', 'GW']],
    ['Niger, Nigeria, Nigerien and Nigerian', ['NE', 'NG', 'NE', 'NG']],
    ['Dominica and the Dominican Republic', ['DM', 'DO']],
    ['Sudan and South Sudan; Sudanese and South Sudanese', ['SD', 'SS', 'SD', 'SS']],
    ['The Republic of China and the People’s Republic of China, Chinese Taipei', ['TW', 'CN', 'TW']],
    ['Türkiye, Turkiye and Turkey; Czechia and the Czech Republic', ['TR', 'TR', 'TR', 'CZ', 'CZ']],
    ["Côte d'Ivoire, Cote d'Ivoire and Ivory Coast; Viet Nam and Vietnam", ['CI', 'CI', 'CI', 'VN', 'VN']],
    ['UK, U.K., Britain; PRC; UAE; DRC; the Netherlands', ['GB', 'GB', 'GB', 'CN', 'AE', 'CD', 'NL']],
    ['U.S.-China and Korea-Japan talks', ['US', 'CN', 'KR', 'JP']],
  ])('tells apart the names in %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it('names both Congos for "Congo" unless the track names one', () => {
    expect(codesIn('Congo will sign.')).toEqual(['CD/CG']);
    expect(namedParties('Congo will sign.', partyLexicon([{ code: 'CG', name: 'Republic of the Congo' }]))).toEqual(['CG']);
    expect(codesIn('the Republic of the Congo and the Democratic Republic of the Congo')).toEqual(['CG', 'CD']);
  });

  it('reads Brussels as the EU or Belgium, whichever is a party, the EU first', () => {
    expect(codesIn('Brussels will sign.')).toEqual(['EU/BE']);
    expect(namedParties('Brussels will sign.', partyLexicon([{ code: 'BE', name: 'Belgium' }]))).toEqual(['BE']);
    expect(namedParties('Brussels will sign.', partyLexicon([{ code: 'EU', name: 'European Union' }, { code: 'BE', name: 'Belgium' }]))).toEqual(['EU']);
  });

  it('matches capitalised names only, so ordinary words stay words', () => {
    expect(codesIn('chad, jordan, turkey, china, victoria, kingston, nice and holland')).toEqual([]);
    expect(codesIn('Malé and Male; Holland')).toEqual(['MV']);
    expect(codesIn('Chad, Jordan, Victoria, Kingston')).toEqual(['TD', 'JO', 'SC', 'JM']);
  });

  it('reads Georgia as the country (the US state is a known risk)', () => {
    expect(codesIn('Georgia will join.')).toEqual(['GE']);
  });

  it.each([
    ['the European Union and the EU', ['EU', 'EU']],
    ['ASEAN, the African Union and the AU', ['ASEAN', 'AFU', 'AFU']],
    ['NATO, the G7, the G-20, the UN and the United Nations', ['NATO', 'G7', 'G20', 'UN', 'UN']],
    ['the Quad, the Pacific Islands Forum, APEC, the OECD', ['QUAD', 'PIF', 'APEC', 'OECD']],
    ['the IMF, the World Bank, the WTO and the WHO', ['IMF', 'WB', 'WTO', 'WHO']],
  ])('names the bodies in %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it('lets a body be a party when the track names it', () => {
    expect(namedParties('ASEAN will convene, and Japan will attend.', partyLexicon([{ code: 'ASEAN', name: 'ASEAN' }, JK[0]!]))).toEqual(['ASEAN', 'JP']);
  });

  it('skips a place where the act happens', () => {
    expect(namedParties('Seoul will send a delegation to Tokyo.', partyLexicon(JK))).toEqual(['KR']);
  });

  it('probes a bounded number of keys per word on 30,000 words (linear cost)', () => {
    const sentence =
      'The Democratic Republic of the Congo and North Korea met the U.S. in Brussels, United United United Kingdom words said the United Kingdom of Great Britain and Northern Ireland. ';
    const words = sentence.trim().split(/\s+/).length;
    const text = sentence.repeat(Math.ceil(30_000 / words));
    const lexicon = partyLexicon(JK);
    const longest = Math.max(...lexicon.gazetteer.starts.values());
    const once = mentions(text, lexicon).length;
    const single = lexicon.lookups;
    lexicon.lookups = 0;
    mentions(text + text, lexicon);
    expect(once).toBeGreaterThan(0);
    expect(single).toBeLessThanOrEqual(text.split(/\s+/).length * 2 * (longest + 1));
    expect(lexicon.lookups).toBe(2 * single);
  });
});
