import { InvalidInputError } from '#shared/errors';
import { takesDueDate } from '#shared/domain/kind';
import { CLOSED_STATUSES, LIMITS, type Actor, type Change, type Commitment, type FieldChange, type Occurrence, type Owner } from '#shared/domain/schemas';

/**
 * The commitment as it is after `change`: one version later, stamped with who and when.
 * Pure; the store writes the result and the history entry together.
 */
export function applyChange(item: Commitment, change: Change, by: Actor, now: Date): Commitment {
  const at = now.toISOString();
  const next: Commitment = { ...item, version: item.version + 1, updatedAt: at, updatedBy: by };
  const withNote = (text: string | undefined): Commitment['notes'] =>
    text ? [...item.notes, { at, by, text }].slice(-LIMITS.notesKept) : item.notes;

  refuseIfArchived(item, change.type);
  switch (change.type) {
    case 'created':
      throw new InvalidInputError('A commitment is created once; use a change for anything later.');
    case 'status': {
      const { closed: _, ...open } = next;
      // Reports say when and how an item was closed without reading its history.
      return CLOSED_STATUSES.has(change.to)
        ? { ...next, status: change.to, notes: withNote(change.note), closed: { at, by, ...(change.note ? { note: change.note } : {}) } }
        : { ...open, status: change.to, notes: withNote(change.note) };
    }
    case 'note':
      return { ...next, notes: withNote(change.text) };
    case 'assessment': {
      if (!item.parties.includes(change.party)) {
        const values = { party: change.party, id: item.id, parties: item.parties.join(', ') };
        throw said(`${values.party} is not a party to ${values.id}; its parties are ${values.parties}.`, 'change.notPartyTo', values);
      }
      const assessment = { score: change.to, date: change.date, by, ...(change.note ? { note: change.note } : {}) };
      const current = item.compliance[change.party];
      // One recorded as of an earlier day joins the history but leaves the latest score standing.
      if (current && current.date > change.date) return next;
      return { ...next, compliance: { ...item.compliance, [change.party]: assessment } };
    }
    case 'occurrence': {
      if (item.kind.type !== 'recurring') {
        throw said(`${item.id} is ${item.kind.type}, not recurring: only recurring items log occurrences.`, 'change.notRecurringLog', { id: item.id, kind: selectKeyOf(item.kind.type) });
      }
      const occurrences = [...item.kind.occurrences, change.occurrence].sort((a, b) => a.date.localeCompare(b.date));
      return { ...next, kind: { ...item.kind, occurrences } };
    }
    case 'unlog': {
      if (item.kind.type !== 'recurring') {
        throw said(`${item.id} is ${item.kind.type}, not recurring: it has no occurrences to remove.`, 'change.notRecurringUnlog', { id: item.id, kind: selectKeyOf(item.kind.type) });
      }
      const at = item.kind.occurrences.findIndex((o) => sameOccurrence(o, change.occurrence));
      if (at < 0) throw said(`${item.id} has no occurrence on ${change.occurrence.date}.`, 'change.noOccurrenceOn', { id: item.id, date: change.occurrence.date });
      return { ...next, kind: { ...item.kind, occurrences: item.kind.occurrences.filter((_, i) => i !== at) } };
    }
    case 'archive':
      return { ...next, archived: { at, by, ...(change.reason ? { reason: change.reason } : {}) } };
    case 'unarchive': {
      if (!item.archived) throw said(`${item.id} is not archived.`, 'change.notArchived', { id: item.id });
      const { archived: _, ...live } = next;
      return live;
    }
    case 'snooze':
      return { ...next, snoozedUntil: change.until };
    case 'field':
      return { ...applyFieldChange(next, change), notes: withNote(change.note) };
    case 'fields':
      return { ...change.changes.reduce(applyFieldChange, next), notes: withNote(change.note) };
  }
}

/** An archived item takes no change but `unarchive`; archiving it again is refused as such. */
export function refuseIfArchived(item: Pick<Commitment, 'id' | 'archived'>, changeType: string): void {
  if (!item.archived || changeType === 'unarchive') return;
  const hint = `/commitments unarchive ${item.id}`;
  if (changeType === 'archive') throw said(`${item.id} is already archived.`, 'change.alreadyArchived', { id: item.id }, hint);
  throw said(`${item.id} is archived: nothing about it can change until it is unarchived.`, 'change.archivedNoChange', { id: item.id }, hint);
}

