import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlreadyExistsError, ConfigError, InvalidInputError, NotFoundError } from '#shared/errors';
import { createLogger } from '#shared/observe/log';
import { answerError, answerFormError, peopleNamed, type FormFields } from '#shared/slack/answer-error';
import { captureLogLines } from '../../support/log-lines.ts';

let capture: ReturnType<typeof captureLogLines>;
beforeEach(() => {
  capture = captureLogLines();
});
afterEach(() => capture.restore());

function recordingLog() {
  return { lines: capture.lines, log: createLogger('test', 'DEBUG') };
}

const TRACK_FORM: FormFields = { default: 'slug', timeZone: 'time_zone', idPrefix: 'prefix' };

describe('answerFormError', () => {
  it('shows a known error beside the block of the field it names', () => {
    const { log } = recordingLog();
    const error = new InvalidInputError('timeZone is not a time zone I know.', undefined, { field: 'timeZone' });
    expect(answerFormError(error, TRACK_FORM, log)).toEqual({ response_action: 'errors', errors: { time_zone: 'timeZone is not a time zone I know.' } });
  });

  it('maps a field on any known error, not only bad input', () => {
    const { log } = recordingLog();
    const error = new AlreadyExistsError('Another track already uses the id prefix JK.', { field: 'idPrefix' });
    expect(answerFormError(error, TRACK_FORM, log).errors).toEqual({ prefix: 'Another track already uses the id prefix JK.' });
  });

  it('shows a known error without a field, or with one the form lacks, beside the default block', () => {
    const { log } = recordingLog();
    expect(answerFormError(new NotFoundError('There is no track called x.'), TRACK_FORM, log).errors).toEqual({ slug: 'There is no track called x.' });
    expect(answerFormError(new InvalidInputError('owners are too many.', undefined, { field: 'owners' }), TRACK_FORM, log).errors).toEqual({
      slug: 'owners are too many.',
    });
  });

  it('shows an unexpected error as a generic line with an id that is in the log', () => {
    const { log, lines } = recordingLog();
    const answer = answerFormError(new Error('socket hang up'), TRACK_FORM, log);
    const text = answer.errors['slug'] ?? '';
    expect(text).toMatch(/^Something went wrong on our side; nothing was changed\. If it keeps happening, quote error id [0-9a-f]{8}\.$/);
    expect(text).not.toContain('socket hang up');
    const errorId = /error id ([0-9a-f]{8})/.exec(text)?.[1];
    expect(lines).toContainEqual(expect.objectContaining({ level: 'ERROR', message: 'unexpected error', errorId }));
  });

  it('treats configuration errors as unexpected, even with a field', () => {
    const { log } = recordingLog();
    const answer = answerFormError(new ConfigError('SLACK_BOT_TOKEN is missing', { field: 'timeZone' }), TRACK_FORM, log);
    expect(answer.errors).toEqual({ slug: expect.stringMatching(/^Something went wrong on our side/) });
  });

  it('writes the people a refusal names by name, since a field error is plain text, and leaves anyone it has no name for as they were', () => {
    const { log } = recordingLog();
    const refusal = (who: string) =>
      new InvalidInputError(`${who} is a bot; only people can hold a role.`, undefined, { field: 'owners', say: { key: 'roles.notPerson', values: { who, what: 'bot' } } });
    expect(peopleNamed(refusal('<@U0BOT>'))).toEqual(['U0BOT']);
    const names = new Map([['U0BOT', 'Reminder <Bot>']]);
    expect(answerFormError(refusal('<@U0BOT>'), TRACK_FORM, log, undefined, names).errors['slug']).toMatch(/^@Reminder <Bot> is a bot/);
    expect(answerFormError(refusal('<@U0ROB>'), TRACK_FORM, log, undefined, names).errors['slug']).toMatch(/^<@U0ROB> is a bot/);
    // Only values that are exactly a mention name someone.
    expect(peopleNamed(refusal('<@U0BOT> and <@U0ROB>'))).toEqual([]);
  });

  it('names nobody in an unexpected error, whatever it holds', () => {
    expect(peopleNamed(new Error('<@U0BOT>'))).toEqual([]);
    expect(peopleNamed(new ConfigError('x', { say: { key: 'x', values: { who: '<@U0BOT>' } } }))).toEqual([]);
  });

  it('keeps the text within Slack’s 150 characters for a form error', () => {
    const { log } = recordingLog();
    const answer = answerFormError(new InvalidInputError('x'.repeat(400)), TRACK_FORM, log);
    expect(answer.errors['slug']).toHaveLength(150);
  });
});

describe('answerError', () => {
  it('answers known bad input with its text and the right form', () => {
    const { log } = recordingLog();
    expect(answerError(new InvalidInputError('"someday" is not a date I can read.', 'a date like 2026-03-31'), log).text).toBe(
      '"someday" is not a date I can read.\nTry: a date like 2026-03-31',
    );
  });

  it('answers an unexpected error with a generic line and a logged id', () => {
    const { log, lines } = recordingLog();
    const text = answerError(new TypeError('boom'), log).text;
    const errorId = /error id ([0-9a-f]{8})/.exec(text)?.[1];
    expect(errorId).toBeDefined();
    expect(lines).toContainEqual(expect.objectContaining({ message: 'unexpected error', errorId }));
  });
});
