import { describe, expect, it } from 'vitest';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { renderCommitment } from '#shared/slack/render/commitment';
import { MissingItemError, createStore } from '#shared/store/store';
import { AlreadyExistsError, ConflictError, InvalidInputError, NotFoundError } from '#shared/errors';
import { seedBusan } from '#shared/use-cases/seed';
import type { CommitmentDraft } from '#shared/domain/schemas';
import { useTestTable } from '../../support/dynamodb.ts';
import { countRequests } from '#local/request-counter';
import { EMPTIED_TITLE } from '#shared/store/parse';

const table = useTestTable();
const store = () => createStore({ client: table.client, tableName: table.tableName });
const now = new Date('2026-01-15T03:00:00Z');

const track = (teamId: string, slug = 'eu-japan', idPrefix = 'EJ') => ({
  teamId,
  slug,
  title: 'EU–Japan',
  parties: [
    { code: 'EU', name: 'European Union' },
    { code: 'JP', name: 'Japan' },
  ],
  timeZone: 'Europe/Brussels',
  idPrefix,
  createdAt: now.toISOString(),
  createdBy: 'U0ADMIN',
});

const draft: CommitmentDraft = {
  title: 'Sign the digital partnership',
  parties: ['EU', 'JP'],
  owners: [{ label: 'DG CNECT', slackUserId: 'U0OWNER' }],
  source: { meeting: 'EU–Japan summit', date: '2025-07-23', place: 'Tokyo', link: 'https://example.org/readout', point: '12' },
  kind: { type: 'one-off', due: '2026-03-31' },
  status: 'not-started',
};

