import type { types } from '@slack/bolt';
import { OWNERS_PER_ITEM } from '#shared/domain/bounds';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { STATUSES, LIMITS, type Commitment, type Track, type TrackSummary } from '#shared/domain/schemas';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { DEFAULT_UPDATE_EVERY_DAYS } from '#shared/domain/kind';
import { STATUS_LABEL } from '#shared/format/text';
import { formatLocalDate } from '#shared/dates/natural';
import { escape, section, truncate, SLACK_LIMITS } from '#shared/slack/render/format';

/** Where a modal was opened from, so the message there can be refreshed after the change. */
export const ModalOriginSchema = z.object({
  id: z.string().optional(),
  version: z.number().int().optional(),
  track: z.string().optional(),
  channelId: z.string().optional(),
  responseUrl: z.url().optional(),
  messageTs: z.string().optional(),
  /** The block id of the message's header (`report|…` or `item|…`): what to redraw after a change. */
  refresh: z.string().max(255).optional(),
  /** A Slack message the new item comes from (the "Track as commitment" shortcut). */
  sourceLink: z.url().max(500).optional(),
  sourceDate: z.iso.date().optional(),
  /** Fresh for each form that creates something: its submission creates once, however often it is sent. */
  clientToken: z.uuid().optional(),
});
export type ModalOrigin = z.infer<typeof ModalOriginSchema>;

/** Block and action ids of modal inputs; the view handlers read values by these. */
export const INPUTS = {
  track: 'track',
  status: 'status',
  note: 'note',
  title: 'title',
  detail: 'detail',
  due: 'due',
  kind: 'kind',
  owners: 'owners',
  slug: 'slug',
  parties: 'parties',
  timeZone: 'time_zone',
  prefix: 'prefix',
  ownerNames: 'owner_names',
  reason: 'reason',
  archive: 'archive',
  unlog: 'unlog',
} as const;

/** The value the Edit form's archive checkbox sends when ticked. */
export const ARCHIVE_TICKED = 'archive';

/** Slack shows at most this many options in one checkbox group. */
export const MAX_CHECKBOXES = 10;

/** Each text input's `max_length`; the form readers refuse longer values, since a forged payload can carry them. */
export const INPUT_MAX_CHARS = {
  note: LIMITS.noteChars,
  title: LIMITS.titleChars,
  detail: LIMITS.detailChars,
  slug: 40,
  trackTitle: 150,
  parties: 200,
  timeZone: 64,
  prefix: 6,
  ownerNames: 1000,
} as const;

type View = types.ModalView;

/** A modal with Cancel, carrying where it was opened from for the submission to read back. */
export function modal(callbackId: string, title: string, submit: string, origin: ModalOrigin, blocks: types.KnownBlock[]): View {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(origin),
    blocks,
  };
}

function textInput(
  id: string,
  label: string,
  options: { multiline?: boolean; optional?: boolean; initial?: string; max?: number; placeholder?: string } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: id,
    optional: options.optional ?? false,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'plain_text_input',
      action_id: id,
      multiline: options.multiline ?? false,
      ...(options.initial ? { initial_value: options.initial } : {}),
      ...(options.max ? { max_length: options.max } : {}),
      ...(options.placeholder ? { placeholder: { type: 'plain_text', text: options.placeholder } } : {}),
    },
  };
}

const option = (text: string, value: string): types.PlainTextOption => ({ text: { type: 'plain_text', text }, value });

export function updateModal(item: Commitment, origin: ModalOrigin): View {
  return modal(VIEW_IDS.update, `Update ${item.id}`, 'Save', { ...origin, id: item.id, version: item.version }, [
    section(`*${item.id}* ${escape(item.title)}`),
    {
      type: 'input',
      block_id: INPUTS.status,
      label: { type: 'plain_text', text: 'Status' },
      element: {
        type: 'static_select',
        action_id: INPUTS.status,
        options: STATUSES.map((s) => option(STATUS_LABEL[s], s)),
        initial_option: option(STATUS_LABEL[item.status], item.status),
      },
    },
    textInput(INPUTS.note, 'Note', { multiline: true, optional: true, max: INPUT_MAX_CHARS.note, placeholder: 'What changed, and where it stands' }),
  ]);
}

