import { InvokeCommand, LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import type { AfterAnswerEvent } from '#shared/domain/after-answer';

/**
 * Hands an event to a function as an asynchronous invocation (`InvocationType: Event`): Lambda
 * queues it, answers 202 at once, and retries a run that throws before giving it up to the
 * function's failure destination. Loaded only when a request leaves work for after its answer.
 */
export function createInvoker(functionName: string, clientConfig: LambdaClientConfig = {}): (event: AfterAnswerEvent) => Promise<void> {
  const client = new LambdaClient(clientConfig);
  return async (event) => {
    const { StatusCode } = await client.send(
      new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(event)) }),
    );
    if (StatusCode !== 202) throw new Error(`Lambda answered the invocation with ${StatusCode}`);
  };
}
