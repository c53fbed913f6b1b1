import { blocksToText } from './blocks-to-text.ts';

/** A form (modal) as the bot opened it: the parts the terminal client reads. */
export interface FormView {
  id?: string;
  type?: string;
  callback_id?: string;
  private_metadata?: string;
  title?: { text: string };
  submit?: { text: string };
  blocks?: FormBlock[];
}

interface Choice {
  text: { text: string };
  value: string;
}

interface FormElement {
  type: string;
  action_id: string;
  initial_value?: string;
  initial_date?: string;
  initial_time?: string;
  initial_user?: string;
  initial_users?: string[];
  initial_option?: Choice;
  initial_options?: Choice[];
  options?: Choice[];
}

interface FormBlock {
  type: string;
  text?: { text: string };
  elements?: { text?: string }[];
  block_id?: string;
  label?: { text: string };
  optional?: boolean;
  element?: FormElement;
}

/** One input of a form: the key `--submit` takes for it, its label and kind. */
interface FormInput {
  key: string;
  blockId: string;
  label: string;
  optional: boolean;
  element: FormElement;
}

/** What a submitted form's inputs hold, as Slack sends them: block id → action id → value. */
export type FormValues = Record<string, Record<string, Record<string, unknown>>>;

/** A refusal to fill a form, in one line a person can act on. */
export class FormFillError extends Error {}

function inputsOf(view: FormView): FormInput[] {
  return (view.blocks ?? [])
    .filter((b): b is FormBlock & { block_id: string; element: FormElement } => b.type === 'input' && Boolean(b.block_id && b.element))
    .map((b) => ({ key: b.block_id, blockId: b.block_id, label: b.label?.text ?? b.block_id, optional: b.optional ?? false, element: b.element }));
}

/**
 * The form as lines, in its order: each input's key, label, what it takes and what it holds now;
 * the text between them (an import proposal's source sentence, a heading) as the bot wrote it.
 */
export function describeForm(view: FormView): string {
  const inputs = inputsOf(view);
  const lines = (view.blocks ?? []).flatMap((block) => {
    const input = inputs.find((i) => i.blockId === block.block_id && block.type === 'input');
    if (!input) return block.type === 'section' || block.type === 'context' ? blocksToText({ blocks: [block] }).split('\n').map((line) => `  ${line.trim()}`) : [];
    const choices = input.element.options?.map((o) => o.value).join('|');
    const now = describeInitial(input.element);
    return [`  ${input.key}=… ${input.label}${input.optional && !/optional/i.test(input.label) ? ' (optional)' : ''} [${kindOf(input.element)}${choices ? `: ${choices}` : ''}]${now ? ` now: ${now}` : ''}`];
  });
  const fill = inputs.length > 0 ? 'npm run slack -- --submit key=value …' : 'npm run slack -- --submit';
  return [...lines, `  ${view.submit?.text ?? 'Submit'} with: ${fill}`].join('\n');
}

function kindOf(element: FormElement): string {
  switch (element.type) {
    case 'plain_text_input':
      return 'text';
    case 'datepicker':
      return 'YYYY-MM-DD';
    case 'url_text_input':
      return 'an https link';
    case 'users_select':
      return 'a person: name or user id';
    case 'multi_users_select':
      return 'people, comma-separated';
    case 'checkboxes':
    case 'multi_static_select':
      return 'values, comma-separated';
    default:
      return 'one of';
  }
}

function describeInitial(element: FormElement): string {
  return (
    element.initial_value ??
    element.initial_date ??
    element.initial_time ??
    element.initial_user ??
    element.initial_option?.value ??
    [...(element.initial_users ?? []), ...(element.initial_options ?? []).map((o) => o.value)].join(',')
  );
}

/** Matches a key to an input by its id or its label, ignoring case and punctuation. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The form's values as Slack would send them on submit: each input as given in `pairs`
 * (`key=value`, the key an input's id or label), else as the form prefilled it.
 */
export function fillForm(view: FormView, pairs: readonly string[], people: { userId?: (text: string) => string } = {}): FormValues {
  const inputs = inputsOf(view);
  const given = new Map<FormInput, string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new FormFillError(`${pair}: give each field as key=value (keys: ${inputs.map((i) => i.key).join(', ') || 'none'}).`);
    const key = normalise(pair.slice(0, at));
    const input = inputs.find((i) => normalise(i.key) === key || normalise(i.element.action_id) === key || normalise(i.label) === key);
    if (!input) throw new FormFillError(`This form has no field ${pair.slice(0, at)}; its fields: ${inputs.map((i) => i.key).join(', ') || 'none'}.`);
    given.set(input, pair.slice(at + 1));
  }
  const values: FormValues = {};
  for (const input of inputs) {
    const text = given.get(input);
    const value = text === undefined ? initialValue(input.element) : valueOf(input, text, people.userId ?? ((t) => t));
    if (!input.optional && isEmpty(value)) throw new FormFillError(`${input.key} (${input.label}) is required: add ${input.key}=…`);
    values[input.blockId] = { [input.element.action_id]: { type: input.element.type, ...value } };
  }
  return values;
}

function isEmpty(value: Record<string, unknown>): boolean {
  return Object.values(value).every((v) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
}

function initialValue(element: FormElement): Record<string, unknown> {
  switch (element.type) {
    case 'datepicker':
      return { selected_date: element.initial_date ?? null };
    case 'timepicker':
      return { selected_time: element.initial_time ?? null };
    case 'users_select':
      return { selected_user: element.initial_user ?? null };
    case 'multi_users_select':
      return { selected_users: element.initial_users ?? [] };
    case 'static_select':
    case 'radio_buttons':
      return { selected_option: element.initial_option ?? null };
    case 'checkboxes':
    case 'multi_static_select':
      return { selected_options: element.initial_options ?? [] };
    default:
      return { value: element.initial_value ?? null };
  }
}

function valueOf(input: FormInput, text: string, userId: (text: string) => string): Record<string, unknown> {
  const list = () => text.split(',').map((s) => s.trim()).filter(Boolean);
  switch (input.element.type) {
    case 'datepicker':
      if (text && !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new FormFillError(`${input.key}=${text}: a date picker takes YYYY-MM-DD.`);
      return { selected_date: text || null };
    case 'timepicker':
      return { selected_time: text || null };
    case 'users_select':
      return { selected_user: text ? userId(text) : null };
    case 'multi_users_select':
      return { selected_users: list().map(userId) };
    case 'static_select':
    case 'radio_buttons':
      return { selected_option: text ? choose(input, text) : null };
    case 'checkboxes':
    case 'multi_static_select':
      return { selected_options: list().map((t) => choose(input, t)) };
    default:
      return { value: text };
  }
}

function choose(input: FormInput, text: string): Choice {
  const options = input.element.options ?? [];
  const choice = options.find((o) => o.value === text) ?? options.find((o) => normalise(o.text.text) === normalise(text));
  if (!choice) throw new FormFillError(`${input.key}=${text}: choose one of ${options.map((o) => o.value).join(', ')}.`);
  return choice;
}
