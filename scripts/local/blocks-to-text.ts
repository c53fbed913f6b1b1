/** Prints a Slack message for a terminal: blocks as lines, mrkdwn softened, buttons listed. */
export function blocksToText(message: { text?: string; blocks?: readonly object[] }): string {
  if (!message.blocks?.length) return message.text ?? '';
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

const EMOJI: Record<string, string> = {
  red_circle: '!!',
  large_yellow_circle: '~',
  zzz: 'zz',
  white_check_mark: '✓',
  large_blue_circle: '●',
  white_circle: '○',
  double_vertical_bar: '‖',
  heavy_multiplication_x: '×',
  warning: '!',
  x: 'x',
  bust_in_silhouette: '•',
  calendar: '▸',
  memo: '✎',
  leftwards_arrow_with_hook: '↩',
  file_cabinet: '▤',
  alarm_clock: '⏰',
};

function soften(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/:([a-z_]+):/g, (all, name: string) => EMOJI[name] ?? all)
    .replace(/(^|\s)[*_]([^*_\n]+)[*_](?=\s|$|[.,:;)])/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
