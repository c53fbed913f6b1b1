import { DEFAULT_UPDATE_EVERY_DAYS, type KindDraft } from '#shared/domain/kind';
import { LIMITS, type Cadence, type LocalDate } from '#shared/domain/schemas';
import { findCjkDueDate } from '#shared/import/cjk-due-date';
import { localNames, type PartyRef } from '#shared/import/parties';
import type { ExtractOptions, Proposal } from '#shared/import/proposal';
import { placeOf, type Paragraph } from '#shared/import/paragraph';

export type CjkLanguage = 'ja' | 'ko';

/**
 * Japanese when kana or kanji, Korean when hangul make up most of the letters; `undefined` for
 * anything else (English, or Chinese, which has no kana and whose rules these are not).
 */
export function cjkLanguage(text: string): CjkLanguage | undefined {
  let kana = 0;
  let han = 0;
  let hangul = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) kana += 1;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han += 1;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) hangul += 1;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin += 1;
  }
  // Latin letters come in words, CJK characters one per syllable: a word counts about five.
  if (kana + han + hangul <= latin / 5) return undefined;
  if (hangul > 0 && hangul >= kana) return 'ko';
  return kana > 0 ? 'ja' : undefined;
}

const OPENERS = '「『“（(〈《【';
const CLOSERS = '」』”）)〉》】';
/** An unclosed quote stops holding sentences together after this many characters. */
const LONGEST_QUOTE = 400;

/**
 * Splits a Japanese or Korean paragraph into sentences, verbatim: at 。．！？ (and, in Korean, a
 * full stop before a space or after 다), never inside 「」『』“” or brackets.
 */
export function splitCjkSentences(text: string, language: CjkLanguage): string[] {
  const sentences: string[] = [];
  let start = 0;
  let depth = 0;
  let opened = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (OPENERS.includes(ch)) {
      if (depth === 0) opened = i;
      depth += 1;
      continue;
    }
    if (CLOSERS.includes(ch)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0 && i - opened > LONGEST_QUOTE) depth = 0;
    if (depth > 0) continue;
    const next = text[i + 1];
    const ends =
      '。．！？'.includes(ch) ||
      ((ch === '!' || ch === '?') && (next === undefined || /\s/.test(next))) ||
      (language === 'ko' && ch === '.' && (next === undefined || /\s/.test(next) || text[i - 1] === '다') && !/\d/.test(text[i - 1] ?? ''));
    if (!ends) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.includes(text[end]!)) end += 1;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
    i = end - 1;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** How the agreed act is turned into a title when the cue leaves it as a noun ("…の開催で一致"). */
type Shape = 'verb' | 'noun' | 'stem';

interface CueRule {
  re: RegExp;
  /** Agreement cues bind whoever speaks; intention cues need a party (or no one named) as subject. */
  strong: boolean;
  shape: Shape;
  /** Text of the cue that belongs to the act ("ていく" stays in "連携していく"). */
  keep?: (m: RegExpExecArray) => string;
  /** A request binds only when the other side accepted it in the same sentence. */
  needsAcceptance?: boolean;
  /** News style binds only a party or a body of theirs named as the sentence's subject. */
  needsSubject?: boolean;
}

const SENTENCE_END = String.raw`(?=[\s。．！？!?.」』”）)]*$)`;
/** Index of the final ㄹ in a Hangul syllable's code: 할 is 하 + 8. */
const RIEUL_FINAL = 8;
/** Every syllable ending in ㄹ (할, 갈, 될 …), the ending of the future form before 것 and 예정. */
const FUTURE_SYLLABLE = `[${Array.from({ length: 19 * 21 }, (_, i) => String.fromCharCode(0xac00 + i * 28 + RIEUL_FINAL)).join('')}]`;