export function noteModal(item: Commitment, origin: ModalOrigin): View {
  return modal(VIEW_IDS.addNote, `Note on ${item.id}`, 'Add note', { ...origin, id: item.id, version: item.version }, [
    section(`*${item.id}* ${escape(item.title)}`),
    textInput(INPUTS.note, 'Note', { multiline: true, max: INPUT_MAX_CHARS.note }),
  ]);
}

export function doneModal(item: Commitment, origin: ModalOrigin): View {
  return modal(VIEW_IDS.markDone, `Mark ${item.id} done`, 'Mark done', { ...origin, id: item.id, version: item.version }, [
    section(`Mark *${item.id}* ${escape(item.title)} as done?`),
    textInput(INPUTS.note, 'How it was done (optional)', { multiline: true, optional: true, max: INPUT_MAX_CHARS.note }),
  ]);
}

/** The edit form: every field prefilled, saved as one change guarded by the version it shows. */
export function editModal(item: Commitment, origin: ModalOrigin): View {
  const due = item.kind.type === 'one-off' ? item.kind.due : undefined;
  const userIds = item.owners.flatMap((o) => (o.slackUserId ? [o.slackUserId] : []));
  const names = item.owners.filter((o) => !o.slackUserId).map((o) => o.label).join(', ');
  return modal(VIEW_IDS.edit, `Edit ${item.id}`, 'Save', { ...origin, id: item.id, version: item.version }, [
    textInput(INPUTS.title, 'Title', { max: INPUT_MAX_CHARS.title, initial: item.title }),
    ...(item.kind.type === 'one-off'
      ? [
          {
            type: 'input',
            block_id: INPUTS.due,
            optional: true,
            label: { type: 'plain_text', text: 'Due date' },
            element: { type: 'datepicker', action_id: INPUTS.due, ...(due ? { initial_date: due } : {}) },
          } satisfies types.InputBlock,
        ]
      : []),
    {
      type: 'input',
      block_id: INPUTS.owners,
      optional: true,
      label: { type: 'plain_text', text: 'Owners in Slack' },
      element: { type: 'multi_users_select', action_id: INPUTS.owners, max_selected_items: OWNERS_PER_ITEM, ...(userIds.length > 0 ? { initial_users: userIds } : {}) },
    },
    textInput(INPUTS.ownerNames, 'Other owners (names, comma-separated)', { optional: true, max: INPUT_MAX_CHARS.ownerNames, initial: names, placeholder: 'Foreign Ministry' }),
    textInput(INPUTS.parties, 'Parties (codes, comma-separated)', { max: INPUT_MAX_CHARS.parties, initial: item.parties.join(', ') }),
    textInput(INPUTS.reason, 'Reason (kept in the history)', { multiline: true, optional: true, max: INPUT_MAX_CHARS.note, placeholder: 'Postponed to after the election' }),
    ...occurrencesInput(item),
    {
      type: 'input',
      block_id: INPUTS.archive,
      optional: true,
      label: { type: 'plain_text', text: 'Archive' },
      element: {
        type: 'checkboxes',
        action_id: INPUTS.archive,
        options: [{ ...option('Archive this item', ARCHIVE_TICKED), description: { type: 'plain_text', text: 'The reason above is kept as the archive reason.' } }],
      },
    },
  ]);
}

/** A recurring item's logged occurrences (the latest ten), each a checkbox whose value is its place in the list. */
function occurrencesInput(item: Commitment): types.InputBlock[] {
  if (item.kind.type !== 'recurring' || item.kind.occurrences.length === 0) return [];
  const { occurrences } = item.kind;
  const first = Math.max(0, occurrences.length - MAX_CHECKBOXES);
  return [
    {
      type: 'input',
      block_id: INPUTS.unlog,
      optional: true,
      label: { type: 'plain_text', text: 'Remove occurrences logged by mistake' },
      element: {
        type: 'checkboxes',
        action_id: INPUTS.unlog,
        options: occurrences.slice(first).map((o, i) => option(truncate(`${formatLocalDate(o.date)}${o.place ? ` — ${o.place}` : ''}`, SLACK_LIMITS.optionText), String(first + i))),
      },
    },
  ];
}

