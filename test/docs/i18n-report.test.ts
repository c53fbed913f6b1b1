import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '#shared/domain/locale';
import type { Report } from '#shared/domain/report';
import { translatorFor } from '#shared/i18n/translator';
import { renderReport } from '#shared/slack/render/report';
import { createStore } from '#shared/store/store';
import { seedBusan } from '#shared/use-cases/seed';
import { blocksToText } from '#local/blocks-to-text';
import { useTestTable } from '../support/dynamodb.ts';

/**
 * Issue 26: the README's example report (the seeded Busan track, as `npm run slack -- "/commitments
 * japan-korea"` prints it on 7 December 2026) appears in docs/i18n.md in English, Japanese and
 * Korean, each block what the real renderer writes for that language, so none can drift from it.
 * `UPDATE_DOCS=1 npx vitest run test/docs/i18n-report.test.ts` writes the blocks afresh.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = path.join(ROOT, 'README.md');
const I18N = path.join(ROOT, 'docs/i18n.md');
/** The day the README's example was printed: noon in Tokyo, Monday 7 December 2026. */
const PRINTED = new Date('2026-12-07T03:00:00Z');
const TEAM = 'T0DOCS';
/** What the terminal client prints above an answer only the caller sees. */
const LABEL = '[only you can see this]';

const table = useTestTable();
let report: Report;

beforeAll(async () => {
  const store = createStore({ client: table.client, tableName: table.tableName });
  // As `npm start` seeds it on that day: the agreement and every follow-up up to then.
  await seedBusan(store, TEAM, PRINTED);
  report = await store.getReportOf(await store.getTrack(TEAM, 'japan-korea'));
});

/** The report as the terminal client prints it, in `locale`. */
async function printed(locale: Locale): Promise<string> {
  return `${LABEL}\n\n${blocksToText(renderReport(report, { filter: 'open', page: 0, now: PRINTED, t: await translatorFor(locale) }))}`;
}

/** The fenced block after `<!-- marker -->` in `markdown`, or undefined. */
function blockAfter(markdown: string, marker: string): { text: string; start: number; end: number } | undefined {
  const at = markdown.indexOf(`<!-- ${marker} -->`);
  if (at === -1) return undefined;
  const open = markdown.indexOf('```text\n', at);
  const close = markdown.indexOf('\n```', open + 7);
  if (open === -1 || close === -1) return undefined;
  return { text: markdown.slice(open + 8, close), start: open + 8, end: close };
}

const LANGUAGES: readonly Locale[] = ['en', 'ja', 'ko'];

describe('the README’s example report in three languages (issue 26)', () => {
  it('is, in English, the README’s own example', async () => {
    const readme = readFileSync(README, 'utf8');
    const open = readme.indexOf('```text\n');
    expect(open).toBeGreaterThan(-1);
    expect(readme.slice(open + 8, readme.indexOf('\n```', open + 8))).toBe(await printed('en'));
  });

  it('appears in docs/i18n.md in English, Japanese and Korean, as the renderer writes each', async () => {
    if (process.env['UPDATE_DOCS']) {
      let markdown = readFileSync(I18N, 'utf8');
      for (const locale of LANGUAGES) {
        const block = blockAfter(markdown, `report-example:${locale}`);
        if (block) markdown = `${markdown.slice(0, block.start)}${await printed(locale)}${markdown.slice(block.end)}`;
      }
      writeFileSync(I18N, markdown);
    }
    const markdown = readFileSync(I18N, 'utf8');
    for (const locale of LANGUAGES) {
      expect({ locale, block: blockAfter(markdown, `report-example:${locale}`)?.text }).toEqual({ locale, block: await printed(locale) });
    }
    const [ja, ko] = [await printed('ja'), await printed('ko')];
    expect(ja).toContain('2026年12月7日(月) 時点(Asia/Tokyo)');
    expect(ko).toContain('2026년 12월 7일 (월) 기준(Asia/Tokyo)');
    // People's text as written, in every language.
    for (const text of [ja, ko]) expect(text).toContain('JK-1 Keep up reciprocal leader visits (shuttle diplomacy)');
  });
});
