import { beforeAll, describe, expect, it } from 'vitest';
import { commandEvent, interactionEvent } from '#local/slack-request';
import { COMMANDS } from '#shared/commands/registry';
import { commandWordSlug } from '#shared/commands/track-add';
import type { Track, TrackChange } from '#shared/domain/schemas';
import { ForbiddenError } from '#shared/errors';
import { EN } from '#shared/i18n/translator';
import { addTrackModal } from '#shared/slack/render/modals';
import { renderProblem } from '#shared/slack/render/notice';
import { describeAccessChanges, ROLE_INPUTS, rolesModal } from '#shared/slack/render/roles';
import { createdTrackLine } from '#shared/use-cases/commitments';
import { requireManagesApp } from '#shared/use-cases/app-manager';
import type { Caller } from '#shared/use-cases/commitments';
import { englishLeftIn, pseudoTranslator, shownTexts } from '../../support/pseudo-locale.ts';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { speakers } from '../../support/languages.ts';

/** Issue 26: managing a track (track add and its form, roles and their form, visibility, link, manager) speaks the caller's language. */
const TEAM = 'T0TRACKS';
const PEOPLE = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE', jaAdmin: 'U0SATO', koAdmin: 'U0PARK', guest: 'U0GUEST', bot: 'U0BOT' } as const;

const harness = useSlackHandler();
let sent = 0;

type Answer = { text: string; blocks: unknown[] };

async function command(text: string, userId: string): Promise<Answer & { responseUrl: string }> {
  sent += 1;
  const responseUrl = harness.slack.responseUrl(`tracks${sent}`);
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId: 'C0GENERAL', responseUrl, triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return { ...(result.body ? (result.json() as Answer) : { text: '', blocks: [] }), responseUrl };
}

/** The view the last command opened. */
function openedView(): Record<string, unknown> {
  return harness.slack.callsTo('views.open').at(-1)!.args['view'] as Record<string, unknown>;
}

/** The words command forms take (`owner`, `fy`, `none`, …): command syntax, which a message may name in any language. */
const COMMAND_WORDS = new Set(COMMANDS.flatMap((c) => [c.usage.split('  (')[0]!, ...c.examples]).flatMap((form) => form.toLowerCase().match(/[a-z]+/g) ?? []));

const shown = (answer: unknown) => shownTexts(answer).join('\n');
/** What the add-track form shows as written in every language: its placeholders (examples of what to type) and the time-zone standard's name. */
const FORM_EXAMPLES = ['JP, KR', 'JK', 'IANA'];

beforeAll(() => {
  speakers(harness, TEAM, PEOPLE, {
    [PEOPLE.jaAdmin]: { locale: 'ja-JP', is_admin: true },
    [PEOPLE.koAdmin]: { locale: 'ko-KR', is_admin: true },
    [PEOPLE.guest]: { is_restricted: true },
    [PEOPLE.bot]: { is_bot: true },
  });
});

/** Submits the form the last command opened, with these values by block, as `userId`. */
async function submitView(values: Record<string, Record<string, unknown>>, userId: string) {
  const view = openedView();
  const state = Object.fromEntries(Object.entries(values).map(([block, element]) => [block, { [block]: element }]));
  sent += 1;
  return harness.send(
    interactionEvent({
      type: 'view_submission',
      team: { id: TEAM, domain: 'tracks' },
      user: { id: userId, team_id: TEAM },
      api_app_id: 'A0COMMIT',
      trigger_id: `t${sent}`,
      view: { id: 'V0FAKE', type: 'modal', callback_id: view['callback_id'], private_metadata: view['private_metadata'], state: { values: state }, hash: `h${sent}` },
    }),
  );
}

/** The roles form's lists as Slack sends them. */
function roleLists(lists: Record<'owner' | 'editor' | 'viewer', string[]>) {
  return Object.fromEntries((Object.keys(lists) as (keyof typeof lists)[]).map((role) => [ROLE_INPUTS[role], { type: 'multi_users_select', selected_users: lists[role] }]));
}

const typed = (value: string) => ({ type: 'plain_text_input', value });

/** What was posted to a command's response_url after the answer (a form's confirmation). */
function postedTo(responseUrl: string): string[] {
  const id = responseUrl.split('/').at(-1)!;
  return harness.slack.callsTo(`response_url:${id}`).map((call) => String(call.args['text'] ?? ''));
}

