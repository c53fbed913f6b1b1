import type { types } from '@slack/bolt';
import { presetParties, type Proposal } from '#shared/domain/import-draft';
import { PARTIES_PER_LIST } from '#shared/domain/bounds';
import { LIMITS, type Party, type Track, type TrackSummary } from '#shared/domain/schemas';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { cadencePhrase } from '#shared/export/briefing';
import { selectKey } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';
import { context, escape, section, truncate, type Block } from '#shared/slack/render/format';
import { modal, type ModalOrigin } from '#shared/slack/render/modals';

export const IMPORT_INPUTS = {
  track: 'import_track',
  meeting: 'import_meeting',
  date: 'import_date',
  link: 'import_link',
  text: 'import_text',
  /** The readout's further parts, 2 to READOUT_PARTS: what did not fit in the first box. */
  textPart: (n: number) => `import_text_${n}`,
  pick: 'import_pick',
  title: (i: number) => `import_title_${i}`,
  kind: (i: number) => `import_kind_${i}`,
  due: (i: number) => `import_due_${i}`,
  parties: (i: number) => `import_parties_${i}`,
} as const;

/** The kinds a proposal can be saved as, in the order the form offers them. */
export const IMPORT_KINDS = [{ value: 'one-off' }, { value: 'recurring' }, { value: 'ongoing' }] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number]['value'];

/** Slack shows at most 10 options in one checkbox group: proposal `i` is ticked in group `i / 10`. */
export const PICKS_PER_GROUP = 10;

/** Slack caps a plain-text input at 3,000 characters, so a longer readout goes into several boxes. */
export const READOUT_CHARS = 3000;
/** How many boxes the import form gives a readout: 9,000 characters in all. */
export const READOUT_PARTS = 3;

/** Each import input's `max_length` (a link input takes none, so its cap is the stored link's). */
export const IMPORT_MAX_CHARS = { meeting: 200, text: READOUT_CHARS, title: LIMITS.titleChars, link: 500 } as const;

type View = types.ModalView;

/**
 * Step 1 of an import: paste the readout (or take the message it came from), say which
 * meeting it is and when; a track is chosen here when the shortcut did not name one.
 */
export function importTextModal(
  origin: ModalOrigin,
  options: { track?: Pick<Track, 'slug' | 'title'>; tracks?: TrackSummary[]; text?: string; link?: string; today: string },
  t: Translator = EN,
): View {
  const blocks: Block[] = [];
  if (options.track) blocks.push(section(t.t('form.trackFixed', { title: escape(options.track.title), slug: options.track.slug })));
  else {
    blocks.push({
      type: 'input',
      block_id: IMPORT_INPUTS.track,
      label: { type: 'plain_text', text: t.t('form.track') },
      element: {
        type: 'static_select',
        action_id: IMPORT_INPUTS.track,
        options: (options.tracks ?? []).slice(0, 100).map((t) => ({ text: { type: 'plain_text', text: truncate(`${t.slug} — ${t.title}`, 75) }, value: t.slug })),
      },
    });
  }
  blocks.push(
    input(IMPORT_INPUTS.meeting, t.t('import.meeting'), { type: 'plain_text_input', action_id: IMPORT_INPUTS.meeting, max_length: IMPORT_MAX_CHARS.meeting, placeholder: { type: 'plain_text', text: t.t('import.meetingExample') } }),
    input(IMPORT_INPUTS.date, t.t('import.date'), { type: 'datepicker', action_id: IMPORT_INPUTS.date, initial_date: options.today }),
    input(IMPORT_INPUTS.link, t.t('import.link'), { type: 'url_text_input', action_id: IMPORT_INPUTS.link, ...(options.link ? { initial_value: options.link } : {}) }, true),
  );
  const { parts, leftOut } = splitReadout(options.text ?? '');
  for (let n = 1; n <= READOUT_PARTS; n += 1) {
    const id = n === 1 ? IMPORT_INPUTS.text : IMPORT_INPUTS.textPart(n);
    const label = n === 1 ? t.t('import.text') : t.t('import.textPart', { n });
    const part = parts[n - 1];
    blocks.push(
      input(id, label, { type: 'plain_text_input', action_id: id, multiline: true, max_length: IMPORT_MAX_CHARS.text, ...(part ? { initial_value: part } : {}) }, n > 1),
    );
  }
  if (leftOut > 0) {
    const total = (options.text ?? '').length;
    blocks.push(context(t.t('import.leftOut', { total, max: READOUT_CHARS * READOUT_PARTS, left: leftOut })));
  }
  return withClose(modal(VIEW_IDS.importText, t.t('import.title'), t.t('import.find'), { ...origin, ...(options.track ? { track: options.track.slug } : {}) }, blocks), t);
}

/**
 * Step 2: every proposal with its title, kind, due date and parties editable (the parties a
 * choice among the track's, preset from the proposal's, or all of them when it names none), the
 * sentence it came from beneath, and a checkbox each (ten to a group, all ticked). Only what
 * stays ticked is saved, as set here.
 */
