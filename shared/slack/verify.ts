import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's rule: a request's timestamp must be within five minutes of now, either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** Why a request's signature is refused, as `verifySlackSignature` says it. */
export const SIGNATURE_REFUSED = {
  missing: 'missing Slack signature headers',
  malformedTimestamp: 'malformed request timestamp',
  stale: 'request timestamp outside the five-minute window',
  malformedSignature: 'malformed signature',
  mismatch: 'signature does not match',
} as const;

export type SignatureRefusal = (typeof SIGNATURE_REFUSED)[keyof typeof SIGNATURE_REFUSED];

/**
 * Checks a request against Slack's v0 signing scheme: HMAC-SHA256 of `v0:<timestamp>:<body>`
 * with the signing secret, and a timestamp within the window in both directions (Bolt's own
 * check lets future timestamps through). Returns why it is refused, or undefined when valid.
 */
export function verifySlackSignature(
  input: { signature: string | undefined; timestamp: string | undefined; rawBody: string },
  signingSecret: string,
  now: Date,
): SignatureRefusal | undefined {
  const { signature, timestamp, rawBody } = input;
  if (!signature || !timestamp) return SIGNATURE_REFUSED.missing;
  if (!/^\d{1,12}$/.test(timestamp)) return SIGNATURE_REFUSED.malformedTimestamp;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return SIGNATURE_REFUSED.stale;
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return SIGNATURE_REFUSED.malformedSignature;
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return timingSafeEqual(expected, given) ? undefined : SIGNATURE_REFUSED.mismatch;
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
): Promise<SignatureRefusal | undefined> {
  const cached = await signingSecret({ fresh: false });
  const refused = verifySlackSignature(input, cached, now);
  if (refused !== SIGNATURE_REFUSED.mismatch) return refused;
  const fresh = await signingSecret({ fresh: true });
  return fresh === cached ? refused : verifySlackSignature(input, fresh, now);
}
