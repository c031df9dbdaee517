/**
 * A view's `state.values` as Slack sends it with a submission or a block action: for every input
 * element, keyed by block_id then action_id, the value in the element type's own field
 * (`value`, `selected_option`, `selected_users`…). The page sends only strings (what the form
 * holds); options are looked up in the element so the app gets them whole, as from Slack.
 */

/** What the page's form holds for one element: text, one choice, or several. */
export type FormValue = string | string[] | null;
export type FormValues = Record<string, Record<string, FormValue>>;

type Element = Record<string, unknown> & { type: string; action_id?: string };
type Option = Record<string, unknown> & { value?: string };

/** The elements that keep state, with the block they sit in: inputs, actions and section accessories. */
export function stateElements(blocks: unknown): { blockId: string; element: Element }[] {
  if (!Array.isArray(blocks)) return [];
  const found: { blockId: string; element: Element }[] = [];
  for (const block of blocks as Record<string, unknown>[]) {
    const blockId = typeof block.block_id === 'string' ? block.block_id : '';
    const elements =
      block.type === 'input'
        ? [block.element]
        : block.type === 'actions'
          ? (block.elements as unknown[])
          : block.type === 'section'
            ? [block.accessory]
            : [];
    for (const element of elements ?? []) {
      if (typeof element === 'object' && element !== null && typeof (element as Element).action_id === 'string')
        found.push({ blockId, element: element as Element });
    }
  }
  return found;
}

export function optionsOf(element: Element): Option[] {
  const direct = Array.isArray(element.options) ? (element.options as Option[]) : [];
  const grouped = Array.isArray(element.option_groups)
    ? (element.option_groups as { options?: Option[] }[]).flatMap((g) => g.options ?? [])
    : [];
  return [...direct, ...grouped];
}

function one(value: FormValue): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === null || first === '' ? null : first;
}

function many(value: FormValue): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v !== '');
}

/** One element's state, or null for an element type that keeps none (a button). */
export function elementState(element: Element, value: FormValue): Record<string, unknown> | null {
  const type = element.type;
  const pick = (v: string | null) => (v === null ? null : (optionsOf(element).find((o) => o.value === v) ?? null));
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: one(value) };
    case 'datepicker':
      return { type, selected_date: one(value) };
    case 'timepicker':
      return { type, selected_time: one(value) };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: pick(one(value)) };
    case 'multi_static_select':
    case 'checkboxes':
      return {
        type,
        selected_options: many(value)
          .map(pick)
          .filter((o) => o !== null),
      };
    case 'users_select':
      return { type, selected_user: one(value) };
    case 'multi_users_select':
      return { type, selected_users: many(value) };
    case 'conversations_select':
      return { type, selected_conversation: one(value) };
    case 'multi_conversations_select':
      return { type, selected_conversations: many(value) };
    case 'channels_select':
      return { type, selected_channel: one(value) };
    case 'multi_channels_select':
      return { type, selected_channels: many(value) };
    default:
      return null;
  }
}

export function viewStateValues(blocks: unknown, submitted: FormValues): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const { blockId, element } of stateElements(blocks)) {
    const given = submitted[blockId]?.[element.action_id!];
    const state = elementState(element, given === undefined ? null : given);
    if (!state) continue;
    values[blockId] = { ...values[blockId], [element.action_id!]: state };
  }
  return values;
}
