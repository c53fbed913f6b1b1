import { describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.ts';
import { createApp, synthCommitments } from './synth.ts';

const configOf = (context: Record<string, unknown>) => readConfig(createApp(context).node);

describe('readConfig', () => {
  it('sweeps every 5 minutes with no alarm email and no Slack API URL by default', () => {
    expect(configOf({})).toEqual({ scheduleRate: 5 });
  });

  it('accepts values given as strings with -c on the command line', () => {
    expect(
      configOf({ scheduleRate: '15', alarmEmail: 'ops@example.org', slackApiUrl: 'https://slack-gov.com/api/' }),
    ).toEqual({ scheduleRate: 15, alarmEmail: 'ops@example.org', slackApiUrl: 'https://slack-gov.com/api/' });
  });

  it('treats an empty alarm email as none', () => {
    expect(configOf({ alarmEmail: '' }).alarmEmail).toBeUndefined();
  });

  it.each([0, -5, 2.5, 'often', 1441])('rejects the schedule rate %j, naming the key', (scheduleRate) => {
    expect(() => configOf({ scheduleRate })).toThrow(/context "scheduleRate"/);
  });

  it('rejects a Slack API URL that is not https', () => {
    expect(() => configOf({ slackApiUrl: 'http://localhost:3000/api/' })).toThrow(/context "slackApiUrl"/);
  });

  it('rejects an alarm email that is not an address', () => {
    expect(() => configOf({ alarmEmail: 'ops' })).toThrow(/context "alarmEmail"/);
  });

  it('reads where the docs are (docsUrl) and refuses one that is not https', () => {
    expect(configOf({ docsUrl: 'https://docs.example.org/commitments/' }).docsUrl).toBe('https://docs.example.org/commitments/');
    expect(() => configOf({ docsUrl: 'docs/commitments.md' })).toThrow(/context "docsUrl"/);
  });
});

describe('the docs link of the install page', () => {
  const slackFunctionEnv = (context: Record<string, unknown>) =>
    Object.values(synthCommitments(context).statelessTemplate.findResources('AWS::Lambda::Function'))
      .map((fn) => fn.Properties.Environment.Variables as Record<string, unknown>)
      .find((env) => env['POWERTOOLS_SERVICE_NAME'] === 'commitments-slack');

  // Synthesized as the file loads, as the stack tests do: two synths outlast a test's time on a busy machine.
  const named = slackFunctionEnv({ docsUrl: 'https://docs.example.org/commitments/' });
  const unnamed = slackFunctionEnv({});

  it('is given to the Slack function as DOCS_URL from the docsUrl context, and left out without it', () => {
    expect(named?.['DOCS_URL']).toBe('https://docs.example.org/commitments/');
    expect(unnamed).toBeDefined();
    expect(unnamed?.['DOCS_URL']).toBeUndefined();
  });
});
