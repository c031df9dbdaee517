import type { BlockContext, Obj } from './blockContext.js';
import { str, textOf } from './blockContext.js';
import { input } from './blockInputs.js';
import { selectFor } from './choices.js';
import { h } from './dom.js';
import { menuButton } from './menu.js';
import { type Directory, mrkdwn, plainText } from './richText.js';
import type { Block, FormValue } from './types.js';

/**
 * Block Kit, drawn the way Slack draws it: sections (text, fields, accessory), headers, context,
 * dividers, images, actions and, in modals and App Home, inputs (blockInputs.ts). Interactive
 * elements report what was used through `onAction`.
 */
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
