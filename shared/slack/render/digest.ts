import type { Commitment } from '#shared/domain/schemas';
import type { DigestModel } from '#shared/domain/digest';
import { actorText, renderCommitmentBlocks } from '#shared/slack/render/commitment';
import { formatDayOf, formatInstant, plural } from '#shared/format/text';
import {
  SLACK_LIMITS,
  context,
  escape,
  header,
  section,
  truncate,
  type Block,
  type SlackMessage,
} from '#shared/slack/render/format';

type GroupName = 'overdue' | 'dueSoon' | 'quiet' | 'changed';

const GROUPS: { name: GroupName; title: string; filter: string }[] = [
  { name: 'overdue', title: ':red_circle: *Overdue*', filter: ' overdue' },
  { name: 'dueSoon', title: ':large_yellow_circle: *Due within 7 days*', filter: ' due' },
  { name: 'quiet', title: ':zzz: *Gone quiet*', filter: ' quiet' },
  { name: 'changed', title: ':pencil2: *Changed since the last digest*', filter: '' },
];

/**
 * A reminder digest: a header, one line of counts, then each non-empty group with its items
 * and their buttons. Groups share Slack's 50 blocks in turns, so a long overdue list cannot
 * crowd out the rest; what does not fit is summarised as "…and N more — /commitments <slug>".
 * With nothing to flag and nothing changed it is three blocks.
 */
export function renderDigest(model: DigestModel): SlackMessage {
  const { track, now } = model;
  const groups = GROUPS.map((g) => ({ ...g, items: model[g.name] })).filter((g) => g.items.length > 0);
  const counts = groups.map((g) => `${g.items.length} ${countLabel(g.name)}`);
  const command = `/commitments ${track.slug}`;
  const title = `Reminder: ${track.title}`;
  const footer = context(
    [`${escape(command)} for the full report`, model.scheduleText ? `Sent ${escape(model.scheduleText)}` : undefined].filter(Boolean).join(' · '),
  );

  const blocks: Block[] = [header(title)];
  const flagged = model.overdue.length + model.dueSoon.length + model.quiet.length;
  if (flagged === 0) {
    const open = model.openCount === 0 ? 'No open commitments' : `All ${plural(model.openCount, 'open commitment')} on track`;
    blocks.push(section(`:white_check_mark: ${open}: nothing overdue, due within 7 days or gone quiet.`));
  }
  blocks.push(context(`*${escape(track.slug)}* · as of ${formatDayOf(now, track.timeZone)}${counts.length ? ` · ${counts.join(' · ')}` : ''}`));

  const itemBlocks = (item: Commitment) => blocksFor(item, model);
  const shown = fitGroups(
    groups.map((g) => g.items.map(itemBlocks)),
    SLACK_LIMITS.blocksPerMessage - blocks.length - 1 - groups.length,
  );
  const lines: string[] = [];
  groups.forEach((group, g) => {
    const visible = shown[g]!;
    blocks.push(section(`${group.title} (${group.items.length})`));
    group.items.slice(0, visible).forEach((item) => {
      blocks.push(...itemBlocks(item));
      lines.push(`• ${item.id} ${escape(item.title)}`);
    });
    const hidden = group.items.length - visible;
    if (hidden > 0) {
      blocks.push(context(`…and ${hidden} more — ${escape(command + group.filter)}`));
      lines.push(`…and ${hidden} more — ${command + group.filter}`);
    }
  });
  blocks.push(footer);

  const summary = `${escape(title)}: ${flagged === 0 && model.changed.length === 0 ? 'all on track' : counts.join(', ')}.`;
  const text = truncate([summary, ...lines].join('\n'), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/** An item's blocks; one that changed since the last digest also shows its newest note from then. */
function blocksFor(item: Commitment, model: DigestModel): Block[] {
  const blocks = renderCommitmentBlocks(item, model.track.timeZone, model.now);
  const note = item.notes.at(-1);
  if (model.since !== undefined && note && note.at > model.since) {
    blocks.splice(1, 0, context(`:memo: ${actorText(note.by)}, ${formatInstant(new Date(note.at), model.track.timeZone)}: ${escape(note.text)}`));
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
  return { overdue: 'overdue', dueSoon: 'due within 7 days', quiet: 'quiet', changed: 'changed' }[name];
}
