import type { BlockContext, Obj } from './blockContext.js';
import { str, textOf } from './blockContext.js';
import { choicesOf, initialValues, selectFor } from './choices.js';
import { h, uid } from './dom.js';
import type { Block, FormValue } from './types.js';

/**
 * Input blocks (in modals and App Home) as labelled form controls: text boxes, selects, date and
 * time pickers, radio buttons and checkboxes (multi-selects are drawn as checkboxes), each with
 * its hint. The form keeps their values until it is submitted (formValues).
 */

/** An input block: a labelled form control and its hint; the app's error is added by the modal. */
export function input(block: Block, ctx: BlockContext): HTMLElement {
  const blockId = block.block_id ?? '';
  const el = (block.element ?? {}) as Obj;
  const actionId = str(el.action_id);
  const id = uid('field');
  const hintId = `${id}-hint`;
  const label = textOf(block.label);
  const optional = block.optional === true;
  const describedBy = block.hint ? hintId : undefined;
  const control = formControl(el, ctx, { id, label, required: !optional, describedBy });
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
    { class: 'bk-input' },
    grouped ? null : h('label', { for: id }, label, optional ? h('span', { class: 'optional' }, ' (optional)') : null),
    control,
    block.hint ? h('p', { class: 'hint', id: hintId }, textOf(block.hint)) : null,
  );
}

interface ControlProps {
  id: string;
  label: string;
  required: boolean;
  describedBy?: string;
}

function formControl(el: Obj, ctx: BlockContext, props: ControlProps): HTMLElement {
  const common = {
    id: props.id,
    'aria-describedby': props.describedBy,
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
