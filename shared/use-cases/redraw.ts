import { translatorOf } from '#shared/i18n/translator';
import { renderCommitment } from '#shared/slack/render/commitment';
import type { SlackMessage } from '#shared/slack/render/format';
import { parseReportRef, renderReport } from '#shared/slack/render/report';
import { getItem, getReport, getSharedReport, type Caller, type Deps } from '#shared/use-cases/commitments';

/**
 * Renders again the message a button sat on, from its header's block id: a report page
 * (`report|slug|filter|page`) or one item (`item|JK-4`), in the language of the person it is
 * drawn for. Undefined for anything else.
 */
export async function redraw(deps: Deps, caller: Caller, ref: string | undefined, shared = false): Promise<SlackMessage | undefined> {
  if (!ref) return undefined;
  const { now } = caller;
  const language = translatorOf(caller);
  if (ref.startsWith('item|')) {
    const [{ item, track, readOnly }, t] = await Promise.all([getItem(deps, caller, ref.slice('item|'.length), 'read'), language]);
    return renderCommitment(item, track, now, { readOnly }, t);
  }
  const report = parseReportRef(ref);
  if (!report) return undefined;
  const read = shared && caller.access.channelId ? getSharedReport(deps, caller, report.slug, caller.access.channelId) : getReport(deps, caller, report.slug);
  const [found, t] = await Promise.all([read, language]);
  return renderReport(found, { filter: report.filter, page: report.page, now, shared, t });
}

/** The header block id of a message's blocks, where redraw finds what the message shows. */
export function headerRef(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const first = blocks.find((b): b is { block_id: string } => typeof b?.block_id === 'string' && /^(report|item)\|/.test(b.block_id));
  return first?.block_id;
}