describe('a Japanese Slack user (ja-JP) managing a track', () => {
  it('creates a track in Japanese, says when its initials were taken, and opens the new-track form in Japanese', async () => {
    expect((await command('track add tokyo "東京 & 会合" parties JP,KR tz Asia/Tokyo', PEOPLE.ja)).text).toBe(
      'トラック tokyo (東京 &amp; 会合) を作成しました。項目には T-1、T-2、… と番号が付きます。',
    );
    expect((await command('track add talks "協議" parties JP,KR tz Asia/Tokyo', PEOPLE.ja)).text).toBe(
      'トラック talks (協議) を作成しました。T は使用できなかったため、項目には TA-1、TA-2、… と番号が付きます。',
    );
    const opened = harness.slack.callsTo('views.open').length;
    await command('track add osaka', PEOPLE.ja);
    expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
    const form = openedView();
    expect(form).toMatchObject({ title: { text: 'トラックを追加' }, submit: { text: '作成' } });
    expect(shown(form)).toContain('スラッグ(小文字の英単語をハイフンでつなぐ)');
    expect(englishLeftIn(shown(form), { people: FORM_EXAMPLES, slugs: ['japan-korea'] })).toEqual([]);
  });

  it('creates a track from the new-track form in Japanese, and refuses a command word beside its slug in Japanese', async () => {
    const { responseUrl } = await command('track add nagano', PEOPLE.ja);
    const form = (slug: string) => ({ slug: typed(slug), title: typed('長野'), parties: typed('JP, KR'), time_zone: typed('Asia/Tokyo'), prefix: typed('NG') });
    expect((await submitView(form('help'), PEOPLE.ja)).json()).toEqual({
      response_action: 'errors',
      errors: { slug: '「help」はコマンドの語なので、help というトラックは呼び出せません。help-track など、別のスラッグを選んでください。' },
    });
    expect((await submitView(form('nagano'), PEOPLE.ja)).body).toBe('');
    expect(postedTo(responseUrl).join('\n')).toContain('トラック nagano (長野) を作成しました。項目には NG-1、NG-2、… と番号が付きます。');
  });

  it('gives and lists roles in Japanese, on the command, the roles form and its confirmation', async () => {
    expect((await command(`tokyo roles add <@${PEOPLE.ko}> editor`, PEOPLE.ja)).text).toBe(`<@${PEOPLE.ko}> は tokyo の編集者になりました。`);
    const { responseUrl } = await command('tokyo roles', PEOPLE.ja);
    const form = openedView();
    expect(form).toMatchObject({ title: { text: 'ロール: tokyo' }, submit: { text: '保存' } });
    expect(shown(form)).toContain('ワークスペースの全員が閲覧できます。');
    expect(shown(form)).toContain('編集者(項目、評価、ダイジェスト、エクスポート)');
    expect(englishLeftIn(shown(form), { slugs: ['tokyo'] })).toEqual([]);
    const lists = roleLists({ owner: [PEOPLE.ja], editor: [PEOPLE.ko], viewer: [PEOPLE.en] });
    expect((await submitView(lists, PEOPLE.ja)).body).toBe('');
    expect(postedTo(responseUrl).join('\n')).toContain(`<@${PEOPLE.en}> は tokyo の閲覧者になりました。`);
    // The same form sent again is older than the track now: refused beside its first list, in Japanese.
    expect((await submitView(lists, PEOPLE.ja)).json()).toEqual({
      response_action: 'errors',
      errors: { [ROLE_INPUTS.owner]: 'このフォームを開いた後に、誰かが tokyo を使える人を変更しました。何も保存していません。もう一度開いてください。' },
    });
  });

  it('changes visibility and links channels in Japanese', async () => {
    expect((await command('tokyo visibility private', PEOPLE.ja)).text).toBe('tokyo を非公開にしました。メンバーとリンクしたチャンネルだけが閲覧できます。');
    expect((await command('tokyo link', PEOPLE.ja)).text).toBe('<#C0GENERAL> を tokyo にリンクしました。そのチャンネルの全員が閲覧できます。');
    expect((await command('tokyo unlink <#C0GENERAL|general>', PEOPLE.ja)).text).toBe('<#C0GENERAL> と tokyo のリンクを解除しました。');
  });

  it('is refused in Japanese, each refusal with the right form under it, and nothing is written', async () => {
    const before = (await harness.store().getTrack(TEAM, 'tokyo')).version;
    const guest = await command(`tokyo roles add <@${PEOPLE.guest}> editor`, PEOPLE.ja);
    expect(guest.text).toBe(`<@${PEOPLE.guest}> はゲストまたは他の組織の方なので、閲覧者にしかなれません。何も変更していません。`);
    expect((await command('tokyo visibility private', PEOPLE.ja)).text).toBe('tokyo はすでに非公開になっています。何も変更していません。');
    expect((await command(`tokyo roles remove <@${PEOPLE.ja}>`, PEOPLE.ja)).text).toBe(
      'tokyo のオーナーがいなくなります(ユーザーグループは数えません)。先に他の人をオーナーにしてください。何も変更していません。',
    );
    expect((await command('tokyo unlink', PEOPLE.ja)).text).toBe('&lt;#C0GENERAL&gt; は tokyo にリンクされていません。何も変更していません。');
    expect((await harness.store().getTrack(TEAM, 'tokyo')).version).toBe(before);
    const parties = await command('track add kobe "神戸" parties', PEOPLE.ja);
    expect(parties.text.split('\n')[0]).toBe('parties には JP,KR のような当事者コードを指定してください。');
    expect(parties.text.split('\n')[1]).toMatch(/^入力例: \/commitments track add/);
    expect(englishLeftIn(shown(parties), { commandWords: COMMAND_WORDS })).toEqual([]);
    const roles = await command('tokyo roles promote', PEOPLE.ja);
    expect(roles.text.split('\n')[0]).toBe('「promote」は roles の操作ではありません。add か remove を指定してください。');
    expect(englishLeftIn(shown(roles), { people: ['promote'], commandWords: COMMAND_WORDS })).toEqual([]);
    expect((await command('track add help "ヘルプ" parties JP tz UTC', PEOPLE.ja)).text.split('\n')[0]).toBe(
      '「help」はコマンドの語なので、help というトラックは呼び出せません。help-track など、別のスラッグを選んでください。',
    );
  });

  it('names the app manager in Japanese, and refuses a non-person in Japanese', async () => {
    expect((await command('manager', PEOPLE.jaAdmin)).text).toMatch(/^アプリ管理者: なし。すべてのトラックは Slack の管理者とオーナーが管理します。/);
    expect((await command(`manager <@${PEOPLE.ja}>`, PEOPLE.jaAdmin)).text).toBe(
      `<@${PEOPLE.ja}> をアプリ管理者にしました。Slack の管理者やオーナーと同様に、すべてのトラックを管理します。`,
    );
    expect((await command('manager', PEOPLE.jaAdmin)).text).toMatch(new RegExp(`^アプリ管理者: <@${PEOPLE.ja}>。`));
    expect((await command(`manager <@${PEOPLE.guest}>`, PEOPLE.jaAdmin)).text).toMatch(new RegExp(`^<@${PEOPLE.guest}> はアプリを管理できません。`));
    expect((await command('manager somebody', PEOPLE.jaAdmin)).text.split('\n')[0]).toBe(
      '「somebody」は人ではありません。@ でメンションする(Slack が誰かを送れるように)か、none と入力してください。',
    );
    // The app manager manages every track but cannot hand the role on.
    expect((await command('manager none', PEOPLE.ja)).text).toBe('アプリ管理者を選べるのは、このワークスペースの Slack の管理者とオーナーだけです。何も変更していません。');
    expect((await command('manager none', PEOPLE.jaAdmin)).text).toBe('アプリ管理者はいなくなりました。すべてのトラックは Slack の管理者とオーナーが管理します。');
  });
});

