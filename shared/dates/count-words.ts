/** Counts people spell out ("every five weeks", "in two days"): one list for every reader of counts. */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};

/** The words of COUNT_WORDS as a regular-expression alternation, to put beside a digits pattern. */
export const COUNT_WORD_PATTERN = Object.keys(COUNT_WORDS).join('|');

/** A count as matched by a pattern built on COUNT_WORD_PATTERN: a word or digits. */
export function readCount(text: string): number {
  return COUNT_WORDS[text] ?? Number(text);
}
