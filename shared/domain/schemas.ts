import * as z from 'zod';

// Objects parsed without generated code: a cold start's first parse skips compiling a parser (~10 ms).
z.config({ jitless: true });

/** Lengths people hit first; Slack's own limits are in the renderers. */
export const LIMITS = { titleChars: 200, detailChars: 2000, noteChars: 1000, notesKept: 20 } as const;

/**
 * Characters that could hide or reorder text in Slack or a terminal: C0 but newline and tab,
 * DEL, C1, the zero-width and direction marks (U+200B–F, U+061C, U+FEFF) and the bidi
 * embeddings, overrides and isolates (U+202A–E, U+2066–9). A zero-width joiner inside an
 * emoji sequence (👩‍💻) is kept: it only joins two pictographs into one.
 */
const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|(?<!\p{Extended_Pictographic}\p{Emoji_Modifier}?\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/** Unicode's line and paragraph separators: read as the line break they stand for. */
const LINE_SEPARATORS = /[\u2028\u2029]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(LINE_SEPARATORS, '\n').replace(CONTROL_CHARACTERS, '');
}

/** One line: each run of line breaks and tabs (with the spaces around it) folds to one space. */
export function foldLines(text: string): string {
  return text.replace(/[^\S\n\t]*[\n\t][\s]*/g, ' ').trim();
}

/** Text people write that is stored: control characters stripped before the length checks. */
export function textSchema(): z.ZodString {
  return z.string().overwrite(stripControlCharacters);
}

/** A title or a name: one line, its line breaks folded to spaces (also when read back). */
export function lineSchema(): z.ZodString {
  return textSchema().overwrite(foldLines);
}

/** A source link: https only, and nothing that could close or relabel Slack's `<link|label>`. */
export const SOURCE_LINK_PATTERN = /^https:\/\/[^\s<>|]+$/;

export function isSourceLink(link: string): boolean {
  return SOURCE_LINK_PATTERN.test(link);
}

export const SourceLinkSchema = z
  .string()
  .max(500)
  .regex(SOURCE_LINK_PATTERN, 'must be an https link with no spaces, <, > or |')
  .pipe(z.url());

/** Slack workspace (team) or Enterprise Grid org id: the first part of every key. */
export const TeamIdSchema = z.string().regex(/^[TE][A-Z0-9]{2,30}$/, 'must be a Slack team id such as T0123ABCD');
export type TeamId = z.infer<typeof TeamIdSchema>;

/** Who did something: a Slack user id, or a named system actor such as `seed`. */
export const ActorSchema = z.string().regex(/^([UW][A-Z0-9]{2,30}|seed|system|import)$/, 'must be a Slack user id or a system actor');
export type Actor = z.infer<typeof ActorSchema>;

/** A calendar date with no time and no zone; it is read in its track's time zone. */
export const LocalDateSchema = z.iso.date();
export type LocalDate = z.infer<typeof LocalDateSchema>;

export const InstantSchema = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof InstantSchema>;

export const TimeZoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Tokyo');

export const TrackSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, such as japan-korea')
  .max(40);
export type TrackSlug = z.infer<typeof TrackSlugSchema>;

export const IdPrefixSchema = z.string().regex(/^[A-Z]{1,6}$/, 'must be 1 to 6 capital letters, such as JK');

export const PartyCodeSchema = z.string().regex(/^[A-Z]{2,8}$/, 'must be 2 to 8 capital letters, such as JP');

export const PartySchema = z.object({
  code: PartyCodeSchema,
  name: lineSchema().min(1).max(80),
});
export type Party = z.infer<typeof PartySchema>;

export const SlackUserIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

/** A Slack user group id, such as S0123ABC: a group may hold a role on a track like a person. */
export const SlackGroupIdSchema = z.string().regex(/^S[A-Z0-9]{2,30}$/);

/** Who may hold a role on a track: a person or a user group. */
export const MemberIdSchema = z.string().regex(/^[UWS][A-Z0-9]{2,30}$/);

export const SourceMeetingSchema = z.object({
  name: lineSchema().min(1).max(200),
  date: LocalDateSchema,
  place: lineSchema().max(100).optional(),
});
export type SourceMeeting = z.infer<typeof SourceMeetingSchema>;

