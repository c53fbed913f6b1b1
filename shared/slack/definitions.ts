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
  /** Bot scopes: answer the command, post digests, read back our own digests to avoid doubles. */
  botScopes: ['commands', 'chat:write', 'chat:write.public', 'channels:history', 'groups:history'],
} as const;

/** Block Kit ids shared by the renderers (which emit them) and the listeners (which match them). */
export const ACTION_IDS = {
  markDone: 'commitment_mark_done',
  update: 'commitment_update',
  addNote: 'commitment_add_note',
  share: 'report_share',
  pagePrevious: 'report_page_previous',
  pageNext: 'report_page_next',
} as const;

export const VIEW_IDS = {
  update: 'commitment_update_modal',
  addNote: 'commitment_note_modal',
  markDone: 'commitment_done_modal',
  addCommitment: 'commitment_add_modal',
  addTrack: 'track_add_modal',
} as const;
