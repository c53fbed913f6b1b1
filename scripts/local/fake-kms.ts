import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from './loopback-server.ts';
import { readBody } from './read-body.ts';

/** The operations the stand-in answers, as `X-Amz-Target: TrentService.<name>`. */
export type KmsOperation = 'GenerateDataKey' | 'Decrypt' | 'Encrypt';

/** The stand-in's one key: an ARN the SDK may name, and 32 bytes that never leave this process. */
export interface FakeKmsKey {
  arn: string;
  material: Buffer;
}

const MAGIC = Buffer.from('LKMS');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * KMS on loopback, for `KMS_ENDPOINT`: answers the SDK's JSON protocol for one symmetric key,
 * sealing with AES-256-GCM under the key's material and the request's encryption context as
 * additional data, so a ciphertext opens only with the context it was sealed with, as in KMS.
 * Counts the calls of each operation.
 */
export class FakeKms extends LoopbackStandIn {
  readonly key: FakeKmsKey;
  private readonly counts = new Map<KmsOperation, number>();

  constructor(key: Partial<FakeKmsKey> = {}) {
    super();
    this.key = { arn: key.arn ?? 'arn:aws:kms:local:000000000000:key/00000000-0000-4000-8000-000000000000', material: key.material ?? randomBytes(32) };
  }

  /** Calls of `operation` answered so far (refused ones included). */
  calls(operation: KmsOperation): number {
    return this.counts.get(operation) ?? 0;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.replace(/^TrentService\./, '') as KmsOperation;
    if (req.method !== 'POST' || !['GenerateDataKey', 'Decrypt', 'Encrypt'].includes(operation)) {
      return answer(res, 400, { __type: 'UnknownOperationException', message: `not served here: ${target || req.method}` });
    }
    this.counts.set(operation, this.calls(operation) + 1);
    let input: { KeyId?: unknown; EncryptionContext?: unknown; CiphertextBlob?: unknown; Plaintext?: unknown; KeySpec?: unknown; NumberOfBytes?: unknown };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return answer(res, 400, { __type: 'SerializationException', message: 'body is not JSON' });
    }
    if (input.KeyId !== undefined && input.KeyId !== this.key.arn) return answer(res, 400, { __type: 'NotFoundException', message: `Key '${String(input.KeyId)}' does not exist` });
    const context = contextBytes(input.EncryptionContext);
    if (operation === 'GenerateDataKey') {
      if (input.KeySpec !== 'AES_256' && input.NumberOfBytes !== 32) return answer(res, 400, { __type: 'ValidationException', message: 'only AES_256 data keys here' });
      const plaintext = randomBytes(32);
      return answer(res, 200, { KeyId: this.key.arn, Plaintext: plaintext.toString('base64'), CiphertextBlob: this.seal(plaintext, context).toString('base64') });
    }
    if (operation === 'Encrypt') {
      if (typeof input.Plaintext !== 'string') return answer(res, 400, { __type: 'ValidationException', message: 'Plaintext is required' });
      const sealed = this.seal(Buffer.from(input.Plaintext, 'base64'), context);
      return answer(res, 200, { KeyId: this.key.arn, CiphertextBlob: sealed.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    }
    const opened = typeof input.CiphertextBlob === 'string' ? this.open(Buffer.from(input.CiphertextBlob, 'base64'), context) : undefined;
    if (!opened) return answer(res, 400, { __type: 'InvalidCiphertextException', message: '' });
    return answer(res, 200, { KeyId: this.key.arn, Plaintext: opened.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
  }

  private seal(plaintext: Buffer, context: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key.material, iv).setAAD(context);
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), data]);
  }

  /** Undefined for anything this key did not seal with this context. */
  private open(blob: Buffer, context: Buffer): Buffer | undefined {
    if (blob.length <= MAGIC.length + IV_BYTES + TAG_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const iv = blob.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
    const tag = blob.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key.material, iv).setAAD(context).setAuthTag(tag);
      return Buffer.concat([decipher.update(blob.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      return undefined;
    }
  }
}

/** The context as KMS binds it: the same pairs in any order are the same context. */
function contextBytes(context: unknown): Buffer {
  const pairs = Object.entries(typeof context === 'object' && context ? (context as Record<string, unknown>) : {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(pairs));
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}
