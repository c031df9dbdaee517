import { h, uid } from './dom.js';
import { menuButton } from './menu.js';
import { type Directory, mrkdwn, plainText } from './richText.js';
import type { Block, FormValue } from './types.js';

/**
 * Block Kit, drawn the way Slack draws it: sections (text, fields, accessory), headers, context,
 * dividers, images, actions and, in modals and App Home, inputs. Interactive elements report what
 * was used through `onAction`; inputs keep their value in the form until it is submitted.
 */

export interface ActionUse {
  blockId: string;
  actionId: string;
  value?: FormValue;
}

export interface BlockContext extends Directory {
  surface: 'message' | 'modal' | 'home';
  onAction: (use: ActionUse) => void;
  /** Where the surface was opened from: conversations_select's default_to_current_conversation. */
  currentChannel: string | null;
  /** Field errors from the app (response_action: errors), by block_id. */
  errors?: Record<string, string>;
}

type Obj = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOf = (value: unknown): string => str((value as Obj | undefined)?.text);

export function renderBlocks(blocks: Block[], ctx: BlockContext): HTMLElement {
  return h(
    'div',
    { class: 'blocks' },
    blocks.map((block) => renderBlock(block, ctx)),
  );
}

/** A text object: mrkdwn is rendered, plain_text shown as written. */
export function textObject(value: unknown, ctx: Directory): HTMLElement {
  const object = (value ?? {}) as Obj;
  return object.type === 'mrkdwn' ? mrkdwn(str(object.text), ctx) : plainText(str(object.text));
}

function renderBlock(block: Block, ctx: BlockContext): HTMLElement {
  const blockId = block.block_id ?? '';
  switch (block.type) {
    case 'section': {
      const fields = Array.isArray(block.fields) ? (block.fields as Obj[]) : [];
      return h(
        'div',
        { class: 'bk-section' },
        h(
          'div',
          { class: 'bk-section-body' },
          block.text ? textObject(block.text, ctx) : null,
          fields.length > 0
            ? h(
                'div',
                { class: 'bk-fields' },
                fields.map((f) => textObject(f, ctx)),
              )
            : null,
        ),
        block.accessory ? h('div', { class: 'bk-accessory' }, element(block.accessory as Obj, blockId, ctx)) : null,
      );
    }
    case 'header':
      return h('h3', { class: 'bk-header' }, textOf(block.text));
    case 'divider':
      return h('hr', { class: 'bk-divider' });
    case 'context':
      return h(
        'div',
        { class: 'bk-context' },
        ((block.elements as Obj[] | undefined) ?? []).map((e) =>
          e.type === 'image' ? image(str(e.image_url), str(e.alt_text), 'bk-context-image') : textObject(e, ctx),
        ),
      );
    case 'image':
      return h(
        'figure',
        { class: 'bk-image' },
        block.title ? h('figcaption', {}, textOf(block.title)) : null,
        image(str(block.image_url), str(block.alt_text), ''),
      );
    case 'actions':
      return h(
        'div',
        { class: 'bk-actions' },
        ((block.elements as Obj[] | undefined) ?? []).map((e) => element(e, blockId, ctx)),
      );
    case 'input':
      return input(block, ctx);
    case 'rich_text':
      return h('div', { class: 'bk-rich' }, richTextPlain(block));
    default:
      return h('div', { class: 'bk-unsupported' }, `(a ${block.type} block, which the playground does not draw)`);
  }
}

/**
 * Images from the playground itself (files the app uploaded) are shown; one from elsewhere is not
 * fetched — the playground loads nothing from the internet — and its description stands in.
 */
function image(url: string, alt: string, className: string): HTMLElement {
  if (url.startsWith('/playground/')) return h('img', { src: url, alt, class: className, loading: 'lazy' });
  return h(
    'span',
    { class: `bk-image-placeholder ${className}`, role: 'img', 'aria-label': alt },
    `🖼 ${alt || 'image'}`,
  );
}

/** An interactive element in a message, App Home or a modal's actions: used at once, reported as an action. */
function element(el: Obj, blockId: string, ctx: BlockContext): HTMLElement | null {
  const actionId = str(el.action_id);
  const report = (value?: FormValue) => ctx.onAction({ blockId, actionId, ...(value !== undefined ? { value } : {}) });
  switch (el.type) {
    case 'button':
      return h(
        'button',
        {
          type: 'button',
          class: `bk-button ${str(el.style)}`,
          'aria-label': str(el.accessibility_label) || undefined,
          onclick: () => {
            if (!confirmed(el.confirm)) return;
            const url = str(el.url);
            if (/^https?:/i.test(url)) window.open(url, '_blank', 'noopener');
            report();
          },
        },
        textOf(el.text),
      );
    case 'overflow':
      return overflow(el, report);
    case 'static_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const select = selectFor(el, ctx, false);
      select.setAttribute('aria-label', textOf(el.placeholder) || 'Choose');
      select.addEventListener('change', () => {
        if (confirmed(el.confirm)) report(select.value);
      });
      return select;
    }
    case 'datepicker': {
      const picker = h('input', {
        type: 'date',
        value: str(el.initial_date),
        'aria-label': textOf(el.placeholder) || 'Date',
      });
      picker.addEventListener('change', () => report(picker.value));
      return picker;
    }
    case 'image':
      return image(str(el.image_url), str(el.alt_text), 'bk-accessory-image');
    default:
      return h('span', { class: 'bk-unsupported' }, `(${str(el.type)})`);
  }
}

