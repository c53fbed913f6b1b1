/**
 * Slack's limits on messages and views (Block Kit's reference), counted in characters as Slack
 * counts them (a CJK character is one), listed as breaches rather than asserted one at a time, so
 * a test shows every one at once. Issue 26 checks every rendering in each language against them.
 */

/** A message (fallback text and blocks) or a view (a modal or the Home tab). */
export interface Rendering {
  message?: { text?: unknown; blocks?: readonly unknown[] };
  view?: { type?: string; title?: { text: string }; submit?: { text: string }; close?: { text: string }; blocks: readonly unknown[]; private_metadata?: string; callback_id?: string };
}

type Obj = Record<string, unknown>;

const LIMIT = {
  messageBlocks: 50,
  viewBlocks: 100,
  fallbackText: 4000,
  header: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  options: 100,
  overflowOptions: 5,
  radioOrCheckboxOptions: 10,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  textInputValue: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  id: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  altText: 2000,
} as const;

const textOf = (value: unknown): string | undefined => (value && typeof value === 'object' ? ((value as Obj)['text'] as string | undefined) : undefined);

/** Every way `r` breaks one of Slack's limits, each as a short line naming where; none: []. */
export function slackLimitBreaches(r: Rendering): string[] {
  const breaches: string[] = [];
  const over = (where: string, text: unknown, max: number, min = 1) => {
    if (typeof text !== 'string') breaches.push(`${where}: no text`);
    else if (text.length > max) breaches.push(`${where}: ${text.length} characters, over ${max} (${text.slice(0, 40)}…)`);
    else if (text.length < min) breaches.push(`${where}: empty`);
  };
  const count = (where: string, list: unknown, max: number) => {
    if (Array.isArray(list) && list.length > max) breaches.push(`${where}: ${list.length}, over ${max}`);
  };

  const option = (where: string, o: Obj) => {
    over(`${where} text`, textOf(o['text']), LIMIT.optionText);
    if (o['description'] !== undefined) over(`${where} description`, textOf(o['description']), LIMIT.optionDescription);
    if (o['value'] !== undefined) over(`${where} value`, o['value'], LIMIT.optionValue);
  };

  const element = (where: string, el: Obj) => {
    if (typeof el['action_id'] === 'string') over(`${where} action_id`, el['action_id'], LIMIT.id);
    if (el['placeholder'] !== undefined) over(`${where} placeholder`, textOf(el['placeholder']), LIMIT.placeholder);
    const confirm = el['confirm'] as Obj | undefined;
    if (confirm) {
      over(`${where} confirm title`, textOf(confirm['title']), LIMIT.confirmTitle);
      over(`${where} confirm text`, textOf(confirm['text']), LIMIT.confirmText);
      over(`${where} confirm button`, textOf(confirm['confirm']), LIMIT.confirmButton);
      over(`${where} deny button`, textOf(confirm['deny']), LIMIT.confirmButton);
    }
    switch (el['type']) {
      case 'button':
        over(`${where} button text`, textOf(el['text']), LIMIT.buttonText);
        if (el['value'] !== undefined) over(`${where} button value`, el['value'], LIMIT.buttonValue);
        if (el['url'] !== undefined) over(`${where} url`, el['url'], LIMIT.url);
        break;
      case 'plain_text_input': {
        const max = Math.min(Number(el['max_length'] ?? LIMIT.textInputValue), LIMIT.textInputValue);
        if (el['initial_value'] !== undefined) over(`${where} initial value`, el['initial_value'], max, 0);
        break;
      }
      default: {
        const options = (el['options'] as Obj[] | undefined) ?? [];
        const groups = (el['option_groups'] as Obj[] | undefined) ?? [];
        const max = el['type'] === 'overflow' ? LIMIT.overflowOptions : el['type'] === 'radio_buttons' || el['type'] === 'checkboxes' ? LIMIT.radioOrCheckboxOptions : LIMIT.options;
        count(`${where} options`, options, max);
        options.forEach((o, i) => option(`${where} option ${i}`, o));
        groups.forEach((g, i) => {
          over(`${where} group ${i} label`, textOf(g['label']), LIMIT.optionText);
          ((g['options'] as Obj[] | undefined) ?? []).forEach((o, j) => option(`${where} group ${i} option ${j}`, o));
        });
        // What is preset must be among what is offered, or Slack refuses the view.
        const offered = new Set([...options, ...groups.flatMap((g) => (g['options'] as Obj[]) ?? [])].map((o) => o['value']));
        for (const preset of [...((el['initial_options'] as Obj[] | undefined) ?? []), ...(el['initial_option'] ? [el['initial_option'] as Obj] : [])]) {
          if (!offered.has(preset['value'])) breaches.push(`${where}: preset ${String(preset['value'])} not offered`);
        }
      }
    }
  };

  const block = (where: string, b: Obj) => {
    if (typeof b['block_id'] === 'string') over(`${where} block_id`, b['block_id'], LIMIT.id);
    switch (b['type']) {
      case 'header':
        over(`${where} header`, textOf(b['text']), LIMIT.header);
        break;
      case 'section': {
        if (b['text'] !== undefined || !b['fields']) over(`${where} section text`, textOf(b['text']), LIMIT.sectionText);
        const fields = (b['fields'] as Obj[] | undefined) ?? [];
        count(`${where} fields`, fields, LIMIT.fields);
        fields.forEach((f, i) => over(`${where} field ${i}`, f['text'], LIMIT.fieldText));
        if (b['accessory']) element(`${where} accessory`, b['accessory'] as Obj);
        break;
      }
      case 'context': {
        const elements = (b['elements'] as Obj[] | undefined) ?? [];
        if (elements.length === 0) breaches.push(`${where}: a context with no elements`);
        count(`${where} context elements`, elements, LIMIT.contextElements);
        elements.forEach((e, i) => (e['type'] === 'image' ? over(`${where} image alt`, e['alt_text'], LIMIT.altText) : over(`${where} context ${i}`, e['text'], LIMIT.contextText)));
        break;
      }
      case 'actions': {
        const elements = (b['elements'] as Obj[] | undefined) ?? [];
        if (elements.length === 0) breaches.push(`${where}: actions with no elements`);
        count(`${where} actions elements`, elements, LIMIT.actionsElements);
        elements.forEach((e, i) => element(`${where} element ${i}`, e));
        break;
      }
      case 'input':
        over(`${where} label`, textOf(b['label']), LIMIT.inputLabel);
        if (b['hint'] !== undefined) over(`${where} hint`, textOf(b['hint']), LIMIT.inputHint);
        element(`${where} input`, b['element'] as Obj);
        break;
      case 'image':
        over(`${where} image alt`, b['alt_text'], LIMIT.altText);
        break;
    }
  };

  if (r.message) {
    const blocks = (r.message.blocks ?? []) as Obj[];
    count('message blocks', blocks, LIMIT.messageBlocks);
    over('fallback text', r.message.text, LIMIT.fallbackText);
    blocks.forEach((b, i) => block(`block ${i} (${String(b['type'])})`, b));
  }
  if (r.view) {
    const v = r.view;
    count('view blocks', v.blocks, LIMIT.viewBlocks);
    if (v.type !== 'home') {
      over('modal title', v.title?.text, LIMIT.modalTitle);
      if (v.submit) over('modal submit', v.submit.text, LIMIT.modalButton);
      if (v.close) over('modal close', v.close.text, LIMIT.modalButton);
    }
    if (v.private_metadata !== undefined) over('private_metadata', v.private_metadata, LIMIT.privateMetadata, 0);
    if (v.callback_id !== undefined) over('callback_id', v.callback_id, LIMIT.id);
    (v.blocks as Obj[]).forEach((b, i) => block(`block ${i} (${String(b['type'])})`, b));
  }
  return breaches;
}