export const ROLES = ['owner', 'editor', 'viewer'] as const;
/** A person's role on one track: owners manage roles, editors change items, viewers read. */
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const VISIBILITIES = ['workspace', 'private'] as const;
export const VisibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof VisibilitySchema>;

export const ChannelIdSchema = z.string().regex(/^[CG][A-Z0-9]{2,30}$/, 'must be a Slack channel id such as C0123ABCD');
export type ChannelId = z.infer<typeof ChannelIdSchema>;

/**
 * Who may do what with a track. Tracks stored before roles existed parse with no members,
 * visible to the workspace, at version 1: they have no owner until an admin claims them.
 */
export const TrackAccessSchema = z.object({
  members: z.record(MemberIdSchema, RoleSchema).default({}),
  visibility: VisibilitySchema.default('workspace'),
  /** Channels where a private track is readable by everyone in them. */
  channels: z.array(ChannelIdSchema).max(50).default([]),
});
export type TrackAccess = z.infer<typeof TrackAccessSchema>;

/** The most days before a due date a track may ask, and the most reminders it may set. */
export const CHECK_IN_LIMITS = { beforeDueDays: 60, reminders: 5, escalateAfterDays: 60 } as const;

/** How a track asks its owners; editors change it. */
export const CheckInSettingsSchema = z.object({
  /** Days before the due date on which owners are asked, e.g. 7 and 1. */
  beforeDueDays: z.array(z.number().int().min(1).max(CHECK_IN_LIMITS.beforeDueDays)).max(CHECK_IN_LIMITS.reminders).default([7, 1]),
  /** Days without an answer after a check-in before the item is flagged "no answer"; null: never flagged. */
  escalateAfterDays: z.number().int().min(1).max(CHECK_IN_LIMITS.escalateAfterDays).nullable().default(3),
});
export type CheckInSettings = z.infer<typeof CheckInSettingsSchema>;

export const TrackSchema = z.object({
  teamId: TeamIdSchema,
  slug: TrackSlugSchema,
  title: lineSchema().min(1).max(150),
  parties: z.array(PartySchema).min(1).max(20),
  timeZone: TimeZoneSchema,
  idPrefix: IdPrefixSchema,
  ...TrackAccessSchema.shape,
  meetings: z.array(SourceMeetingSchema).max(50).default([]),
  /** The month (1–12) its fiscal year starts in, for "FY2027": April in Japan; absent, January (the calendar year). */
  fiscalYearStart: z.number().int().min(1).max(12).optional(),
  /** How owners are asked about their items (see `domain/check-ins.ts`). */
  checkIns: CheckInSettingsSchema.default({ beforeDueDays: [7, 1], escalateAfterDays: 3 }),
  /** Moves with each change of roles, visibility, links or settings, which it guards. */
  version: z.number().int().min(1).default(1),
  createdAt: InstantSchema,
  createdBy: ActorSchema,
});
export type Track = z.infer<typeof TrackSchema>;
/** A track as written before defaults: what creating one takes. */
export type TrackInput = z.input<typeof TrackSchema>;

