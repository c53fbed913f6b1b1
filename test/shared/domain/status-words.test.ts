import { describe, expect, it } from 'vitest';
import { STATUSES } from '#shared/domain/schemas';
import { readStatusWord } from '#shared/domain/status-words';
import { statusLabel } from '#shared/format/text';
import { translatorFor } from '#shared/i18n/translator';

/** Issue 26: status words are read in Japanese and Korean as well as English. */
describe('readStatusWord', () => {
  it.each([
    ['未着手', 'not-started'],
    ['進行中', 'in-progress'],
    ['完了', 'done'],
    ['停滞', 'stalled'],
    ['中止', 'dropped'],
    ['対応中', 'in-progress'],
    ['保留', 'stalled'],
    ['시작 전', 'not-started'],
    ['시작전', 'not-started'],
    ['진행 중', 'in-progress'],
    ['진행중', 'in-progress'],
    ['완료', 'done'],
    ['정체', 'stalled'],
    ['중단', 'dropped'],
    ['보류', 'stalled'],
    ['完了。', 'done'],
    ['완료.', 'done'],
    ['in progress', 'in-progress'],
    ['Done', 'done'],
    ['on_hold', 'stalled'],
  ] as const)('reads %s as %s', (word, status) => {
    expect(readStatusWord(word)).toBe(status);
  });

  it('reads each status in the words the Japanese and Korean catalogs show for it', async () => {
    for (const locale of ['ja', 'ko'] as const) {
      const t = await translatorFor(locale);
      expect(STATUSES.map((status) => readStatusWord(statusLabel(status, t)))).toEqual([...STATUSES]);
    }
  });

  it.each(['未完了', '完', '進行', '진행', '미완료', '중', '完了?', '완료했습니다', '終了予定', 'not', 'dones', '', '  '])('refuses the look-alike “%s”', (word) => {
    expect(readStatusWord(word)).toBeUndefined();
  });
});
