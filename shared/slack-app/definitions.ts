/**
 * What the Slack app is, defined once: the handler registers these ids and the manifest
 * generator writes them, so the two can never drift apart.
 */
export const SLACK_APP = {
  name: 'Commitments',
  description: 'Tracks what parties agreed to do after a meeting, and keeps asking until it is done.',
  backgroundColor: '#1d3557',
  botDisplayName: 'commitments',
  command: {
    name: '/commitments',
    description: 'Status of agreed follow-ups; add, update and subscribe',
    usageHint: '[track] | show JK-4 | update JK-4 in-progress "note" | help',
  },
  /**
   * Bot scopes: answer the command and shortcuts, post digests and check-ins, read back our own
   * digests and check-ins (channel and direct-message history) to avoid doubles, link a message as a source, send briefing files in a direct message, and
   * read who a caller is (admin, guest, another organisation) for roles.
   */
  botScopes: ['commands', 'chat:write', 'chat:write.public', 'channels:history', 'groups:history', 'files:write', 'im:write', 'im:history', 'users:read', 'usergroups:read'],
  /**
   * Events the app subscribes to: the Home tab is drawn when a user opens it; removal and revoked
   * tokens stop its digests; person and user-group records follow Slack's own changes
   * (`users:read` for user_change and team_join, `usergroups:read` for subteam_*).
   */
  botEvents: ['app_home_opened', 'app_uninstalled', 'tokens_revoked', 'user_change', 'team_join', 'subteam_created', 'subteam_updated', 'subteam_members_changed'],
  /** Message shortcuts: on any message, from its "More actions" menu. */
  shortcuts: [
    { name: 'Track as commitment', callbackId: 'track_as_commitment', description: 'Add this message as a commitment to a track' },
    { name: 'Import readout', callbackId: 'import_readout', description: 'Find the agreed follow-ups in this readout' },
  ],
} as const;

export type BotScope = (typeof SLACK_APP.botScopes)[number];

/** Block Kit ids shared by the renderers (which emit them) and the listeners (which match them). */
export const ACTION_IDS = {
  markDone: 'commitment_mark_done',
  update: 'commitment_update',
  addNote: 'commitment_add_note',
  edit: 'commitment_edit',
  unarchive: 'commitment_unarchive',
  /** A closed item's way back to in progress; its value is `JK-4@7`, the item and the version shown. */
  reopen: 'commitment_reopen',
  share: 'report_share',
  pagePrevious: 'report_page_previous',
  pageNext: 'report_page_next',
  /** A check-in's answers (direct message and Home): each value is `JK-4@7`, the item and the version the message showed. */
  checkInOnTrack: 'checkin_on_track',
  checkInAtRisk: 'checkin_at_risk',
  checkInDone: 'checkin_done',
  checkInNote: 'checkin_note',
  /** An overflow menu: 1 day, 1 week, or until a date (a form). */
  checkInSnooze: 'checkin_snooze',
  checkInNotMine: 'checkin_not_mine',
} as const;

export const SHORTCUT_IDS = {
  trackAsCommitment: 'track_as_commitment',
  importReadout: 'import_readout',
} as const;

export const VIEW_IDS = {
  update: 'commitment_update_modal',
  addNote: 'commitment_note_modal',
  markDone: 'commitment_done_modal',
  edit: 'commitment_edit_modal',
  addCommitment: 'commitment_add_modal',
  addTrack: 'track_add_modal',
  importText: 'readout_import_modal',
  importPick: 'readout_pick_modal',
  trackRoles: 'track_roles_modal',
  /** A check-in's forms: At risk (reason), Done (optional note), Add note, Snooze until a date, Not mine (who owns it). */
  checkInAtRisk: 'checkin_at_risk_modal',
  checkInDone: 'checkin_done_modal',
  checkInNote: 'checkin_note_modal',
  checkInSnooze: 'checkin_snooze_modal',
  checkInNotMine: 'checkin_not_mine_modal',
} as const;
