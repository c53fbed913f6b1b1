import { get as emojiOf } from 'node-emoji';

/** Prints a Slack message for a terminal: blocks as lines, mrkdwn softened, buttons listed, emoji codes as emoji. */
export function blocksToText(message: { text?: string; blocks?: readonly object[] }): string {
  if (!message.blocks?.length) return emojify(message.text ?? '');
  const lines: string[] = [];
  for (const block of message.blocks as Record<string, unknown>[]) {
    const text = (block['text'] as { text?: string } | undefined)?.text;
    switch (block['type']) {
      case 'header':
        lines.push('', `== ${text} ==`);
        break;
      case 'section':
        if (text) lines.push(soften(text));
        for (const field of (block['fields'] as { text: string }[] | undefined) ?? []) lines.push(`  ${soften(field.text)}`);
        break;
      case 'context':
        lines.push(...((block['elements'] as { text?: string }[]) ?? []).map((e) => `  ${soften(e.text ?? '')}`));
        break;
      case 'divider':
        lines.push('  ' + '-'.repeat(60));
        break;
      case 'actions':
        lines.push(
          '  ' +
            ((block['elements'] as { text?: { text: string }; value?: string; options?: { text: { text: string } }[] }[]) ?? [])
              // An overflow menu shows its choices, each pressed by its own label.
              .map((e) => (e.options ? `[${e.options.map((o) => o.text.text).join(' | ')}]` : `[${e.text?.text ?? '?'}${e.value && /^[A-Z]+-\d+$/.test(e.value) ? ` ${e.value}` : ''}]`))
              .join(' '),
        );
        break;
    }
  }
  return lines.join('\n').trim();
}

/** Slack's names that node-emoji (GitHub's names) does not know, for the codes the bot sends. */
const SLACK_ONLY: Record<string, string> = {
  large_yellow_circle: '🟡',
  double_vertical_bar: '⏸️',
};

/** `:bell:` → 🔔, as Slack shows it; a code neither knows, or a time such as 09:00:00, stays as it is. */
function emojify(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (all, name: string) => SLACK_ONLY[name] ?? emojiOf(name) ?? all);
}

function soften(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/:[a-z0-9_+-]+:/g, (code) => emojify(code))
    .replace(/(^|\s)[*_]([^*_\n]+)[*_](?=\s|$|[.,:;)])/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