describe('store', () => {
  it('writes each Slack owner’s ask record with the item, moves it with changes, and drops it for an owner removed or an item closed', async () => {
    const s = store();
    await s.createTrack(track('T0ASKS'));
    const item = await s.createCommitment('T0ASKS', 'eu-japan', draft, 'U0ADMIN', now);
    const asksOf = async () => (await s.getReport('T0ASKS', 'eu-japan')).asks?.map((a) => `${a.userId} ${a.askOn ?? '-'}`);
    // Named by someone else: told of it at their check-in today, though nothing falls due before it goes quiet on 15 February.
    expect(await asksOf()).toEqual(['U0OWNER 2026-01-15']);
    const { after } = await s.changeCommitment('T0ASKS', item.id, { type: 'field', field: 'owners', from: 'DG CNECT', to: '<@U0OTHER>' }, 'U0ADMIN', now);
    expect(after.owners).toEqual([{ label: '<@U0OTHER>', slackUserId: 'U0OTHER' }]);
    expect(await asksOf()).toEqual(['U0OTHER 2026-01-15']);
    // A change that keeps them before they are told: still today.
    await s.changeCommitment('T0ASKS', item.id, { type: 'note', text: 'Drafts exchanged' }, 'U0ADMIN', now);
    expect(await asksOf()).toEqual(['U0OTHER 2026-01-15']);
    await s.changeCommitment('T0ASKS', item.id, { type: 'status', from: 'not-started', to: 'done' }, 'U0ADMIN', now);
    expect(await asksOf()).toEqual(['U0OTHER -']);
  });

  it('writes the ask of an owner a change names for today, and of the one who made it from tomorrow', async () => {
    const s = store();
    await s.createTrack(track('T0NAMED'));
    // Due tomorrow: the day-before reminder is today.
    const person = (id: string) => ({ label: `<@${id}>`, slackUserId: id });
    const due = { ...draft, owners: [person('U0ADMIN'), person('U0NAMED')], kind: { type: 'one-off' as const, due: '2026-01-16' } };
    const item = await s.createCommitment('T0NAMED', 'eu-japan', due, 'U0ADMIN', now);
    const asksOf = async () => (await s.getReport('T0NAMED', 'eu-japan')).asks?.map((a) => `${a.userId} ${a.askOn ?? '-'}`);
    expect(await asksOf()).toEqual(['U0ADMIN 2026-01-17', 'U0NAMED 2026-01-15']);
    // U0NAMED hands their place on (Not mine): the new owner is asked today too, U0ADMIN still not.
    await s.changeCommitment('T0NAMED', item.id, { type: 'field', field: 'owners', from: '<@U0ADMIN>, <@U0NAMED>', to: '<@U0ADMIN>, <@U0NEXT>' }, 'U0NAMED', now);
    expect(await asksOf()).toEqual(['U0ADMIN 2026-01-17', 'U0NEXT 2026-01-15']);
  });

  it('reads a title stored as invisible marks alone before they were stripped as (untitled), so its track still reads and the title can be mended (issue 23)', async () => {
    const s = store();
    await s.createTrack(track('T0EMPTIED'));
    const item = await s.createCommitment('T0EMPTIED', 'eu-japan', draft, 'U0ADMIN', now);
    for (const sk of ['#TRACK', 'C#000001']) {
      const { Item } = await table.client.send(new GetItemCommand({ TableName: table.tableName, Key: marshall({ pk: 'T0EMPTIED#TRACK#eu-japan', sk }) }));
      await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: { ...Item, title: { S: '\u200b\u200b' } } }));
    }

    const report = await s.getReport('T0EMPTIED', 'eu-japan');
    expect([report.track.title, report.commitments[0]!.title]).toEqual([EMPTIED_TITLE, EMPTIED_TITLE]);
    const { after } = await s.changeCommitment('T0EMPTIED', item.id, { type: 'field', field: 'title', from: EMPTIED_TITLE, to: 'Sign the digital partnership' }, 'U0ADMIN', now);
    expect(after.title).toBe('Sign the digital partnership');
    // A title typed today of marks alone is still refused.
    await expect(s.createCommitment('T0EMPTIED', 'eu-japan', { ...draft, title: '\u200b' }, 'U0ADMIN', now)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('refuses a new item whose source link is not https, and still reads one stored before that rule (issue 13)', async () => {
    const s = store();
    await s.createTrack(track('T0LINK'));
    await expect(s.createCommitment('T0LINK', 'eu-japan', { ...draft, source: { ...draft.source, link: 'http://example.org/readout' } }, 'U0ADMIN', now)).rejects.toBeInstanceOf(InvalidInputError);
    const item = await s.createCommitment('T0LINK', 'eu-japan', draft, 'U0ADMIN', now);
    const { Item } = await table.client.send(new GetItemCommand({ TableName: table.tableName, Key: marshall({ pk: 'T0LINK#TRACK#eu-japan', sk: 'C#000001' }) }));
    await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: { ...Item, source: { M: { ...Item!['source']!.M, link: { S: 'http://example.org/old' } } } } }));

    const read = await s.getCommitment('T0LINK', item.id);
    expect(read.source.link).toBe('http://example.org/old');
    expect(renderCommitment(read, (await s.getReport('T0LINK', 'eu-japan')).track, now).blocks.map((b) => JSON.stringify(b)).join('')).not.toContain('http://example.org/old');
    const { after } = await s.changeCommitment('T0LINK', item.id, { type: 'status', from: read.status, to: 'done' }, 'U0ADMIN', now, read.version);
    expect(after.status).toBe('done');
  });

  it('round-trips a track, a commitment and its history', async () => {
    const s = store();
    const created = await s.createTrack(track('T0ROUND'));
    const item = await s.createCommitment('T0ROUND', 'eu-japan', draft, 'U0ADMIN', now);
    expect(item.id).toBe('EJ-1');
    expect(await s.getReport('T0ROUND', 'eu-japan')).toEqual({ track: created, commitments: [item], asks: [expect.objectContaining({ commitmentId: 'EJ-1', userId: 'U0OWNER' })] });
    expect(await s.getCommitment('T0ROUND', 'EJ-1')).toEqual(item);
    const history = await s.getHistory('T0ROUND', 'EJ-1');
    expect(history).toEqual([
      { teamId: 'T0ROUND', track: 'eu-japan', commitmentId: 'EJ-1', version: 1, at: now.toISOString(), by: 'U0ADMIN', change: { type: 'created', status: 'not-started' } },
    ]);
    const [summary] = await s.listTracks('T0ROUND');
    expect(summary).toMatchObject({ slug: 'eu-japan', idPrefix: 'EJ', lastSeq: 1, counts: { 'not-started': 1, done: 0 } });
  });

  it('records status, note, occurrence and field changes as history entries and keeps counts right', async () => {
    const s = store();
    await s.createTrack(track('T0CHANGE'));
    await s.createCommitment('T0CHANGE', 'eu-japan', draft, 'U0ADMIN', now);
    await s.changeCommitment('T0CHANGE', 'EJ-1', { type: 'status', from: 'not-started', to: 'in-progress', note: 'Drafting' }, 'U0A', now);
    await s.changeCommitment('T0CHANGE', 'EJ-1', { type: 'note', text: 'Text agreed at working level' }, 'U0B', now);
    await s.changeCommitment('T0CHANGE', 'EJ-1', { type: 'field', field: 'due', from: '2026-03-31', to: '2026-04-30' }, 'U0B', now);
    const item = await s.getCommitment('T0CHANGE', 'EJ-1');
    expect(item).toMatchObject({ status: 'in-progress', version: 4, kind: { type: 'one-off', due: '2026-04-30' } });
    expect(item.notes.map((n) => n.text)).toEqual(['Drafting', 'Text agreed at working level']);
    const history = await s.getHistory('T0CHANGE', 'EJ-1');
    expect(history.map((h) => [h.version, h.change.type])).toEqual([[1, 'created'], [2, 'status'], [3, 'note'], [4, 'field']]);
    const [summary] = await s.listTracks('T0CHANGE');
    expect(summary?.counts).toMatchObject({ 'not-started': 0, 'in-progress': 1 });
  });

  it('logs an occurrence only on a recurring item', async () => {
    const s = store();
    await s.createTrack(track('T0OCCUR'));
    await s.createCommitment('T0OCCUR', 'eu-japan', { ...draft, kind: { type: 'recurring', every: { count: 1, unit: 'years' } } }, 'U0A', now);
    await s.createCommitment('T0OCCUR', 'eu-japan', draft, 'U0A', now);
    const { after } = await s.changeCommitment('T0OCCUR', 'EJ-1', { type: 'occurrence', occurrence: { date: '2026-01-10', place: 'Brussels' } }, 'U0A', now);
    expect(after.kind).toEqual({ type: 'recurring', every: { count: 1, unit: 'years' }, occurrences: [{ date: '2026-01-10', place: 'Brussels' }] });
    await expect(
      s.changeCommitment('T0OCCUR', 'EJ-2', { type: 'occurrence', occurrence: { date: '2026-01-10' } }, 'U0A', now),
    ).rejects.toThrow(InvalidInputError);
    expect((await s.getCommitment('T0OCCUR', 'EJ-2')).version).toBe(1);
  });

  it('lets exactly one of 20 concurrent updates from the same version through', async () => {
    const s = store();
    await s.createTrack(track('T0RACE'));
    await s.createCommitment('T0RACE', 'eu-japan', draft, 'U0A', now);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        s.changeCommitment('T0RACE', 'EJ-1', { type: 'note', text: `note ${i}` }, 'U0A', now, 1),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConflictError);
    const history = await s.getHistory('T0RACE', 'EJ-1');
    expect(history).toHaveLength(2);
    expect((await s.getCommitment('T0RACE', 'EJ-1')).version).toBe(2);
  });

  it('gives concurrent creates distinct numbers and never overwrites', async () => {
    const s = store();
    await s.createTrack(track('T0MANY'));
    const items = await Promise.all(
      Array.from({ length: 8 }, (_, i) => s.createCommitment('T0MANY', 'eu-japan', { ...draft, title: `Item ${i}` }, 'U0A', now)),
    );
    expect(new Set(items.map((i) => i.id)).size).toBe(8);
    const report = await s.getReport('T0MANY', 'eu-japan');
    expect(report.commitments.map((c) => c.title).sort()).toEqual(items.map((i) => i.title).sort());
    await expect(s.createCommitment('T0MANY', 'eu-japan', draft, 'U0A', now, { seq: 3 })).rejects.toThrow(AlreadyExistsError);
    expect((await s.getCommitment('T0MANY', 'EJ-3')).title).toBe(items.find((i) => i.id === 'EJ-3')?.title);
  });

  it('numbers a batch of creates in order with one read of the counter and as few transactions as DynamoDB takes, also while single creates race it (cost audit)', async () => {
    const s = store();
    await s.createTrack(track('T0BATCH'));
    const settings = await s.getTrack('T0BATCH', 'eu-japan');
    // Each with an owner: the item, its history entry and its ask record, so 33 fit beside the counter in a transaction of 100.
    const drafts = Array.from({ length: 40 }, (_, i) => ({ ...draft, title: `Batch ${i}` }));
    const counter = countRequests(table.client);
    const batch = await s.createCommitments('T0BATCH', 'eu-japan', drafts, 'U0A', now, { track: settings });
    expect(Object.fromEntries(counter.counts)).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 2 });
    expect(batch.map((c) => `${c.id} ${c.title}`)).toEqual(drafts.map((d, i) => `EJ-${i + 1} ${d.title}`));
    const [raced] = await Promise.all([
      s.createCommitments('T0BATCH', 'eu-japan', drafts, 'U0A', now, { track: settings }),
      ...Array.from({ length: 6 }, (_, i) => s.createCommitment('T0BATCH', 'eu-japan', { ...draft, title: `Single ${i}` }, 'U0A', now, { track: settings })),
    ]);
    expect(raced.map((c) => c.title)).toEqual(drafts.map((d) => d.title));
    expect(raced.map((c) => c.seq)).toEqual(raced.map((c) => c.seq).sort((a, b) => a - b));
    const report = await s.getReport('T0BATCH', 'eu-japan');
    expect(new Set(report.commitments.map((c) => c.id)).size).toBe(86);
    expect(report.asks).toHaveLength(86);
    expect((await s.listTracks('T0BATCH'))[0]).toMatchObject({ lastSeq: 86, counts: { 'not-started': 86 } });
  });

  it('refuses a second track with the same slug or id prefix', async () => {
    const s = store();
    await s.createTrack(track('T0DUP'));
    await expect(s.createTrack({ ...track('T0DUP'), title: 'Other' })).rejects.toThrow(/eu-japan is not available as a slug/);
    await expect(s.createTrack(track('T0DUP', 'eu-japan-2'))).rejects.toThrow(/The id prefix EJ is not available/);
    expect(await s.listTracks('T0DUP')).toHaveLength(1);
  });

  it('never lets one team read another team’s track with the same slug', async () => {
    const s = store();
    await s.createTrack(track('T0ALPHA'));
    await s.createCommitment('T0ALPHA', 'eu-japan', draft, 'U0A', now);
    await expect(s.getReport('T0BRAVO', 'eu-japan')).rejects.toThrow(NotFoundError);
    await expect(s.getCommitment('T0BRAVO', 'EJ-1')).rejects.toThrow(NotFoundError);
    expect(await s.listTracks('T0BRAVO')).toEqual([]);
    await s.createTrack({ ...track('T0BRAVO'), title: 'Bravo’s own' });
    expect((await s.getReport('T0BRAVO', 'eu-japan')).commitments).toEqual([]);
    expect((await s.getReport('T0ALPHA', 'eu-japan')).commitments).toHaveLength(1);
  });

  it('answers unknown tracks and ids with a not-found error', async () => {
    const s = store();
    await s.createTrack(track('T0MISS'));
    await expect(s.getReport('T0MISS', 'nowhere')).rejects.toThrow(NotFoundError);
    await expect(s.getCommitment('T0MISS', 'EJ-9')).rejects.toThrow(NotFoundError);
    await expect(s.getCommitment('T0MISS', 'ZZ-1')).rejects.toThrow(NotFoundError);
    await expect(s.createCommitment('T0MISS', 'nowhere', draft, 'U0A', now)).rejects.toThrow(NotFoundError);
  });

  it('says which track holds a missing id, so the use case decides who is told it is missing (issue 23)', async () => {
    const s = store();
    const created = await s.createTrack(track('T0GONE'));
    const missing = await s.getCommitmentWithTrack('T0GONE', 'EJ-9').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(MissingItemError);
    expect((missing as MissingItemError).track).toEqual(created);
    await expect(s.getCommitmentWithTrack('T0GONE', 'ZZ-9')).rejects.toThrow('No track uses the prefix ZZ, so there is no ZZ-9.');
  });

  it('reads a checked track’s items alone, and which prefixes are free (issue 23)', async () => {
    const s = store();
    const created = await s.createTrack(track('T0ITEMS'));
    await s.createCommitment('T0ITEMS', 'eu-japan', draft, 'U0A', now);
    expect(await s.getReportOf(created)).toEqual(await s.getReport('T0ITEMS', 'eu-japan'));
    expect(await s.freePrefixes('T0ITEMS', ['EJ', 'EJA', 'QQ'])).toEqual(['EJA', 'QQ']);
  });

  it('writes nothing for an invalid draft and names the field', async () => {
    const s = store();
    await s.createTrack(track('T0BAD'));
    await expect(s.createCommitment('T0BAD', 'eu-japan', { ...draft, title: '' }, 'U0A', now)).rejects.toThrow(/title/);
    await expect(
      s.createCommitment('T0BAD', 'eu-japan', { ...draft, kind: { type: 'one-off', due: '2026-02-30' } }, 'U0A', now),
    ).rejects.toThrow(/due date must be a real date/);
    expect((await s.getReport('T0BAD', 'eu-japan')).commitments).toEqual([]);
    expect((await s.listTracks('T0BAD'))[0]?.lastSeq).toBe(0);
  });

  it('reads a report in exactly one request', async () => {
    const s = store();
    await seedBusan(s, 'T0COUNT', now);
    const counter = countRequests(table.client);
    const report = await s.getReport('T0COUNT', 'japan-korea');
    expect(report.commitments).toHaveLength(5);
    expect(Object.fromEntries(counter.counts)).toEqual({ QueryCommand: 1 });
    counter.reset();
    await s.listTracks('T0COUNT');
    expect(Object.fromEntries(counter.counts)).toEqual({ QueryCommand: 1 });
    counter.reset();
    await s.getCommitment('T0COUNT', 'JK-4');
    await s.getCommitment('T0COUNT', 'JK-3');
    expect(Object.fromEntries(counter.counts)).toEqual({ GetItemCommand: 3 });
  });
});