const JA_CUES: CueRule[] = [
  { re: /(?:こと|旨)でも?(?:一致|合意)(?:した|し|しました|をみた|を見た)?/g, strong: true, shape: 'verb' },
  // "…を供与する方針を決めた", "…する方針を固めた": a decision reported as made.
  { re: /方針を(?:決め|決定し|固め)(?:た|ました)?/g, strong: true, shape: 'verb' },
  // "…を開催する旨述べた": a minister's stated undertaking (not "…したい旨", a wish).
  { re: /(?<=(?:する|行う|開く|いく))旨(?:を)?(?:述べ|表明し|伝え)(?:た|ました)?/g, strong: true, shape: 'verb' },
  // News style: "両国の海上保安機関は、合同訓練を毎年実施する。", "初会合は来春、メキシコ市で開く。"
  { re: new RegExp(String.raw`(?<=[をでにへ、][^、。]{0,40}?)(?:する|開く|行う|始める|設ける|結ぶ|送る)${SENTENCE_END}`, 'g'), strong: false, shape: 'verb', keep: (m) => m[0] },
  { re: /ことを(?:再)?(?:確認|決定|決め|表明|約束|申し合わせ)(?:した|し|しました|た)?/g, strong: true, shape: 'verb' },
  { re: /(?:との|という)?(?:考え|意向|方針|決意|用意)(?:を|が)(?:表明|示|述べ|伝え|あ)/g, strong: true, shape: 'verb' },
  { re: /こと(?:と|に)(?:した|なった|しました|なりました|なり|し)(?!て)/g, strong: true, shape: 'verb' },
  { re: /(?:する)?よう(?:に)?(?:指示|指揮)/g, strong: true, shape: 'verb', keep: (m) => (m[0].startsWith('する') ? 'する' : '') },
  { re: /(?:する)?よう(?:に)?(?:要請|求め|要望|依頼)/g, strong: true, shape: 'verb', needsAcceptance: true, keep: (m) => (m[0].startsWith('する') ? 'する' : '') },
  { re: /(?:を|の)(?:要請|求め|要望)(?:し|した|た)/g, strong: true, shape: 'noun', needsAcceptance: true },
  { re: /(?:の|する)?方向で(?:一致|合意)/g, strong: true, shape: 'verb', keep: (m) => (m[0].startsWith('する') ? 'する' : '') },
  { re: /(?:で|に)(?:一致|合意)(?:した|し|しました)|を(?:決定|指示|約束)(?:した|し|しました)|を決めた/g, strong: true, shape: 'noun' },
  { re: /予定(?:である|です|だ|であり|となっている|としている)/g, strong: false, shape: 'verb' },
  { re: new RegExp(String.raw`([てで])(?:いく|いきます|いきたい|まいります|まいる)${SENTENCE_END}`, 'g'), strong: false, shape: 'verb', keep: (m) => `${m[1]}いく` },
];

const KO_CUES: CueRule[] = [
  {
    re: /기로\s?(?:합의|결정|약속|했|하였|하고|한다|뜻을\s?모|의견을\s?모|의견을\s?같이)/g,
    strong: true,
    shape: 'stem',
  },
  { re: /(?:에|을|를)\s?(?:합의|결정)(?:했|하였|하고|한다)|(?:을|를)\s?(?:지시|약속)(?:했|하였)/g, strong: true, shape: 'noun' },
  // "…늘리는 데도 합의했다": the act before 는 데.
  { re: /는\s?데(?:도|에도|에)?\s?(?:(?:합의|동의)(?:했|하였|하고|한다)|뜻을\s?모|의견을\s?(?:모|같이))/g, strong: true, shape: 'stem' },
  // "…설치하겠다고 약속했다/밝혔다": a party's stated undertaking.
  { re: /겠다(?:고|는)\s?(?:약속|다짐|밝|표명|말씀)/g, strong: true, shape: 'stem' },
  { re: /기로\s?한\s?(?:것|점)(?:을|를)\s?(?:재)?확인/g, strong: true, shape: 'stem' },
  { re: /한다는\s?(?:것|점)(?:을|를)\s?(?:재)?확인/g, strong: true, shape: 'stem', keep: () => '하' },
  { re: new RegExp(String.raw`(${FUTURE_SYLLABLE})\s?것(?:임)?(?:을|를)\s?(?:재)?확인`, 'g'), strong: true, shape: 'stem', keep: futureStem },
  { re: new RegExp(String.raw`(${FUTURE_SYLLABLE})\s?(?:예정|계획)(?:이다|이며|이고|임|입니다|이라고)`, 'g'), strong: false, shape: 'stem', keep: futureStem },
  { re: /도록\s?(?:지시|당부)|(?:하)?라고\s?지시/g, strong: true, shape: 'stem' },
  { re: /(?:을|를)\s?(?:요청|요구|제안)(?:했|하였)/g, strong: true, shape: 'noun', needsAcceptance: true },
  { re: new RegExp(String.raw`(${FUTURE_SYLLABLE})\s?것(?:이다|입니다)${SENTENCE_END}`, 'g'), strong: false, shape: 'stem', keep: futureStem },
  // News style: "작업반은 9월까지 첫 보고서를 양국 정부에 제출한다." (not a view: "…로 평가한다").
  {
    re: new RegExp(String.raw`(?<=[을를에게께지로서]\s(?:[^\s,.]+\s){0,2})(?!(?:평가|지지|환영|기대|우려|강조|주목|전망|분석|예상|판단|희망|감사|생각)한다)([가-힣]{2,4})한다${SENTENCE_END}`, 'g'),
    strong: false,
    shape: 'stem',
    needsSubject: true,
    keep: (m) => `${m[1]}하`,
  },
];