export const STATUSES = ['not-started', 'in-progress', 'done', 'stalled', 'dropped'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Statuses after which nothing is expected of anyone: no flags, no reminders. */
export const CLOSED_STATUSES: ReadonlySet<Status> = new Set(['done', 'dropped']);

export const StatusCountsSchema = z.object(
  Object.fromEntries(STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<Status, z.ZodNumber>,
);
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

/** The workspace-level view of a track: what `list tracks` shows, and the id counter. */
export const TrackSummarySchema = z.object({
  teamId: TeamIdSchema,
  slug: TrackSlugSchema,
  title: lineSchema(),
  idPrefix: IdPrefixSchema,
  counts: StatusCountsSchema,
  lastSeq: z.number().int().min(0),
  /** Copied from the track on each access change, so lists hide private tracks without reading each one. */
  ...TrackAccessSchema.shape,
});
export type TrackSummary = z.infer<typeof TrackSummarySchema>;

/** `JK-4`: the track's prefix and a sequence number, as people type it. */
export const CommitmentIdSchema = z.string().regex(/^[A-Z]{1,6}-[1-9][0-9]{0,5}$/, 'must look like JK-4');
export type CommitmentId = z.infer<typeof CommitmentIdSchema>;

export const OwnerSchema = z.object({
  label: lineSchema().min(1).max(100),
  slackUserId: SlackUserIdSchema.optional(),
});
export type Owner = z.infer<typeof OwnerSchema>;

export const SourceSchema = z.object({
  meeting: lineSchema().min(1).max(200),
  date: LocalDateSchema,
  place: lineSchema().max(100).optional(),
  /** As stored: links saved before the https rule still read; renderers show only those that pass it. */
  link: z.string().max(500).optional(),
  point: lineSchema().max(100).optional(),
  /** Set when the item came from no meeting, link or message: who added it in Slack (on `date`). */
  addedBy: ActorSchema.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** The `meeting` of an item whose source is Slack itself: "Added in Slack by @x on <date>". */
export const ADDED_IN_SLACK = 'Added in Slack';

/** A source as a person supplies it: a new link must pass the https rule. */
export const SourceDraftSchema = SourceSchema.extend({ link: SourceLinkSchema.optional() });

export const CadenceSchema = z.object({
  count: z.number().int().min(1).max(365),
  unit: z.enum(['days', 'weeks', 'months', 'years']),
});
export type Cadence = z.infer<typeof CadenceSchema>;

export const OccurrenceSchema = z.object({
  date: LocalDateSchema,
  place: lineSchema().max(100).optional(),
  text: textSchema().max(500).optional(),
});
export type Occurrence = z.infer<typeof OccurrenceSchema>;

export const KindSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('one-off'), due: LocalDateSchema.optional() }),
  z.object({
    type: z.literal('recurring'),
    every: CadenceSchema.optional(),
    occurrences: z.array(OccurrenceSchema).max(200).default([]),
  }),
  z.object({ type: z.literal('ongoing'), updateEveryDays: z.number().int().min(1).max(365) }),
]);
export type Kind = z.infer<typeof KindSchema>;

export const NoteSchema = z.object({
  at: InstantSchema,
  by: ActorSchema,
  text: textSchema().min(1).max(LIMITS.noteChars),
});
export type Note = z.infer<typeof NoteSchema>;

/** Compliance as summit researchers score it: −1 not complying, 0 partial, +1 full. */
export const ComplianceScoreSchema = z.union([z.literal(-1), z.literal(0), z.literal(1)]);
export type ComplianceScore = z.infer<typeof ComplianceScoreSchema>;

