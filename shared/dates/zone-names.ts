import { TimeZoneSchema } from '#shared/domain/schemas';

let knownByLowerCase: Map<string, string> | undefined;

/**
 * The IANA zone a person typed, kept under the name they used with its letter case fixed
 * (`asia/tokyo` → `Asia/Tokyo`, `utc` → `UTC`), or undefined when it is not a zone.
 *
 * ICU resolves a current name to its legacy alias (Europe/Kyiv → Europe/Kiev, Asia/Kolkata →
 * Asia/Calcutta), so its name replaces what was typed only where that is no name we store
 * (`JST` → Asia/Tokyo). ICU lists no aliases, so one typed in another case gets IANA's capitals by
 * its words (`europe/kyiv` → `Europe/Kyiv`).
 */
export function readZoneName(text: string): string | undefined {
  const resolved = resolvedZone(text);
  if (resolved === undefined) return undefined;
  const lower = text.toLowerCase();
  // Typed in one case throughout, a name whose capitals are not known is given as ICU names the zone.
  const asTyped = /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text) ? text : resolved;
  const typed = resolved.toLowerCase() === lower ? resolved : (knownZones().get(lower) ?? titleCased(lower, resolved) ?? asTyped);
  return [typed, resolved].find((name) => TimeZoneSchema.safeParse(name).success);
}

/** The zone ICU resolves a name to, or undefined when it knows none by that name (in any case). */
function resolvedZone(text: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * A current name ICU does not list (`europe/kyiv`), in IANA's capitals (`Europe/Kyiv`): each word
 * capitalised, kept only if it is still the same zone.
 */
function titleCased(lower: string, resolved: string): string | undefined {
  // Only IANA's geographic areas spell every word so; Etc/UTC or US/Pacific would come out wrong.
  if (!GEOGRAPHIC_AREAS.has(lower.split('/')[0]!)) return undefined;
  const guess = lower.replace(/(^|[/_-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
  return resolvedZone(guess) === resolved ? guess : undefined;
}

/** IANA's areas whose zones are named by places, each word capitalised (Europe/Kyiv, America/Port_of_Spain aside). */
const GEOGRAPHIC_AREAS: ReadonlySet<string> = new Set(['africa', 'america', 'antarctica', 'asia', 'atlantic', 'australia', 'europe', 'indian', 'pacific']);

function knownZones(): Map<string, string> {
  knownByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  return knownByLowerCase;
}