/** After the cue: it did not happen ("一致しなかった", "합의하지 못했다"). */
const NEGATED_AFTER = /^\s?(?:し)?(?:なかった|ず|ておらず|ていない|には?至らな|できな|하지\s?(?:는\s?)?(?:못|않)|에\s?이르지\s?못|지\s?(?:못|않)|못)/;
/** The act itself is only considered, hoped for or a principle: nothing to follow up. */
const HEDGED_ACT = /(?:[할될]\s?수\s?있|(?:重要|必要|不可欠|有益|有意義)(?:である|だ|です)|検討|期待|可能性|かどうか|是非|重要性|必要性|意義|意見交換|검토|기대|가능성|여부|중요성|필요성|의견을\s?교환|의견\s?교환)/;
/** A report of what was agreed ("…したと発表した", "…했다고 발표했다"), and a denial after it. */
const CLAIMED = /(?:た|だ|다|라)[」』”"’']?\s?(?:と|고)\s?(?:発表|主張|明らかに|발표|주장|밝혔)/;
/** A denial, or a statement that the act was never promised ("約束したことはない", "약속한 적은 없다", "선을 그었다"). */
const DENIED = /否定|否認|反論|事実ではない|事実はない|たことは(?:ない|ありません)|부인|반박|사실이\s?아니|사실무근|선을\s?그|\s적(?:은|이)\s?없/;
/** Acts that are a view or thanks, not a follow-up: "訪日を歓迎する旨述べた". */
const VIEW_ACT = /(?:歓迎|評価|感謝|賞賛|称賛|懸念|遺憾|敬意を表|支持|祝意を表)(?:する|します|し)$/;
/** "…を要請し、日本側はこれに応じた": a request the other side took up. */
const ACCEPTED = /応じ|受け入れ|同意|受諾|수용|응하|동의|받아들/;
/** How far after a request its acceptance is looked for: the same sentence, and linear on a long one. */
const ACCEPTANCE_REACH = 80;

/** Subjects at the start of a sentence: "両首脳は、", "양 정상은". */
const JA_SUBJECT = /^(?:また|さらに|その上で|加えて|このほか|なお|一方)?、?\s?([^、。はを「]{1,24}?[\u3400-\u9fff\u30a0-\u30ffA-Za-z）)])(?:は|も|としては|としても|から(?=、))、?\s?/;
const KO_SUBJECT = /^(?:[가-힣]{1,6}:\s?)?(?:또한|아울러|이와\s?함께|한편|특히|이어|이어서|이에\s?따라|이를\s?위해|첫째|둘째|셋째|넷째|다섯째)?,?\s?([^,.“":]{1,20}?(?:[부청처]|정부|당국)(?=[이가]\s)|[^,.“":]{1,20}?)(?:은|는|도|이|가)\s/;
/** Clause ends inside the act: what precedes them is another statement ("…の重要性を確認し、…"). */
const JA_CLAUSE = /(?:し|して|しており|ており|であり|た上で|たうえで|ながら|つつ|し合い|え|け|め|り|き|い|は)、|ために、?|に向けて、?|に対し(?:て)?、|(?:側|省庁|当局)に(?:対し(?:て)?)?、?/g;
const KO_CLAUSE =
  /(?:했|하였|었|았|였|이었)(?:으며|고|지만|는데|으나),?\s|(?:하며|면서|는데|으나),\s|위(?:해|하여)\s|(?:관련|대응|대해)(?:해|하여)\s|측에(?:게)?\s|부처에(?:게)?\s/g;