/** Slack asks a button's confirm question before sending the action. */
function confirmed(confirm: unknown): boolean {
  if (!confirm) return true;
  const c = confirm as Obj;
  return window.confirm(`${textOf(c.title)}\n\n${textOf(c.text)}`);
}

function overflow(el: Obj, report: (value: FormValue) => void): HTMLElement {
  return menuButton({
    text: '⋯',
    label: 'More actions',
    buttonClass: 'bk-overflow',
    items: ((el.options as Obj[] | undefined) ?? []).map((option) => ({
      text: textOf(option.text),
      onSelect: () => report(str(option.value)),
    })),
  });
}

interface Choice {
  value: string;
  label: string;
}

/** The choices of a select: its options, the workspace's people, or its channels. */
function choicesOf(el: Obj, ctx: BlockContext): { groups: { label: string | null; choices: Choice[] }[] } {
  const type = str(el.type).replace(/^multi_/, '');
  if (type === 'users_select')
    return { groups: [{ label: null, choices: ctx.people.map((p) => ({ value: p.id, label: p.realName })) }] };
  if (type === 'conversations_select' || type === 'channels_select')
    return {
      groups: [
        {
          label: null,
          choices: ctx.channels
            .filter((c) => !c.dmWith && (type === 'conversations_select' || !c.isPrivate))
            .map((c) => ({ value: c.id, label: `${c.isPrivate ? '🔒' : '#'} ${c.name}` })),
        },
      ],
    };
  const options = (list: unknown) =>
    ((list as Obj[] | undefined) ?? []).map((o) => ({ value: str(o.value), label: textOf(o.text) }));
  if (Array.isArray(el.option_groups))
    return {
      groups: (el.option_groups as Obj[]).map((g) => ({ label: textOf(g.label), choices: options(g.options) })),
    };
  return { groups: [{ label: null, choices: options(el.options) }] };
}

/** What an element starts with, as values of its choices. */
function initialValues(el: Obj, ctx: BlockContext): string[] {
  const option = el.initial_option as Obj | undefined;
  if (option) return [str(option.value)];
  if (Array.isArray(el.initial_options)) return (el.initial_options as Obj[]).map((o) => str(o.value));
  if (Array.isArray(el.initial_users)) return el.initial_users as string[];
  if (Array.isArray(el.initial_conversations)) return el.initial_conversations as string[];
  if (Array.isArray(el.initial_channels)) return el.initial_channels as string[];
  const single = str(el.initial_user) || str(el.initial_conversation) || str(el.initial_channel);
  if (single) return [single];
  if (el.default_to_current_conversation === true && ctx.currentChannel) return [ctx.currentChannel];
  return [];
}

function selectFor(el: Obj, ctx: BlockContext, required: boolean): HTMLSelectElement {
  const initial = new Set(initialValues(el, ctx));
  const select = h('select', { required });
  // Without a first choice, Slack shows the placeholder and sends nothing.
  if (initial.size === 0) select.append(h('option', { value: '' }, textOf(el.placeholder) || 'Choose…'));
  for (const group of choicesOf(el, ctx).groups) {
    const options = group.choices.map((c) => h('option', { value: c.value, selected: initial.has(c.value) }, c.label));
    if (group.label) select.append(h('optgroup', { label: group.label }, options));
    else select.append(...options);
  }
  return select;
}

/** An input block: a labelled form control, its hint, and the app's error for it. */
function input(block: Block, ctx: BlockContext): HTMLElement {
  const blockId = block.block_id ?? '';
  const el = (block.element ?? {}) as Obj;
  const actionId = str(el.action_id);
  const id = uid('field');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = ctx.errors?.[blockId];
  const label = textOf(block.label);
  const optional = block.optional === true;
  const describedBy = [block.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const control = formControl(el, ctx, { id, label, required: !optional, describedBy, invalid: Boolean(error) });
  control.dataset.block = blockId;
  control.dataset.action = actionId;
  // dispatch_action: Enter (or a choice) is sent to the app at once, like a button.
  if (block.dispatch_action === true) {
    control.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key !== 'Enter' || e.shiftKey) return;
      e.preventDefault();
      ctx.onAction({ blockId, actionId, value: (control as HTMLInputElement).value });
    });
  }
  const grouped = control.tagName === 'FIELDSET';
  return h(
    'div',
    { class: `bk-input${error ? ' has-error' : ''}` },
    grouped ? null : h('label', { for: id }, label, optional ? h('span', { class: 'optional' }, ' (optional)') : null),
    control,
    block.hint ? h('p', { class: 'hint', id: hintId }, textOf(block.hint)) : null,
    error ? h('p', { class: 'field-error', id: errorId, role: 'alert' }, error) : null,
  );
}

