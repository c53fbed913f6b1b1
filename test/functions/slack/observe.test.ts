import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { localContext } from '#local/http-adapter';
import { commandEvent, type HttpApiEvent } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { captureLogLines } from '../../support/log-lines.ts';

// Issue 13: Powertools log lines carry the request id and the Slack team; metrics are EMF lines.
const harness = useSlackHandler({ logLevel: 'INFO' });
let logs: ReturnType<typeof captureLogLines>;
beforeAll(() => {
  logs = captureLogLines();
});
afterAll(() => logs.restore());
afterEach(() => {
  harness.slack.options.fault = undefined;
  vi.unstubAllEnvs();
});

/** Sends `event` to the real handler as the Lambda invocation `requestId`, and returns the lines it wrote. */
async function invoke(event: HttpApiEvent, requestId: string) {
  logs.lines.length = 0;
  const result = await harness.handler()(event, { ...localContext(), functionName: 'commitments-slack', awsRequestId: requestId });
  return { result, lines: [...logs.lines] };
}

/** EMF lines (`_aws` set) in `lines`, reduced to their namespace, dimensions and values. */
function metricsIn(lines: Record<string, unknown>[]) {
  return lines.filter((line) => '_aws' in line).map(({ _aws, ...values }) => ({ namespace: (_aws as { CloudWatchMetrics: { Namespace: string }[] }).CloudWatchMetrics[0]?.Namespace, ...values }));
}

const forged = (text: string) => commandEvent(text, { teamId: 'T0OBSERVE', secret: 'not-the-signing-secret' });

describe('Slack handler log lines', () => {
  it('carry the request id, cold start flag, function name and Slack team', async () => {
    const { result, lines } = await invoke(commandEvent('show ZZ-404', { teamId: 'T0OBSERVE' }), 'req-observe-1');
    expect(result.statusCode).toBe(200);
    expect(lines.filter((line) => line['message'] === 'refused')).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'commitments-slack',
        function_request_id: 'req-observe-1',
        function_name: 'commitments-slack',
        cold_start: expect.any(Boolean),
        team: 'T0OBSERVE',
      }),
    ]);
  });

  it('do not carry the team of an earlier request in the same container', async () => {
    await invoke(commandEvent('show ZZ-404', { teamId: 'T0OBSERVE' }), 'req-observe-2');
    const { result, lines } = await invoke(forged('help'), 'req-observe-3');
    expect(result.statusCode).toBe(401);
    const [refused] = lines.filter((line) => line['message'] === 'refused request');
    expect(refused).toMatchObject({ level: 'WARN', function_request_id: 'req-observe-3', cold_start: false, reason: 'signature does not match' });
    expect(refused).not.toHaveProperty('team');
  });

  it('put the error id a person is shown beside the request id and team', async () => {
    harness.slack.options.fault = (call) => (call.method === 'views.open' ? { kind: 'slack-error', error: 'invalid_arguments' } : undefined);
    const { result, lines } = await invoke(commandEvent('track add', { teamId: 'T0OBSERVE' }), 'req-observe-4');
    const errorId = /error id ([0-9a-f]{8})/.exec(String(result.body))?.[1];
    expect(errorId).toBeDefined();
    expect(lines).toContainEqual(expect.objectContaining({ level: 'ERROR', message: 'unexpected error', errorId, function_request_id: 'req-observe-4', team: 'T0OBSERVE' }));
  });
});

describe('Slack handler metrics', () => {
  it('publishes commands by name in the Commitments namespace when the invocation ends', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const { lines } = await invoke(commandEvent('help', { teamId: 'T0OBSERVE' }), 'req-metrics-1');
    expect(metricsIn(lines)).toEqual([{ namespace: 'Commitments', service: 'commitments-slack', command: 'help', Commands: 1 }]);
  });

  it('counts a refused signature by its reason', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const { lines } = await invoke(forged('help'), 'req-metrics-2');
    expect(metricsIn(lines)).toEqual([{ namespace: 'Commitments', service: 'commitments-slack', reason: 'signature', RefusedRequests: 1 }]);
  });

  it('counts an error answered with an error id by its code and in total', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    harness.slack.options.fault = (call) => (call.method === 'views.open' ? { kind: 'slack-error', error: 'invalid_arguments' } : undefined);
    const { lines } = await invoke(commandEvent('track add', { teamId: 'T0OBSERVE' }), 'req-metrics-3');
    expect(metricsIn(lines)).toEqual(
      expect.arrayContaining([
        { namespace: 'Commitments', service: 'commitments-slack', kind: 'slack_webapi_platform_error', HandledErrors: 1 },
        { namespace: 'Commitments', service: 'commitments-slack', HandledErrors: 1 },
      ]),
    );
  });

  it('writes no metric line while metrics are turned off', async () => {
    const { lines } = await invoke(commandEvent('help', { teamId: 'T0OBSERVE' }), 'req-metrics-4');
    expect(metricsIn(lines)).toEqual([]);
  });
});