/** Coordinated acts sharing one cue: "…を設立するとともに、…を開催する". */
const JA_COORDINATION = /(?:とともに|と同時に|ほか)、/g;
// "협력을 강화하고, …를 설립하기로 했다": both acts take the cue at the end.
const KO_COORDINATION = /(?:하는\s?한편|함과\s?동시에|하는\s?동시에|하고),?\s/g;

/** Words for a party or one of its people: any of them as subject lets an intention cue count. */
/** A meeting as subject of a passive plan ("次回会合は…開催される予定", "다음 회의는 … 열릴 예정"). */
const EVENT_SUBJECT = /(?:会議|会合|会談|協議|対話|フォーラム|行事|회의|회담|협의|포럼|행사|대화)$/;
/** A body the parties set up, as subject: "作業部会は", "공동 작업반은". */
const BODY_SUBJECT = /(?:作業部会|委員会|ワーキンググループ|작업반|위원회|실무그룹|워킹그룹|협의체|태스크포스)$/;
const PARTY_TITLES = /首脳|総理|首相|大統領|外相|大臣|長官|政府|両国|双方|側|我が国|当局|정상|대통령|총리|장관|정부|양국|양측|측|우리/;
/** Both or all sides at once. */
const ALL_PARTIES = /両国|両首脳|両外相|両大臣|両政府|双方|両者|양국|양\s?정상|양측|양\s?장관|양\s?외교장관/;

/**
 * Japanese and Korean names of the countries readouts name most, by ISO code, with the English
 * names and other codes a track may give them. North Korea is here so that it is never Korea.
 */
const COUNTRY_NAMES: { codes: string[]; english: string[]; names: string[] }[] = [
  { codes: ['JP', 'JPN'], english: ['japan'], names: ['日本', '我が国', 'わが国', '日本政府', '日本側', '일본'] },
  { codes: ['KR', 'KOR', 'ROK'], english: ['south korea', 'korea', 'republic of korea'], names: ['韓国', '大韓民国', '한국', '대한민국', '우리 정부', '우리 측', '우리측', '우리나라'] },
  { codes: ['KP', 'PRK', 'DPRK'], english: ['north korea'], names: ['北朝鮮', '북한', '조선민주주의인민공화국'] },
  { codes: ['US', 'USA'], english: ['united states', 'america'], names: ['米国', 'アメリカ', '미국'] },
  { codes: ['CN', 'CHN', 'PRC'], english: ['china'], names: ['中国', '중국'] },
  { codes: ['TW'], english: ['taiwan'], names: ['台湾', '대만'] },
  { codes: ['VN', 'VNM'], english: ['vietnam', 'viet nam'], names: ['ベトナム', '베트남'] },
  { codes: ['PH', 'PHL'], english: ['philippines'], names: ['フィリピン', '필리핀'] },
  { codes: ['IN', 'IND'], english: ['india'], names: ['インド', '인도'] },
  { codes: ['AU', 'AUS'], english: ['australia'], names: ['豪州', 'オーストラリア', '호주'] },
  { codes: ['ID', 'IDN'], english: ['indonesia'], names: ['インドネシア', '인도네시아'] },
  { codes: ['GB', 'UK', 'GBR'], english: ['united kingdom', 'britain'], names: ['英国', 'イギリス', '영국'] },
  { codes: ['FR', 'FRA'], english: ['france'], names: ['フランス', '프랑스'] },
  { codes: ['DE', 'DEU'], english: ['germany'], names: ['ドイツ', '독일'] },
  { codes: ['CA', 'CAN'], english: ['canada'], names: ['カナダ', '캐나다'] },
  { codes: ['IT', 'ITA'], english: ['italy'], names: ['イタリア', '이탈리아'] },
  { codes: ['SG', 'SGP'], english: ['singapore'], names: ['シンガポール', '싱가포르'] },
  { codes: ['TH', 'THA'], english: ['thailand'], names: ['タイ', '태국'] },
  { codes: ['MY', 'MYS'], english: ['malaysia'], names: ['マレーシア', '말레이시아'] },
  { codes: ['NZ', 'NZL'], english: ['new zealand'], names: ['ニュージーランド', '뉴질랜드'] },
  { codes: ['EU'], english: ['european union'], names: ['欧州連合', 'EU', '유럽연합'] },
];
/** One-character short forms used in pairs: "日米", "한미". */
const SHORT_FORMS: Record<string, string> = { 日: 'JP', 韓: 'KR', 米: 'US', 中: 'CN', 豪: 'AU', 英: 'GB', 仏: 'FR', 独: 'DE', 한: 'KR', 일: 'JP', 미: 'US', 중: 'CN', 호: 'AU', 영: 'GB' };
const PAIR = /([日韓米中豪英仏独])([日韓米中豪英仏独])(?=両|首脳|外相|関係|間|政府|は|の|$)|(한|일|미|중)(한|일|미|중)(?=\s?(?:양국|정상|관계|외교장관|정부|은|는|$))/g;

