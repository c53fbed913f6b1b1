import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's rule: a request's timestamp must be within five minutes of now, either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** The one refusal a rotated signing secret explains. */
export const SIGNATURE_MISMATCH = 'signature does not match';

/**
 * Checks a request against Slack's v0 signing scheme: HMAC-SHA256 of `v0:<timestamp>:<body>`
 * with the signing secret, and a timestamp within the window in both directions (Bolt's own
 * check lets future timestamps through). Returns why it is refused, or undefined when valid.
 */
export function verifySlackSignature(
  input: { signature: string | undefined; timestamp: string | undefined; rawBody: string },
  signingSecret: string,
  now: Date,
): string | undefined {
  const { signature, timestamp, rawBody } = input;
  if (!signature || !timestamp) return 'missing Slack signature headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed request timestamp';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return 'request timestamp outside the five-minute window';
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return 'malformed signature';
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return timingSafeEqual(expected, given) ? undefined : SIGNATURE_MISMATCH;
}

/**
 * Checks a request with the cached signing secret and, when only the signature fails, once more
 * with a freshly read one: a secret rotated since the cache was filled is taken at once. How often
 * a fresh read really happens is the reader's bound, so forged requests cannot each cost one.
 */
export async function verifyWithFreshSecret(
  input: Parameters<typeof verifySlackSignature>[0],
  signingSecret: (read: { fresh: boolean }) => Promise<string>,
  now: Date,
): Promise<string | undefined> {
  const cached = await signingSecret({ fresh: false });
  const refused = verifySlackSignature(input, cached, now);
  if (refused !== SIGNATURE_MISMATCH) return refused;
  const fresh = await signingSecret({ fresh: true });
  return fresh === cached ? refused : verifySlackSignature(input, fresh, now);
}