/**
 * A refusal of a change, in English and by its key in the catalogs (the domain does not load
 * them), so it is said in the reader's language; test/functions/slack/languages-writes.test.ts
 * holds each English text word for word to the catalog's.
 */
function said(english: string, key: string, values?: Record<string, string>, hint?: string): InvalidInputError {
  return new InvalidInputError(english, hint, { say: { key, ...(values ? { values } : {}) } });
}

/** A kind as a catalog's select reads it: no hyphen (`one-off` → `one_off`). */
function selectKeyOf(kind: string): string {
  return kind.replace(/-/g, '_');
}

function sameOccurrence(a: Occurrence, b: Occurrence): boolean {
  return a.date === b.date && a.place === b.place && a.text === b.text;
}

function applyFieldChange(next: Commitment, change: FieldChange): Commitment {
  switch (change.field) {
    case 'title':
      if (!change.to) throw said('A title cannot be empty.', 'change.titleEmpty');
      return { ...next, title: change.to };
    case 'detail':
      return { ...next, detail: change.to };
    case 'due':
      if (!takesDueDate(next.kind.type)) {
        throw said(`${next.id} is ${next.kind.type}: only one-off items have a due date.`, 'change.noDueDate', { id: next.id, kind: selectKeyOf(next.kind.type) });
      }
      return { ...next, kind: { type: 'one-off', due: change.to }, ...movedBy(next, change.to) };
    case 'owners':
      return { ...next, owners: parseOwners(change.to ?? '') };
    case 'parties':
      return { ...next, parties: splitList(change.to ?? '') };
  }
}

/** A due date moved from one date to another counts as a slip; a first date set is no slip. */
function movedBy(item: Commitment, to: string | undefined): Pick<Commitment, 'moved'> {
  const from = item.kind.type === 'one-off' ? item.kind.due : undefined;
  if (!from || !to || from === to) return item.moved ? { moved: item.moved } : {};
  return { moved: { times: (item.moved?.times ?? 0) + 1, from: item.moved?.from ?? from } };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Owners as the text a field change keeps, which parseOwners reads back to the same owners. */
export function formatOwners(owners: readonly Owner[]): string {
  return owners.map((o) => (!o.slackUserId ? o.label : o.label === `<@${o.slackUserId}>` ? o.label : `<@${o.slackUserId}|${o.label}>`)).join(', ');
}

/**
 * What Slack's markup names when it is no person: a user group (`<!subteam^S123|@gov-team>`), a
 * channel (`<#C123|gov-affairs>`) or everyone in one (`<!here>`), with its name as Slack shows it.
 * Such a token would be kept as a name that nobody is asked about: it cannot own an item.
 */
export function notPersonMention(token: string): { what: 'group' | 'channel' | 'everyone'; name: string } | undefined {
  const markup = /^<([!#])([^|>]*)(?:\|([^>]*))?>$/.exec(token);
  if (!markup) return undefined;
  const [, sigil, target = '', label] = markup;
  if (sigil === '#') return { what: 'channel', name: `#${label?.trim() || target}` };
  const group = /^subteam\^(.+)$/.exec(target);
  if (group) return { what: 'group', name: label?.trim() || group[1]! };
  return { what: 'everyone', name: `@${label?.trim().replace(/^@/, '') || target}` };
}

/** An owner as typed (`<@U123|maria>`, `<@U123>`, `@maria`, `Foreign Ministry`) as the domain stores it. */
export function ownerFromToken(token: string): Owner {
  const mention = /^<@([UW][A-Z0-9]{2,30})(?:\|([^>]*))?>$/.exec(token);
  if (!mention?.[1]) return { label: token };
  return { label: mention[2]?.trim() || `<@${mention[1]}>`, slackUserId: mention[1] };
}

/** Owners as people write them: `<@U123>` mentions and plain names, comma-separated. */
export function parseOwners(text: string): Commitment['owners'] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(ownerFromToken);
}
