import type { types } from '@slack/bolt';
import { OWNERS_PER_ITEM } from '#shared/domain/bounds';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { STATUSES, LIMITS, type Commitment, type Track, type TrackSummary } from '#shared/domain/schemas';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { DEFAULT_UPDATE_EVERY_DAYS } from '#shared/domain/kind';
import { selectKey, statusLabel } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';
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
  /** That message sits in the channel for everyone (a shared report), so it is redrawn as shared. */
  inChannel: z.boolean().optional(),
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

/** A modal with Cancel (in `t`'s language), carrying where it was opened from for the submission to read back. */
export function modal(callbackId: string, title: string, submit: string, origin: ModalOrigin, blocks: types.KnownBlock[], t: Translator = EN): View {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: t.t('form.cancel') },
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

/** The forms an item's buttons open, in the language of the person who pressed it. */
export function updateModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return modal(VIEW_IDS.update, t.t('form.updateTitle', { id: item.id }), t.t('form.save'), { ...origin, id: item.id, version: item.version }, [
    section(`*${item.id}* ${escape(item.title)}`),
    {
      type: 'input',
      block_id: INPUTS.status,
      label: { type: 'plain_text', text: t.t('form.status') },
      element: {
        type: 'static_select',
        action_id: INPUTS.status,
        options: STATUSES.map((s) => option(statusLabel(s, t), s)),
        initial_option: option(statusLabel(item.status, t), item.status),
      },
    },
    textInput(INPUTS.note, t.t('form.note'), { multiline: true, optional: true, max: INPUT_MAX_CHARS.note, placeholder: t.t('form.notePlaceholder') }),
  ], t);
}

export function noteModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return modal(VIEW_IDS.addNote, t.t('form.noteTitle', { id: item.id }), t.t('item.addNote'), { ...origin, id: item.id, version: item.version }, [
    section(`*${item.id}* ${escape(item.title)}`),
    textInput(INPUTS.note, t.t('form.note'), { multiline: true, max: INPUT_MAX_CHARS.note }),
  ], t);
}

export function doneModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return modal(VIEW_IDS.markDone, t.t('form.doneTitle', { id: item.id }), t.t('item.markDone'), { ...origin, id: item.id, version: item.version }, [
    section(t.t('form.doneQuestion', { id: item.id, title: escape(item.title) })),
    textInput(INPUTS.note, t.t('form.howDone'), { multiline: true, optional: true, max: INPUT_MAX_CHARS.note }),
  ], t);
}

/** The edit form: every field prefilled, saved as one change guarded by the version it shows. */
export function editModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  const due = item.kind.type === 'one-off' ? item.kind.due : undefined;
  const userIds = item.owners.flatMap((o) => (o.slackUserId ? [o.slackUserId] : []));
  const names = item.owners.filter((o) => !o.slackUserId).map((o) => o.label).join(', ');
  return modal(VIEW_IDS.edit, t.t('form.editTitle', { id: item.id }), t.t('form.save'), { ...origin, id: item.id, version: item.version }, [
    textInput(INPUTS.title, t.t('form.title'), { max: INPUT_MAX_CHARS.title, initial: item.title }),
    ...(item.kind.type === 'one-off'
      ? [
          {
            type: 'input',
            block_id: INPUTS.due,
            optional: true,
            label: { type: 'plain_text', text: t.t('form.dueDate') },
            element: { type: 'datepicker', action_id: INPUTS.due, ...(due ? { initial_date: due } : {}) },
          } satisfies types.InputBlock,
        ]
      : []),
    {
      type: 'input',
      block_id: INPUTS.owners,
      optional: true,
      label: { type: 'plain_text', text: t.t('form.ownersInSlack') },
      element: { type: 'multi_users_select', action_id: INPUTS.owners, max_selected_items: OWNERS_PER_ITEM, ...(userIds.length > 0 ? { initial_users: userIds } : {}) },
    },
    textInput(INPUTS.ownerNames, t.t('form.otherOwners'), { optional: true, max: INPUT_MAX_CHARS.ownerNames, initial: names, placeholder: t.t('form.otherOwnersPlaceholder') }),
    textInput(INPUTS.parties, t.t('form.parties'), { max: INPUT_MAX_CHARS.parties, initial: item.parties.join(', ') }),
    textInput(INPUTS.reason, t.t('form.reason'), { multiline: true, optional: true, max: INPUT_MAX_CHARS.note, placeholder: t.t('form.reasonPlaceholder') }),
    ...occurrencesInput(item, t),
    {
      type: 'input',
      block_id: INPUTS.archive,
      optional: true,
      label: { type: 'plain_text', text: t.t('form.archive') },
      element: {
        type: 'checkboxes',
        action_id: INPUTS.archive,
        options: [{ ...option(t.t('form.archiveItem'), ARCHIVE_TICKED), description: { type: 'plain_text', text: t.t('form.archiveHint') } }],
      },
    },
  ], t);
}

