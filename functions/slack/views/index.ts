import type { AllMiddlewareArgs, App, SlackViewAction, SlackViewMiddlewareArgs } from '@slack/bolt';
import { AppError, ConflictError, InvalidInputError } from '#shared/errors';
import { VIEW_IDS } from '#shared/slack/definitions';
import { answerError } from '#shared/slack/answer-error';
import { INPUTS, ModalOriginSchema, type ModalOrigin } from '#shared/slack/render/modals';
import { renderDone } from '#shared/slack/render/notice';
import { escape } from '#shared/slack/render/format';
import { postToResponseUrl } from '#shared/slack/respond';
import { StatusSchema } from '#shared/domain/schemas';
import { addCommitment, addTrack, changeItem, type Caller, type ItemAction } from '#shared/use-cases/commitments';
import { describeChange } from '#shared/slack/render/change';
import { DEFAULT_UPDATE_EVERY_DAYS, takesDueDate } from '#shared/domain/kind';
import { redraw } from '#shared/use-cases/redraw';
import { proposeImport, saveImport } from '#shared/use-cases/import';
import { IMPORT_INPUTS, importPickModal } from '#shared/slack/render/import';
import { localDate } from '#shared/dates/flags';
import type { ListenerDeps } from '../deps.ts';
import { publishHome } from '../home.ts';

type Args = SlackViewMiddlewareArgs<SlackViewAction> & AllMiddlewareArgs;
type Values = SlackViewAction['view']['state']['values'];

/**
 * Modal submissions: validate, write, and either close the modal and redraw the message it
 * came from, or keep it open with the problem shown beside the field it concerns.
 */
export function registerViews(app: App, deps: ListenerDeps): void {
  const itemView = (toAction: (values: Values) => ItemAction) => async ({ ack, body, view, client }: Args) => {
    const origin = readOrigin(view.private_metadata);
    const caller = callerOf(body, deps);
    try {
      const action = toAction(view.state.values);
      const { before, after, change } = await changeItem(deps, caller, origin.id ?? '', action, origin.version);
      await ack();
      await echo(deps, caller, origin, describeChange(before.status, after.status, change, after.id));
      await publishHome(deps, client, caller.teamId, caller.userId);
    } catch (error) {
      await ack(fieldError(error, INPUTS.note, deps));
    }
  };

  app.view(VIEW_IDS.update, itemView((values) => {
    const status = StatusSchema.safeParse(values[INPUTS.status]?.[INPUTS.status]?.selected_option?.value);
    if (!status.success) throw new InvalidInputError('Choose a status.');
    const note = textOf(values, INPUTS.note);
    return { type: 'status', status: status.data, ...(note ? { note } : {}) };
  }));
  app.view(VIEW_IDS.markDone, itemView((values) => {
    const note = textOf(values, INPUTS.note);
    return { type: 'status', status: 'done', ...(note ? { note } : {}) };
  }));
  app.view(VIEW_IDS.addNote, itemView((values) => {
    const text = textOf(values, INPUTS.note);
    if (!text) throw new InvalidInputError('Write the note first.');
    return { type: 'note', text };
  }));

  app.view(VIEW_IDS.addCommitment, async ({ ack, body, view, client }: Args) => {
    const origin = readOrigin(view.private_metadata);
    const caller = callerOf(body, deps);
    const values = view.state.values;
    const kind = values[INPUTS.kind]?.[INPUTS.kind]?.selected_option?.value ?? 'one-off';
    const due = values[INPUTS.due]?.[INPUTS.due]?.selected_date ?? undefined;
    if (due && !takesDueDate(kind)) return ack({ response_action: 'errors', errors: { [INPUTS.due]: 'Only one-off items take a due date.' } });
    try {
      const source = origin.sourceLink
        ? { meeting: 'Slack message', date: origin.sourceDate ?? localDate(caller.now, 'UTC'), link: origin.sourceLink }
        : undefined;
      const { item, track } = await addCommitment(deps, caller, {
        track: origin.track ?? values[INPUTS.track]?.[INPUTS.track]?.selected_option?.value ?? '',
        ...(source ? { source } : {}),
        title: textOf(values, INPUTS.title) ?? '',
        ...(textOf(values, INPUTS.detail) ? { detail: textOf(values, INPUTS.detail) } : {}),
        ...(due ? { due } : {}),
        ownerIds: values[INPUTS.owners]?.[INPUTS.owners]?.selected_users ?? [],
        ...(kind === 'recurring' ? { kind: { type: 'recurring' as const } } : kind === 'ongoing' ? { kind: { type: 'ongoing' as const, updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS } } : {}),
      });
      await ack();
      await echo(deps, caller, origin, `Added *${item.id}* to ${track.slug}: ${escape(item.title)}`);
      await publishHome(deps, client, caller.teamId, caller.userId);
    } catch (error) {
      await ack(fieldError(error, INPUTS.title, deps));
    }
  });

  app.view(VIEW_IDS.importText, async ({ ack, body, view }: Args) => {
    const origin = readOrigin(view.private_metadata);
    const caller = callerOf(body, deps);
    const values = view.state.values;
    const read = (id: string) => values[id]?.[id];
    try {
      const { draft } = await proposeImport(deps, caller, {
        track: origin.track ?? read(IMPORT_INPUTS.track)?.selected_option?.value ?? '',
        meeting: textOf(values, IMPORT_INPUTS.meeting) ?? 'Readout',
        date: read(IMPORT_INPUTS.date)?.selected_date ?? localDate(caller.now, 'UTC'),
        ...(read(IMPORT_INPUTS.link)?.value ? { link: read(IMPORT_INPUTS.link)!.value! } : {}),
        text: textOf(values, IMPORT_INPUTS.text) ?? '',
      });
      await ack({ response_action: 'update', view: importPickModal(draft.id, origin, draft.proposals) as never });
    } catch (error) {
      await ack(fieldError(error, IMPORT_INPUTS.text, deps));
    }
  });

  app.view(VIEW_IDS.importPick, async ({ ack, body, view, client }: Args) => {
    const origin = readOrigin(view.private_metadata);
    const caller = callerOf(body, deps);
    const values = view.state.values;
    const picked = Object.entries(values)
      .filter(([blockId]) => blockId.startsWith(IMPORT_INPUTS.pick))
      .flatMap(([, actions]) => actions[IMPORT_INPUTS.pick]?.selected_options ?? [])
      .map((option) => Number(option.value));
    const picks = picked.sort((a, b) => a - b).map((index) => ({ index, title: textOf(values, IMPORT_INPUTS.title(index)) ?? '' }));
    try {
      const created = await saveImport(deps, caller, origin.id ?? '', picks);
      await ack();
      await echo(deps, caller, origin, `Added ${created.map((c) => `*${c.id}*`).join(', ')} from the readout.`);
      await publishHome(deps, client, caller.teamId, caller.userId);
    } catch (error) {
      await ack(fieldError(error, `${IMPORT_INPUTS.pick}_0`, deps));
    }
  });

  app.view(VIEW_IDS.addTrack, async ({ ack, body, view }: Args) => {
    const origin = readOrigin(view.private_metadata);
    const caller = callerOf(body, deps);
    const values = view.state.values;
    try {
      const prefix = textOf(values, INPUTS.prefix);
      const track = await addTrack(deps, caller, {
        slug: (textOf(values, INPUTS.slug) ?? '').toLowerCase(),
        title: textOf(values, INPUTS.title) ?? '',
        parties: (textOf(values, INPUTS.parties) ?? '').split(/[,\s]+/).filter(Boolean),
        timeZone: textOf(values, INPUTS.timeZone) ?? '',
        ...(prefix ? { prefix } : {}),
      });
      await ack();
      await echo(deps, caller, origin, `Created track *${track.slug}* (${escape(track.title)}).`);
    } catch (error) {
      await ack(fieldError(error, fieldOf(error), deps));
    }
  });
}

