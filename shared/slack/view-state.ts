import type { SlackViewAction } from '@slack/bolt';
import { ModalOriginSchema, type ModalOrigin } from '#shared/slack/render/modals';

/** What a submitted modal's inputs hold: block id → action id → value. */
export type ViewValues = SlackViewAction['view']['state']['values'];

type InputValue = ViewValues[string][string];

/** Inputs use the same id for their block and their element. */
function inputOf(values: ViewValues, id: string): InputValue | undefined {
  return values[id]?.[id];
}

/** A text input's value, trimmed; undefined when left empty. */
export function textOf(values: ViewValues, id: string): string | undefined {
  return inputOf(values, id)?.value?.trim() || undefined;
}

/** A URL input's value as typed. */
export function urlOf(values: ViewValues, id: string): string | undefined {
  return inputOf(values, id)?.value ?? undefined;
}

export function selectedValueOf(values: ViewValues, id: string): string | undefined {
  return inputOf(values, id)?.selected_option?.value;
}

export function selectedDateOf(values: ViewValues, id: string): string | undefined {
  return inputOf(values, id)?.selected_date ?? undefined;
}

export function selectedUserOf(values: ViewValues, id: string): string | undefined {
  return inputOf(values, id)?.selected_user ?? undefined;
}

export function selectedUsersOf(values: ViewValues, id: string): string[] {
  return inputOf(values, id)?.selected_users ?? [];
}

/** The values ticked in the checkbox group of block `blockId`. */
export function checkedIn(values: ViewValues, blockId: string, actionId: string): string[] {
  return (values[blockId]?.[actionId]?.selected_options ?? []).map((option) => option.value);
}

/** The values ticked in every checkbox group whose block id starts with `blockPrefix`. */
export function checkedValuesOf(values: ViewValues, blockPrefix: string, actionId: string): string[] {
  return Object.entries(values)
    .filter(([blockId]) => blockId.startsWith(blockPrefix))
    .flatMap(([, actions]) => actions[actionId]?.selected_options ?? [])
    .map((option) => option.value);
}

/**
 * Where the modal was opened from, as it was written into `private_metadata`; empty when
 * unreadable. A `responseUrl` Slack cannot have given (see {@link isSlackResponseUrl}) is left
 * out, so nothing the bot says after the save goes anywhere else.
 */
export function readOrigin(metadata: string, slackApiUrl: string): ModalOrigin {
  try {
    const parsed = ModalOriginSchema.safeParse(JSON.parse(metadata || '{}'));
    if (!parsed.success) return {};
    const { responseUrl, ...origin } = parsed.data;
    return responseUrl && isSlackResponseUrl(responseUrl, slackApiUrl) ? { ...origin, responseUrl } : origin;
  } catch {
    return {};
  }
}

/** Whether Slack can have given `url` as a response_url: on its hooks host, or where its Web API is called (a stand-in's own host); what is not a URL, it cannot. */
export function isSlackResponseUrl(url: string, slackApiUrl: string): boolean {
  if (!URL.canParse(url)) return false;
  const { origin } = new URL(url);
  return origin === 'https://hooks.slack.com' || origin === new URL(slackApiUrl).origin;
}