/** A recurring item's logged occurrences (the latest ten), each a checkbox whose value is its place in the list. */
function occurrencesInput(item: Commitment, t: Translator): types.InputBlock[] {
  if (item.kind.type !== 'recurring' || item.kind.occurrences.length === 0) return [];
  const { occurrences } = item.kind;
  const first = Math.max(0, occurrences.length - MAX_CHECKBOXES);
  return [
    {
      type: 'input',
      block_id: INPUTS.unlog,
      optional: true,
      label: { type: 'plain_text', text: t.t('form.unlog') },
      element: {
        type: 'checkboxes',
        action_id: INPUTS.unlog,
        options: occurrences
          .slice(first)
          .map((o, i) => option(truncate(t.t('form.occurrence', { date: t.date(o.date), hasPlace: o.place ? 'yes' : 'no', place: o.place ?? '' }), SLACK_LIMITS.optionText), String(first + i))),
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
  t: Translator = EN,
): View {
  const fixed = 'slug' in track ? track : undefined;
  const choices = 'choices' in track ? track.choices : [];
  const kind = (value: 'one-off' | 'recurring') => option(t.t('kind.label', { kind: selectKey(value) }), value);
  return modal(VIEW_IDS.addCommitment, t.t('form.addTitle'), t.t('form.add'), { ...origin, ...(fixed ? { track: fixed.slug } : {}), clientToken: randomUUID() }, [
    fixed
      ? section(t.t('form.trackFixed', { title: escape(fixed.title), slug: fixed.slug }))
      : {
          type: 'input',
          block_id: INPUTS.track,
          label: { type: 'plain_text', text: t.t('form.track') },
          element: { type: 'static_select', action_id: INPUTS.track, options: choices.slice(0, 100).map((t) => option(truncate(`${t.slug} — ${t.title}`, 75), t.slug)) },
        },
    textInput(INPUTS.title, t.t('form.title'), { max: INPUT_MAX_CHARS.title, ...(prefill.title ? { initial: prefill.title } : {}) }),
    textInput(INPUTS.detail, t.t('form.detail'), { multiline: true, optional: true, max: INPUT_MAX_CHARS.detail, ...(prefill.detail ? { initial: prefill.detail.slice(0, INPUT_MAX_CHARS.detail) } : {}) }),
    {
      type: 'input',
      block_id: INPUTS.kind,
      label: { type: 'plain_text', text: t.t('form.kind') },
      element: {
        type: 'static_select',
        action_id: INPUTS.kind,
        options: [kind('one-off'), kind('recurring'), option(t.t('form.ongoing', { days: DEFAULT_UPDATE_EVERY_DAYS }), 'ongoing')],
        initial_option: kind('one-off'),
      },
    },
    {
      type: 'input',
      block_id: INPUTS.due,
      optional: true,
      label: { type: 'plain_text', text: t.t('form.dueOneOff') },
      element: { type: 'datepicker', action_id: INPUTS.due },
    },
    {
      type: 'input',
      block_id: INPUTS.owners,
      optional: true,
      label: { type: 'plain_text', text: t.t('form.owners') },
      element: { type: 'multi_users_select', action_id: INPUTS.owners, max_selected_items: OWNERS_PER_ITEM },
    },
  ], t);
}

/** The new-track form (`track add` with too little), in `t`'s language; the placeholders are examples of what to type. */
export function addTrackModal(origin: ModalOrigin, prefill: { slug?: string; title?: string; parties?: string; timeZone?: string; prefix?: string }, t: Translator = EN): View {
  const initial = (value: string | undefined) => (value ? { initial: value } : {});
  return modal(
    VIEW_IDS.addTrack,
    t.t('trackAdd.formTitle'),
    t.t('trackAdd.formSubmit'),
    { ...origin, clientToken: randomUUID() },
    [
      textInput(INPUTS.slug, t.t('trackAdd.formSlug'), { max: INPUT_MAX_CHARS.slug, placeholder: 'japan-korea', ...initial(prefill.slug) }),
      textInput(INPUTS.title, t.t('form.title'), { max: INPUT_MAX_CHARS.trackTitle, ...initial(prefill.title) }),
      textInput(INPUTS.parties, t.t('form.parties'), { max: INPUT_MAX_CHARS.parties, placeholder: 'JP, KR', ...initial(prefill.parties) }),
      textInput(INPUTS.timeZone, t.t('trackAdd.formTimeZone'), { max: INPUT_MAX_CHARS.timeZone, placeholder: 'Asia/Tokyo', ...initial(prefill.timeZone) }),
      textInput(INPUTS.prefix, t.t('trackAdd.formPrefix'), { optional: true, max: INPUT_MAX_CHARS.prefix, placeholder: 'JK', ...initial(prefill.prefix) }),
    ],
    t,
  );
}
