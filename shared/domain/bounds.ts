/**
 * How much work one request may ask for. Each list a command or form takes is checked against
 * its cap before any Slack call or write; docs/commands.md lists them (Caps).
 */


/** People and user groups one `roles add` or `roles remove` may name. */
export const PEOPLE_PER_ROLES_COMMAND = 20;

/** People and user groups with a role on one track (the roles form lists them all). */
export const MEMBERS_PER_TRACK = 100;

/** Role changes one save records: a track history entry holds at most this many. */
export const ROLE_CHANGES_PER_SAVE = 100;

/**
 * Members of a user group that may hold a role. Its record lists them all (~12 bytes each), every
 * event about the group rewrites that list and every request on its tracks reads it: at this
 * bound ~12 KB, 12 write units an event; DynamoDB refuses an item past 400 KB (~30,000 members).
 */
export const MEMBERS_PER_GROUP = 1_000;

/**
 * People one request asks Slack (`users.info`) about, beside the caller: people with a record
 * cost nothing, and a request naming more people it has not met asks to be sent again.
 */
export const LOOKUPS_PER_REQUEST = 5;

/** Owners of one item, by command or form. */
export const OWNERS_PER_ITEM = 10;

/** Parties one item or track names. */
export const PARTIES_PER_LIST = 20;

/**
 * Proposals one import confirmation form shows: each takes five blocks (title, kind, due date,
 * parties, source sentence), with a heading and a checkbox group per ten that is 98 of a
 * modal's 100. A readout with more says from which paragraph to import the rest.
 */
export const PROPOSALS_PER_IMPORT = 19;