interface ControlProps {
  id: string;
  label: string;
  required: boolean;
  describedBy?: string;
  invalid: boolean;
}

function formControl(el: Obj, ctx: BlockContext, props: ControlProps): HTMLElement {
  const common = {
    id: props.id,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid ? 'true' : undefined,
  };
  const placeholder = textOf(el.placeholder) || undefined;
  switch (el.type) {
    case 'plain_text_input': {
      const text = {
        ...common,
        required: props.required,
        placeholder,
        maxlength: typeof el.max_length === 'number' ? el.max_length : undefined,
        minlength: typeof el.min_length === 'number' ? el.min_length : undefined,
        'data-kind': 'text',
      };
      if (el.multiline === true) return h('textarea', { ...text, rows: 3 }, str(el.initial_value));
      return h('input', { ...text, type: 'text', value: str(el.initial_value) });
    }
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return h('input', {
        ...common,
        'data-kind': 'text',
        required: props.required,
        placeholder,
        type: el.type === 'email_text_input' ? 'email' : el.type === 'url_text_input' ? 'url' : 'number',
        step: el.is_decimal_allowed === true ? 'any' : undefined,
        min: str(el.min_value) || undefined,
        max: str(el.max_value) || undefined,
        value: str(el.initial_value),
      });
    case 'datepicker':
      return h('input', {
        ...common,
        'data-kind': 'text',
        type: 'date',
        required: props.required,
        value: str(el.initial_date),
      });
    case 'timepicker':
      return h('input', {
        ...common,
        'data-kind': 'text',
        type: 'time',
        required: props.required,
        value: str(el.initial_time),
      });
    case 'static_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const select = selectFor(el, ctx, props.required);
      for (const [name, value] of Object.entries(common)) if (value) select.setAttribute(name, value);
      select.dataset.kind = 'one';
      return select;
    }
    case 'radio_buttons':
      return choiceGroup(el, ctx, props, 'radio');
    case 'checkboxes':
    case 'multi_static_select':
    case 'multi_users_select':
    case 'multi_conversations_select':
    case 'multi_channels_select':
      return choiceGroup(el, ctx, props, 'checkbox');
    default:
      return h(
        'p',
        { ...common, class: 'bk-unsupported' },
        `(a ${str(el.type)} input, which the playground does not draw)`,
      );
  }
}

/** Radio buttons, checkboxes, and multi-selects (drawn as checkboxes): a fieldset whose legend is the label. */
function choiceGroup(el: Obj, ctx: BlockContext, props: ControlProps, kind: 'radio' | 'checkbox'): HTMLElement {
  const initial = new Set(initialValues(el, ctx));
  const name = `${props.id}-choice`;
  const choices = choicesOf(el, ctx).groups.flatMap((g) => g.choices);
  return h(
    'fieldset',
    {
      id: props.id,
      class: 'choices',
      'data-kind': kind === 'radio' ? 'one' : 'many',
      'aria-describedby': props.describedBy,
      'aria-invalid': props.invalid ? 'true' : undefined,
    },
    h('legend', {}, props.label),
    choices.map((choice, index) =>
      h(
        'label',
        { class: 'choice' },
        h('input', {
          type: kind,
          name,
          value: choice.value,
          checked: initial.has(choice.value),
          // One radio of a required group carries `required`: the browser then asks for a choice.
          required: kind === 'radio' && props.required && index === 0,
        }),
        ` ${choice.label}`,
      ),
    ),
  );
}

/** What the form's inputs hold, by block_id and action_id: what the page sends with a submission. */
export function formValues(root: HTMLElement): Record<string, Record<string, FormValue>> {
  const values: Record<string, Record<string, FormValue>> = {};
  for (const control of root.querySelectorAll<HTMLElement>('[data-action]')) {
    const { block = '', action = '', kind } = control.dataset;
    let value: FormValue;
    if (kind === 'many')
      value = [...control.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
    else if (control instanceof HTMLFieldSetElement)
      value = control.querySelector<HTMLInputElement>('input:checked')?.value ?? null;
    else value = (control as HTMLInputElement).value || null;
    values[block] = { ...values[block], [action]: value };
  }
  return values;
}

/** A rich_text block (what Slack's composer sends), reduced to its words. */
function richTextPlain(block: Block): string {
  const words: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Obj;
    if (typeof n.text === 'string') words.push(n.text);
    if (Array.isArray(n.elements)) n.elements.forEach(walk);
  };
  walk(block);
  return words.join('');
}
