import type { FakeUser } from './fake-slack.ts';

/**
 * The people of the local workspace: who the Slack stand-in knows, with what `users.info` says
 * of each, so that `npm run slack -- --user <name>` can act as any kind of person.
 */
export interface Persona {
  /** What you type: `--user maria`, `@maria`. */
  name: string;
  id: string;
  realName: string;
  /** One line for the banner and the docs. */
  kind: string;
  user: Partial<FakeUser> & { team_id: string };
}

/** The local workspace; the other organisation is the home team of someone in a Slack Connect channel. */
export const LOCAL_TEAM = 'T0LOCAL';
export const PARTNER_TEAM = 'T05PARTNER2';

function person(name: string, id: string, realName: string, kind: string, user: Partial<FakeUser> & { tz: string }, team = LOCAL_TEAM): Persona {
  return { name, id, realName, kind, user: { team_id: team, name, real_name: realName, profile: { display_name: name, real_name: realName }, ...user } };
}

export const PERSONAS: readonly Persona[] = [
  person('aiko', 'U07QA1K0TNK', 'Aiko Tanaka', 'workspace admin (you, unless --user says otherwise)', { tz: 'Asia/Tokyo', is_admin: true }),
  person('maria', 'U07QM4R1ASN', 'Maria Santos', 'member', { tz: 'Europe/Madrid' }),
  person('minjun', 'U07QJ7PRK2S', 'Min-jun Park', 'member', { tz: 'Asia/Seoul' }),
  person('tom', 'U07QT0MBK3R', 'Tom Becker', 'member', { tz: 'Europe/London' }),
  person('grace', 'U07QG5RCE9W', 'Grace Okafor', 'guest (multi-channel)', { tz: 'America/New_York', is_restricted: true }),
  // Slack marks a single-channel guest both restricted and ultra-restricted.
  person('sven', 'U07QS8VLND4', 'Sven Lund', 'single-channel guest', { tz: 'Europe/Stockholm', is_restricted: true, is_ultra_restricted: true }),
  person('kenji', 'U05PK3NJ1ST', 'Kenji Sato', `from another organisation (Slack Connect, team ${PARTNER_TEAM})`, { tz: 'Asia/Tokyo' }, PARTNER_TEAM),
  person('hiro', 'U07QH1R0DLT', 'Hiro Yamada', 'deactivated account', { tz: 'Asia/Tokyo', deleted: true }),
  person('reportbot', 'U07QB0TRPT1', 'Report Bot', 'a bot', { tz: 'UTC', is_bot: true }),
];

/** The workspace admin: who the terminal client is unless told otherwise. */
export const ADMIN = PERSONAS[0]!;

/** The channels the stand-in knows by name, so `#gov-affairs` is sent as Slack sends it. */
export const CHANNELS: readonly { name: string; id: string }[] = [
  { name: 'general', id: 'C0LOCAL' },
  { name: 'gov-affairs', id: 'C07QGOVAFF1' },
  { name: 'busan-desk', id: 'C07QBUSAN22' },
];

/** A user group, sent as `<!subteam^S…|@handle>`. */
export const USER_GROUPS: Readonly<Record<string, { handle: string; users: string[] }>> = {
  S07QGOVTEAM: { handle: 'gov-team', users: [PERSONAS[1]!.id, PERSONAS[2]!.id] },
};

/** What users.info says of each persona, by id, for the stand-in. */
export function personaUsers(): Record<string, Partial<FakeUser>> {
  return Object.fromEntries(PERSONAS.map((p) => [p.id, p.user]));
}

/** A persona by name (any case) or by id; undefined for anyone else. */
export function findPersona(nameOrId: string): Persona | undefined {
  const key = nameOrId.replace(/^@/, '').toLowerCase();
  return PERSONAS.find((p) => p.name === key || p.id.toLowerCase() === key);
}

/** A channel by `#name`, name or id. */
export function findChannel(nameOrId: string): { name: string; id: string } | undefined {
  const key = nameOrId.replace(/^#/, '').toLowerCase();
  return CHANNELS.find((c) => c.name === key || c.id.toLowerCase() === key);
}

/**
 * Command text as Slack sends it with the manifest's escaping on: `&`, `<` and `>` as entities,
 * then a known `@name` as `<@U…|name>`, a user group as `<!subteam^S…|@handle>`, a known
 * `#channel` as `<#C…|name>`; an `@` or `#` word Slack does not know stays as typed. Escapes typed
 * whole (`<@U…>`, `<#C…|name>`, `<https://…>`) pass as they are, as if picked from Slack's menu.
 */
export function escapeCommandText(text: string): string {
  return text
    .split(/(<[@#!][^<>\s]*>|<https?:[^<>\s]*>)/)
    .map((part, index) => (index % 2 === 1 ? part : escapePlain(part)))
    .join('');
}

function escapePlain(text: string): string {
  const entities = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // A mention starts a word (or follows an opening quote or bracket), as Slack's composer sees it.
  return entities.replace(/(^|[\s("'“‘,])([@#])([\p{L}\p{N}._-]+)/gu, (all, before: string, sigil: string, word: string) => {
    const name = word.replace(/[.]+$/, '');
    const rest = word.slice(name.length);
    if (sigil === '#') {
      const channel = CHANNELS.find((c) => c.name === name.toLowerCase());
      return channel ? `${before}<#${channel.id}|${channel.name}>${rest}` : all;
    }
    const persona = PERSONAS.find((p) => p.name === name.toLowerCase());
    if (persona) return `${before}<@${persona.id}|${persona.name}>${rest}`;
    const group = Object.entries(USER_GROUPS).find(([, g]) => g.handle === name.toLowerCase());
    return group ? `${before}<!subteam^${group[0]}|@${group[1].handle}>${rest}` : all;
  });
}
