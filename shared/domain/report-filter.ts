export const REPORT_FILTERS = ['open', 'overdue', 'due', 'quiet', 'done', 'all'] as const;
/** `open` (the default) is everything not done or dropped. */
export type ReportFilter = (typeof REPORT_FILTERS)[number];
