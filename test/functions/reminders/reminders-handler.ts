import { vi } from 'vitest';
import { localContext } from '#local/http-adapter';
import type { SweepSummary } from '#shared/reminders/sweep';
import { captureLogLines } from '../../support/log-lines.ts';

export interface RemindersHandler {
  logs: ReturnType<typeof captureLogLines>;
  sweepAt(iso: string, requestId?: string): Promise<SweepSummary>;
}

const scheduledEvent = { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };

/**
 * The real reminders handler, loaded as infra sets it up (its service name given only while it
 * loads, as the Slack handler loaded before it had none), with its log lines captured; `sweepAt`
 * runs it as the schedule does with the clock set to that instant (only Date is faked).
 */
export async function loadRemindersHandler(): Promise<RemindersHandler> {
  Object.assign(process.env, { LOG_LEVEL: 'INFO', POWERTOOLS_SERVICE_NAME: 'commitments-reminders' });
  const logs = captureLogLines();
  const { handler } = await import('../../../functions/reminders/handler.ts');
  delete process.env['POWERTOOLS_SERVICE_NAME'];
  const sweepAt = (iso: string, requestId = `sweep-${iso}`) => {
    vi.setSystemTime(new Date(iso));
    return handler(scheduledEvent, { ...localContext(), functionName: 'commitments-reminders', awsRequestId: requestId, getRemainingTimeInMillis: () => 60_000 });
  };
  return { logs, sweepAt };
}
