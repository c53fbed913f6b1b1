import { describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.ts';
import { createApp } from './synth.ts';

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
});