export const AssessmentSchema = z.object({
  score: ComplianceScoreSchema,
  note: textSchema().max(LIMITS.noteChars).optional(),
  /** The day the assessment speaks for, in the track's zone. */
  date: LocalDateSchema,
  by: ActorSchema,
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const ArchivalSchema = z.object({
  at: InstantSchema,
  by: ActorSchema,
  reason: textSchema().max(LIMITS.noteChars).optional(),
});
export type Archival = z.infer<typeof ArchivalSchema>;

export const CommitmentSchema = z.object({
  teamId: TeamIdSchema,
  track: TrackSlugSchema,
  id: CommitmentIdSchema,
  seq: z.number().int().min(1),
  title: lineSchema().min(1).max(LIMITS.titleChars),
  detail: textSchema().max(LIMITS.detailChars).optional(),
  parties: z.array(PartyCodeSchema).max(20),
  owners: z.array(OwnerSchema).max(10).default([]),
  source: SourceSchema,
  kind: KindSchema,
  status: StatusSchema,
  /** The latest notes, newest last; the full record is the history. */
  notes: z.array(NoteSchema).max(LIMITS.notesKept).default([]),
  /** The latest assessment per party code; a party with none is not yet assessed. */
  compliance: z.record(PartyCodeSchema, AssessmentSchema).default({}),
  /** How often the due date was moved, and the first one it had: the slip count reports show. */
  moved: z.object({ times: z.number().int().min(1), from: LocalDateSchema }).optional(),
  /** Set while the item is archived: hidden from reports (but `all`), digests, Home and counts. */
  archived: ArchivalSchema.optional(),
  /** When and by whom it was last marked done or dropped, and how (the note given); cleared when reopened. */
  closed: z.object({ at: InstantSchema, by: ActorSchema, note: textSchema().max(LIMITS.noteChars).optional() }).optional(),
  /** Owners are not asked about it before this date (an owner's Snooze). */
  snoozedUntil: LocalDateSchema.optional(),
  version: z.number().int().min(1),
  createdAt: InstantSchema,
  createdBy: ActorSchema,
  updatedAt: InstantSchema,
  updatedBy: ActorSchema,
});
export type Commitment = z.infer<typeof CommitmentSchema>;

/** What a person supplies to add a commitment; the store fills in the rest. */
export const CommitmentDraftSchema = CommitmentSchema.pick({
  title: true,
  detail: true,
  parties: true,
  owners: true,
  kind: true,
  status: true,
}).extend({ source: SourceDraftSchema });
export type CommitmentDraft = z.input<typeof CommitmentDraftSchema>;

/** One field set to a new value; owners and parties are kept as text, comma-separated. */
export const FieldChangeSchema = z.object({
  type: z.literal('field'),
  field: z.enum(['title', 'detail', 'due', 'owners', 'parties']),
  from: textSchema().max(2000).optional(),
  to: textSchema().max(2000).optional(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const ChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), status: StatusSchema }),
  z.object({ type: z.literal('status'), from: StatusSchema, to: StatusSchema, note: textSchema().max(LIMITS.noteChars).optional() }),
  z.object({ type: z.literal('note'), text: textSchema().max(LIMITS.noteChars) }),
  z.object({
    type: z.literal('assessment'),
    party: PartyCodeSchema,
    from: ComplianceScoreSchema.optional(),
    to: ComplianceScoreSchema,
    date: LocalDateSchema,
    note: textSchema().max(LIMITS.noteChars).optional(),
  }),
  z.object({ type: z.literal('occurrence'), occurrence: OccurrenceSchema }),
  FieldChangeSchema.extend({ note: textSchema().max(LIMITS.noteChars).optional() }),
  // The edit form saves what it changed as one version.
  z.object({ type: z.literal('fields'), changes: z.array(FieldChangeSchema).min(2).max(5), note: textSchema().max(LIMITS.noteChars).optional() }),
  z.object({ type: z.literal('unlog'), occurrence: OccurrenceSchema }),
  z.object({ type: z.literal('archive'), reason: textSchema().max(LIMITS.noteChars).optional() }),
  z.object({ type: z.literal('unarchive') }),
  /** An owner's Snooze on a check-in: not asked again before `until`. */
  z.object({ type: z.literal('snooze'), until: LocalDateSchema }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const HistoryEntrySchema = z.object({
  teamId: TeamIdSchema,
  track: TrackSlugSchema,
  commitmentId: CommitmentIdSchema,
  /** The commitment's version this change produced. */
  version: z.number().int().min(1),
  at: InstantSchema,
  by: ActorSchema,
  change: ChangeSchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** What `<track> settings` changes: its title, time zone and the month its fiscal year starts; a change holds only the fields it changed. */
export const TrackSettingsSchema = TrackSchema.pick({ title: true, timeZone: true, fiscalYearStart: true }).partial();
export type TrackSettings = z.infer<typeof TrackSettingsSchema>;

/** A change to a track's settings: roles, visibility, linked channels, check-ins, title, zone and fiscal year. */
export const TrackChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('role'), userId: MemberIdSchema, from: RoleSchema.optional(), to: RoleSchema.optional() }),
  z.object({ type: z.literal('visibility'), from: VisibilitySchema, to: VisibilitySchema }),
  z.object({ type: z.literal('link'), channelId: ChannelIdSchema }),
  z.object({ type: z.literal('unlink'), channelId: ChannelIdSchema }),
  z.object({ type: z.literal('check-ins'), from: CheckInSettingsSchema, to: CheckInSettingsSchema }),
  z.object({ type: z.literal('settings'), from: TrackSettingsSchema, to: TrackSettingsSchema }),
]);
export type TrackChange = z.infer<typeof TrackChangeSchema>;

export const TrackHistoryEntrySchema = z.object({
  teamId: TeamIdSchema,
  track: TrackSlugSchema,
  /** The track's version these changes produced. */
  version: z.number().int().min(2),
  at: InstantSchema,
  by: ActorSchema,
  changes: z.array(TrackChangeSchema).min(1).max(100),
});
export type TrackHistoryEntry = z.infer<typeof TrackHistoryEntrySchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}
