import type { BlockContext, Obj } from './blockContext.js';
import { str, textOf } from './blockContext.js';
import { h } from './dom.js';

/**
 * The choices of a select-like element — its options (or option groups), the workspace's people,
 * or its channels — and those it starts with; and a <select> of them.
 */

interface Choice {
  value: string;
  label: string;
}

/** The choices of a select: its options, the workspace's people, or its channels. */
export function choicesOf(el: Obj, ctx: BlockContext): { groups: { label: string | null; choices: Choice[] }[] } {
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
export function initialValues(el: Obj, ctx: BlockContext): string[] {
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

export function selectFor(el: Obj, ctx: BlockContext, required: boolean): HTMLSelectElement {
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
