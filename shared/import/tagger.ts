import winkNLP, { type ItemToken, type TokenItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A word of a sentence with its part of speech (Universal POS tags) and lemma. */
export interface Token {
  start: number;
  end: number;
  text: string;
  pos: string;
  lemma: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
/** The sentence tagged last: the extractor asks about one sentence many times in a row. */
let last: { text: string; tokens: Token[] } | undefined;

/**
 * The sentence's words tagged by wink-nlp's light English model (loaded on first use, so only an
 * import pays for it), with their offsets in `text`.
 */
export function tokensOf(text: string): Token[] {
  if (last?.text === text) return last.tokens;
  nlp ??= winkNLP(model, ['pos']);
  const its = nlp.its;
  // wink-nlp's own types give `its.lemma` another signature than `out` accepts; it works as a token helper.
  const lemma = its.lemma as unknown as TokenItsFunction<string>;
  const tokens: Token[] = [];
  let at = 0;
  nlp
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      const value = t.out(its.value);
      // The model keeps the text's own characters, but find each word rather than trust the spacing.
      const start = text.indexOf(value, at);
      if (start < 0) return;
      at = start + value.length;
      tokens.push({ start, end: at, text: value, pos: t.out(its.pos), lemma: t.out(lemma).toLowerCase() });
    });
  last = { text, tokens };
  return tokens;
}

/** The index of the first token that starts at or after `offset`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
