import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeKms } from '#local/fake-kms';

// The stand-in answers the real SDK client as KMS would, so the code under test is the code deployed.
const kms = new FakeKms();
let client: KMSClient;
beforeAll(async () => {
  await kms.start();
  client = new KMSClient({ endpoint: kms.url, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});
afterAll(async () => {
  client.destroy();
  await kms.stop();
});

const context = { app: 'commitments', install: 'team', team: 'T0ALPHA' };

describe('the KMS stand-in', () => {
  it('gives a 32-byte data key and its ciphertext, which opens to the same key with the same context in any order', async () => {
    const made = await client.send(new GenerateDataKeyCommand({ KeyId: kms.key.arn, KeySpec: 'AES_256', EncryptionContext: context }));
    expect(made.KeyId).toBe(kms.key.arn);
    expect(made.Plaintext).toHaveLength(32);
    const reordered = { team: 'T0ALPHA', install: 'team', app: 'commitments' };
    const opened = await client.send(new DecryptCommand({ KeyId: kms.key.arn, CiphertextBlob: made.CiphertextBlob, EncryptionContext: reordered }));
    expect(Buffer.from(opened.Plaintext!)).toEqual(Buffer.from(made.Plaintext!));
  });

  it('encrypts and decrypts a small secret', async () => {
    const sealed = await client.send(new EncryptCommand({ KeyId: kms.key.arn, Plaintext: Buffer.from('hello'), EncryptionContext: context }));
    const opened = await client.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(opened.Plaintext!).toString()).toBe('hello');
  });

  it('refuses a ciphertext under another context, or altered, as KMS does', async () => {
    const sealed = await client.send(new EncryptCommand({ KeyId: kms.key.arn, Plaintext: Buffer.from('hello'), EncryptionContext: context }));
    await expect(client.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: { ...context, team: 'T0BETA' } }))).rejects.toMatchObject({
      name: 'InvalidCiphertextException',
    });
    const altered = Buffer.from(sealed.CiphertextBlob!);
    altered[altered.length - 1]! ^= 1;
    await expect(client.send(new DecryptCommand({ CiphertextBlob: altered, EncryptionContext: context }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  });

  it('knows only its own key, and counts each operation', async () => {
    const before = kms.calls('GenerateDataKey');
    await expect(
      client.send(new GenerateDataKeyCommand({ KeyId: 'arn:aws:kms:local:000000000000:key/another', KeySpec: 'AES_256', EncryptionContext: context })),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
    expect(kms.calls('GenerateDataKey')).toBe(before + 1);
  });
});
