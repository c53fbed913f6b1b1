import type { types } from '@slack/bolt';
import { formatLocalDate } from '#shared/dates/natural';
import type { Command } from '#shared/slack/command-parser';
import { renderCommitment } from '#shared/slack/render/commitment';
import { escape, scoreText, STATUS_LABEL, type SlackMessage } from '#shared/slack/render/format';
import type { Change } from '#shared/domain/schemas';
import { renderDone } from '#shared/slack/render/notice';
import { renderHelp } from '#shared/slack/render/help';
import { addCommitmentModal, addTrackModal } from '#shared/slack/render/modals';
import { importTextModal } from '#shared/slack/render/import';
import { localDate } from '#shared/dates/flags';
import { InvalidInputError } from '#shared/errors';
import { exportBriefing } from '#shared/use-cases/export';
import { renderReport } from '#shared/slack/render/report';
import { renderTrackList } from '#shared/slack/render/tracks';
import { renderSubscribed, renderSubscriptions, renderUnsubscribed } from '#shared/slack/render/subscriptions';
import { listSubscriptions, subscribe, unsubscribe } from '#shared/use-cases/subscriptions';
import {
  addCommitment,
  addTrack,
  changeItem,
  withTrackSuggestions,
  getTrack,
  getHistory,
  getReport,
  listTracks,
  type Caller,
  type Deps,
  type ItemAction,
} from '#shared/use-cases/commitments';

export type CommandAnswer =
  | {
      message: SlackMessage;
      /** Post in the channel for everyone rather than to the person alone. */
      share?: boolean;
    }
  /** A form to open instead: the command gave too little, or asks for one. */
  | { modal: types.ModalView };

/** Where the command was typed, and how to reach Slack for answers that are files. */
export interface CommandOrigin {
  channelId: string;
  responseUrl?: string;
  slack?: { apiUrl: string; token: string };
}

/**
 * Carries out one parsed `/commitments` command for `caller` and renders the answer.
 * Reads go straight to the store; writes go through the use cases that guard them.
 */
