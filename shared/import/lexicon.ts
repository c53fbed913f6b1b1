import type { Cadence } from '#shared/domain/schemas';

/** Verbs whose follow-up happens once: a meeting held, a body set up, a document signed. */
export const ONE_OFF_VERBS = [
  'convene', 'hold', 'launch', 'sign', 'establish', 'set up', 'conclude', 'open', 'reopen', 'adopt', 'issue', 'create',
  'host', 'organise', 'organize', 'resume', 'start', 'begin', 'complete', 'finalise', 'finalize', 'submit', 'draw up',
  'compile', 'publish', 'release', 'announce', 'dispatch', 'send', 'deploy', 'build', 'introduce', 'inaugurate', 'appoint',
  'designate', 'formulate', 'produce', 'prepare', 'draft', 'visit', 'meet', 'take place', 'elevate', 'upgrade', 'ratify',
  'approve', 'finish', 'deliver', 'install', 'revise', 'review', 'amend', 'conduct', 'invite', 'hand over', 'return',
  'allocate', 'set', 'report', 'unveil', 'relaunch', 'restart', 'reach', 'agree', 'commission', 'double', 'triple', 'halve', 'award', 'grant',
] as const;

/** Verbs whose follow-up never finishes: keep doing, do more of, stay in touch. */
export const ONGOING_VERBS = [
  'continue', 'maintain', 'keep', 'deepen', 'strengthen', 'enhance', 'expand', 'promote', 'advance', 'develop', 'improve',
  'pursue', 'sustain', 'coordinate', 'cooperate', 'work', 'consult', 'communicate', 'remain', 'stay', 'support', 'foster',
  'bolster', 'reinforce', 'accelerate', 'boost', 'increase', 'broaden', 'intensify', 'facilitate', 'explore', 'share',
  'exchange', 'monitor', 'encourage', 'help', 'assist', 'contribute', 'engage', 'address', 'tackle', 'implement', 'uphold',
  'protect', 'ensure', 'step up', 'collaborate', 'discuss', 'talk', 'provide', 'invest', 'negotiate', 'train', 'exercise',
  'partner', 'study', 'examine', 'build on', 'respond',
] as const;

/** Verbs a follow-up may start with that say nothing about its kind. */
const NEUTRAL_VERBS = ['make', 'take', 'carry out', 'undertake', 'realise', 'realize', 'achieve', 'play', 'seek', 'strive', 'endeavour', 'endeavor', 'redouble', 'aim', 'try', 'bring', 'put', 'give', 'offer', 'welcome'] as const;

/** Verbs whose gerund after "continue" or "keep" is itself the kind: being continued makes it ongoing. */
export const CONTINUING_VERBS = new Set(['continue', 'keep', 'maintain', 'remain', 'stay', 'sustain']);

/** Past participles and other forms that the regular rules get wrong. */
const IRREGULAR: Record<string, string[]> = {
  hold: ['held'], begin: ['began', 'begun'], send: ['sent'], build: ['built'], make: ['made'], take: ['took', 'taken'],
  give: ['gave', 'given'], keep: ['kept'], draw: ['drew', 'drawn'], set: ['set'], meet: ['met'], put: ['put'],
  undertake: ['undertook', 'undertaken'], seek: ['sought'], bring: ['brought'], stay: ['stayed'], play: ['played'],
};
/** Short verbs that double their last consonant (planned, setting, submitted). */
const DOUBLING = new Set(['plan', 'set', 'commit', 'submit', 'put', 'begin', 'get', 'run', 'stop', 'step']);

const ALL_VERBS = [...new Set([...ONE_OFF_VERBS, ...ONGOING_VERBS, ...NEUTRAL_VERBS])];
const ONE_OFF = new Set<string>(ONE_OFF_VERBS);
const ONGOING = new Set<string>(ONGOING_VERBS);

/** Every inflected form of every verb above → its base form ("held" → "hold", "holding" → "hold"). */
const LEMMAS: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const phrase of ALL_VERBS) {
    const [head, ...particle] = phrase.split(' ');
    const tail = particle.length ? ` ${particle.join(' ')}` : '';
    for (const form of inflect(head!)) if (!map.has(form + tail)) map.set(form + tail, phrase);
  }
  return map;
})();