describe('a Korean Slack user (ko-KR) managing a track', () => {
  it('creates a track, opens the new-track form, gives roles and opens the roles form in Korean', async () => {
    expect((await command('track add seoul "서울 회의" parties JP,KR tz Asia/Seoul', PEOPLE.ko)).text).toBe(
      '트랙 seoul (서울 회의)을(를) 만들었습니다. 항목 번호는 S-1, S-2, …로 매겨집니다.',
    );
    await command('track add busan', PEOPLE.ko);
    expect(openedView()).toMatchObject({ title: { text: '트랙 추가' }, submit: { text: '만들기' } });
    expect(englishLeftIn(shown(openedView()), { people: FORM_EXAMPLES, slugs: ['japan-korea'] })).toEqual([]);
    expect((await command(`seoul roles add <@${PEOPLE.ja}> viewer`, PEOPLE.ko)).text).toBe(`<@${PEOPLE.ja}>은(는) 이제 seoul의 열람자입니다.`);
    expect((await command(`seoul roles remove <@${PEOPLE.ja}>`, PEOPLE.ko)).text).toBe(`<@${PEOPLE.ja}>은(는) 이제 seoul에 역할이 없습니다.`);
    await command('seoul roles', PEOPLE.ko);
    expect(openedView()).toMatchObject({ title: { text: '역할: seoul' }, submit: { text: '저장' } });
    expect(englishLeftIn(shown(openedView()), { slugs: ['seoul'] })).toEqual([]);
  });

  it('changes visibility, links and names the app manager in Korean', async () => {
    expect((await command('seoul visibility private', PEOPLE.ko)).text).toBe('seoul을(를) 비공개로 바꾸었습니다. 멤버와 연결된 채널만 볼 수 있습니다.');
    expect((await command('seoul visibility workspace', PEOPLE.ko)).text).toBe('seoul을(를) 워크스페이스 전체에 공개했습니다.');
    expect((await command('seoul link <#C0KOREA|korea>', PEOPLE.ko)).text).toBe('<#C0KOREA>을(를) seoul에 연결했습니다. 그 채널의 모든 사람이 열람할 수 있습니다.');
    expect((await command(`manager <@${PEOPLE.ko}>`, PEOPLE.koAdmin)).text).toBe(
      `<@${PEOPLE.ko}>을(를) 앱 관리자로 지정했습니다. Slack의 관리자와 소유자처럼 모든 트랙을 관리합니다.`,
    );
    expect((await command('manager none', PEOPLE.koAdmin)).text).toBe('이제 앱 관리자가 없습니다. 모든 트랙은 Slack의 관리자와 소유자가 관리합니다.');
  });

  it('is refused in Korean (합니다체)', async () => {
    expect((await command(`seoul roles add <@${PEOPLE.bot}> editor`, PEOPLE.ko)).text).toBe(
      `<@${PEOPLE.bot}>은(는) 봇입니다. 역할은 사람만 가질 수 있습니다. 아무것도 변경하지 않았습니다.`,
    );
    expect((await command('seoul link <#C0KOREA|korea>', PEOPLE.ko)).text).toBe('&lt;#C0KOREA&gt;은(는) 이미 seoul에 연결되어 있습니다. 아무것도 변경하지 않았습니다.');
    const visibility = await command('seoul visibility secret', PEOPLE.ko);
    expect(visibility.text.split('\n')[0]).toBe('visibility에는 private 또는 workspace가 필요합니다.');
    expect(visibility.text.split('\n')[1]).toMatch(/^입력 예: \/commitments &lt;track&gt; visibility/);
    expect((await command('track add jeju "제주" parties JP tz Asia/Seoul fy someday', PEOPLE.ko)).text.split('\n')[0]).toBe(
      'fy에는 회계연도가 시작하는 달이 필요합니다. 예: april(일본) 또는 4',
    );
    expect((await command('seoul link general', PEOPLE.ko)).text.split('\n')[0]).toBe(
      '“general”은(는) 채널이 아닙니다. Slack이 어느 채널인지 보낼 수 있도록 #로 고르십시오.',
    );
  });
});