/** Codes of the track's parties a Japanese or Korean phrase names, in the track's order. */
export function cjkParties(text: string, parties: readonly PartyRef[]): string[] {
  const all = parties.map((p) => p.code);
  const pairs = [...text.matchAll(PAIR)];
  if (ALL_PARTIES.test(text) && pairs.length === 0) return all;
  const named = new Set<string>();
  const toTrack = (code: string) => trackCode(code, parties);
  for (const m of pairs) {
    for (const short of [m[1] ?? m[3], m[2] ?? m[4]]) {
      const code = toTrack(SHORT_FORMS[short!]!);
      if (code) named.add(code);
    }
  }
  let rest = text;
  // Longest first, so "北朝鮮" is read before "朝鮮" could be, and "대한민국" before "한국".
  const entries = COUNTRY_NAMES.flatMap((e) => e.names.map((name) => ({ name, code: e.codes[0]! }))).sort((a, b) => b.name.length - a.name.length);
  for (const { name, code } of entries) {
    if (!rest.includes(name)) continue;
    rest = rest.split(name).join(' ');
    const track = toTrack(code);
    if (track) named.add(track);
  }
  for (const party of parties) for (const alias of party.aliases ?? []) if (alias && text.includes(alias)) named.add(party.code);
  // A party the table above does not know: its names from the gazetteer ("ウズベキスタン", "핀란드").
  for (const party of parties) {
    if (named.has(party.code) || COUNTRY_NAMES.some((e) => trackCode(e.codes[0]!, parties) === party.code)) continue;
    if (localNames(party).some((name) => rest.includes(name))) named.add(party.code);
  }
  return all.filter((code) => named.has(code));
}

function trackCode(code: string, parties: readonly PartyRef[]): string | undefined {
  const entry = COUNTRY_NAMES.find((e) => e.codes[0] === code);
  if (!entry) return undefined;
  const party = parties.find((p) => entry.codes.includes(p.code.toUpperCase()) || entry.english.includes(p.name.toLowerCase()));
  return party?.code;
}

interface Found {
  rule: CueRule;
  index: number;
  end: number;
  text: string;
  keep: string;
}

/**
 * Reads one Japanese or Korean paragraph: each sentence's cues (agreed, decided, confirmed a
 * future act, planned, instructed, will go on doing), their negated and hedged forms dropped, one
 * proposal per act (two when acts are coordinated under one cue).
 */
export function cjkProposals(paragraph: Paragraph, language: CjkLanguage, opts: ExtractOptions): Proposal[] {
  const proposals: Proposal[] = [];
  const sentences = splitCjkSentences(paragraph.text, language);
  for (const [i, sentence] of sentences.entries()) {
    // "…に合意したと発表した。これに対し…否定した": one side's claim the other denies.
    if (CLAIMED.test(sentence) && DENIED.test(sentences[i + 1] ?? '')) continue;
    for (const reading of readSentence(sentence, language, opts)) {
      proposals.push({ ...reading, sentence, ...placeOf(paragraph) });
    }
  }
  return proposals;
}

type Reading = Omit<Proposal, 'sentence' | 'paragraph' | 'point'>;

