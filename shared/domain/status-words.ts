import type { Status } from '#shared/domain/schemas';

/**
 * The words read as each status, in English, Japanese and Korean: the catalogs' own word for it
 * (完了, 진행 중, …) and the few others people type for it. Only whole words count, so 未完了
 * ("not done") or 진행 alone is no status. Korean may be typed with or without its space.
 */
const STATUS_WORDS: Readonly<Record<Status, readonly string[]>> = {
  'not-started': ['not-started', 'notstarted', 'todo', 'to-do', 'agreed', '未着手', '着手前', '시작 전', '미착수'],
  'in-progress': ['in-progress', 'inprogress', 'started', 'progress', 'wip', '進行中', '対応中', '진행 중'],
  done: ['done', 'complete', 'completed', 'finished', '完了', '完了済み', '완료', '완료됨'],
  stalled: ['stalled', 'blocked', 'stuck', 'on-hold', '停滞', '停滞中', '保留', '정체', '보류'],
  dropped: ['dropped', 'cancelled', 'canceled', '中止', '取りやめ', '중단', '취소'],
};

/** How a typed word is compared (a status here, a report's filter too): case, full-width forms, a final full stop and, in Japanese and Korean, spaces do not count. */
export function wordKey(text: string): string {
  const key = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    // The lookbehind lets a match start only where the run starts: linear on a long run.
    .replace(/(?<![.,:;!。、])[.,:;!。、]+$/, '');
  return /[^\p{ASCII}]/u.test(key) ? key.replace(/-/g, '') : key;
}

const BY_KEY: ReadonlyMap<string, Status> = new Map(
  Object.entries(STATUS_WORDS).flatMap(([status, words]) => words.map((word) => [wordKey(word), status as Status] as const)),
);

/** The status a typed word (or two, "in progress", "진행 중") means, in any of the three languages. */
export function readStatusWord(text: string): Status | undefined {
  return BY_KEY.get(wordKey(text));
}
