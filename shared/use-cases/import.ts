import { randomUUID } from 'node:crypto';
import { addHours } from 'date-fns';
import { ForbiddenError, InvalidInputError, type Say } from '#shared/errors';
import { EN, spoken, type Translator } from '#shared/i18n/translator';
import { MAX_PROPOSALS, ProposalSchema, presetParties, type ImportDraft, type ImportPick, type Proposal } from '#shared/domain/import-draft';
import { DEFAULT_UPDATE_EVERY_DAYS } from '#shared/domain/kind';
import { LocalDateSchema, type Commitment, type Kind, type LocalDate, type Track } from '#shared/domain/schemas';
import { localDate } from '#shared/dates/flags';
import { DUE_YEARS_AHEAD, dueDateBounds, implausibleDue, type DueDateBounds } from '#shared/dates/plausible';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { getTrack, type Caller, type Deps } from '#shared/use-cases/commitments';

/** How long proposals wait for a person to confirm them. */
const DRAFT_HOURS = 2;
export { MAX_PROPOSALS };

export interface ReadoutInput {
  track: string;
  meeting: string;
  date: LocalDate;
  link?: string;
  text: string;
}

/**
 * Step 1 of an import: 1. read the track, 2. find the follow-ups in the text (pure extractor,
 * dates relative to the meeting, in the track's zone), 3. keep them as a draft for this user.
 * Nothing is saved as a commitment yet.
 */
export async function proposeImport(
  deps: Deps,
  caller: Caller,
  input: ReadoutInput,
): Promise<{ draft: ImportDraft; track: Track; found: number; leftFrom?: number }> {
  // Loaded on the first import, not at every cold start.
  const [track, { extractCommitments }] = await Promise.all([getTrack(deps, caller, input.track, 'write'), import('#shared/import/extractor')]);
  const found = extractCommitments(input.text, { meetingDate: input.date, timeZone: track.timeZone, parties: track.parties });
  if (found.length === 0) {
    const { text, say } = spoken('import.noneFound');
    throw new InvalidInputError(text, undefined, { field: 'text', say });
  }
  const proposals: Proposal[] = found.slice(0, MAX_PROPOSALS).map((p) =>
    ProposalSchema.parse({
      title: p.title.slice(0, 200),
      kind: p.kind.type === 'one-off' ? { type: 'one-off', ...(p.due ? { due: p.due } : {}) } : p.kind,
      ...(p.due ? { due: p.due } : {}),
      parties: p.parties.length > 0 ? p.parties : track.parties.map((party) => party.code),
      sentence: p.sentence.slice(0, 2000),
      paragraph: p.paragraph,
      ...(p.point ? { point: p.point } : {}),
    }),
  );
  const draft = await deps.store.putDraft(
    {
      teamId: caller.teamId,
      id: randomUUID(),
      userId: caller.userId,
      track: track.slug,
      source: { meeting: input.meeting, date: input.date, ...(input.link ? { link: input.link } : {}) },
      proposals,
    },
    addHours(caller.now, DRAFT_HOURS),
  );
  // Where the proposals that did not fit start, so the person can import the rest.
  const leftFrom = found[MAX_PROPOSALS]?.paragraph;
  return { draft, track, found: found.length, ...(leftFrom ? { leftFrom } : {}) };
}

/**
 * Step 2: 1. read the draft, check it is the caller's and that they may still change its
 * track, 2. keep only the picks that name one of the stored draft's proposals, each once,
 * 3. check what the person set on each (parties of the track, one of the three kinds, a
 * plausible due date) before anything is written, 4. take the draft (once: a second submit
 * finds nothing), 5. add the confirmed proposals as set, numbered in order and written together,
 * each with its provenance: the meeting, the paragraph or point, and the source sentence, in the
 * importer's language (`t`).
 */
