import { beforeAll, describe, expect, it } from 'vitest';
import { SlackUserSchema } from '#shared/domain/access';
import { createPeopleStore } from '#shared/store/people';
import { seedBusan } from '#shared/use-cases/seed';
import type { FakeInstallGrant } from '#local/fake-slack';
import { browserGet, commandEvent } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';

/** Issue 23: who manages the app comes from its own record, never from whoever installed it last. */
const harness = useSlackHandler({ oauth: true });
const TEAM = 'T0TAKE';
const PEOPLE = { first: 'U0FIRST', owner: 'U0OWNER', mallory: 'U0MALLORY', admin: 'U0ADMIN', named: 'U0NAMED', guest: 'U0GUEST' } as const;
let sent = 0;

const people = () => createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });

/** A whole install through the install page and Slack's consent, as a browser does it. */
async function install(grant: FakeInstallGrant): Promise<void> {
  const page = await harness.send(browserGet('/slack/install'));
  const href = /id="add-to-slack" href="([^"]+)"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
  const state = new URL(href).searchParams.get('state')!;
  const code = `code-${grant.botToken}`;
  harness.slack.installGrants.set(code, grant);
  const done = await harness.send(browserGet('/slack/oauth_redirect', { query: { code, state }, cookies: [page.cookies[0]!.split(';')[0]!] }));
  expect(done.statusCode).toBe(200);
}