function inflect(base: string): string[] {
  const forms = [base, ...(IRREGULAR[base] ?? [])];
  const stem = DOUBLING.has(base) ? base + base.at(-1) : base;
  if (/[^aeiou]y$/.test(base)) forms.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`, `${base}ing`);
  else if (/[^e]e$/.test(base)) forms.push(`${base}s`, `${base}d`, `${base.slice(0, -1)}ing`);
  else if (/(?:s|sh|ch|x|z)$/.test(base)) forms.push(`${base}es`, `${base}ed`, `${base}ing`);
  else forms.push(`${base}s`, `${stem}ed`, `${stem}ing`);
  return forms;
}

/**
 * The verb at the start of `text` as its base form, with the words it took ("set up", "take
 * place"), or `undefined` when the text does not start with a verb we know.
 */
export function leadingVerb(text: string): { base: string; length: number } | undefined {
  const words = text.split(/\s+/);
  for (const count of [2, 1]) {
    const candidate = words.slice(0, count).join(' ').toLowerCase().replace(/[^a-z\s-]/g, '');
    const base = LEMMAS.get(candidate);
    if (base && words.length >= count) return { base, length: words.slice(0, count).join(' ').length };
  }
  return undefined;
}

export type VerbKind = 'one-off' | 'ongoing' | undefined;
export function verbKind(base: string): VerbKind {
  if (ONGOING.has(base)) return 'ongoing';
  if (ONE_OFF.has(base)) return 'one-off';
  return undefined;
}

/** Nouns that name an act, so "the establishment of X" reads as "establish X". */
export const NOMINALISATIONS: Record<string, string> = {
  establishment: 'establish', creation: 'create', launch: 'launch', launching: 'launch', holding: 'hold', convening: 'convene',
  resumption: 'resume', signing: 'sign', conclusion: 'conclude', expansion: 'expand', strengthening: 'strengthen',
  promotion: 'promote', development: 'develop', adoption: 'adopt', implementation: 'implement', opening: 'open',
  'setting up': 'set up', start: 'start', continuation: 'continue', enhancement: 'enhance', deepening: 'deepen',
  reopening: 'reopen', completion: 'complete', organisation: 'organise', organization: 'organize', revision: 'revise',
  review: 'review', dispatch: 'dispatch', deployment: 'deploy', introduction: 'introduce', preparation: 'prepare',
};

/** Words that make a follow-up come round again, with the cadence they state when they state one. */
const CADENCE_WORDS: { re: RegExp; every?: Cadence }[] = [
  { re: /\b(?:bi-?annual(?:ly)?|semi-?annual(?:ly)?|twice a year|every six months|every 6 months)\b/i, every: { count: 6, unit: 'months' } },
  { re: /\b(?:biennial(?:ly)?|every (?:two|2) years|every other year)\b/i, every: { count: 2, unit: 'years' } },
  { re: /\b(?:annual(?:ly)?|yearly|every year|each year|once a year|per year|every (?:spring|summer|autumn|fall|winter))\b|\b(?:\d+|[a-z]+)\s+[a-z]+\s+a\s+year\b/i, every: { count: 1, unit: 'years' } },
  { re: /\b(?:quarterly|every quarter|each quarter)\b/i, every: { count: 3, unit: 'months' } },
  { re: /\b(?:monthly|every month|each month|once a month)\b/i, every: { count: 1, unit: 'months' } },
  { re: /\b(?:weekly|every week|each week|once a week)\b/i, every: { count: 1, unit: 'weeks' } },
  { re: /\b(?:regular(?:ly)?|periodic(?:ally)?|on a regular basis|shuttle|recurring|rotating|alternating|alternately|in turn|take turns|at each (?:of (?:its|their) )?(?:sessions?|meetings?))\b/i },
  { re: /\b(?:visits|exchanges of visits|reciprocal visits|mutual visits)\b/i },
];
const EVERY_N = /\bevery\s+(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)\s+(day|week|month|year)s\b/i;
const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, eighteen: 18 };

/** Whether `text` says the thing recurs, and how often when it says so. */
export function findRecurrence(text: string): { every?: Cadence } | undefined {
  const every = EVERY_N.exec(text);
  if (every) {
    const count = COUNTS[every[1]!.toLowerCase()] ?? Number(every[1]);
    return { every: { count, unit: `${every[2]!.toLowerCase()}s` as Cadence['unit'] } };
  }
  for (const word of CADENCE_WORDS) if (word.re.test(text)) return word.every ? { every: word.every } : {};
  return undefined;
}
