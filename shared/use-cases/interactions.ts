import { localDate } from '#shared/dates/flags';
import { isSourceLink, type Commitment, type TrackSummary } from '#shared/domain/schemas';
import { InvalidInputError, NotFoundError } from '#shared/errors';
import { escape } from '#shared/slack/render/format';
import type { ModalOrigin } from '#shared/slack/render/modals';
import { unnamedMentions, type CommitmentForm, type TrackForm } from '#shared/slack/forms';
import { addCommitment, addTrack, changeItem, createdTrackLine, getItem, listTracks, saveEditForm, type Caller, type Deps, type EditFormAction, type ItemAction } from '#shared/use-cases/commitments';
import { readItemVersion } from '#shared/slack/render/commitment';
import { canWrite, requireWriter, withGroups } from '#shared/use-cases/access';
import { saveImport } from '#shared/use-cases/import';
import type { ImportPick } from '#shared/domain/import-draft';
import { describeChange, overdueNotice, setsDue } from '#shared/slack/render/change';
import { refuseIfArchived } from '#shared/domain/changes';
import { EN, spoken, type Translator } from '#shared/i18n/translator';

/** What buttons, modals and shortcuts do; each returns what the person is told. */

/** The item an item button opens a form on, if the caller may change it. */
export async function getCommitment(deps: Deps, caller: Caller, id: string): Promise<Commitment> {
  const { item } = await getItem(deps, caller, id, 'write');
  // A button on a message drawn before the item was archived.
  refuseIfArchived(item, 'open');
  return item;
}

/** Applies an item modal's action, guarded by the version the modal showed; returns the confirmation. */
export async function submitItemChange(deps: Deps, caller: Caller, origin: ModalOrigin, action: ItemAction, t: Translator = EN): Promise<string> {
  const { before, after, change } = await changeItem(deps, caller, origin.id ?? '', action, origin.version);
  return describeChange(before.status, after.status, change, after.id, t);
}

/** Saves an Edit form, guarded by the version it showed; returns one line per change it made. */
export async function submitEditForm(deps: Deps, caller: Caller, origin: ModalOrigin, form: EditFormAction, t: Translator = EN): Promise<string> {
  const { before, after, track, changes } = await saveEditForm(deps, caller, origin.id ?? '', form, origin.version);
  const overdue = changes.some(setsDue) ? overdueNotice(after, track, caller.now, t) : undefined;
  return [...changes.map((change) => describeChange(before.status, after.status, change, after.id, t)), ...(overdue ? [overdue] : [])].join('\n');
}

/** An Unarchive button: its value names the item and the version the message showed. */
export async function unarchiveFromButton(deps: Deps, caller: Caller, value: string, t: Translator = EN): Promise<string> {
  const { id, version } = readItemVersion(value);
  return submitItemChange(deps, caller, { id, version }, { type: 'unarchive' }, t);
}

/** A closed item's Reopen button: back to in progress, as `update <id> in-progress`; its value names the item and the version the message showed. */
export async function reopenFromButton(deps: Deps, caller: Caller, value: string, t: Translator = EN): Promise<string> {
  const { id, version } = readItemVersion(value);
  return submitItemChange(deps, caller, { id, version }, { type: 'reopen' }, t);
}

export async function submitCommitment(deps: Deps, caller: Caller, form: CommitmentForm, t: Translator = EN): Promise<string> {
  const { item, track } = await addCommitment(deps, caller, form);
  const overdue = overdueNotice(item, track, caller.now, t);
  const added = t.t('add.addedTitled', { id: item.id, track: track.slug, title: escape(item.title) });
  return overdue ? `${added}\n${overdue}` : added;
}

export async function submitPicks(deps: Deps, caller: Caller, draftId: string, picks: ImportPick[], t: Translator = EN): Promise<string> {
  const created = await saveImport(deps, caller, draftId, picks, t);
  return t.t('import.added', { ids: t.list(created.map((c) => `*${c.id}*`)) });
}

export async function submitTrack(deps: Deps, caller: Caller, form: TrackForm, t: Translator = EN): Promise<string> {
  return createdTrackLine(await addTrack(deps, caller, form), form.prefix, t);
}

/** Slack cuts a message's text at 40,000 characters; a longer one is forged and is not read. */
export const MESSAGE_TEXT_CHARS = 40_000;

/** A Slack message a shortcut was used on. */
export interface MessageRef {
  channelId: string;
  ts: string;
  text: string;
  /** Resolves to the message's permalink; may fail (e.g. a channel the bot cannot see). */
  permalink: () => Promise<string | undefined>;
}

/** People a message mentions whose names are looked up for its prefill: one BatchGetItem's worth. */
const NAMES_READ = 100;

/**
 * What the forms opened from a message start from: 0. a message past Slack's 40,000 characters
 * is refused unread, 1. the tracks the caller may change (none is a NotFoundError), 2. the
 * message's permalink (one that is not a plain https link is refused), beside the names of the
 * people it mentions with no name written (from their records, never from Slack), 3. the
 * message's date in the caller's own zone.
 */
export async function startFromMessage(
  deps: Deps,
  caller: Caller,
  message: MessageRef,
): Promise<{ tracks: TrackSummary[]; link: string | undefined; date: string; text: string; names: ReadonlyMap<string, string> }> {
  if (message.text.length > MESSAGE_TEXT_CHARS) {
    const { text, say } = spoken('import.messageTooLong', { length: message.text.length, max: MESSAGE_TEXT_CHARS });
    throw new InvalidInputError(text, undefined, { say });
  }
  requireWriter(caller.access);
  const readable = await listTracks(deps, caller);
  const access = await withGroups(deps.directory, caller.teamId, caller.access, readable);
  const tracks = readable.filter((track) => canWrite(access, track));
  if (tracks.length === 0) throw new NotFoundError(spoken('import.noTracks').text, { say: spoken('import.noTracks').say });
  const mentioned = unnamedMentions(message.text).slice(0, NAMES_READ);
  const [link, names] = await Promise.all([
    // A missing permalink only loses the link, not the form.
    message.permalink().catch(() => undefined),
    mentioned.length > 0 ? deps.directory.names(caller.teamId, mentioned) : new Map<string, string>(),
  ]);
  if (link !== undefined && !isSourceLink(link)) throw new InvalidInputError(spoken('import.badLink').text, undefined, { say: spoken('import.badLink').say });
  // The day the person taking it sees the message as from: posted at 08:30 in Tokyo is that day there, whatever UTC says.
  const date = localDate(new Date(Number(message.ts.split('.')[0]) * 1000), caller.access.timeZone ?? 'UTC');
  return { tracks, link, date, text: message.text, names };
}