async function command(text: string, userId: string, teamId = TEAM): Promise<string> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`m${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return String(result.json()['text'] ?? '');
}

const members = async () => (await harness.store().getTrack(TEAM, 'secret')).members;

beforeAll(async () => {
  Object.assign(harness.slack.options, { users: { [PEOPLE.admin]: { is_admin: true }, [PEOPLE.guest]: { is_restricted: true } } });
  await install({ teamId: TEAM, teamName: 'Take', botToken: 'xoxb-take-1', installerUserId: PEOPLE.first });
  expect(await command('track add secret "Secret talks" parties AA,BB tz UTC prefix SE', PEOPLE.owner)).toContain('Created track secret');
  expect(await command('secret visibility private', PEOPLE.owner)).toContain('private');
  expect(await command('add secret "Hidden item"', PEOPLE.owner)).toContain('Added SE-1');
});

describe('the app manager', () => {
  it('is recorded at the first install: its installer, set by the install', async () => {
    expect(await people().getManager(TEAM)).toMatchObject({ teamId: TEAM, userId: PEOPLE.first, setBy: 'install' });
    // The first installer manages every track: the private one is theirs to read.
    expect(await command('secret', PEOPLE.first)).toContain('SE-1');
  });

  it('is not taken by a member who installs the app again: they cannot read a private track or change its roles', async () => {
    await install({ teamId: TEAM, teamName: 'Take', botToken: 'xoxb-take-2', installerUserId: PEOPLE.mallory });
    expect(await people().getManager(TEAM)).toMatchObject({ userId: PEOPLE.first, setBy: 'install' });
    const before = await members();
    expect(await command('secret', PEOPLE.mallory)).toContain('There is no track called "secret"');
    expect(await command('show SE-1', PEOPLE.mallory)).toMatch(/No track uses the prefix SE|There is no SE-1/);
    expect(await command(`secret roles add <@${PEOPLE.mallory}> owner`, PEOPLE.mallory)).toContain('There is no track called');
    expect(await command(`secret roles remove <@${PEOPLE.owner}>`, PEOPLE.mallory)).toContain('There is no track called');
    expect(await members()).toEqual(before);
    expect(await command('manager', PEOPLE.mallory)).toContain('Only Slack admins');
  });

  it('is shown in /commitments to those who manage every track, and to nobody else', async () => {
    expect(await command('', PEOPLE.admin)).toContain(`App manager: <@${PEOPLE.first}>`);
    expect(await command('', PEOPLE.first)).toContain(`App manager: <@${PEOPLE.first}>`);
    expect(await command('', PEOPLE.owner)).not.toContain('App manager');
    expect(await command('', PEOPLE.mallory)).not.toContain('App manager');
    expect(await command('manager', PEOPLE.admin)).toContain(`App manager: <@${PEOPLE.first}>`);
  });

  it('is changed by a Slack admin, and the new one manages every track at once', async () => {
    expect(await command(`manager <@${PEOPLE.named}|named>`, PEOPLE.admin)).toContain(`<@${PEOPLE.named}> is now the app manager`);
    expect(await people().getManager(TEAM)).toMatchObject({ userId: PEOPLE.named, setBy: PEOPLE.admin });
    expect(await command('secret', PEOPLE.named)).toContain('SE-1');
    expect(await command('secret', PEOPLE.first)).toContain('There is no track called');
    // An item of the private track may be handed to the app manager, who reads it, and to no member without a role.
    expect(await command(`add secret "For the manager" owner <@${PEOPLE.named}>`, PEOPLE.owner)).toContain('Added SE-2');
    expect(await command(`add secret "For the previous one" owner <@${PEOPLE.first}>`, PEOPLE.owner)).not.toContain('Added');
  });

  it('is refused to anyone but a Slack admin, the app manager included, and nothing is written', async () => {
    const before = await people().getManager(TEAM);
    for (const who of [PEOPLE.mallory, PEOPLE.owner, PEOPLE.named]) {
      expect(await command(`manager <@${PEOPLE.mallory}>`, who)).toContain('Only Slack admins and owners of this workspace can choose the app manager');
    }
    expect(await command('manager none', PEOPLE.guest)).toContain('Guests and people from other organisations');
    expect(await command(`manager <@${PEOPLE.guest}>`, PEOPLE.admin)).toContain('cannot manage the app');
    expect(await people().getManager(TEAM)).toEqual(before);
  });

  it('is refused to someone whose record over an hour old says member once Slack, asked again, says guest', async () => {
    const before = await people().getManager(TEAM);
    const asOf = Date.now() - 2 * 3_600_000;
    await people().save({ teamId: TEAM, userId: 'U0NOWGUEST', user: SlackUserSchema.parse({ id: 'U0NOWGUEST' }), fetchedAt: new Date(asOf).toISOString(), asOf });
    harness.slack.options.users = { ...harness.slack.options.users, U0NOWGUEST: { is_restricted: true } };
    const asked = harness.slack.callsTo('users.info').filter((call) => call.args['user'] === 'U0NOWGUEST').length;
    expect(await command('manager <@U0NOWGUEST>', PEOPLE.admin)).toContain('cannot manage the app');
    expect(harness.slack.callsTo('users.info').filter((call) => call.args['user'] === 'U0NOWGUEST')).toHaveLength(asked + 1);
    expect(await people().getManager(TEAM)).toEqual(before);
  });

  it('is cleared by a Slack admin, and no later install fills it again', async () => {
    expect(await command('manager none', PEOPLE.admin)).toContain('Nobody is the app manager now');
    expect(await command('secret', PEOPLE.named)).toContain('There is no track called');
    await install({ teamId: TEAM, teamName: 'Take', botToken: 'xoxb-take-3', installerUserId: PEOPLE.mallory });
    const record = await people().getManager(TEAM);
    expect(record?.userId).toBeUndefined();
    expect(await command('secret', PEOPLE.mallory)).toContain('There is no track called');
    expect(await command('', PEOPLE.admin)).toContain('App manager: nobody');
  });

  it('answers a mention it cannot use with the right form, and writes nothing', async () => {
    const before = await people().getManager(TEAM);
    expect(await command('manager maria', PEOPLE.admin)).toContain('is not a person');
    expect(await command(`manager <@${PEOPLE.named}> extra`, PEOPLE.admin)).toMatch(/manager \[@user \| none\]/);
    expect(await people().getManager(TEAM)).toEqual(before);
  });

  it('is nobody after an install into a workspace that already has tracks (it used the app before the record existed)', async () => {
    await seedBusan(harness.store(), 'T0OLD', new Date('2026-03-01T00:00:00Z'));
    await install({ teamId: 'T0OLD', teamName: 'Old', botToken: 'xoxb-old', installerUserId: PEOPLE.mallory });
    expect(await people().getManager('T0OLD')).toMatchObject({ teamId: 'T0OLD', setBy: 'install' });
    expect((await people().getManager('T0OLD'))?.userId).toBeUndefined();
    expect(await command('japan-korea roles add <@U0MALLORY> owner', PEOPLE.mallory, 'T0OLD')).toContain('Only the owners');
  });
});
