import { beforeAll, describe, expect, it } from 'vitest';
import { commandEvent } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { tableItems } from '../../support/slack-commands.ts';

const harness = useSlackHandler();
const TEAM = 'T0EXPORTWORDS';
const OWNER = 'U0OWNER';
let sent = 0;

async function command(text: string, userId: string): Promise<string> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`exw${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return result.body ? String(result.json()['text'] ?? '') : '';
}

const uploads = () => harness.slack.calls.filter((c) => c.method.startsWith('files.')).length;

beforeAll(async () => {
  Object.assign(harness.slack.options, { users: { U0GUEST: { is_restricted: true } } });
  expect(await command('track add ex "Export words" parties AA tz UTC prefix EX', OWNER)).toContain('Created track ex');
  expect(await command('add ex "First item"', OWNER)).toContain('Added EX-1');
  expect(await command('ex roles add <@U0VIEWER> viewer', OWNER)).toContain('is now a viewer of ex');
  expect(await command('ex roles add <@U0GUEST> viewer', OWNER)).toContain('is now a viewer of ex');
});

describe('a refused export says what was refused (issue 25)', () => {
  it('tells a viewer that owners and editors export, not that they change it', async () => {
    const [before, files] = [await tableItems(harness), uploads()];
    expect(await command('ex export', 'U0VIEWER')).toBe('Only the owners and editors of ex can export it; ask an owner for the editor role.');
    expect(await command('ex export', 'U0NOROLE')).toBe('Only the owners and editors of ex can export it; ask an owner for the editor role.');
    expect([await tableItems(harness), uploads()]).toEqual([before, files]);
  });

  it('tells a guest they can read the track but not export it', async () => {
    const files = uploads();
    expect(await command('ex export', 'U0GUEST')).toBe('Guests and people from other organisations can read ex but not export it.');
    expect(uploads()).toBe(files);
  });

  it('still tells a viewer who writes a note that they cannot change it', async () => {
    expect(await command('note EX-1 "from a viewer"', 'U0VIEWER')).toMatch(/Only the owners and editors of ex can change it/);
  });
});
