import type { Commitment } from '#shared/domain/schemas';
import type { DigestModel, NoAnswerRow } from '#shared/domain/digest';
import type { DigestSection } from '#shared/domain/subscription';
import { actorText, renderCommitmentBlocks } from '#shared/slack/render/commitment';
import { age, formatDayOf } from '#shared/format/text';
import { instantParts } from '#shared/format/schedule';
import { EN, type Translator } from '#shared/i18n/translator';
import {
  SLACK_LIMITS,
  context,
  escape,
  escapeEntities,
  escapeLines,
  header,
  section,
  truncate,
  type Block,
  type SlackMessage,
} from '#shared/slack/render/format';

type GroupName = 'overdue' | 'dueSoon' | 'quiet' | 'changed' | 'noAnswer';

/** The groups in order, with the report filter that lists each in full. */
const GROUPS: { name: GroupName; filter: string }[] = [
  { name: 'overdue', filter: ' overdue' },
  { name: 'dueSoon', filter: ' due' },
  { name: 'quiet', filter: ' quiet' },
  { name: 'changed', filter: '' },
  { name: 'noAnswer', filter: '' },
];

/** What "all on track" says was looked for, in the sections the channel chose: the catalog's select key of each. */
const FLAG_WORDS: [DigestSection, string][] = [
  ['overdue', 'overdue'],
  ['due-soon', 'dueSoon'],
  ['quiet', 'quiet'],
  ['no-answer', 'noAnswer'],
];

/** One row of a group: an item (with its buttons), or an item whose owners have not answered. */
type Row = Commitment | NoAnswerRow;

/**
 * A reminder digest: a header, one line of counts, then each non-empty group with its items
 * and their buttons. Groups share Slack's 50 blocks in turns, so a long overdue list cannot
 * crowd out the rest; what does not fit is summarised as "…and N more — /commitments <slug>".
 * With nothing to flag and nothing changed it is three blocks. Written in `t`'s language, the
 * subscription's; a Japanese or Korean one's footer says how to change it.
 */
export function renderDigest(model: DigestModel, t: Translator = EN): SlackMessage {
  const { track, now } = model;
  const groups = GROUPS.map((g) => ({ ...g, items: model[g.name] })).filter((g) => g.items.length > 0);
  const counts = groups.map((g) => t.t('digest.count', { count: g.items.length, group: g.name }));
  const command = `/commitments ${track.slug}`;
  const title = t.t('digest.title', { title: track.title });
  const footer = context(
    [
      t.t('digest.fullReport', { command: escape(command) }),
      model.scheduleText ? t.t('digest.sent', { schedule: escapeEntities(model.scheduleText) }) : undefined,
      model.changeLanguage ? t.t('digest.changeLanguage', { command: `\`${escapeEntities(model.changeLanguage)}\`` }) : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  );

  const blocks: Block[] = [header(title)];
  const flagged = model.overdue.length + model.dueSoon.length + model.quiet.length + model.noAnswer.length;
  const lookedFor = FLAG_WORDS.filter(([name]) => model.sections.includes(name)).map(([, words]) => words);
  if (flagged === 0 && lookedFor.length > 0) {
    const words = lookedFor.map((section) => t.t('digest.lookedFor', { section }));
    // Without escalation chosen the sentence reads as before the no-answer section existed.
    blocks.push(section(t.t('digest.allOnTrack', { open: model.openCount, lookedFor: t.or(words) })));
  } else if (flagged === 0 && model.changed.length === 0) {
    blocks.push(section(t.t('digest.nothingChanged')));
  }
  const asOf = t.t('digest.asOf', { date: formatDayOf(now, track.timeZone, t) });
  blocks.push(context(`*${escape(track.slug)}* · ${asOf}${counts.length ? ` · ${counts.join(' · ')}` : ''}`));

  const itemBlocks = (row: Row) => ('item' in row ? [noAnswerBlock(row, model.now, track.timeZone, t)] : blocksFor(row, model, t));
  const shown = fitGroups(
    groups.map((g) => g.items.map(itemBlocks)),
    SLACK_LIMITS.blocksPerMessage - blocks.length - 1 - groups.length,
  );
  const lines: string[] = [];
  groups.forEach((group, g) => {
    const visible = shown[g]!;
    blocks.push(section(t.t('digest.group', { group: group.name, count: group.items.length })));
    group.items.slice(0, visible).forEach((row) => {
      blocks.push(...itemBlocks(row));
      lines.push('item' in row ? `• ${row.item.id} ${escape(row.item.title)} — ${noAnswerText(row, model.now, track.timeZone, t)}` : `• ${row.id} ${escape(row.title)}`);
    });
    const hidden = group.items.length - visible;
    if (hidden > 0) {
      blocks.push(context(t.t('digest.more', { count: t.number(hidden), command: escape(command + group.filter) })));
      lines.push(t.t('digest.more', { count: String(hidden), command: command + group.filter }));
    }
  });
  blocks.push(footer);

  const summary =
    flagged === 0 && model.changed.length === 0
      ? t.t('digest.summaryAllOnTrack', { title: escape(title) })
      : t.t('digest.summary', { title: escape(title), counts: t.list(counts) });
  const text = truncate([summary, ...lines].join('\n'), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/** "no answer from @maria — asked 4 days ago", for each owner who has not answered. */
function noAnswerText(row: NoAnswerRow, now: Date, timeZone: string, t: Translator): string {
  return row.owners.map((o) => t.t('digest.noAnswer', { who: `<@${o.userId}>`, ago: age(o.askedAt, now, timeZone, t) })).join('; ');
}

function noAnswerBlock(row: NoAnswerRow, now: Date, timeZone: string, t: Translator): Block {
  return section(`*${row.item.id}* ${escape(row.item.title)}\n${noAnswerText(row, now, timeZone, t)}`);
}

/** An item's blocks; one that changed since the last digest also shows its newest note from then. */
function blocksFor(item: Commitment, model: DigestModel, t: Translator): Block[] {
  const blocks = renderCommitmentBlocks(item, model.track.timeZone, model.now, t);
  const note = item.notes.at(-1);
  if (model.since !== undefined && note && note.at > model.since) {
    blocks.splice(1, 0, context(t.t('digest.note', { who: actorText(note.by, t), ...instantParts(new Date(note.at), model.track.timeZone, t), text: escapeLines(note.text) })));
  }
  return blocks;
}

/**
 * How many items of each group fit in `budget` blocks: one item per group in turn, each step
 * keeping one block free for the "…and N more" line of every group that still hides items.
 */
export function fitGroups(groups: Block[][][], budget: number): number[] {
  const shown = groups.map(() => 0);
  let used = 0;
  const hiddenGroups = (counts: number[]) => counts.filter((n, g) => n < groups[g]!.length).length;
  for (let progress = true; progress; ) {
    progress = false;
    groups.forEach((items, g) => {
      const next = items[shown[g]!];
      if (!next) return;
      const after = shown.map((n, i) => (i === g ? n + 1 : n));
      if (used + next.length + hiddenGroups(after) > budget) return;
      shown[g] = shown[g]! + 1;
      used += next.length;
      progress = true;
    });
  }
  return shown;
}
