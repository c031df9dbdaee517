import { elementState, type FormValue, type FormValues, optionsOf } from './viewState.js';

/**
 * The `actions` entry of a block_actions payload: what Slack reports when an element is used — a
 * button's text and value, or the option chosen, the date picked, the text entered.
 */

/** What the page sends with a click or a choice: the element, and what was chosen or typed. */
export interface ActionInput {
  blockId: string;
  actionId: string;
  value?: FormValue;
  /** The form's values, for an action inside a view (its state goes with the action). */
  values?: FormValues;
}

/** The action Slack reports for an element: a button's text and value, or what was chosen in it. */
export function actionOf(blocks: unknown, input: ActionInput): Record<string, unknown> | null {
  if (!Array.isArray(blocks)) return null;
  const block = (blocks as Record<string, unknown>[]).find((b) => b.block_id === input.blockId);
  if (!block) return null;
  const candidates = [block.element, block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])];
  const element = candidates.find(
    (e): e is Record<string, unknown> & { type: string } =>
      typeof e === 'object' && e !== null && (e as { action_id?: unknown }).action_id === input.actionId,
  );
  if (!element) return null;
  const ids = { action_id: input.actionId, block_id: input.blockId };
  if (element.type === 'button')
    return {
      type: 'button',
      ...ids,
      text: element.text,
      ...(element.value !== undefined ? { value: element.value } : {}),
      ...(element.style ? { style: element.style } : {}),
    };
  if (element.type === 'overflow') {
    const selected = optionsOf(element).find((o) => o.value === input.value);
    return selected ? { type: 'overflow', ...ids, selected_option: selected } : null;
  }
  const state = elementState(element, input.value ?? null);
  return state ? { ...state, ...ids } : null;
}