describe('an English Slack user (en-US) managing a track', () => {
  it('gets the same answers and refusals as before', async () => {
    expect((await command('track add kyoto "Kyoto & talks" parties JP,KR tz Asia/Tokyo prefix KY', PEOPLE.en)).text).toBe(
      'Created track kyoto (Kyoto &amp; talks); its items will be numbered KY-1, KY-2, …',
    );
    expect((await command(`kyoto roles add <@${PEOPLE.ja}> editor`, PEOPLE.en)).text).toBe(`<@${PEOPLE.ja}> is now an editor of kyoto.`);
    expect((await command('kyoto visibility private', PEOPLE.en)).text).toBe('kyoto is now private: only its members and linked channels see it.');
    expect((await command('kyoto visibility private', PEOPLE.en)).text).toBe('kyoto is already private; nothing was changed.');
    expect((await command('kyoto link', PEOPLE.en)).text).toBe('<#C0GENERAL> is linked to kyoto: everyone there can read it.');
    expect((await command(`kyoto roles add <@${PEOPLE.guest}> owner`, PEOPLE.en)).text).toBe(
      `<@${PEOPLE.guest}> is a guest or from another organisation, so can only be a viewer. Nothing was changed.`,
    );
    const parties = await command('track add nara "Nara" parties', PEOPLE.en);
    expect(parties.text.split('\n')[0]).toBe('parties needs party codes, such as JP,KR.');
    expect(parties.text.split('\n')[1]).toMatch(/^Try: \/commitments track add &lt;slug&gt;/);
    await command('kyoto roles', PEOPLE.en);
    expect(openedView()).toMatchObject({ title: { text: 'Roles: kyoto' }, submit: { text: 'Save' } });
    expect(shown(openedView())).toContain('Editors (change items, scores, digests, export)');
    await command('track add nara', PEOPLE.en);
    expect(openedView()).toMatchObject({ title: { text: 'Add a track' }, submit: { text: 'Create' } });
    expect((await command('manager', PEOPLE.en)).text.split('\n')[0]).toBe('Only Slack admins and owners of this workspace, and its app manager, can see who manages the app.');
    expect((await command(`manager <@${PEOPLE.en}>`, PEOPLE.en)).text).toBe("Only Slack admins and owners of this workspace can choose the app manager; nothing was changed.");
  });
});