export async function saveImport(deps: Deps, caller: Caller, draftId: string, picks: ImportPick[], t: Translator = EN): Promise<Commitment[]> {
  const tickOne = spoken('import.tickOne');
  if (picks.length === 0) throw new InvalidInputError(tickOne.text, undefined, { field: 'picks', say: tickOne.say });
  const draft = await deps.store.getDraft(caller.teamId, draftId, caller.now);
  if (draft.userId !== caller.userId) {
    const { text, say } = spoken('import.notYours');
    throw new ForbiddenError(text, { say });
  }
  const track = await getTrack(deps, caller, draft.track, 'write');
  // The stored draft decides what can be saved; a payload's claims beyond it count for nothing.
  const chosen = new Map<number, ImportPick>();
  for (const pick of picks) if (Number.isInteger(pick.index) && pick.index >= 0 && pick.index < draft.proposals.length && !chosen.has(pick.index)) chosen.set(pick.index, pick);
  if (chosen.size === 0) throw new InvalidInputError(tickOne.text, undefined, { field: 'picks', say: tickOne.say });
  const bounds = dueDateBounds(localDate(caller.now, track.timeZone), track.meetings.map((m) => m.date));
  const drafts = [...chosen.values()].map((pick) => asSet(draft.proposals[pick.index]!, pick, track, bounds));
  await deps.store.takeDraft(caller.teamId, draftId, caller.now);
  // One read of the counter and one transaction for the whole form, not a pair of requests a pick.
  return deps.store.createCommitments(
    caller.teamId,
    track.slug,
    drafts.map(({ proposal, title, kind, parties }) => ({
      title,
      detail: t.t('import.fromReadout', { sentence: proposal.sentence }).slice(0, 2000),
      parties,
      owners: [],
      source: { ...draft.source, point: proposal.point ? t.t('import.point', { point: proposal.point }) : t.t('import.paragraph', { n: proposal.paragraph }) },
      kind,
      status: 'not-started',
    })),
    caller.userId,
    caller.now,
    { track },
  );
}

/**
 * A proposal as the person set it on the form: what they left out stays as proposed; a party the
 * track lacks, no party, a kind outside the three or an implausible due date is refused, naming
 * the follow-up and its field.
 */
function asSet(proposal: Proposal, pick: ImportPick, track: Track, bounds: DueDateBounds): { proposal: Proposal; title: string; kind: Kind; parties: string[] } {
  const n = pick.index + 1;
  const refuse = ({ text, say }: { text: string; say?: Say | undefined }, field: (i: number) => string) => new InvalidInputError(text, undefined, { field: field(pick.index), ...(say ? { say } : {}) });
  const codes = new Set(track.parties.map((p) => p.code));
  // A submission without the parties field keeps what the form would have preset.
  const parties = pick.parties ?? presetParties(proposal, track.parties);
  const stranger = parties.find((code) => !codes.has(code));
  if (stranger !== undefined) throw refuse(spoken('import.notParty', { code: stranger.slice(0, 20), codes: [...codes].join(', ') }), IMPORT_INPUTS.parties);
  if (parties.length === 0) throw refuse(spoken('import.noParty', { n }), IMPORT_INPUTS.parties);
  const type = pick.kind ?? proposal.kind.type;
  let kind: Kind;
  if (type === 'one-off') {
    const due = pick.due === undefined ? (proposal.kind.type === 'one-off' ? (proposal.kind.due ?? proposal.due) : undefined) : (pick.due ?? undefined);
    if (due !== undefined) {
      if (!LocalDateSchema.safeParse(due).success) throw refuse(spoken('import.dueNotDate', { n }), IMPORT_INPUTS.due);
      if (implausibleDue(due, bounds)) {
        const values = { n, due: { date: due }, side: due < bounds.earliest ? 'before' : 'after', earliest: { date: bounds.earliest }, bound: bounds.earliestIs, latest: { date: bounds.latest }, years: DUE_YEARS_AHEAD };
        throw refuse(spoken('import.implausibleDue', values), IMPORT_INPUTS.due);
      }
    }
    kind = { type: 'one-off', ...(due ? { due } : {}) };
  } else if (type === 'recurring') {
    kind = proposal.kind.type === 'recurring' ? proposal.kind : { type: 'recurring', occurrences: [] };
  } else if (type === 'ongoing') {
    kind = proposal.kind.type === 'ongoing' ? proposal.kind : { type: 'ongoing', updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS };
  } else {
    throw refuse(spoken('import.chooseKind', { n }), IMPORT_INPUTS.kind);
  }
  return { proposal, title: pick.title || proposal.title, kind, parties };
}