function readSentence(sentence: string, language: CjkLanguage, opts: ExtractOptions): Reading[] {
  const readings: Reading[] = [];
  const topic = (language === 'ja' ? JA_SUBJECT : KO_SUBJECT).exec(sentence);
  // "来年には", "내년에는": a time put first is no subject.
  const subjectMatch = topic && !/\d|[０-９]|年|月|년|월|내년|올해/.test(topic[1]!) ? topic : undefined;
  const subject = subjectMatch?.[1]?.trim();
  const subjectParties = subject ? cjkParties(subject, opts.parties) : [];
  const event = subject !== undefined && EVENT_SUBJECT.test(subject);
  const subjectIsParty = !subject || event || BODY_SUBJECT.test(subject) || subjectParties.length > 0 || PARTY_TITLES.test(subject) || ALL_PARTIES.test(subject);
  let from = subjectMatch ? subjectMatch[0].length : 0;
  for (const cue of findCues(sentence, language)) {
    const region = sentence.slice(from, cue.index);
    const after = sentence.slice(cue.end, cue.end + 12);
    const previous = from;
    from = cue.end + (/^[^、,]{0,6}[、,]/.exec(sentence.slice(cue.end))?.[0].length ?? 0);
    // "合意した内容", "一致した方針": the cue modifies a noun, so it reports what was agreed before.
    if (NEGATED_AFTER.test(after) || /^[\u4e00-\u9fff\u30a0-\u30ff]/.test(after)) continue;
    if (!cue.rule.strong && (!subjectIsParty || (cue.rule.needsSubject && !subject))) continue;
    if (cue.rule.needsAcceptance && !ACCEPTED.test(sentence.slice(cue.end, cue.end + ACCEPTANCE_REACH))) continue;
    const act = lastClause(region, language);
    for (const part of coordinated(act, language)) {
      const words = part + cue.keep;
      if (HEDGED_ACT.test(words.slice(-14)) || VIEW_ACT.test(words)) continue;
      const due = findCjkDueDate(sentence.slice(previous, cue.end), opts);
      if (cue.rule.shape === 'noun' && language === 'ja' && !JA_ACT_NOUN.test(words)) continue;
      const title = titleFrom(event ? heldEvent(subject, words, language) : words, cue.rule.shape, language, due?.phrase);
      if (!title) continue;
      const parties = cue.rule.needsAcceptance ? acceptingParties(sentence.slice(cue.end, cue.end + ACCEPTANCE_REACH), opts) : partiesOf(subject, subjectParties, opts, language);
      readings.push({
        title,
        kind: classify(words + cue.text, due?.due),
        parties,
        ...(due ? { due: due.due } : {}),
        cue: cue.text.trim(),
      });
    }
  }
  return readings;
}

/**
 * A bare title or body as subject is the text's own country's: in Korean "대통령께서", "우리 해양수산부",
 * "산업통상자원부"; in Japanese "首相", "総理", "外務大臣", "政府". A foreign one is named ("メキシコ大統領").
 */
const HOME_SUBJECT = { ko: /^(?:우리\s?[가-힣·\s]+|[가-힣·]*(?:대통령(?:께서)?|[가-힣]{2,}부|정부))$/, ja: /^(?:総理|首相|外務大臣|外相|[\u4e00-\u9fff]{0,6}(?:省|庁)|政府)$/ };
const HOME = { ko: 'KR', ja: 'JP' };

function partiesOf(subject: string | undefined, named: string[], opts: ExtractOptions, language: CjkLanguage): string[] {
  if (!subject || ALL_PARTIES.test(subject)) return opts.parties.map((p) => p.code);
  if (!named.length && HOME_SUBJECT[language].test(subject.trim())) {
    const home = trackCode(HOME[language], opts.parties);
    if (home) return [home];
  }
  return named.length ? named : opts.parties.map((p) => p.code);
}

function acceptingParties(text: string, opts: ExtractOptions): string[] {
  const named = cjkParties(text, opts.parties);
  return named.length ? named : opts.parties.map((p) => p.code);
}

