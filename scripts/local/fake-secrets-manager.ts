import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from './loopback-server.ts';
import { readBody } from './read-body.ts';

/**
 * Secrets Manager on loopback, for `SECRETS_MANAGER_ENDPOINT`: answers the SDK's JSON protocol
 * (`X-Amz-Target: secretsmanager.GetSecretValue`) from secrets a test sets and may change mid-run,
 * and counts the reads of each.
 */
export class FakeSecretsManager extends LoopbackStandIn {
  private readonly secrets = new Map<string, { value: string; versionId: string }>();
  private readonly readCounts = new Map<string, number>();

  /** Puts a secret's value (an object is stored as its JSON), as `put-secret-value` would: a new version. */
  set(secretId: string, value: string | object): void {
    this.secrets.set(secretId, { value: typeof value === 'string' ? value : JSON.stringify(value), versionId: randomUUID() });
  }

  /** GetSecretValue calls answered for this secret so far. */
  reads(secretId: string): number {
    return this.readCounts.get(secretId) ?? 0;
  }


  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    if (req.method !== 'POST' || target !== 'secretsmanager.GetSecretValue') {
      return answer(res, 400, { __type: 'UnknownOperationException', message: `not served here: ${target || req.method}` });
    }
    let secretId: unknown;
    try {
      secretId = (JSON.parse(body) as { SecretId?: unknown }).SecretId;
    } catch {
      return answer(res, 400, { __type: 'SerializationException', message: 'body is not JSON' });
    }
    if (typeof secretId !== 'string') return answer(res, 400, { __type: 'InvalidParameterException', message: 'SecretId is required' });
    this.readCounts.set(secretId, this.reads(secretId) + 1);
    const secret = this.secrets.get(secretId);
    if (!secret) return answer(res, 400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
    return answer(res, 200, {
      ARN: secretId,
      Name: secretId.split(':').pop(),
      SecretString: secret.value,
      VersionId: secret.versionId,
      VersionStages: ['AWSCURRENT'],
      CreatedDate: Date.now() / 1000,
    });
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}