export function importPickModal(
  draftId: string,
  origin: ModalOrigin,
  proposals: Proposal[],
  trackParties: readonly Party[],
  { found = proposals.length, leftFrom }: { found?: number; leftFrom?: number } = {},
  t: Translator = EN,
): View {
  const more = found > proposals.length ? 'yes' : 'no';
  const from = leftFrom ?? proposals.at(-1)?.paragraph ?? 1;
  const blocks: Block[] = [section(t.t('import.found', { found, more, shown: proposals.length, from }))];
  const partyOptions = trackParties.slice(0, PARTIES_PER_LIST).map((p): types.PlainTextOption => ({ text: { type: 'plain_text', text: truncate(`${p.code} — ${p.name}`, 75) }, value: p.code }));
  const kindOptions = IMPORT_KINDS.map((k): types.PlainTextOption => ({ text: { type: 'plain_text', text: t.t('kind.label', { kind: selectKey(k.value) }) }, value: k.value }));
  proposals.forEach((p, i) => {
    const n = i + 1;
    const preset = presetParties(p, trackParties.slice(0, PARTIES_PER_LIST));
    const due = p.kind.type === 'one-off' ? (p.kind.due ?? p.due) : undefined;
    blocks.push(
      input(IMPORT_INPUTS.title(i), t.t('import.fieldTitle', { n }), { type: 'plain_text_input', action_id: IMPORT_INPUTS.title(i), initial_value: p.title, max_length: IMPORT_MAX_CHARS.title }, true),
      input(IMPORT_INPUTS.kind(i), t.t('import.fieldKind', { n }), { type: 'static_select', action_id: IMPORT_INPUTS.kind(i), options: kindOptions, initial_option: kindOptions.find((o) => o.value === p.kind.type)! }, true),
      input(IMPORT_INPUTS.due(i), t.t('import.fieldDue', { n }), { type: 'datepicker', action_id: IMPORT_INPUTS.due(i), ...(due ? { initial_date: due } : {}) }, true),
      input(IMPORT_INPUTS.parties(i), t.t('import.fieldParties', { n }), { type: 'multi_static_select', action_id: IMPORT_INPUTS.parties(i), options: partyOptions, initial_options: partyOptions.filter((o) => preset.includes(o.value ?? '')) }, true),
      context(
        t.t('import.readAs', {
          kind: kindRead(p, t),
          paragraph: p.paragraph,
          hasPoint: p.point ? 'yes' : 'no',
          point: p.point ? escape(p.point) : '',
          sentence: escape(truncate(p.sentence, 280)),
        }),
      ),
    );
  });
  for (let start = 0; start < proposals.length; start += PICKS_PER_GROUP) {
    const options = proposals.slice(start, start + PICKS_PER_GROUP).map((p, k): types.PlainTextOption => ({
      text: { type: 'plain_text', text: truncate(`${start + k + 1}. ${p.title}`, 75) },
      value: String(start + k),
    }));
    blocks.push(input(`${IMPORT_INPUTS.pick}_${start / PICKS_PER_GROUP}`, start === 0 ? t.t('import.saveThese') : t.t('import.andThese'), { type: 'checkboxes', action_id: IMPORT_INPUTS.pick, options, initial_options: options }, true));
  }
  return withClose(modal(VIEW_IDS.importPick, t.t('import.pickTitle'), t.t('import.pickSubmit'), { ...origin, id: draftId }, blocks), t);
}

/**
 * A readout cut into the form's boxes, each at most READOUT_CHARS, at a blank line where one falls
 * in the second half of the box, else at a line end, a sentence end or a space; and how many
 * characters did not fit.
 */
export function splitReadout(text: string): { parts: string[]; leftOut: number } {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest && parts.length < READOUT_PARTS) {
    if (rest.length <= READOUT_CHARS) {
      parts.push(rest);
      rest = '';
      break;
    }
    const window = rest.slice(0, READOUT_CHARS);
    const cut = ['\n\n', '\n', '. ', ' '].map((mark) => window.lastIndexOf(mark)).find((i) => i > READOUT_CHARS / 2) ?? READOUT_CHARS - 1;
    parts.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  return { parts, leftOut: rest.length };
}

/** "recurring, every 2 weeks", "ongoing, update every 30 days", "one-off, due Tue 30 Jun 2026": how a proposal was read. */
function kindRead(p: Proposal, t: Translator): string {
  const { kind } = p;
  return t.t('import.readKind', {
    kind: selectKey(kind.type),
    every: kind.type === 'recurring' && kind.every ? cadencePhrase(kind.every, t) : 'none',
    days: kind.type === 'ongoing' ? kind.updateEveryDays : 0,
    due: p.due ? t.date(p.due) : 'none',
  });
}

/** The form with its close button in the reader's language. */
function withClose(view: View, t: Translator): View {
  return { ...view, close: { type: 'plain_text', text: t.t('form.cancel') } };
}

function input(blockId: string, label: string, element: types.InputBlock['element'], optional = false): types.InputBlock {
  return { type: 'input', block_id: blockId, optional, label: { type: 'plain_text', text: label }, element };
}
