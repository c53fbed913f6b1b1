import type { Commitment } from '#shared/domain/schemas';
import type { DigestModel, NoAnswerRow } from '#shared/domain/digest';
import type { DigestSection } from '#shared/domain/subscription';
import { actorText, renderCommitmentBlocks } from '#shared/slack/render/commitment';
import { age, formatDayOf, formatInstant } from '#shared/format/text';
import { countOf, formatNumber } from '#shared/render/count';
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

const GROUPS: { name: GroupName; title: string; filter: string }[] = [
  { name: 'overdue', title: ':red_circle: *Overdue*', filter: ' overdue' },
  { name: 'dueSoon', title: ':large_yellow_circle: *Due within 7 days*', filter: ' due' },
  { name: 'quiet', title: ':zzz: *Gone quiet*', filter: ' quiet' },
  { name: 'changed', title: ':pencil2: *Changed since the last digest*', filter: '' },
  { name: 'noAnswer', title: ':rotating_light: *No answer*', filter: '' },
];

/** What "all on track" says was looked for, in the sections the channel chose. */
const FLAG_WORDS: [DigestSection, string][] = [
  ['overdue', 'overdue'],
  ['due-soon', 'due within 7 days'],
  ['quiet', 'gone quiet'],
  ['no-answer', 'left unanswered'],
];

/** One row of a group: an item (with its buttons), or an item whose owners have not answered. */
type Row = Commitment | NoAnswerRow;

/**
 * A reminder digest: a header, one line of counts, then each non-empty group with its items
 * and their buttons. Groups share Slack's 50 blocks in turns, so a long overdue list cannot
 * crowd out the rest; what does not fit is summarised as "…and N more — /commitments <slug>".
 * With nothing to flag and nothing changed it is three blocks.
 */
export function renderDigest(model: DigestModel): SlackMessage {
  const { track, now } = model;
  const groups = GROUPS.map((g) => ({ ...g, items: model[g.name] })).filter((g) => g.items.length > 0);
  const counts = groups.map((g) => `${formatNumber(g.items.length)} ${countLabel(g.name)}`);
  const command = `/commitments ${track.slug}`;
  const title = `Reminder: ${track.title}`;
  const footer = context(
    [`${escape(command)} for the full report`, model.scheduleText ? `Sent ${escapeEntities(model.scheduleText)}` : undefined].filter(Boolean).join(' · '),
  );

  const blocks: Block[] = [header(title)];
  const flagged = model.overdue.length + model.dueSoon.length + model.quiet.length + model.noAnswer.length;
  const lookedFor = FLAG_WORDS.filter(([name]) => model.sections.includes(name)).map(([, words]) => words);
  if (flagged === 0 && lookedFor.length > 0) {
    const open = model.openCount === 0 ? 'No open commitments' : `All ${countOf(model.openCount, 'open commitment')} on track`;
    // Without escalation chosen the sentence reads as before the no-answer section existed.
    const nothing = lookedFor.length === 1 ? lookedFor[0] : `${lookedFor.slice(0, -1).join(', ')} or ${lookedFor.at(-1)}`;
    blocks.push(section(`:white_check_mark: ${open}: nothing ${nothing}.`));
  } else if (flagged === 0 && model.changed.length === 0) {
    blocks.push(section(':white_check_mark: Nothing changed since the last digest.'));
  }
  blocks.push(context(`*${escape(track.slug)}* · as of ${formatDayOf(now, track.timeZone)}${counts.length ? ` · ${counts.join(' · ')}` : ''}`));

  const itemBlocks = (row: Row) => ('item' in row ? [noAnswerBlock(row, model.now, track.timeZone)] : blocksFor(row, model));
  const shown = fitGroups(
    groups.map((g) => g.items.map(itemBlocks)),
    SLACK_LIMITS.blocksPerMessage - blocks.length - 1 - groups.length,
  );
  const lines: string[] = [];
  groups.forEach((group, g) => {
    const visible = shown[g]!;
    blocks.push(section(`${group.title} (${formatNumber(group.items.length)})`));
    group.items.slice(0, visible).forEach((row) => {
      blocks.push(...itemBlocks(row));
      lines.push('item' in row ? `• ${row.item.id} ${escape(row.item.title)} — ${noAnswerText(row, model.now, track.timeZone)}` : `• ${row.id} ${escape(row.title)}`);
    });
    const hidden = group.items.length - visible;
    if (hidden > 0) {
      blocks.push(context(`…and ${formatNumber(hidden)} more — ${escape(command + group.filter)}`));
      lines.push(`…and ${hidden} more — ${command + group.filter}`);
    }
  });
  blocks.push(footer);

  const summary = `${escape(title)}: ${flagged === 0 && model.changed.length === 0 ? 'all on track' : counts.join(', ')}.`;
  const text = truncate([summary, ...lines].join('\n'), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/** "no answer from @maria — asked 4 days ago", for each owner who has not answered. */
function noAnswerText(row: NoAnswerRow, now: Date, timeZone: string): string {
  return row.owners.map((o) => `no answer from <@${o.userId}> — asked ${age(o.askedAt, now, timeZone)}`).join('; ');
}

function noAnswerBlock(row: NoAnswerRow, now: Date, timeZone: string): Block {
  return section(`*${row.item.id}* ${escape(row.item.title)}\n${noAnswerText(row, now, timeZone)}`);
}

/** An item's blocks; one that changed since the last digest also shows its newest note from then. */
function blocksFor(item: Commitment, model: DigestModel): Block[] {
  const blocks = renderCommitmentBlocks(item, model.track.timeZone, model.now);
  const note = item.notes.at(-1);
  if (model.since !== undefined && note && note.at > model.since) {
    blocks.splice(1, 0, context(`:memo: ${actorText(note.by)}, ${formatInstant(new Date(note.at), model.track.timeZone)}: ${escapeLines(note.text)}`));
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

function countLabel(name: GroupName): string {
  return { overdue: 'overdue', dueSoon: 'due within 7 days', quiet: 'quiet', changed: 'changed', noAnswer: 'no answer' }[name];
}
