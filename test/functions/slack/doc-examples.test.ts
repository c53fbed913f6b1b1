import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Commitment } from '#shared/domain/schemas';
import { seedBusan } from '#shared/use-cases/seed';
import { commandEvent } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';

/**
 * Issue 25: every example command in the README and the docs works on a freshly seeded table
 * (as `npm start` seeds it) when run in the order written, and none damages the Busan items: no
 * occurrence logged twice, no seeded item re-dated, reopened, closed, archived, retitled or given
 * other owners or parties. Examples change the item the README's `add` example creates.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The README and the docs; docs/local.md's examples act as the local people on the demo track, which only `npm start` seeds. */
const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'local.md').sort().map((f) => `docs/${f}`)];
const ADMIN = 'U0EXAMPLES';
const harness = useSlackHandler();

/** A form with placeholders or alternatives to pick from (`<ID>`, `[share]`, `a|b`, `…`), not a command to type. */
const isTemplate = (text: string) => /<[a-z]|\[|\||…/i.test(text.replace(/<[@#!][^>]*>/g, ''));

/**
 * The example commands of a Markdown file, in order: each backticked `/commitments …`, and on the
 * same line each `· `…`` after it (a shorter form of the same command, which takes its track when
 * the first names one first, as `/commitments japan-korea roles` · `roles remove @maria` does).
 */
function examplesIn(file: string): string[] {
  const examples: string[] = [];
  for (const line of readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
    let track: string | undefined;
    for (const [, span = ''] of line.matchAll(/`([^`]+)`/g)) {
      const typed = /^\/commitments(?: (.*))?$/.exec(span);
      if (typed) {
        const text = typed[1] ?? '';
        track = /^[a-z0-9]+(?:-[a-z0-9]+)+ /.exec(text)?.[0];
        if (!isTemplate(text)) examples.push(text);
      } else if (track !== undefined || line.includes('`/commitments')) {
        if (line.includes(`· \`${span}\``) && !isTemplate(span)) examples.push(`${track && !span.startsWith(track) ? track : ''}${span}`);
      }
    }
  }
  return examples;
}

/** As Slack sends typed mentions with escaping on: `@maria` as `<@U0MARIA|maria>`, `#gov-affairs` as a channel. */
function asSlackSends(text: string): string {
  return text
    .replace(/(^|\s)@([a-z][a-z0-9._-]*)/g, (_, space: string, name: string) => `${space}<@U0${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}|${name}>`)
    .replace(/(^|\s)#([a-z][a-z0-9_-]*)/g, (_, space: string, name: string) => `${space}<#C0${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}|${name}>`);
}

/** What an example must not change on a seeded item. */
function seededFields(item: Commitment) {
  return {
    title: item.title,
    parties: item.parties,
    owners: item.owners,
    status: item.status,
    kind: item.kind.type,
    due: item.kind.type === 'one-off' ? item.kind.due : undefined,
    archived: item.archived,
  };
}

const seededIds = ['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5'];
/** Each file's examples run in a workspace of their own, seeded as `npm start` seeds it. */
const teamOf = (file: string) => `T0${file.toUpperCase().replace(/[^A-Z]/g, '')}`;

beforeAll(() => {
  // Someone who may run every example, `manager` included: a Slack admin of the workspace.
  harness.slack.options.users = { ...harness.slack.options.users, [ADMIN]: { is_admin: true } };
});

describe('the docs’ example commands (issue 25)', () => {
  it('finds the examples, the two that once damaged the seed among them', () => {
    const texts = DOCS.flatMap(examplesIn);
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.some((t) => t.startsWith('log JK-1 '))).toBe(true);
    expect(texts.some((t) => t.startsWith('edit JK-6 due '))).toBe(true);
  });

  it.each(DOCS)('runs each example of %s in order without a refusal, and leaves the seeded items as they were', async (file) => {
    const TEAM = teamOf(file);
    await seedBusan(harness.store(), TEAM, new Date());
    const seeded = new Map<string, Commitment>();
    for (const id of seededIds) seeded.set(id, await harness.store().getCommitment(TEAM, id));
    const refused: string[] = [];
    for (const text of examplesIn(file)) {
      const sent = await harness.send(commandEvent(asSlackSends(text), { teamId: TEAM, userId: ADMIN, responseUrl: harness.slack.responseUrl(`ex-${text}`), triggerId: `t-${text}` }));
      const body = sent.body ? (sent.json() as { text?: string; blocks?: unknown[] }) : {};
      const answer = JSON.stringify(body.blocks ?? []);
      if (sent.statusCode !== 200 || answer.includes(':warning:') || answer.includes(':x:')) refused.push(`${text} → ${body.text ?? sent.statusCode}`);
    }
    for (const id of seededIds) {
      const item = await harness.store().getCommitment(TEAM, id);
      expect(seededFields(item), id).toEqual(seededFields(seeded.get(id)!));
      if (item.kind.type === 'recurring') {
        const dates = item.kind.occurrences.map((o) => o.date);
        expect(new Set(dates).size, `${id} has an occurrence logged twice`).toBe(dates.length);
      }
    }
    expect(refused).toEqual([]);
  });
});
