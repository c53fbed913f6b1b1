import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { expect } from 'vitest';
import { commandEvent } from '#local/slack-request';
import type { SlackHarness } from './slack-handler.ts';
import { expectWithinSlackLimits } from './slack-limits.ts';

export interface CommandReply {
  response_type?: string;
  text: string;
  blocks: Record<string, unknown>[];
}

/**
 * Sends `/commitments <text>` for `team` (as `userId` when given) as a signed request, each with a response URL of its own
 * (the same text sent again is a new request, not a replay), and checks the answer against Slack's limits.
 */
export function commandSender(harness: SlackHarness, team: string): (text: string, userId?: string) => Promise<CommandReply> {
  let sent = 0;
  return async (text, userId) => {
    sent += 1;
    const result = await harness.send(commandEvent(text, { teamId: team, ...(userId ? { userId } : {}), responseUrl: harness.slack.responseUrl(`cmd${sent}`) }));
    expect(result.statusCode).toBe(200);
    const body = (result.body ? result.json() : {}) as unknown as CommandReply;
    if (result.body) expectWithinSlackLimits(body);
    return body;
  };
}

/** What the table keeps that no request asks for: the replay guard's claims, and what Slack said of people and groups. */
const BOOKKEEPING = new Set(['seen', 'person', 'group']);

/** Every item in the table but its bookkeeping, in key order: what a refused request must leave as it was. */
export async function tableItems(harness: SlackHarness): Promise<string> {
  const { Items = [] } = await harness.table.client.send(new ScanCommand({ TableName: harness.table.tableName, ConsistentRead: true }));
  const kept = Items.map((item) => unmarshall(item)).filter((item) => !BOOKKEEPING.has(String(item['type'])));
  return JSON.stringify(kept.sort((a, b) => `${a['pk']}|${a['sk']}`.localeCompare(`${b['pk']}|${b['sk']}`)));
}

/** A text input's value as Slack sends it back. */
export const textInput = (value: string) => ({ type: 'plain_text_input', value });
/** A checkbox group's ticked values as Slack sends them back. */
export const ticked = (...values: string[]) => ({ type: 'checkboxes', selected_options: values.map((value) => ({ value })) });

/** The Edit form's values as Slack sends them back: what it was prefilled with, overridden by `change`. */
export function editFormValues(view: { blocks: { block_id: string; element?: Record<string, unknown> }[] }, change: Record<string, unknown> = {}) {
  const initial = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
  const values: Record<string, Record<string, unknown>> = {
    title: { title: textInput(String(initial('title')?.['initial_value'] ?? '')) },
    owners: { owners: { type: 'multi_users_select', selected_users: (initial('owners')?.['initial_users'] as string[] | undefined) ?? [] } },
    owner_names: { owner_names: textInput(String(initial('owner_names')?.['initial_value'] ?? '')) },
    parties: { parties: textInput(String(initial('parties')?.['initial_value'] ?? '')) },
    reason: { reason: textInput('') },
    archive: { archive: ticked() },
  };
  const due = initial('due');
  if (due) values['due'] = { due: { type: 'datepicker', selected_date: (due['initial_date'] as string | undefined) ?? null } };
  if (initial('unlog')) values['unlog'] = { unlog: ticked() };
  for (const [id, value] of Object.entries(change)) values[id] = { [id]: value };
  return values;
}