/**
 * The add form, for a named track, or with a track picker when it comes from a message
 * shortcut (which names none).
 */
export function addCommitmentModal(
  track: Pick<Track, 'slug' | 'title'> | { choices: Pick<TrackSummary, 'slug' | 'title'>[] },
  origin: ModalOrigin,
  prefill: { title?: string; detail?: string } = {},
): View {
  const fixed = 'slug' in track ? track : undefined;
  const choices = 'choices' in track ? track.choices : [];
  return modal(VIEW_IDS.addCommitment, 'Add a commitment', 'Add', { ...origin, ...(fixed ? { track: fixed.slug } : {}), clientToken: randomUUID() }, [
    fixed
      ? section(`Track: *${escape(fixed.title)}* (${fixed.slug})`)
      : {
          type: 'input',
          block_id: INPUTS.track,
          label: { type: 'plain_text', text: 'Track' },
          element: { type: 'static_select', action_id: INPUTS.track, options: choices.slice(0, 100).map((t) => option(truncate(`${t.slug} — ${t.title}`, 75), t.slug)) },
        },
    textInput(INPUTS.title, 'Title', { max: INPUT_MAX_CHARS.title, ...(prefill.title ? { initial: prefill.title } : {}) }),
    textInput(INPUTS.detail, 'Detail', { multiline: true, optional: true, max: INPUT_MAX_CHARS.detail, ...(prefill.detail ? { initial: prefill.detail.slice(0, INPUT_MAX_CHARS.detail) } : {}) }),
    {
      type: 'input',
      block_id: INPUTS.kind,
      label: { type: 'plain_text', text: 'Kind' },
      element: {
        type: 'static_select',
        action_id: INPUTS.kind,
        options: [option('One-off', 'one-off'), option('Recurring', 'recurring'), option(`Ongoing (update every ${DEFAULT_UPDATE_EVERY_DAYS} days)`, 'ongoing')],
        initial_option: option('One-off', 'one-off'),
      },
    },
    {
      type: 'input',
      block_id: INPUTS.due,
      optional: true,
      label: { type: 'plain_text', text: 'Due date (one-off)' },
      element: { type: 'datepicker', action_id: INPUTS.due },
    },
    {
      type: 'input',
      block_id: INPUTS.owners,
      optional: true,
      label: { type: 'plain_text', text: 'Owners' },
      element: { type: 'multi_users_select', action_id: INPUTS.owners, max_selected_items: OWNERS_PER_ITEM },
    },
  ]);
}

export function addTrackModal(origin: ModalOrigin, prefill: { slug?: string; title?: string; parties?: string; timeZone?: string; prefix?: string }): View {
  const initial = (value: string | undefined) => (value ? { initial: value } : {});
  return modal(VIEW_IDS.addTrack, 'Add a track', 'Create', { ...origin, clientToken: randomUUID() }, [
    textInput(INPUTS.slug, 'Slug (lower-case words joined by hyphens)', { max: INPUT_MAX_CHARS.slug, placeholder: 'japan-korea', ...initial(prefill.slug) }),
    textInput(INPUTS.title, 'Title', { max: INPUT_MAX_CHARS.trackTitle, ...initial(prefill.title) }),
    textInput(INPUTS.parties, 'Parties (codes, comma-separated)', { max: INPUT_MAX_CHARS.parties, placeholder: 'JP, KR', ...initial(prefill.parties) }),
    textInput(INPUTS.timeZone, 'Time zone (IANA)', { max: INPUT_MAX_CHARS.timeZone, placeholder: 'Asia/Tokyo', ...initial(prefill.timeZone) }),
    textInput(INPUTS.prefix, 'Id prefix (1–6 capital letters)', { optional: true, max: INPUT_MAX_CHARS.prefix, placeholder: 'JK', ...initial(prefill.prefix) }),
  ]);
}