export async function runCommand(deps: Deps, caller: Caller, where: CommandOrigin, command: Command): Promise<CommandAnswer> {
  const { teamId, now } = caller;
  const origin = { channelId: where.channelId, ...(where.responseUrl ? { responseUrl: where.responseUrl } : {}) };
  switch (command.type) {
    case 'list-tracks':
      return { message: renderTrackList(await listTracks(deps, teamId)) };
    case 'report': {
      const report = await getReport(deps, teamId, command.track);
      return { message: renderReport(report, { filter: command.filter, page: 0, now, shared: command.share }), share: command.share };
    }
    case 'show': {
      const { item, track } = await deps.store.getCommitmentWithTrack(teamId, command.id);
      return { message: renderCommitment(item, track, now) };
    }
    case 'history': {
      const [{ item, track }, history] = await Promise.all([deps.store.getCommitmentWithTrack(teamId, command.id), getHistory(deps, teamId, command.id)]);
      return { message: renderCommitment(item, track, now, history) };
    }
    case 'track-add': {
      if (!(command.slug && command.title && command.parties && command.timeZone)) {
        const { parties, type: _, ...rest } = command;
        return { modal: addTrackModal(origin, { ...rest, ...(parties ? { parties: parties.join(', ') } : {}) }) };
      }
      const track = await addTrack(deps, caller, {
        slug: command.slug,
        title: command.title,
        parties: command.parties,
        timeZone: command.timeZone,
        ...(command.prefix ? { prefix: command.prefix } : {}),
      });
      return {
        message: renderDone(`Created track *${track.slug}* (${escape(track.title)}); its items will be numbered ${track.idPrefix}-1, ${track.idPrefix}-2, …`),
      };
    }
    case 'add': {
      if (!command.title) return { modal: addCommitmentModal(await getTrack(deps, teamId, command.track), origin) };
      const { item, track } = await addCommitment(deps, caller, {
        track: command.track,
        title: command.title,
        ...(command.dueText ? { dueText: command.dueText } : {}),
        owners: command.owners,
        ...(command.kind ? { kind: command.kind } : {}),
      });
      const due = item.kind.type === 'one-off' && item.kind.due ? `, due ${formatLocalDate(item.kind.due)}` : '';
      return { message: withItem(`Added *${item.id}* to ${track.slug}${due}.`, renderCommitment(item, track, now)) };
    }
    case 'update':
      return changed(deps, caller, command.id, { type: 'status', status: command.status, ...(command.note ? { note: command.note } : {}) });
    case 'done':
      return changed(deps, caller, command.id, { type: 'status', status: 'done', ...(command.note ? { note: command.note } : {}) });
    case 'note':
      return changed(deps, caller, command.id, { type: 'note', text: command.text });
    case 'log':
      return changed(deps, caller, command.id, {
        type: 'log',
        dateText: command.dateText,
        ...(command.place ? { place: command.place } : {}),
        ...(command.text ? { text: command.text } : {}),
      });
    case 'help':
      return { message: renderHelp(command.topic) };
    case 'import': {
      const track = await getTrack(deps, teamId, command.track);
      return { modal: importTextModal(origin, { track, today: localDate(now, track.timeZone) }) };
    }
    case 'export': {
      if (!where.slack) throw new InvalidInputError('Export needs Slack to send files, which is not available here.');
      const slack = where.slack;
      const sent = await withTrackSuggestions(deps, teamId, command.track, () =>
        exportBriefing({ ...deps, slack }, { teamId, userId: caller.userId, channelId: where.channelId, track: command.track, now }),
      );
      return { message: renderDone(escape(sent.summary)) };
    }
    case 'assess':
      return changed(deps, caller, command.id, { type: 'assess', party: command.party, score: command.score, ...(command.note ? { note: command.note } : {}) });
    case 'subscribe': {
      const result = await withTrackSuggestions(deps, teamId, command.track, () =>
        subscribe(deps, {
          teamId,
          channelId: where.channelId,
          track: command.track,
          ...(command.scheduleText ? { scheduleText: command.scheduleText } : {}),
          ...(command.timeZone ? { timeZone: command.timeZone } : {}),
          by: caller.userId,
          now,
        }),
      );
      return { message: renderSubscribed(result) };
    }
    case 'unsubscribe': {
      return { message: renderUnsubscribed(await unsubscribe(deps, { teamId, channelId: where.channelId, track: command.track })) };
    }
    case 'subscriptions':
      return { message: renderSubscriptions({ channelId: where.channelId, subscriptions: await listSubscriptions(deps, { teamId, channelId: where.channelId }) }) };
  }
}

async function changed(deps: Deps, caller: Caller, id: string, action: ItemAction): Promise<CommandAnswer> {
  const { before, after, track, change } = await changeItem(deps, caller, id, action);
  return { message: withItem(describeChange(before.status, after.status, change, after.id), renderCommitment(after, track, caller.now)) };
}

export function describeChange(from: string, to: string, change: Change, id: string): string {
  if (change.type === 'assessment') return `Assessed ${change.party} on *${id}*: ${scoreText(change.to)}.`;
  if (change.type === 'status') return `*${id}*: ${STATUS_LABEL[from as keyof typeof STATUS_LABEL]} → ${STATUS_LABEL[to as keyof typeof STATUS_LABEL]}.`;
  if (change.type === 'occurrence') {
    return `Logged ${formatLocalDate(change.occurrence.date)}${change.occurrence.place ? ` in ${escape(change.occurrence.place)}` : ''} on *${id}*.`;
  }
  return `Noted on *${id}*.`;
}

function withItem(confirmation: string, item: SlackMessage): SlackMessage {
  const done = renderDone(confirmation);
  return { text: `${done.text}\n${item.text}`, blocks: [...done.blocks, ...item.blocks] };
}