describe('the pseudo-locale pass over managing tracks', () => {
  const pseudo = pseudoTranslator();
  const track = {
    slug: 'nagoya',
    title: 'Nagoya round',
    idPrefix: 'NGA',
    version: 3,
    visibility: 'private',
    channels: ['C0ONE', 'C0TWO'],
    members: { U0A: 'owner', U0B: 'editor', U0C: 'viewer', S0GROUP: 'editor' },
  } as unknown as Track;
  const changes: TrackChange[] = [
    { type: 'role', userId: 'U0A', to: 'owner' },
    { type: 'role', userId: 'U0B', from: 'viewer', to: 'editor' },
    { type: 'role', userId: 'U0C', to: 'viewer' },
    { type: 'role', userId: 'S0GROUP', from: 'editor' },
    { type: 'visibility', from: 'workspace', to: 'private' },
    { type: 'visibility', from: 'private', to: 'workspace' },
    { type: 'link', channelId: 'C0ONE' },
    { type: 'unlink', channelId: 'C0TWO' },
    { type: 'check-ins', from: { beforeDueDays: [7, 1], escalateAfterDays: 3 }, to: { beforeDueDays: [14, 3], escalateAfterDays: null } },
  ];

  it('finds no sentence of the forms, the answers or the refusals that skipped the catalog', () => {
    const origin = { channelId: 'C0GENERAL' };
    const forms = [rolesModal(track, origin, pseudo), rolesModal({ ...track, visibility: 'workspace', channels: [] }, origin, pseudo), addTrackModal(origin, { slug: 'nagoya' }, pseudo)];
    for (const form of forms) {
      // The form's close button is the forms' own (shared by every form).
      const { close: _, ...view } = form;
      expect(englishLeftIn(shown(view), { people: FORM_EXAMPLES, slugs: ['nagoya', 'japan-korea'] })).toEqual([]);
    }
    expect(englishLeftIn(describeAccessChanges('nagoya', changes, pseudo), { slugs: ['nagoya'] })).toEqual([]);
    expect(englishLeftIn(createdTrackLine(track, undefined, pseudo), { people: [track.title], slugs: ['nagoya'] })).toEqual([]);
    const refusals = [
      pseudo.say(commandWordSlug('help')),
      pseudo.say(toSay(toError(() => requireManagesApp({ access: { standing: 'member' } } as Caller)))),
    ];
    for (const refusal of refusals) expect(englishLeftIn(shown(renderProblem(refusal, undefined, pseudo)), { slugs: ['help'] })).toEqual([]);
  });

  it('keeps the English of each refusal the same as the English catalog says it', () => {
    expect(commandWordSlug('help').text).toBe(EN.t('trackAdd.commandWord', { slug: 'help' }));
    expect(toError(() => requireManagesApp({ access: { standing: 'member' } } as Caller)).message).toBe(
      'Only Slack admins and owners of this workspace, and its app manager, can see who manages the app.',
    );
  });
});

/** An error as the translator says it: its English text and its key. */
const toSay = (error: ForbiddenError) => ({ text: error.message, say: error.say });

function toError(run: () => unknown): ForbiddenError {
  try {
    run();
  } catch (error) {
    return error as ForbiddenError;
  }
  throw new Error('it did not refuse');
}