/** Every cue in the sentence, in order, overlapping ones reduced to the first (and longest). */
function findCues(sentence: string, language: CjkLanguage): Found[] {
  const found: Found[] = [];
  for (const rule of language === 'ja' ? JA_CUES : KO_CUES) {
    for (const m of sentence.matchAll(rule.re)) {
      const keep = rule.keep?.(m) ?? '';
      found.push({ rule, index: m.index, end: m.index + m[0].length, text: m[0], keep });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Found[] = [];
  for (const cue of found) if (!kept.length || cue.index >= kept.at(-1)!.end) kept.push(cue);
  return kept;
}

/** "次回会合は…で開催される" → "次回会合を…で開催する"; "다음 회의는 … 열리" → "다음 회의 … 개최". */
function heldEvent(subject: string, act: string, language: CjkLanguage): string {
  if (language === 'ja') return `${subject}を${act.replace(/(?:開催|実施)?され(?:る)?$|行われる$/, (m) => (m.startsWith('行') ? '行う' : `${m.slice(0, 2)}する`))}`;
  return `${subject} ${act.replace(/(?:열리|개최되|진행되)$/, '개최하')}`;
}

/** The act after the last clause that is a statement of its own. */
function lastClause(region: string, language: CjkLanguage): string {
  let start = 0;
  for (const m of region.matchAll(language === 'ja' ? JA_CLAUSE : KO_CLAUSE)) start = m.index + m[0].length;
  return region.slice(start);
}

function coordinated(act: string, language: CjkLanguage): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of act.matchAll(language === 'ja' ? JA_COORDINATION : KO_COORDINATION)) {
    // "하는 한편" ends its act with 하, which the noun form needs.
    parts.push(act.slice(start, m.index) + (language === 'ko' ? '하' : ''));
    start = m.index + m[0].length;
  }
  parts.push(act.slice(start));
  return parts.filter((p) => p.trim());
}

/** The stem of a future form (할 → 하, 나갈 → 나가): the syllable without its final ㄹ. */
function futureStem(m: RegExpExecArray): string {
  return String.fromCharCode(m[1]!.charCodeAt(0) - RIEUL_FINAL);
}

const RECURRING: { re: RegExp; every?: Cadence }[] = [
  { re: /隔年|격년|2年に1回|2年ごと|2년마다/, every: { count: 2, unit: 'years' } },
  { re: /年\s?2\s?回|半年ごと|半年に1回|연\s?2\s?회|반기별|반기마다/, every: { count: 6, unit: 'months' } },
  { re: /四半期ごと|분기별|분기마다/, every: { count: 3, unit: 'months' } },
  { re: /毎年|年\s?1\s?回|年に一度|年一回|年に1度|매년|연\s?1\s?회|해마다|매해/, every: { count: 1, unit: 'years' } },
  { re: /毎月|月\s?1\s?回|매월|매달|월\s?1\s?회/, every: { count: 1, unit: 'months' } },
  { re: /定期的|定例|持ち回り|シャトル|相互訪問|정례|정기적|셔틀|교대로|상호\s?방문/ },
];
/**
 * A verb's 아/어 form with no final consonant (넓혀, 키워, 해, 이어): before 나가 it is the auxiliary "go on
 * doing". Particles that look like one (가, 와, 서 in 에서) are left out, so "조사에 나가" stays a going out.
 */
const AUXILIARY_STEM = `[${Array.from({ length: 19 }, (_, lead) => [0, 1, 4, 6, 9, 10, 14].map((vowel) => String.fromCharCode(0xac00 + (lead * 21 + vowel) * 28)))
  .flat()
  .filter((c) => !'가와서'.includes(c))
  .join('')}]`;
const ONGOING = new RegExp(
  String.raw`引き続き|継続|強化|推進|深化|拡充|緊密に連携|緊密な連携|拡大|促進|維持|[てで]いく|지속|강화|확대|계속|긴밀히\s?협력|긴밀한\s?협력|긴밀히\s?소통|증진|심화|유지|(?:하여|${AUXILIARY_STEM})\s?나(?:가|갈|간)`,
);

function classify(text: string, due: LocalDate | undefined): KindDraft {
  const digits = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const recurring = RECURRING.find((r) => r.re.test(digits));
  if (recurring) return { type: 'recurring', ...(recurring.every ? { every: recurring.every } : {}) };
  if (ONGOING.test(digits)) return { type: 'ongoing', updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS };
  return due ? { type: 'one-off', due } : { type: 'one-off' };
}

/** Nouns that name an act, so "…の早期開催で一致" is a follow-up and "首脳会談で合意" is not. */
const JA_ACT_NOUN =
  /(?:開催|設立|創設|締結|署名|発足|実施|推進|強化|拡大|再開|策定|派遣|設置|開始|構築|協力|支援|交渉|発表|整備|導入|延長|改定|訪問|招待|提供|新設|開設|立ち上げ|作成|改善|促進|継続|深化|拡充|往来|交流|協議|対話|活性化|連携|供与|完了|妥結)$/;
