import { wordKey } from '#shared/domain/status-words';

export const REPORT_FILTERS = ['open', 'overdue', 'due', 'quiet', 'done', 'all'] as const;
/** `open` (the default) is everything not done or dropped. */
export type ReportFilter = (typeof REPORT_FILTERS)[number];

/**
 * The words read as each filter: its name, the English aliases, and Japanese and Korean words for
 * it, the digest's section names among them (期限超過, 기한 초과, …). Compared as status words are
 * (see `wordKey`).
 */
const FILTER_WORDS: Readonly<Record<ReportFilter, readonly string[]>> = {
  open: ['open', '未完了', '미완료', '진행 중'],
  overdue: ['overdue', 'late', '期限超過', '期限切れ', '기한 초과', '기한 지남'],
  due: ['due', 'soon', 'due-soon', '期限間近', '기한 임박'],
  quiet: ['quiet', 'stale', '更新なし', '소식 없음'],
  done: ['done', '完了', '완료'],
  all: ['all', 'すべて', '全部', '전체', '모두'],
};

const BY_KEY: ReadonlyMap<string, ReportFilter> = new Map(
  Object.entries(FILTER_WORDS).flatMap(([filter, words]) => words.map((word) => [wordKey(word), filter as ReportFilter] as const)),
);

/** The filter a typed word (or two, "기한 초과") means, in any of the three languages. */
export function readReportFilter(text: string): ReportFilter | undefined {
  return BY_KEY.get(wordKey(text));
}
