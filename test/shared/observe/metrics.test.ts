import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '#shared/errors';
import { countCommand, countDigestPosted, countHandledError, countRefusedRequest, errorKindOf, pendingCounts, publishMetrics } from '#shared/observe/metrics';
import { captureLogLines } from '../../support/log-lines.ts';

let logs: ReturnType<typeof captureLogLines>;
beforeEach(() => {
  publishMetrics('test');
  logs = captureLogLines();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
});

const emf = () => logs.lines.filter((line) => '_aws' in line);

describe('metrics', () => {
  it('adds up one invocation’s counts into one EMF line per metric and dimension value', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    countCommand('report');
    countCommand('report');
    countCommand('show');
    countDigestPosted();
    publishMetrics('commitments-slack');
    expect(emf()).toEqual([
      expect.objectContaining({ service: 'commitments-slack', command: 'report', Commands: 2 }),
      expect.objectContaining({ service: 'commitments-slack', command: 'show', Commands: 1 }),
      expect.objectContaining({ service: 'commitments-slack', DigestsPosted: 1 }),
    ]);
    expect(emf()[0]).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'Commitments', Dimensions: [['service', 'command']], Metrics: [{ Name: 'Commands', Unit: 'Count' }] }] },
    });
    expect(emf()[2]).toMatchObject({ _aws: { CloudWatchMetrics: [{ Dimensions: [['service']] }] } });
  });

  it('starts again from zero after publishing', () => {
    countRefusedRequest('replay');
    publishMetrics('commitments-slack');
    expect(pendingCounts()).toEqual([]);
  });

  it('writes nothing when metrics are off, and nothing when nothing was counted', () => {
    countRefusedRequest('signature');
    publishMetrics('commitments-slack');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    publishMetrics('commitments-slack');
    expect(logs.lines).toEqual([]);
  });

  it('counts a handled error by kind and in total, the total being what the alarm watches', () => {
    countHandledError(new TypeError('x is undefined'));
    expect(pendingCounts()).toEqual([
      { metric: 'HandledErrors', dimension: { kind: 'TypeError' }, count: 1 },
      { metric: 'HandledErrors', count: 1 },
    ]);
  });
});

describe('errorKindOf', () => {
  it('names a known error by its code, others by their code or name', () => {
    expect(errorKindOf(new ConfigError('SLACK_BOT_TOKEN is missing'))).toBe('config');
    expect(errorKindOf(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    expect(errorKindOf(Object.assign(new Error('condition'), { name: 'ConditionalCheckFailedException' }))).toBe('ConditionalCheckFailedException');
    expect(errorKindOf('a string')).toBe('string');
  });
});