/** Verbal nouns that take する: "…の開催" becomes "…を開催する". */
const JA_VERBAL_NOUN = /の((?:早期|速やかな|円滑な)?[\u4e00-\u9fff]{2,4}|立ち上げ)$/;
const JA_PARTICLES = /[はがをにのへでと、,・\s]+$/;
const KO_PARTICLES = /(?:\s|,|을|를|은|는)+$/;
/** Words before a date that belong to it: "年内に", "2026年3月までに", "연내에". */
const JA_DATE_TAIL = /^(?:中|内|末|まで|までに|中に|内に|にも|に|を目途に|をめどに|を目標に|頃|ごろ|頃に|ごろに|の)*/;
const KO_DATE_TAIL = /^(?:\s?(?:중에|중|내에|내|안에|안|말까지|까지|에|경|께|초))*/;

function titleFrom(act: string, shape: Shape, language: CjkLanguage, duePhrase: string | undefined): string {
  let title = act;
  if (duePhrase) {
    const at = title.indexOf(duePhrase);
    if (at >= 0) {
      const tail = (language === 'ja' ? JA_DATE_TAIL : KO_DATE_TAIL).exec(title.slice(at + duePhrase.length))![0];
      title = `${title.slice(0, at)}${title.slice(at + duePhrase.length + tail.length)}`;
    }
  }
  title = title.replace(/\s+/g, ' ').replace(/^[\s、,]+/, '').replace(/^(?:また|さらに|その上で|加えて|또한|아울러|이와\s?함께),?、?\s?/, '').replace(/^[\s、,]+/, '');
  title = language === 'ja' ? japaneseTitle(title, shape) : koreanTitle(title, shape);
  title = title.replace(/\s{2,}/g, ' ').trim();
  if (title.length > LIMITS.titleChars) title = title.slice(0, LIMITS.titleChars - 1);
  title = title.replace(language === 'ja' ? JA_PARTICLES : KO_PARTICLES, '');
  return title;
}

/** Dictionary form: the readout already gives it before こと, so only noun forms need a verb. */
function japaneseTitle(act: string, shape: Shape): string {
  let title = act.replace(/(?:の|する|していく)?方向$/, (m) => (m.startsWith('する') ? 'する' : m.startsWith('していく') ? 'していく' : ''));
  if (shape === 'noun') {
    const noun = JA_VERBAL_NOUN.exec(title);
    if (noun) title = `${title.slice(0, noun.index)}を${noun[1]}${noun[1] === '立ち上げ' ? 'る' : 'する'}`;
    else if (/[\u4e00-\u9fff]{2}$/.test(title) && !/[をがはに]/.test(title.slice(-3))) title = `${title}する`;
  }
  return objectBeforeVerb(title);
}

const JA_PARTICLE = /[はがをにのへでと、,\s]/;

/**
 * "訓練を、する" → "訓練をする": the particles before the final する or していく become を when they
 * hold one. Read back from the verb: a pattern would rescan a long run of particles from each start.
 */
function objectBeforeVerb(title: string): string {
  const verb = ['する', 'していく'].find((v) => title.endsWith(v));
  if (!verb) return title;
  const end = title.length - verb.length;
  let start = end;
  while (start > 0 && JA_PARTICLE.test(title[start - 1]!)) start -= 1;
  return title.slice(start, end).includes('を') ? `${title.slice(0, start)}を${verb}` : title;
}

/** How far back a Korean act's object and verbal noun are looked for: a pattern over the whole act would rescan a long run of Hangul from each start. */
const KO_VERB_PHRASE_CHARS = 40;

/** Noun form, as Korean task lists are written: "공동위원회를 개최하" becomes "공동위원회 개최". */
function koreanTitle(act: string, shape: Shape): string {
  let title = act.trim();
  if (shape === 'noun') return title;
  title = title.replace(/(?:해|하여)\s?나가$/, '하').replace(/(?:해|하여)\s?가$/, '하');
  const from = Math.max(0, title.length - KO_VERB_PHRASE_CHARS);
  const verbalNoun = /(?:(\S+?)(?:을|를)\s)?([가-힣]{2,})(?:을|를)?\s?하$/.exec(title.slice(from));
  if (verbalNoun) {
    const object = verbalNoun[1] ? `${verbalNoun[1]} ` : '';
    return `${title.slice(0, from + verbalNoun.index)}${object}${verbalNoun[2]}`;
  }
  return /[가-힣]$/.test(title) ? `${title}기` : title;
}