/** After a change: redraw the message the modal came from, or confirm beside the command. */
async function echo(deps: ListenerDeps, caller: Caller, origin: ModalOrigin, confirmation: string): Promise<void> {
  if (!origin.responseUrl) return;
  try {
    const message = await redraw(deps, caller.teamId, origin.refresh, caller.now);
    await postToResponseUrl(origin.responseUrl, message ?? renderDone(confirmation), { replaceOriginal: Boolean(message) });
  } catch (error) {
    deps.log.warn('could not redraw after a change', { error });
  }
}

/** Known problems stay in the modal beside the field; the unexpected ones too, with their id. */
function fieldError(error: unknown, blockId: string, deps: ListenerDeps) {
  const field = error instanceof ConflictError ? INPUTS.note : blockId;
  const text = error instanceof AppError ? error.message : answerError(error, deps.log).text;
  return { response_action: 'errors' as const, errors: { [field]: text.slice(0, 150) } };
}

/** The modal field a validation message names, so the error shows beside it. */
function fieldOf(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/prefix/i.test(message)) return INPUTS.prefix;
  if (/timeZone|time zone/i.test(message)) return INPUTS.timeZone;
  if (/part(y|ies)/i.test(message)) return INPUTS.parties;
  if (/title/i.test(message)) return INPUTS.title;
  return INPUTS.slug;
}

function textOf(values: Values, id: string): string | undefined {
  return values[id]?.[id]?.value?.trim() || undefined;
}

function readOrigin(metadata: string): ModalOrigin {
  try {
    const parsed = ModalOriginSchema.safeParse(JSON.parse(metadata || '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function callerOf(body: SlackViewAction, deps: ListenerDeps): Caller {
  return { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, now: deps.clock() };
}