describe('seeding the Busan data set', () => {
  it('loads the track and its five commitments with the follow-ups reported by now; a second run changes nothing, a later one adds what happened since', async () => {
    const s = store();
    const first = await seedBusan(s, 'T0SEED', now);
    // By 15 Jan 2026: five of the reported events (issue 15); two more come later in January.
    expect(first).toEqual({ trackCreated: true, created: ['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5'], existing: [], followUps: 5 });
    const before = await s.getReport('T0SEED', 'japan-korea');
    const second = await seedBusan(s, 'T0SEED', now);
    expect(second).toEqual({ trackCreated: false, created: [], existing: ['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5'], followUps: 0 });
    expect(await s.getReport('T0SEED', 'japan-korea')).toEqual(before);
    expect(await s.getHistory('T0SEED', 'JK-4')).toHaveLength(2);
    expect(before.commitments.map((c) => c.source.date)).toEqual(Array(5).fill('2025-09-30'));
    const later = await seedBusan(s, 'T0SEED', new Date('2026-02-01T00:00:00Z'));
    expect(later).toMatchObject({ created: [], followUps: 2 });
  });
});

describe('track access', () => {
  it('reads a track stored before roles with no members, visible to the workspace, at version 1', async () => {
    const { PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const s = store();
    await s.createTrack(track('T0LEGACY'));
    // As a track written before roles existed: an `editors` list, no members, no version.
    const { members: _m, visibility: _v, channels: _c, version: _version, ...legacy } = await s.getTrack('T0LEGACY', 'eu-japan');
    await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: marshall({ pk: 'T0LEGACY#TRACK#eu-japan', sk: '#TRACK', type: 'track', ...legacy, editors: [] }) }));
    const read = await s.getTrack('T0LEGACY', 'eu-japan');
    expect(read).toMatchObject({ members: {}, visibility: 'workspace', channels: [], version: 1 });
    expect(read).not.toHaveProperty('editors');
    const [summary] = await s.listTracks('T0LEGACY');
    expect(summary).toMatchObject({ members: {}, visibility: 'workspace', channels: [] });
  });

  it('saves roles, visibility and links with a history entry and refuses a stale version', async () => {
    const s = store();
    const before = await s.createTrack(track('T0ACCESS'));
    const after = await s.saveTrackAccess(before, { ...before, members: { U0MARIA: 'owner' }, visibility: 'private', channels: ['C0TEAM'] }, [
      { type: 'role', userId: 'U0MARIA', to: 'owner' },
      { type: 'visibility', from: 'workspace', to: 'private' },
      { type: 'link', channelId: 'C0TEAM' },
    ], 'U0ADMIN', now);
    expect(after.version).toBe(2);
    expect(await s.getTrack('T0ACCESS', 'eu-japan')).toEqual(after);
    expect((await s.listTracks('T0ACCESS'))[0]).toMatchObject({ members: { U0MARIA: 'owner' }, visibility: 'private', channels: ['C0TEAM'] });
    expect(await s.getTrackHistory('T0ACCESS', 'eu-japan')).toEqual([
      expect.objectContaining({ version: 2, by: 'U0ADMIN', changes: expect.arrayContaining([{ type: 'link', channelId: 'C0TEAM' }]) }),
    ]);
    await expect(s.saveTrackAccess(before, { ...before, visibility: 'private' }, [{ type: 'visibility', from: 'workspace', to: 'private' }], 'U0ADMIN', now)).rejects.toBeInstanceOf(ConflictError);
    expect(await s.getTrack('T0ACCESS', 'eu-japan')).toEqual(after);
    expect((await s.getReport('T0ACCESS', 'eu-japan')).commitments).toEqual([]);
  });
});
